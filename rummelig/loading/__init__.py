"""Stage 1: read files strictly. Every value keeps its file and line."""
