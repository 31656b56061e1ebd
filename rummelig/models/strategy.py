"""A playbook's front matter: `strategies/<id>.md` (contract §5.1)."""

from __future__ import annotations

from pydantic import Field, model_validator

from rummelig.models.base import Entry
from rummelig.models.provenance import approved_by_field, approved_on_field, check_approval, status_field
from rummelig.models.types import (
    IsoDate,
    PartnerType,
    PositiveInt,
    Role,
    Slug,
    Status,
    Step,
    StrategyKind,
    Text,
    fail,
)

FIRST_STEPS_MIN, FIRST_STEPS_MAX = 2, 5
REVIEW_MONTHS_MAX = 60  # five years: a playbook nobody looks at for longer is not kept current


class ReviewWith(Entry):
    """A review with people with lived experience ("tal med, ikke om"): a group, never a person."""

    group: Role = Field(title="Gruppe", description="Gruppen, I gennemgik siden med – aldrig en persons navn",
                        examples=["Brugerrådet på et værested i kommunen"])
    on: IsoDate = Field(title="Dato", description="Dagen for gennemgangen", examples=["2026-11-30"])
    note: Text | None = Field(None, title="Hvad kom der ud af det",
                              description="En eller to sætninger om, hvad I ændrede")


class Strategy(Entry):
    title: Text = Field(title="Titel", examples=["Et menneske sover på biblioteket"])
    kind: StrategyKind = Field(title="Slags",
                               description="situation, approach, event, principle eller template (skabelon)",
                               examples=["situation"])
    summary: Text = Field(title="Resumé", description="Én sætning, der vises i lister og søgeresultater")
    first_steps: list[Step] | None = Field(
        None, title="Gør dette nu", min_length=FIRST_STEPS_MIN, max_length=FIRST_STEPS_MAX,
        description=f"{FIRST_STEPS_MIN}-{FIRST_STEPS_MAX} korte opfordringer, der står øverst på siden og på "
                    "kontaktkortet – også hvornår man ringer 112. Kun i situationer",
        examples=[["Ring 112, hvis personen ikke kan vækkes.", "Gå roligt hen, og spørg, om alt er okay."]],
        json_schema_extra={"hint": "et første skridt som en kort opfordring"})
    tags: list[Text] = Field(title="Emner", min_length=1, examples=[["hjemløshed", "basale behov"]])
    keywords: list[Text] = Field(default_factory=list, title="Søgeord",
                                 description="Ord og synonymer, kolleger kunne finde på at søge på",
                                 examples=[["sover", "falder i søvn"]])
    partner_types: list[PartnerType] = Field(default_factory=list, title="Partnertyper, der kan hjælpe",
                                             examples=[["street-nurse", "outreach-worker"]])
    contributed_by: list[Slug] = Field(title="Bidraget af", min_length=1,
                                       description="Bibliotekers id, eller redaktionen",
                                       examples=[["dokk1"]])
    owner: Slug = Field(title="Ansvarlig", description="Biblioteket (id), der holder siden opdateret, eller "
                                                       "redaktionen for fælles indhold",
                        examples=["dokk1"])
    last_reviewed: IsoDate = Field(title="Sidst gennemgået", description="Dagen, siden sidst blev gennemgået",
                                   examples=["2026-11-30"])
    review_every_months: PositiveInt = Field(12, title="Gennemgås hver (måneder)", le=REVIEW_MONTHS_MAX,
                                             examples=[12])
    onboarding: PositiveInt | None = Field(None, title="Plads i læsevejen for nye medarbejdere", examples=[3])
    front_page: PositiveInt | None = Field(None, title="Plads på forsiden",
                                           description="Situationer, der står som store links under 'Står du i "
                                                       "en situation lige nu?' på forsiden (1 står først)",
                                           examples=[2])
    reviewed_with: list[ReviewWith] = Field(
        default_factory=list, title="Gennemgået med",
        description="Gennemgange med mennesker med egne erfaringer, fx et brugerråd – en gruppe, aldrig en person")
    status: Status = status_field("det ansvarlige bibliotek")
    approved_by: Role | None = approved_by_field()
    approved_on: IsoDate | None = approved_on_field()

    @model_validator(mode="after")
    def _consistent(self) -> Strategy:
        if self.first_steps is not None and self.kind != "situation":
            raise fail("bruges kun i situationer, men kind er {kind} — slet first_steps", kind=self.kind,
                       at="first_steps")
        check_approval(self.status, self.approved_by, self.approved_on)
        return self

    @property
    def is_sample(self) -> bool:
        return self.status == "eksempel"
