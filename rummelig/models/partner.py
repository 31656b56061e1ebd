"""A partner: `partners/<municipality-slug>/<id>.yml` (contract §5.3)."""

from __future__ import annotations

from pydantic import Field, model_validator

from rummelig.models.base import Entry
from rummelig.models.types import (
    Email,
    Flag,
    IsoDate,
    LanguageCode,
    PartnerType,
    Phone,
    Slug,
    Text,
    Time,
    Url,
    Weekday,
    fail,
)


class PartnerContact(Entry):
    phone: Phone | None = Field(None, title="Telefon", examples=["70 201 201"])
    email: Email | None = Field(None, title="E-mail", examples=["kontakt@vaerestedet.dk"])
    url: Url | None = Field(None, title="Hjemmeside", examples=["https://www.aarhus.dk"])
    address: Text | None = Field(None, title="Adresse", examples=["Jægergårdsgade 1, 8000 Aarhus C"])

    @model_validator(mode="after")
    def _one_way_to_reach(self) -> PartnerContact:
        if not any((self.phone, self.email, self.url, self.address)):
            raise fail("er tom — skriv mindst én af phone, email, url eller address")
        return self


class OpeningWindow(Entry):
    days: list[Weekday] = Field(title="Dage", min_length=1, examples=[["mon", "tue", "wed", "thu", "fri"]])
    opens: Time = Field(title="Åbner", examples=["09:00"])
    closes: Time = Field(title="Lukker", examples=["15:00"])
    overnight: Flag = Field(False, title="Til næste dag",
                            description="true når tiden lukker efter midnat, fx 22:00-07:00")

    @model_validator(mode="after")
    def _closes_after_opens(self) -> OpeningWindow:
        if len(set(self.days)) != len(self.days):
            raise fail("nævner den samme dag flere gange — skriv hver dag én gang")
        if self.opens == "24:00":
            raise fail("åbner kl. 24:00 — skriv 00:00 i stedet")
        if self.overnight:
            if self.closes >= self.opens:
                raise fail("har overnight: true, men lukker ({closes}) ikke før den åbner ({opens}) — "
                           "fjern overnight, eller ret tiderne", opens=self.opens, closes=self.closes)
        elif self.closes <= self.opens:
            raise fail("lukker ({closes}) før eller samtidig med, at den åbner ({opens}) — ret tiderne, "
                       "eller skriv overnight: true hvis der er åbent hen over midnat",
                       opens=self.opens, closes=self.closes)
        return self


class Partner(Entry):
    name: Text = Field(title="Navn", examples=["Gadesygeplejerskerne i Aarhus"])
    type: PartnerType = Field(title="Type", description="Hvilken slags partner (se listen over typer)",
                              examples=["street-nurse"])
    description: Text = Field(title="Beskrivelse", description="1-3 sætninger om, hvad partneren gør")
    helps_with: list[Text] = Field(title="Hjælper med", min_length=1, examples=[["sår og småskader"]])
    when_to_contact: list[Text] = Field(title="Hvornår kontakter vi dem", min_length=1,
                                        examples=[["En gæst har tydelige sår og vil ikke på skadestuen."]])
    contact: PartnerContact = Field(title="Kontakt")
    opening_hours: list[OpeningWindow] = Field(default_factory=list, title="Åbningstider")
    opening_note: Text | None = Field(None, title="Bemærkning om åbningstider", examples=["Ring i forvejen."])
    languages: list[LanguageCode] = Field(default_factory=lambda: ["da"], title="Sprog",
                                          description="Sprogkoder efter ISO 639-1", examples=[["da", "en"]])
    libraries: list[Slug] | None = Field(None, title="Biblioteker",
                                         description="Biblioteker, der samarbejder med partneren "
                                                     "(standard: alle i kommunen)")
    last_verified: IsoDate = Field(title="Sidst kontrolleret", examples=["2026-11-20"])
    verified_by: Slug = Field(title="Kontrolleret af", description="Id på det bibliotek, der har kontrolleret",
                              examples=["dokk1"])
    example: Flag = Field(False, title="Eksempel",
                          description="true for eksempeldata: vises med 'eksempel — ikke verificeret'")
