"""Field types for the content models, each with a Danish error message.

A custom error's message is "problem — fix" without the key; `errors.py` puts the key
(as written in the file) in front: "'type' er 'shelterr' — brug en af: …".
"""

from __future__ import annotations

import json
import re
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WrapValidator
from pydantic_core import PydanticCustomError

from rummelig.dates import read_iso_date
from rummelig.models import reference
from rummelig.phones import parse_phone
from rummelig.slugs import SLUG, slugify
from rummelig.suggest import closest, did_you_mean

_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d|24:00")


def fail(message: str, **context: Any) -> PydanticCustomError:
    return PydanticCustomError("rummelig", message, context)


def _show(value: Any) -> str:
    if value is None:
        return "tom"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return "en liste" if isinstance(value, list) else "en samling af nøgler"
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _text(value: Any) -> str:
    """Lossless: a plain integer in YAML is kept as the digits that were written."""
    if type(value) is str and value.strip():  # the common case first: 37,000 texts a national check
        return value
    if isinstance(value, dict) and len(value) == 1:
        (key, inner), = value.items()
        if isinstance(inner, (str, int)) or inner is None:
            # "- Bemærk: ring først" is a text with a colon, which YAML reads as a key and its value.
            written = f"{key}: {inner}" if inner is not None else f"{key}:"
            raise fail("indeholder et kolon ('{key}:'), og et kolon betyder ellers, at en ny nøgle starter — "
                       "sæt hele teksten i anførselstegn: {quoted}", key=_show(key),
                       quoted=json.dumps(written, ensure_ascii=False))
    if isinstance(value, bool) or value is None or isinstance(value, (list, dict)):
        raise fail("skal være en tekst, men er {shown} — skriv teksten efter kolon; "
                   "brug anførselstegn, hvis den er true, false eller tom", shown=_show(value))
    if isinstance(value, int):
        return str(value)
    if not isinstance(value, str):
        raise fail("skal være en tekst — skriv teksten efter kolon")
    if not value.strip():
        raise fail("er tom — skriv en tekst, eller slet nøglen hvis den ikke er påkrævet")
    return value


Text = Annotated[str, BeforeValidator(_text)]


def _slug(value: Any) -> str:
    text = _text(value)
    if not SLUG.fullmatch(text):
        raise fail("er '{value}', som ikke er et gyldigt id — brug kun små bogstaver a-z, tal og bindestreg, "
                   "fx '{slug}'", value=_show(text), slug=slugify(text))
    return text


Slug = Annotated[str, BeforeValidator(_slug), Field(pattern=SLUG.pattern)]


def _iso_date(value: Any) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return _iso_date_text(value)
    raise fail("er '{value}', som ikke er en dato på formen ÅÅÅÅ-MM-DD — skriv fx 2026-11-20",
               value=_show(value))


def _iso_date_text(text: str) -> date:
    found = read_iso_date(text)  # kept per text (rummelig/dates.py)
    if isinstance(found, date):
        return found
    message, context = found
    raise fail(message, **context)


IsoDate = Annotated[date, BeforeValidator(_iso_date)]


