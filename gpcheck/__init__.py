"""gpcheck: self-assessment against the 12 good-practice criteria.

Kept free of imports so that `gpcheck --version` stays fast.
"""

__version__ = "0.1.0"
