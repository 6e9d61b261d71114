"""Facilitator outputs: workshop group view, rater consensus, before/after comparison and
the paper worksheet. Pure models (workshop, consensus, compare) plus their context (for
templates), view (terminal), render (files) and choose (interactive) modules."""
