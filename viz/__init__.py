"""Interactive network pages over the graph."""
