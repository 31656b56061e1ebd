"""A partner: `partners/<area>/<id>.yml` (contract §5.3), where the area is a municipality slug,
a region (`region-<navn>`) or `hele-landet`."""

from __future__ import annotations

from pydantic import Field, model_validator

from rummelig.models.address import AddressField
from rummelig.models.base import Entry
from rummelig.models.provenance import approved_by_field, approved_on_field, check_approval, status_field
from rummelig.models.types import (
    Email,
    Flag,
    IsoDate,
    LanguageCode,
    PartnerType,
    Phone,
    Role,
    Slug,
    Status,
    Text,
    Time,
    Url,
    Weekday,
    fail,
)
from rummelig.phones import parse_phone

# The numbers of the akut box on every card and page (never repeated as a partner's row).
AKUT_NUMBERS = frozenset({"112", "114"})


class PartnerContact(Entry):
    # The example is deliberately no one's number: a Danish 8-digit number never starts with 1 (the
    # 1-series holds short numbers such as 112 and 1813 and operator codes: SDFI, "Den samlede danske
    # nummerplan"), and Denmark has no published range of fictional numbers (like Germany's "Drama
    # Numbers"). It shows the format, and a contributor who copies it is stopped by the check
    # ("starter aldrig med 1") instead of publishing a real line: the former example, 70 201 201,
    # was Livslinien's.
    phone: Phone | None = Field(None, title="Telefon", examples=["12 34 56 78"],
                                description="Partnerens eget nummer (eksemplet er ikke et rigtigt nummer)")
    email: Email | None = Field(None, title="E-mail", examples=["kontakt@vaerestedet.dk"])
    url: Url | None = Field(None, title="Hjemmeside", examples=["https://www.aarhus.dk"])
    address: AddressField | None = Field(
        None, title="Adresse",
        description="På én linje, eller med street, postal_code og city under hinanden som et biblioteks adresse",
        examples=["Jægergårdsgade 1, 8000 Aarhus C"])

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


class Source(Entry):
    """Where the entry's facts come from, when they were not checked with the partner itself."""

    name: Text = Field(title="Kilde", description="Hvor oplysningerne kommer fra",
                       examples=["Region Midtjyllands hjemmeside om lægevagten"])
    url: Url | None = Field(None, title="Kildens webadresse", examples=["https://www.rm.dk"])


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
    situations: list[Slug] | None = Field(
        None, title="Situationer",
        description="Id'er på de situationer (strategies/<id>.md), hvor partneren står i boksen 'Ring til'. "
                    "Uden listen står den ved alle situationer, der nævner dens type",
        min_length=1, examples=[["psykisk-krise"]])
    last_verified: IsoDate | None = Field(None, title="Sidst kontrolleret",
                                          description="Dagen, et bibliotek sidst tjekkede oplysningerne hos "
                                                      "partneren selv. Påkrævet, når status er godkendt",
                                          examples=["2026-11-30"])
    verified_by: Slug | None = Field(None, title="Kontrolleret af",
                                     description="Id på det bibliotek, der kontrollerede. Påkrævet sammen med "
                                                 "last_verified", examples=["dokk1"])
    source: Source | None = Field(None, title="Kilde",
                                  description="Hvor oplysningerne kommer fra, hvis de ikke er tjekket hos "
                                              "partneren selv")
    status: Status = status_field("et bibliotek, der samarbejder med partneren")
    approved_by: Role | None = approved_by_field()
    approved_on: IsoDate | None = approved_on_field()
    example: Flag = Field(False, title="Eksempel (forældet)",
                          description="Forældet: skriv status: eksempel. example: true betyder det samme",
                          json_schema_extra={"deprecated": True})

    @model_validator(mode="after")
    def _consistent(self) -> Partner:
        if self.example and "status" in self.model_fields_set and self.status != "eksempel":
            raise fail("er true, men status er {status} — slet example; status siger det hele",
                       status=self.status, at="example")
        if (self.last_verified is None) != (self.verified_by is None):
            present, missing = (("verified_by", "last_verified") if self.last_verified is None
                                else ("last_verified", "verified_by"))
            raise fail("står uden {missing} — skriv både last_verified (dagen) og verified_by (biblioteket, der "
                       "kontrollerede oplysningerne hos partneren), eller slet begge", missing=missing, at=present)
        if self.state == "godkendt" and self.last_verified is None:
            raise fail("er godkendt, men last_verified og verified_by mangler — skriv, hvornår og af hvilket "
                       "bibliotek oplysningerne blev kontrolleret hos partneren", at="status")
        check_approval(self.state, self.approved_by, self.approved_on)
        return self

    @property
    def state(self) -> str:
        """The editorial status; the old `example: true` means `eksempel`."""
        return "eksempel" if self.example else self.status

    @property
    def is_sample(self) -> bool:
        return self.state == "eksempel"

    @property
    def is_akut(self) -> bool:
        """112 or 114: shown in the akut box of every card and page, never as a partner's row."""
        phone = self.contact.phone
        if not phone:
            return False
        number = parse_phone(phone)
        digits = str(number.national_number) if number is not None else phone.replace(" ", "")
        return digits in AKUT_NUMBERS

    @property
    def phone_key(self) -> str | None:
        """The number as E.164 when it is a full number, to find two entries of one partner; None
        without a phone and for short numbers (112, 114, 1813 are shared by design)."""
        number = parse_phone(self.contact.phone) if self.contact.phone else None
        import phonenumbers  # only for a partner with a number (rummelig/phones.py: parse_phone)

        if number is None or len(phonenumbers.national_significant_number(number)) < 8:
            return None
        return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))

    def is_for(self, playbook_id: str) -> bool:
        """Whether the partner belongs in this playbook's "Ring til" box (by its `situations`;
        the box also asks for the partner's type)."""
        return self.situations is None or playbook_id in self.situations

    @property
    def is_verified(self) -> bool:
        """Checked with the partner itself by a library (not sample data)."""
        return not self.is_sample and self.last_verified is not None
