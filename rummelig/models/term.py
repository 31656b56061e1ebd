"""A term of the respectful-language word list (rummelig/data/sprogbrug.yml; rummelig/wordlist.py)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Term(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    term: str = Field(min_length=1)
    forms: list[str] = Field(default_factory=list)
    suggestion: str = Field(min_length=1)
    compounds: bool = False
    except_: list[str] = Field(default_factory=list, alias="except")
    why: str | None = None
