"""Command-line wiring only: parse arguments, call a command, return its exit code."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rummelig import __version__


class _DanishParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's own messages are English
        self.print_usage(sys.stderr)
        print(f"rummelig: forkert brug ({message}) — se 'rummelig --help'", file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _DanishParser(prog="rummelig", description="Det rummelige bibliotek: kontrol og værktøjer til indholdet.")
    parser.add_argument("--version", action="version", version=f"rummelig {__version__}")
    parser.add_argument("--root", type=Path, default=Path("."), help="projektets rodmappe (standard: her)")
    commands = parser.add_subparsers(dest="command", metavar="kommando", parser_class=_DanishParser)
    commands.add_parser("check", help="kontrollér alt indhold og vis alle problemer")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if args.command == "check":
        from rummelig.commands import check

        return check.run(root)
    parser.print_help()
    return 2
