"""A postal address: a library's `address`, and a partner's `contact.address` (contract §5.2,
§5.3). A partner may write its address as one line of text or in the same parts as a library;
the export to HSDS uses the parts directly when they are given."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Discriminator, Field, Tag

from rummelig.models.base import ADDRESS_PARTS_TAG, ADDRESS_TEXT_TAG, Entry
from rummelig.models.types import PostalCode, Text


class Address(Entry):
    street: Text = Field(title="Gade og nummer", examples=["Hack Kampmanns Plads 2"])
    postal_code: PostalCode = Field(title="Postnummer", description="4 cifre i anførselstegn", examples=["8000"])
    city: Text = Field(title="By", examples=["Aarhus C"])

    def one_line(self) -> str:
        return f"{self.street}, {self.postal_code} {self.city}"


def _which(value: Any) -> str:
    return ADDRESS_PARTS_TAG if isinstance(value, dict) else ADDRESS_TEXT_TAG


# One line of text ("Jægergårdsgade 1, 8000 Aarhus C") or the parts street/postal_code/city.
AddressField = Annotated[Annotated[Text, Tag(ADDRESS_TEXT_TAG)] | Annotated[Address, Tag(ADDRESS_PARTS_TAG)],
                         Discriminator(_which)]


def address_text(value: str | Address | None) -> str | None:
    """The address on one line, whichever form was written."""
    if value is None or isinstance(value, str):
        return value
    return value.one_line()
