"""Private helpers shared across footviz (no public API)."""
