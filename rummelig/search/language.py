"""Danish for the site search: words, stems, stop words, compounds and the words staff type.

Everything here runs at build time, and the browser repeats exactly the same steps on the
query (docs/assets/javascripts/search-worker.js): the same tokens (the pattern is shipped in
the index), the same Snowball stemmer (lunr-languages' copy, which Material ships; a browser
test checks that it agrees with this one on every word of the index), the same stop words and
the same compound splitting over the same vocabulary. No library splits Danish compounds or
maps colloquial words to the respectful terms our pages use, so those two are ours.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Protocol

import pycountry
import snowballstemmer
import yaml

from rummelig.search.frequency import EVERYDAY, zipf_words
from rummelig.wordlist import load_wordlist

# A token is a run of letters and digits ("borger.dk" → borger, dk; "§ 110" → 110; "dokk1").
TOKEN = r"[0-9a-zæøå]+"
_TOKEN = re.compile(TOKEN)
# Accents a Danish keyboard does not have, folded the way people type them.
_FOLD = str.maketrans({"é": "e", "è": "e", "ê": "e", "á": "a", "à": "a", "ä": "æ", "ö": "ø", "ü": "y",
                       "ó": "o", "í": "i", "ñ": "n", "ç": "c"})

# Words that never decide a ranking: the Snowball list (the one lunr's `da` filter uses), the
# question words staff start with, fillers ("kun", "lige", "virker") and numbers written as
# words ("to mænd", not a number anyone looks up); "lave" is Danish's light verb of making, as
# "gøre" ("laver jeg et merge request", "lave profil for vores filial"), its forms no topic (the
# adjective "lav" is "lavt", "lavere"); "tage" is the light verb of taking ("tage imod", "tager
# billeder", "tager ikke telefonen"), and as the key word of "taget for meget" it made every
# "tager" an overdose. A query made only of these is searched as typed.
STOP_WORDS = frozenset("""
og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om vi
min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her
alle vil blev kunne ind når være dog noget ville jo deres efter ned skulle denne end dette mit
også under have dig anden hende mine alt meget sit sine vor mod disse hvis din nogle hos blive
mange ad bliver hendes været thi jer sådan
hvordan hvorfor hvornår hvilken hvilket hvilke gør gøre gjorde kan betyder nogen hvem må
kun bare lige helt altså nok vel måske stadig igen lidt rigtig meget mere mest virker virke ret hele
ved omkring foran bag mellem gennem igennem hen henne inde oppe nede så fordi mens nærmeste
vores jeres andre andet hinanden tror synes forbi uden lave laver lavet tage tager tog taget haft
to tre fire fem seks syv otte ni ti
""".split())

# Question words: a page's keyword of stop words that starts with one is a question the page
# answers ("hvor kan jeg"; rummelig/search/index.py).
QUESTION_WORDS = frozenset("hvor hvem hvad hvordan hvorfor hvornår hvilken hvilket hvilke".split())

# Particles that change a verb's sense ("falde om", "smide ud", "flippe ud", "komme forbi": a
# visit, not the magazine Hus Forbi): stop words on their own, but kept in the word pairs the
# index and the query match as phrases ("hus forbi").
PARTICLES = frozenset("ud om op ind ned af hjem væk forbi".split())

# An age typed as a number ("15-årig", "en 16 årig", "14 år gammel") says who the query is about:
# a child or young person, or an older person. The number itself is on no page; the words for
# the age group are (search-worker.js: ages). Under 18 is a child in Danish law (Barnets Lov).
AGE_GROUPS = ((0, 17, ("barn", "børn", "ung", "unge", "mindreårig")), (65, 130, ("ældre",)))
AGE_WORDS = frozenset("årig årige år".split())   # "år" only with "gammel"/"gamle" after it (the worker)
AGE_WEIGHT = 0.8

MIN_PART = 3       # letters in each part of a compound
# Derivational endings that are also (rare) index words: "oplæring" is no compound of
# "oplær" and "ing", "tryghed" none of "tryg" and "hed". Nor is an inflection ending of three
# letters or more a head ("lænestolene" is no "lænestol" + "ene", "reolerne" no "reol" + "erne").
SUFFIXES = frozenset("ing ning inger ninger else elser hed heder skab isk iske lig lige ende som somt somme "
                     "agtig agtigt agtige mæssig mæssigt mæssige "
                     "ene erne ede ere ens ets enes ernes edes eres".split())
MIN_COMPOUND = 7   # letters in a word before we try to split it


_FOLDED = re.compile("[" + "".join(chr(c) for c in _FOLD) + "]")


# An ending after an apostrophe belongs to the word before it ("pc'erne", "sms'en", "112's"):
# it is no word of its own ("erne" matched "gennemgang-ern…" and counted in the query).
_APOSTROPHE_ENDING = re.compile("(?<=[0-9a-zæøå])['’´`][a-zæøå]+")


def normalise(text: str) -> str:
    """Lower case, accents folded, the old 'aa' spelling as 'å' (Aarhus = Århus), and an ending
    after an apostrophe dropped ("pc'erne" → pc)."""
    text = unicodedata.normalize("NFC", text).lower()
    if _FOLDED.search(text):  # str.translate is slow on long texts; most have no accent to fold
        text = text.translate(_FOLD)
    if "'" in text or "’" in text or "´" in text or "`" in text:
        text = _APOSTROPHE_ENDING.sub("", text)
    return text.replace("aa", "å")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(normalise(text))


class _Stemmer(Protocol):  # what we use of snowballstemmer's (untyped) stemmer
    def stemWord(self, word: str) -> str: ...


@cache
def _stemmer() -> _Stemmer:
    stemmer: _Stemmer = snowballstemmer.stemmer("danish")
    return stemmer


@cache  # the same few thousand words recur on every page (issue 8)
def stem(token: str) -> str:
    """Snowball's Danish stem of a token; numbers and words under 3 letters stay as they are."""
    if len(token) < 3 or token.isdigit():
        return token
    return _stemmer().stemWord(token)


