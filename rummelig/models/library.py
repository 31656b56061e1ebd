"""A library profile: `libraries/<id>.yml` (contract §5.2)."""

from __future__ import annotations

from pydantic import Field, model_validator

from rummelig.models.address import Address
from rummelig.models.base import Entry
from rummelig.models.provenance import approved_by_field, approved_on_field, check_approval, status_field
from rummelig.models.reference import CARD_MAX_ROWS  # one A4 page of rows (reference.py)
from rummelig.models.types import (
    Approach,
    Email,
    IsoDate,
    MunicipalitySlug,
    Phone,
    Role,
    Slug,
    Status,
    Text,
    Url,
)


class LibraryContact(Entry):
    phone: Phone | None = Field(None, title="Telefon", description="Bibliotekets nummer til samarbejdspartnere",
                                examples=["+45 89 40 92 00"])
    email: Email | None = Field(None, title="E-mail", description="En fælles postkasse, ikke en medarbejders egen",
                                examples=["udsatte@bibliotek.dk"])


class HouseRule(Entry):
    rule: Text = Field(title="Regel", description="Reglen, kort og venligt formuleret",
                       examples=["Alle er velkomne, og reglerne er de samme for alle."])
    why: Text = Field(title="Hvorfor", description="Hvorfor reglen findes",
                      examples=["Så alle kan bruge biblioteket trygt."])
    if_broken: Text = Field(title="Hvis reglen brydes", description="Hvad der sker, med en vej tilbage",
                            examples=["Vi siger det venligt og roligt, og du er velkommen igen."])


class Library(Entry):
    name: Text = Field(title="Navn", examples=["Dokk1 – Aarhus Bibliotekerne"])
    organisation: Text = Field(title="Organisation", examples=["Aarhus Bibliotekerne"])
    municipality: MunicipalitySlug = Field(title="Kommune", description="Kommunens id, fx aarhus",
                                           examples=["aarhus"])
    address: Address = Field(title="Adresse")
    url: Url = Field(title="Hjemmeside", examples=["https://www.aakb.dk"])
    approach: list[Approach] = Field(title="Arbejdsform", min_length=1,
                                     description="Hvordan biblioteket arbejder med udsatte borgere",
                                     examples=[["social-librarian", "co-created-events"]])
    approach_note: Text | None = Field(None, title="Om arbejdsformen",
                                       description="Et par sætninger om, hvordan I arbejder")
    contact_role: Role = Field(title="Kontaktperson (rolle)", description="En rolle, aldrig et navn",
                               examples=["Bibliotekets koordinator for udsatte borgere"])
    contact: LibraryContact | None = Field(None, title="Kontakt")
    contact_card: list[Slug] | None = Field(
        None, title="Kontaktkortets rækker",
        description="Id'erne på de partnere, der skal stå på kontaktkortet, i den rækkefølge I vil have dem "
                    f"(standard: én kontrolleret partner pr. type fra jeres kommune). Højst {CARD_MAX_ROWS}",
        max_length=CARD_MAX_ROWS, examples=[["gadesygeplejerskerne-i-aarhus", "laegevagten-region-midtjylland"]])
    house_rules: list[HouseRule] = Field(title="Husregler", min_length=1,
                                         description="De samme regler for alle: regel, hvorfor, og hvad der sker")
    last_reviewed: IsoDate = Field(title="Sidst gennemgået", description="Dagen, profilen sidst blev gennemgået",
                                   examples=["2026-11-30"])
    status: Status = status_field("biblioteket")
    approved_by: Role | None = approved_by_field()
    approved_on: IsoDate | None = approved_on_field()

    @model_validator(mode="after")
    def _approval(self) -> Library:
        check_approval(self.status, self.approved_by, self.approved_on)
        return self

    @property
    def is_sample(self) -> bool:
        return self.status == "eksempel"
