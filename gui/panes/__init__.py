"""The side-by-side source panes and what draws between and beside them."""
