"""Command-line wiring only: each command module registers its arguments and runs.

A command module in `rummelig.commands` has `register(subparsers)` (adds its parser with
`set_defaults(run=…)`) and returns an exit code from that run function.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NoReturn

from rummelig import __version__
from rummelig.suggest import did_you_mean

# Add a module name here to add a command.
COMMANDS = ["check", "export", "materialize", "new", "links", "schema", "review", "encounters", "codeowners"]
# The commands that read the content: in a folder that is not a knowledge base they stop
# instead of reporting on nothing ("Alt i orden: 0 …").
READ_CONTENT = {"check", "export", "materialize", "links", "review", "encounters", "codeowners"}


class DanishFormatter(argparse.HelpFormatter):
    """argparse's help layout with a Danish 'brug:' instead of 'usage:'."""

    def add_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                  groups: Iterable[argparse._MutuallyExclusiveGroup], prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "brug: " if prefix is None else prefix)


# argparse's own messages (Python 3.11+), in Danish. Python ships no Danish catalogue for
# argparse and gettext's is process-wide, so the few messages a user can meet are translated
# here, by pattern, in `error`. Kept as text: `re` compiles (and caches) a pattern on its first use,
# so a command that meets no argparse error does not pay for compiling twelve (issue 18).
_MESSAGES: list[tuple[str, str, str]] = [
    (r"argument (?P<arg>[^:]+): invalid choice: '(?P<value>.*)' \(choose from (?P<choices>.*)\)",
     "'{value}' kan ikke bruges som {arg}{hint}", "skriv en af: {choices}"),
    (r"argument (?P<arg>[^:]+): invalid (?P<type>\S+) value: '(?P<value>.*)'",
     "'{value}' kan ikke bruges som {arg}", "se {help}"),
    (r"argument (?P<arg>[^:]+): expected one argument", "{arg} skal have en værdi efter sig", "se {help}"),
    (r"argument (?P<arg>[^:]+): expected at most one argument", "{arg} må højst have én værdi", "se {help}"),
    (r"argument (?P<arg>[^:]+): expected at least one argument", "{arg} skal have mindst én værdi", "se {help}"),
    (r"argument (?P<arg>[^:]+): expected (?P<n>\d+) arguments?", "{arg} skal have {n} værdier", "se {help}"),
    (r"argument (?P<arg>[^:]+): ignored explicit argument '(?P<value>.*)'", "{arg} tager ingen værdi ('{value}')",
     "skriv {arg} alene"),
    (r"argument (?P<arg>[^:]+): not allowed with argument (?P<other>.*)", "{arg} kan ikke bruges sammen med {other}",
     "brug kun den ene"),
    (r"the following arguments are required: (?P<args>.*)", "der mangler {args}", "se {help}"),
    (r"one of the arguments (?P<args>.*) is required", "der mangler en af {args}", "se {help}"),
    (r"unrecognized arguments: (?P<args>.*)", "'{args}' kendes ikke her", "se {help}"),
    (r"ambiguous option: (?P<option>\S+) could match (?P<matches>.*)", "{option} kan betyde flere ting ({matches})",
     "skriv hele navnet"),
]


def danish_message(message: str, prog: str) -> tuple[str, str]:
    """(problem, fix) in Danish for one of argparse's error messages."""
    help_hint = f"'{prog} --help'"
    for pattern, problem, fix in _MESSAGES:
        match = re.fullmatch(pattern, message)
        if match:
            found = match.groupdict()
            if "choices" in found:
                options = [c.strip().strip("'") for c in found["choices"].split(",")]
                found["choices"] = ", ".join(options)
                found["hint"] = did_you_mean(found["value"], options)
            return problem.format(**found), fix.format(help=help_hint, **found)
    return message, f"se {help_hint}"


class DanishParser(argparse.ArgumentParser):
    """An ArgumentParser that speaks Danish: help, usage, headings and errors."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", DanishFormatter)
        wants_help = kwargs.pop("add_help", True)
        super().__init__(*args, **{**kwargs, "add_help": False})
        self._positionals.title = "argumenter"
        self._optionals.title = "tilvalg"
        if wants_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help="vis denne hjælp, og afslut")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        problem, fix = danish_message(message, self.prog)
        print(f"{self.prog}: {problem} — {fix}", file=sys.stderr)
        raise SystemExit(2)


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The whole command line; with `argv` naming a command, only that command's arguments
    (each command module imports what it needs, and `rummelig check` should not pay for the
    others': issue 18). Help and errors are the same: without a command every one is there."""
    parser = DanishParser(prog="rummelig", description="Det rummelige bibliotek: kontrol og værktøjer til indholdet.")
    parser.add_argument("--version", action="version", version=f"rummelig {__version__}",
                        help="vis versionsnummeret, og afslut")
    parser.add_argument("--root", type=Path, default=None, metavar="mappe",
                        help="projektets rodmappe (standard: den mappe her eller over, der har projektets "
                             "indholdsmapper, som git finder sin)")
    commands = parser.add_subparsers(dest="command", metavar="kommando", parser_class=DanishParser)
    named = _command(argv) if argv is not None else None
    for name in COMMANDS if named is None else [named]:
        importlib.import_module(f"rummelig.commands.{name}").register(commands)
    return parser


def _command(argv: list[str]) -> str | None:
    """The command `argv` names, if it is one of ours and comes after nothing but --root and its
    value (anything else, such as --help, gets the whole command line)."""
    words = iter(argv)
    for word in words:
        if word == "--root":
            next(words, None)
        elif not word.startswith("--root="):
            return word if word in COMMANDS else None
    return None


def _main(argv: list[str] | None = None) -> int:
    parser = build_parser(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)
    run: Callable[[argparse.Namespace], int] | None = getattr(args, "run", None)
    if run is None:
        parser.print_help()
        return 2
    if args.root is None:  # not named: the project this folder is in, like git
        from rummelig.project_root import find_root, outside_any_project

        here = Path.cwd()
        args.root = find_root(here)
        if args.root is None:
            print(f"rummelig {args.command}: {outside_any_project(here)}", file=sys.stderr)
            return 2
    args.root = args.root.resolve()
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



def main(argv: list[str] | None = None) -> int:
    # A command runs once and exits: the cyclic garbage collector's passes over thousands of
    # loaded records cost 15 % of a check and free next to nothing (issue 18). Switched back on
    # afterwards, for a caller that goes on (the tests).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _main(argv)
    finally:
        if enabled:
            gc.enable()