def _time(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        raise fail("er {value}, ikke et klokkeslæt — skriv klokkeslæt i anførselstegn som \"HH:MM\", fx \"09:30\"",
                   value=value)
    if not isinstance(value, str) or not _TIME.fullmatch(value):
        raise fail("er '{value}', som ikke er et klokkeslæt — skriv \"HH:MM\" i anførselstegn, fx \"09:30\" "
                   "(00:00-23:59, eller 24:00 som lukketid)", value=_show(value))
    return value


Time = Annotated[str, BeforeValidator(_time), Field(pattern=_TIME.pattern)]


def _phone(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    text = _text(value)
    if parse_phone(text) is None:
        raise _phone_problem(text)
    return text


_PHONE_CHARS = re.compile(r"[0-9 +().\-\u00a0]+")


def _phone_problem(text: str) -> PydanticCustomError:
    """Why `text` is not a phone number, in the words a colleague would use: the count of
    digits, a Danish number that cannot start with 0 or 1, letters that belong elsewhere."""
    written = text.strip()
    shown = _show(text)
    if not _PHONE_CHARS.fullmatch(written):
        return fail("er '{value}', som indeholder andet end et telefonnummer — skriv kun nummeret, fx 70 20 12 01; "
                    "tider og bemærkninger kan stå i opening_note", value=shown)
    digits = re.sub(r"[^0-9]", "", written)
    international = written.startswith("+") or digits.startswith("00")
    prefix = "45" if written.startswith("+") else "0045"
    if international and not digits.startswith(prefix):
        return fail("er '{value}', som ikke er et gyldigt udenlandsk nummer — tjek landekoden og cifrene, "
                    "fx +46 8 123 456 78", value=shown)
    national = digits[len(prefix):] if international else digits
    if len(national) == 8 and national[0] == "1":
        return fail("er '{value}', men et dansk nummer med 8 cifre starter aldrig med 1 — tjek cifrene; kun korte "
                    "numre som 112 og 1813 starter med 1", value=shown)
    if len(national) == 8 and national[0] == "0":
        return fail("er '{value}', men et dansk nummer starter aldrig med 0 — tjek cifrene, fx 70 20 12 01",
                    value=shown)
    if len(national) == 8:
        return fail("er '{value}', som ikke er et dansk telefonnummer i brug — tjek cifrene, fx 70 20 12 01",
                    value=shown)
    return fail("er '{value}', som har {count} cifre — et dansk nummer har 8 cifre, fx 70 20 12 01, eller er et kort "
                "nummer som 112 eller 1813; et udenlandsk nummer starter med + og landekoden", value=shown,
                count=len(national))


Phone = Annotated[str, BeforeValidator(_phone)]


@lru_cache(maxsize=16384)  # a shared address (a municipality's mailbox) is checked once
def _email_ok(text: str) -> bool:
    # Imported at the first address, not with the models: its patterns take 25 ms to compile,
    # and a check after an edit to a playbook or a count of encounters reads no address (issue 18).
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(text, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


def _email(value: Any) -> str:
    text = _text(value)
    if not _email_ok(text):
        raise fail("er '{value}', som ikke er en gyldig e-mailadresse — skriv fx navn@kommune.dk",
                   value=_show(text)) from None
    return text


Email = Annotated[str, BeforeValidator(_email)]


def _url(value: Any) -> str:
    from urllib.parse import urlsplit

    text = _text(value)
    try:
        parts = urlsplit(text)
        # No user:password@ (hides the real host), no characters that could end a link or an
        # HTML attribute where the address is shown.
        ok = (parts.scheme in ("https", "http") and "." in (parts.hostname or "") and "@" not in parts.netloc
              and not re.search(r"[\s<>\"'`\\]", text))
    except ValueError:
        ok = False
    if not ok:
        raise fail("er '{value}', som ikke er en gyldig webadresse — skriv hele adressen med https://, "
                   "fx https://www.kk.dk", value=_show(text))
    return text


Url = Annotated[str, BeforeValidator(_url)]


def _postal_code(value: Any) -> str:
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
    if not isinstance(text, str) or not re.fullmatch(r"[0-9]{4}", text):
        raise fail("er '{value}', som ikke er et postnummer — skriv de 4 cifre i anførselstegn, fx \"8000\"",
                   value=_show(value))
    return text


PostalCode = Annotated[str, BeforeValidator(_postal_code), Field(pattern=r"^[0-9]{4}$")]


@lru_cache(maxsize=1024)  # pycountry's lookup is slow, and a corpus uses a handful of codes
def _language_known(code: str) -> bool:
    import pycountry  # at the first language code (issue 18: the models are imported on most checks)

    return pycountry.languages.get(alpha_2=code) is not None


def _language(value: Any) -> str:
    text = _text(value)
    if not re.fullmatch(r"[a-z]{2}", text) or not _language_known(text):
        raise fail("er '{value}', som ikke er en sprogkode — brug to bogstaver efter ISO 639-1, fx da, en, ar, pl",
                   value=_show(text))
    return text


LanguageCode = Annotated[str, BeforeValidator(_language), Field(pattern=r"^[a-z]{2}$")]


def _municipality(value: Any) -> str:
    text = _text(value)
    known = reference.municipalities()
    if text not in known:
        raise fail("er '{value}', som ikke er en kommune — brug kommunens id fra listen over de 98 kommuner, "
                   "fx koebenhavn, aarhus, aalborg{hint}", value=_show(text), hint=did_you_mean(text, known))
    return text


MunicipalitySlug = Annotated[str, BeforeValidator(_municipality)]


def choice(options: dict[str, str], danish: bool = False) -> Any:
    """A Literal of the option keys (so the JSON Schema has an enum), with a Danish error
    that lists the options and suggests the nearest one. With `danish`, the Danish words of
    `reference.aliases` are accepted too and stored as the key (contract §5.6); not for
    values that another program reads as written (a docs page's `hide`, read by Material)."""
    literal = Literal[tuple(options)]  # type: ignore[valid-type]  # built at run time from the keys
    words = reference.aliases(options) if danish else {}
    days = options is reference.WEEKDAYS
    also = f" (eller {', '.join(label[:3] for label in options.values())})" if days else ""

    def check(value: Any, handler: Any) -> Any:
        if isinstance(value, str):
            if value in options:
                return handler(value)
            key = words.get(reference.alias_form(value))
            if key is not None:
                return handler(key)
        if isinstance(value, (list, dict)):  # 'type: [drop-in-centre, shelter]': one value, not a list
            raise fail("er {shown}, men skal være én værdi — skriv kun én af: {allowed}{also}", shown=_show(value),
                       allowed=", ".join(options), also=also)
        raise fail("er '{value}' — brug en af: {allowed}{also}{hint}", value=_show(value),
                   allowed=", ".join(options), also=also, hint=_nearest(str(value), options, words))

    return Annotated[literal, WrapValidator(check)]


def _nearest(value: str, options: dict[str, str], words: dict[str, str]) -> str:
    """' (mente du …?)' from the keys and the Danish words alike: 'onsdg' → 'onsdag'."""
    form = reference.alias_form(value)
    match = closest(form, [*options, *words])
    if match is None:
        return ""
    if match in options:
        return f" (mente du '{match}'?)"
    spelled = [w for w in reference.danish_words(options)[words[match]] if reference.alias_form(w) == match]
    return f" (mente du '{spelled[0] if spelled else match}'?)"


if TYPE_CHECKING:  # the Literals are built from the option tables at run time; each value is a str
    PartnerType = str
    Status = str
    Approach = str
    StrategyKind = str
    Weekday = str
else:
    PartnerType = choice(reference.PARTNER_TYPES, danish=True)
    Status = choice(reference.STATUSES, danish=True)
    Approach = choice(reference.APPROACHES, danish=True)
    StrategyKind = choice(reference.STRATEGY_KINDS, danish=True)
    Weekday = choice(reference.WEEKDAYS, danish=True)


def _role(value: Any) -> str:
    """A role ("Leder af borgerservice"), never a person's name (contract: roles, never names)."""
    from rummelig.names import find_names

    text = _text(value)
    if find_names(text):
        raise fail("ser ud til at indeholde et navn — skriv en rolle i stedet, fx 'bibliotekets leder' eller "
                   "'koordinatoren for udsatte borgere'")
    return text


Role = Annotated[str, BeforeValidator(_role)]

STEP_MAX = 120
_PERSONAL_START = re.compile(r"(?:du|man|vi|jeg|personalet|medarbejderen)\b", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-ZÆØÅ]")


def _step(value: Any) -> str:
    """A first step: one short imperative sentence ("Ring 112, hvis …"), read in a second."""
    text = _text(value).strip()
    if "\n" in text:
        raise fail("fylder flere linjer — skriv skridtet på én linje")
    if len(text) > STEP_MAX:
        raise fail("er {length} tegn langt — skriv det kort, højst {max} tegn, så det kan læses på et øjeblik",
                   length=len(text), max=STEP_MAX)
    if _SENTENCE_BREAK.search(text):
        raise fail("er mere end én sætning — skriv ét skridt pr. punkt")
    if _PERSONAL_START.match(text):
        raise fail("starter med '{word}' — skriv skridtet som en opfordring, fx 'Ring 112, hvis …' eller "
                   "'Gå roligt hen og spørg, om alt er okay'", word=text.split()[0])
    if not text[0].isupper() and not text[0].isdigit():
        raise fail("skal starte med stort bogstav, fx 'Ring 112, hvis …'")
    return text


Step = Annotated[str, BeforeValidator(_step)]


def _positive_int(value: Any) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        raise fail("er '{value}' i anførselstegn, og så er det en tekst — skriv tallet uden anførselstegn, fx 12",
                   value=value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise fail("er '{value}', som ikke er et helt tal — skriv et helt tal uden anførselstegn, fx 12",
                   value=_show(value))
    if value < 1:
        raise fail("er {value} — tallet skal være 1 eller større", value=value)
    return value


PositiveInt = Annotated[int, BeforeValidator(_positive_int), Field(ge=1)]


def _flag(value: Any) -> bool:
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        raise fail("er '{value}' i anførselstegn, og så er det en tekst — skriv true eller false uden anførselstegn",
                   value=value)
    if not isinstance(value, bool):
        raise fail("er '{value}' — skriv true eller false", value=_show(value))
    return value


Flag = Annotated[bool, BeforeValidator(_flag)]
