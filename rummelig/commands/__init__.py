"""Stage 5: the commands behind the CLI. Plain functions that return an exit code."""