def is_content(token: str) -> bool:
    return token not in STOP_WORDS and (len(token) > 1 or token.isdigit())


# Inflection endings. Snowball's Danish stemmer is light ("truer", "truet" and "truende" keep
# three stems), so words whose spelling differs only by one of these endings are one family,
# and a query word also finds the other members ("truet" → "truer", which has synonyms).
ENDINGS = ("erne", "ende", "ene", "ede", "ere", "er", "en", "et", "es", "e", "s", "t")


VOWELS = frozenset("aeiouyæøå")


def root(token: str) -> str:
    """The word without its inflection ending (at least 3 letters left): the family key.
    Danish drops an unstressed e before l, n or r when an ending follows ("cykel", "cyklen",
    "cykler"; "regel", "regler"; "middel", "midler"; "åben", "åbne"), so the root does too, and
    a double consonant before it becomes single, as in the inflected forms."""
    found = token
    for ending in ENDINGS:
        if len(token) - len(ending) >= MIN_PART and token.endswith(ending):
            found = token[: -len(ending)]
            break
    if len(found) >= 4 and found[-2] == "e" and found[-1] in "lnr" and found[-3] not in VOWELS:
        found = found[:-2] + found[-1]
        if found[-2] == found[-3]:
            found = found[:-3] + found[-2:]
    return found


def split_compound(token: str, known: set[str]) -> list[str] | None:
    """The stems of a compound's parts, when the word is two known words (with the linking
    -s- or -e- between them): "hændelsesrapport" → [hændels, rapport]. The longest known
    head wins; None when the word is not such a compound. A stop word is no first part: it is a
    prefix ("selvbetjent" is no "betjent", police; "forældre" no "ældre", "forside" no "side");
    a particle is, as Danish writes a particle verb's noun ("indbrud": ind + brud). The browser
    does the same."""
    if len(token) < MIN_COMPOUND or not token.isalpha():
        return None
    for cut in range(MIN_PART, len(token) - MIN_PART + 1):
        head = stem(token[cut:])
        if head not in known or len(token) - cut < MIN_PART or token[cut:] in SUFFIXES:
            continue
        modifier = token[:cut]
        for candidate in (modifier, modifier[:-1] if modifier[-1] in "se" else None):
            prefix = candidate in STOP_WORDS and candidate not in PARTICLES
            if candidate and len(candidate) >= MIN_PART and stem(candidate) in known and not prefix:
                return [stem(candidate), head]
    return None


# -- words staff type, mapped to the words our pages use --------------------------------------

@dataclass(frozen=True)
class Alias:
    """A word or phrase (as stems) and the words (tokens) a page about the same thing would use;
    the index resolves each target to its stem, or to its parts when only the parts are known."""

    phrase: tuple[str, ...]
    targets: tuple[str, ...]
    weight: float
    source: str
    written: bool = False   # phrase is one word as written, not its stem (false_friend)


def phrase_stems(text: str) -> tuple[str, ...]:
    """A phrase as stems, stop words kept ("smide ud", "reagerer ikke" keep their sense)."""
    return tuple(stem(t) for t in tokens(text))


def content_stems(text: str) -> tuple[str, ...]:
    return tuple(stem(t) for t in tokens(text) if is_content(t))


def content_tokens(text: str) -> tuple[str, ...]:
    return tuple(t for t in tokens(text) if is_content(t))


def pair_tokens(text: str) -> tuple[str, ...]:
    """The words of a phrase that the index pairs (content words as stems, particles as
    written): "falder om" → (fald, om); "ny medarbejder" → (ny, medarbejd)."""
    return tuple(stem(t) if is_content(t) else t for t in tokens(text) if is_content(t) or t in PARTICLES)


NEGATION = "ikke"


def key_token(text: str) -> tuple[str, ...]:
    """The word of a synonym that carries it: the last content word of a phrase ("falder i
    søvn" → søvn), so "falder" does not become a synonym. A phrase that says "ikke" has none: its
    word means the opposite alone ("vil ikke leve" is no "leve", "reagerer ikke" no "reagerer");
    the phrase itself still stands for the group."""
    if NEGATION in tokens(text):
        return ()
    found = content_tokens(text)
    return found[-1:]


