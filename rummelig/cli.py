"""Command-line wiring only: each command module registers its arguments and runs.

A command module in `rummelig.commands` has `register(subparsers)` (adds its parser with
`set_defaults(run=…)`) and returns an exit code from that run function.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

from rummelig import __version__

# Add a module name here to add a command.
COMMANDS = ["check", "export", "materialize", "new", "links", "schema", "review", "encounters", "codeowners"]
# The commands that read the content: in a folder that is not a knowledge base they stop
# instead of reporting on nothing ("Alt i orden: 0 …").
READ_CONTENT = {"check", "export", "materialize", "links", "review", "encounters", "codeowners"}


class DanishParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse's own messages are English
        self.print_usage(sys.stderr)
        print(f"rummelig: forkert brug ({message}) — se 'rummelig --help'", file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = DanishParser(prog="rummelig", description="Det rummelige bibliotek: kontrol og værktøjer til indholdet.")
    parser.add_argument("--version", action="version", version=f"rummelig {__version__}")
    parser.add_argument("--root", type=Path, default=Path("."), help="projektets rodmappe (standard: her)")
    commands = parser.add_subparsers(dest="command", metavar="kommando", parser_class=DanishParser)
    for name in COMMANDS:
        importlib.import_module(f"rummelig.commands.{name}").register(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    args.root = args.root.resolve()
    run: Callable[[argparse.Namespace], int] | None = getattr(args, "run", None)
    if run is None:
        parser.print_help()
        return 2
    if args.command in READ_CONTENT:
        from rummelig.pipeline import not_a_knowledge_base

        reason = not_a_knowledge_base(args.root)
        if reason:
            print(f"rummelig {args.command}: {reason}", file=sys.stderr)
            return 2
    try:
        return run(args)
    except BrokenPipeError:  # `rummelig check | head`: the reader left; stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        print("Afbrudt.", file=sys.stderr)
        return 130
