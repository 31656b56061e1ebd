"""A playbook's front matter: `strategies/<id>.md` (contract §5.1)."""

from __future__ import annotations

from pydantic import Field

from rummelig.models.base import Entry
from rummelig.models.types import IsoDate, PartnerType, PositiveInt, Slug, StrategyKind, Text


class Strategy(Entry):
    title: Text = Field(title="Titel", examples=["Et menneske sover på biblioteket"])
    kind: StrategyKind = Field(title="Slags", description="situation, approach, event eller principle",
                               examples=["situation"])
    summary: Text = Field(title="Resumé", description="Én sætning, der vises i lister og søgeresultater")
    tags: list[Text] = Field(title="Emner", min_length=1, examples=[["hjemløshed", "basale behov"]])
    keywords: list[Text] = Field(default_factory=list, title="Søgeord",
                                 description="Ord og synonymer, kolleger kunne finde på at søge på",
                                 examples=[["sover", "falder i søvn"]])
    partner_types: list[PartnerType] = Field(default_factory=list, title="Partnertyper, der kan hjælpe",
                                             examples=[["street-nurse", "outreach-worker"]])
    contributed_by: list[Slug] = Field(title="Bidraget af", min_length=1, description="Bibliotekers id",
                                       examples=[["vesterbro-bibliotek"]])
    owner: Slug = Field(title="Ansvarligt bibliotek", description="Biblioteket, der holder siden opdateret",
                        examples=["vesterbro-bibliotek"])
    last_reviewed: IsoDate = Field(title="Sidst gennemgået", examples=["2026-11-20"])
    review_every_months: PositiveInt = Field(12, title="Gennemgås hver (måneder)", examples=[12])
    onboarding: PositiveInt | None = Field(None, title="Plads i læsevejen for nye medarbejdere", examples=[3])
