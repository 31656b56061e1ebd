"""A library profile: `libraries/<id>.yml` (contract §5.2)."""

from __future__ import annotations

from pydantic import Field

from rummelig.models.base import Entry
from rummelig.models.types import Approach, Email, IsoDate, MunicipalitySlug, Phone, PostalCode, Text, Url


class Address(Entry):
    street: Text = Field(title="Gade og nummer", examples=["Hack Kampmanns Plads 2"])
    postal_code: PostalCode = Field(title="Postnummer", description="4 cifre i anførselstegn", examples=["8000"])
    city: Text = Field(title="By", examples=["Aarhus C"])


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
    contact_role: Text = Field(title="Kontaktperson (rolle)", description="En rolle, aldrig et navn",
                               examples=["Bibliotekets koordinator for udsatte borgere"])
    contact: LibraryContact | None = Field(None, title="Kontakt")
    house_rules: list[HouseRule] = Field(title="Husregler", min_length=1,
                                         description="De samme regler for alle: regel, hvorfor, og hvad der sker")
    last_reviewed: IsoDate = Field(title="Sidst gennemgået", examples=["2026-11-20"])
