"""`rummelig new strategy|partner|library …`: write a new content file from its template."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from rummelig import addresses
from rummelig.commands import Subcommands
from rummelig.models.reference import (
    NATIONWIDE_SLUG,
    PARTNER_TYPES,
    PLACEHOLDER,
    STRATEGY_KINDS,
    areas,
    danish_words,
    from_alias,
    municipalities,
)
from rummelig.slugs import slugify
from rummelig.suggest import did_you_mean


class Refused(Exception):
    """A Danish message for the contributor; the command exits with 1."""


def _slug(value: str, what: str, kind: str = "") -> str:
    if value != slugify(value):
        raise Refused(f"'{value}' kan ikke bruges som {what} — brug kun små bogstaver a-z, tal og bindestreg, "
                      f"fx '{slugify(value)}'")
    taken = addresses.reserved(kind).get(value)
    if taken:
        raise Refused(f"id'et '{value}' er reserveret: siden ville få samme adresse som {taken} — vælg et andet id")
    return value


def _library(root: Path, library: str | None) -> str | None:
    if library is None:
        return None
    known = sorted(p.stem for p in (root / "libraries").glob("*.yml"))
    if library not in known:
        raise Refused(f"biblioteket '{library}' findes ikke{did_you_mean(library, known)} — brug id'et på en fil i "
                      "libraries/ (filnavnet uden .yml), eller opret biblioteket først med "
                      "'rummelig new library <id>'")
    return library


def _option(value: str, options: dict[str, str], what: str) -> str:
    """The key of an option given as its key or as its Danish word ('værested'); the file gets the key."""
    key = value if value in options else from_alias(options, value)
    if key is None:
        words = [*options, *(w for words in danish_words(options).values() for w in words)]
        raise Refused(f"{what} '{value}' findes ikke{did_you_mean(value, words)} — brug en af: {labelled(options)}")
    return key


def labelled(options: dict[str, str]) -> str:
    """'street-nurse (gadesygeplejerske), drop-in-centre (værested), …': each key with its Danish word."""
    return ", ".join(f"{key} ({label.lower()})" if label.lower() != key else key for key, label in options.items())


def plan(root: Path, kind: str, name: str, *, library: str | None = None, strategy_kind: str | None = None,
         partner_type: str | None = None, municipality: str | None = None, title: str | None = None
         ) -> tuple[str, dict[str, str | list[str]]]:
    """(relative path, known values) for a new file; raises Refused with a Danish message."""
    known: dict[str, str | list[str]] = {}
    library = _library(root, library)
    if kind == "partner":
        folder, sep, ident = name.partition("/")
        if not sep or not ident or "/" in ident:
            raise Refused(f"skriv partneren som <kommune>/<id>, fx 'aarhus/{slugify(name) or 'vaerestedet'}'")
        slugs = set(areas())
        if folder not in slugs:
            raise Refused(f"'{folder}' er ikke en kommune{did_you_mean(folder, slugs)} — brug kommunens id, fx "
                          f"aarhus, koebenhavn, aalborg, en region som region-midtjylland, eller {NATIONWIDE_SLUG} "
                          "for landsdækkende tilbud")
        rel = f"partners/{folder}/{_slug(ident, 'id')}.yml"
        if library:
            # The library says it checked the entry with the partner: it writes the day it did.
            known["verified_by"] = library
            known["last_verified"] = PLACEHOLDER
        if partner_type:
            known["type"] = _option(partner_type, PARTNER_TYPES, "typen")
    elif kind == "library":
        rel = f"libraries/{_slug(name, 'id', 'library')}.yml"
        if municipality:
            if municipality not in municipalities():
                raise Refused(f"'{municipality}' er ikke en kommune{did_you_mean(municipality, municipalities())} "
                              "— brug kommunens id, fx aarhus, koebenhavn, aalborg")
            known["municipality"] = municipality
    else:
        rel = f"strategies/{_slug(name, 'id', 'strategy')}.md"
        known["kind"] = _option(strategy_kind or "situation", STRATEGY_KINDS, "slagsen")
        if library:
            known["owner"] = library
            known["contributed_by"] = [library]
    if title:
        known["title" if kind == "strategy" else "name"] = title
    return rel, known


def run(root: Path, kind: str, name: str, out: TextIO = sys.stdout, err: TextIO = sys.stderr, **options: str) -> int:
    command = f"rummelig new {kind} {name}"
    try:
        rel, known = plan(root, kind, name, **options)
    except Refused as exc:
        print(f"rummelig new: {exc}", file=err)
        return 1
    path = root / rel
    if path.exists():
        print(f"rummelig new: {rel} findes allerede — vælg et andet id, eller ret den eksisterende fil", file=err)
        return 1
    from rummelig.scaffold import render_template  # the models: only when a file is made (cli.py imports every command)

    text = render_template(kind, rel, command=command, known=known)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    count = sum(1 for line in text.split("\n") if PLACEHOLDER in line and not line.lstrip().startswith("#"))
    print(f"Oprettet {rel}.", file=out)
    print(f"Åbn filen, og skriv jeres egen tekst de {count} steder, hvor der står {PLACEHOLDER}. "
          f"Kør så 'rummelig check' — den viser hver linje, der mangler.", file=out)
    return 0


def register(commands: Subcommands) -> None:
    parser = commands.add_parser("new", help="opret en ny strategi, partner eller et nyt bibliotek ud fra skabelonen",
                                 description="Opret en ny fil ud fra skabelonen. Alle nøgler står i filen med en "
                                             "forklaring; skriv jeres tekst der, hvor der står UDFYLD.")
    kinds = parser.add_subparsers(dest="kind", metavar="slags", required=True, parser_class=type(parser))
    strategy = kinds.add_parser("strategy", help="ny strategi: strategies/<id>.md")
    strategy.add_argument("name", metavar="id", help="fx sover-paa-biblioteket")
    strategy.add_argument("--kind", dest="strategy_kind", metavar="slags",
                          help=f"en af: {labelled(STRATEGY_KINDS)} (standard: situation)")
    strategy.add_argument("--title", metavar="titel", help="strategiens titel")
    strategy.add_argument("--library", metavar="bibliotek-id", help="jeres biblioteks id (owner og contributed_by)")
    partner = kinds.add_parser("partner", help="ny partner: partners/<kommune>/<id>.yml")
    partner.add_argument("name", metavar="kommune/id", help="fx aarhus/vaerestedet-i-mejlgade")
    partner.add_argument("--type", dest="partner_type", metavar="type",
                         help=f"en af: {labelled(PARTNER_TYPES)} — nøglen eller det danske ord")
    partner.add_argument("--title", metavar="navn", help="partnerens navn")
    partner.add_argument("--library", metavar="bibliotek-id", help="jeres biblioteks id (verified_by)")
    library = kinds.add_parser("library", help="nyt bibliotek: libraries/<id>.yml")
    library.add_argument("name", metavar="id", help="fx dokk1")
    library.add_argument("--municipality", metavar="kommune", help="kommunens id, fx aarhus")
    library.add_argument("--title", metavar="navn", help="bibliotekets navn")

    def dispatch(args: argparse.Namespace) -> int:
        options = {k: getattr(args, k) for k in ("library", "strategy_kind", "partner_type", "municipality", "title")
                   if getattr(args, k, None) is not None}
        return run(args.root, args.kind, args.name, **options)

    parser.set_defaults(run=dispatch)