SYNONYM_WEIGHT = 0.8      # a word from the same synonym group
RESPECTFUL_WEIGHT = 0.9   # a word we advise against → the respectful words the pages use
LANGUAGE_WEIGHT = 0.7     # "rumænsk" → the language group; "Polen" → the migrant group

# The respectful suggestions share words that say nothing about the topic ("menneske, der
# bruger stoffer", "menneske med et alkoholproblem"): they would match every page.
GENERIC = frozenset(stem(w) for w in ("menneske", "mennesker", "gæst", "gæster", "person", "bruger", "bruge",
                                      "problem", "problemer", "svært"))


@cache
def synonym_groups() -> tuple[tuple[str, ...], ...]:
    """rummelig/data/synonyms.yml: groups of words staff use for the same thing."""
    text = resources.files("rummelig.data").joinpath("synonyms.yml").read_text(encoding="utf-8")
    return tuple(tuple(str(m).lower() for m in group) for group in yaml.safe_load(text)["groups"])


def _group_with(word: str) -> tuple[str, ...]:
    return next((g for g in synonym_groups() if word in g), ())


def _names(domain: str, records: Iterable[Any]) -> set[str]:  # pycountry has no types
    """Danish names (one word, translated) from pycountry's ISO 639/3166 catalogues."""
    try:
        translate = gettext.translation(domain, pycountry.LOCALES_DIR, languages=["da"]).gettext
    except OSError:  # no Danish catalogue in this pycountry: no names, not an error
        return set()
    found = set()
    for record in records:
        danish = translate(record.name)
        if danish != record.name and len(tokens(danish)) == 1:
            found.add(danish.lower())
    return found


def false_friend(token: str, forms: Iterable[str]) -> bool:
    """Is the stem of a word we advise against another, much commoner everyday word? Snowball
    cuts "stodder" to "stod", the past of "stå": keyed by its stem, every "står" or "stod" in a
    query would stand for hjemløshed. Such a word is looked up as written (its forms are listed)."""
    s, forms = stem(token), set(forms)
    frequency = zipf_words()
    word = max((frequency.get(f, 0.0) for f in forms), default=0.0)   # the word itself, in its commonest form
    return s not in forms and frequency.get(s, 0.0) >= EVERYDAY and frequency.get(s, 0.0) - word >= FALSE_FRIEND_GAP


FALSE_FRIEND_GAP = 1.0   # Zipf units: the stem ten times commoner than the word in any of its forms


@cache
def aliases() -> tuple[Alias, ...]:
    """Every word or phrase the search maps to other words, from three sources kept as data:
    the synonym groups, the respectful-language list (each word we advise against maps to the
    suggestion's words, so it still finds the page) and the Danish names of languages and
    countries (a gæst "taler kun rumænsk" needs the page on language barriers)."""
    found: list[Alias] = []
    for group in synonym_groups():
        # each member's key word, and a member of two words as itself: the index has it as a
        # pair where a page writes it so ("ny medarbejder" is more than "medarbejder")
        words_ = tuple(dict.fromkeys([*(t for member in group for t in key_token(member)),
                                      *(member for member in group if len(pair_tokens(member)) == 2)]))
        for member in group:
            found.append(Alias(phrase_stems(member), words_, SYNONYM_WEIGHT, "synonyms.yml"))
    words, _ = load_wordlist()
    for term in words.terms:
        targets = [t for t in content_tokens(term.suggestion) if stem(t) not in GENERIC] \
            or list(content_tokens(term.suggestion))   # "gæst, der har det svært": all it has
        forms = (term.term, *term.forms)
        for form in forms:
            if not targets:
                continue
            written = tokens(form)
            if len(written) == 1 and false_friend(written[0], forms):
                found.append(Alias((written[0],), tuple(targets), RESPECTFUL_WEIGHT, "sprogbrug.yml", written=True))
            else:
                found.append(Alias(content_stems(form) or phrase_stems(form), tuple(targets), RESPECTFUL_WEIGHT,
                                   "sprogbrug.yml"))
    language_group = tuple(dict.fromkeys(t for m in _group_with("sprog") for t in key_token(m)))
    migrant_group = tuple(dict.fromkeys(t for m in _group_with("migrant") for t in key_token(m)))
    for name in sorted(_names("iso639-3", (lang for lang in pycountry.languages if hasattr(lang, "alpha_2")))):
        if name != "dansk":
            found.append(Alias(phrase_stems(name), language_group, LANGUAGE_WEIGHT, "pycountry"))
    for name in sorted(_names("iso3166-1", pycountry.countries)):
        if name != "danmark":
            found.append(Alias(phrase_stems(name), migrant_group, LANGUAGE_WEIGHT, "pycountry"))
    return tuple(a for a in found if a.phrase and a.targets)
