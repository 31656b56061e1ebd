"""Stage 5: the commands behind the CLI. Plain functions that return an exit code."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    import argparse

# What cli.py hands each command's `register(commands)`: the subparsers to add its parser to.
# A string, since argparse's class is generic only in the type stubs.
Subcommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
