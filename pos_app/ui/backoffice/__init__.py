"""The back office at the terminal: receiving, put-away, counts, adjustments, recalls and stock, for managers."""
