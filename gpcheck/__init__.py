"""gpcheck: self-assessment against the 12 good-practice criteria.

Kept free of imports so that `gpcheck --version` stays fast: `main` answers it before the
command-line framework is even imported.
"""

import sys

__version__ = "0.1.0"


def main() -> None:
    """The `gpcheck` console script."""
    if sys.argv[1:] == ["--version"]:
        print(f"gpcheck {__version__}")
        return
    from gpcheck.cli import main as run

    run()
