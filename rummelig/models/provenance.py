"""Honest provenance, shared by playbooks, library profiles and partners (contract
extension, issue 12): who wrote an entry and whether its library has approved it.

- `status: eksempel` — a sample written by the knowledge base's editors (`redaktionen`),
  not a library's own; pages say so, and HSDS never exports it as a real service;
- `status: udkast` — a library's draft, or real data nobody has confirmed yet (the default);
- `status: godkendt` — approved by the owning library: `approved_by` (a role, never a name)
  and `approved_on` (the day it was approved) are then required.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import Field

from rummelig.models.reference import DEFAULT_STATUS
from rummelig.models.types import fail

APPROVED = "godkendt"
SAMPLE = "eksempel"


# Any, as pydantic's own Field() is typed: the result stands as the class attribute's default.
def status_field(what: str) -> Any:
    return Field(DEFAULT_STATUS, title="Status",
                 description=f"eksempel (eksempel fra redaktionen), udkast (ikke godkendt endnu) eller godkendt "
                             f"(godkendt af {what}; så skal approved_by og approved_on også udfyldes)",
                 examples=["udkast"])


def approved_by_field() -> Any:
    return Field(None, title="Godkendt af (rolle)",
                 description="Rollen på den, der godkendte – aldrig et navn. Kun når status er godkendt",
                 examples=["Bibliotekets leder"])


def approved_on_field() -> Any:
    return Field(None, title="Godkendt den", description="Datoen for godkendelsen. Kun når status er godkendt",
                 examples=["2026-11-30"])


def check_approval(status: str, approved_by: str | None, approved_on: date | None) -> None:
    """Raise the model's Danish error when the approval fields do not match the status."""
    if status == APPROVED:
        missing = [key for key, value in (("approved_by", approved_by), ("approved_on", approved_on))
                   if value is None]
        if missing:
            raise fail("er godkendt, men {missing} mangler — skriv hvem (en rolle, aldrig et navn) og hvornår, "
                       "eller sæt status til udkast", missing=" og ".join(missing), at="status")
    elif approved_by is not None or approved_on is not None:
        raise fail("er {status}, men filen har approved_by eller approved_on — sæt status: godkendt, eller slet "
                   "approved_by og approved_on", status=status, at="status")
