"""The search index: scores computed at build time, split into small files the browser loads
only when a query needs them.

Why our own format (docs-dev/search.md has the measurements): the theme's lunr index is rebuilt
in the browser on every page load (4.5 s on the national corpus), and Pagefind cannot load its
index from `file://` (the offline copy) and has no synonyms, compound splitting or typo
tolerance. Here every (stem, document) score is computed once, in Python, with the same Danish
as the query side; the browser only looks stems up and adds scores.

Files, all JavaScript so that they load with `importScripts` in a worker and with a script tag
from `file://` (the iframe-worker shim), each calling `rummeligSearch.add(name, data)`:
  core.js     vocabulary (stem, document frequency, a word to show), aliases, stop words,
              the token pattern, shard counts, the situation playbooks (for a query with no hits)
  p<n>.js     postings of the n-th alphabetical range of stems: {stem: [gap, score, gap, score, ...]}
              where gap is the document's number minus the previous one's (the first: the number)
  d<n>.js     documents n·DOCS_PER_SHARD …: [location, title, teaser, subtitle, steps]
  w.js        everyday Danish words one edit from an index word (lexicon.py): no typos; loaded
              only for a query with a word the index does not know
"""

from __future__ import annotations

import bisect
import hashlib
import json
import math
import os
import re
import shutil
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rummelig import addresses
from rummelig.models.reference import areas
from rummelig.search.documents import ENTRY_PAGES, LISTINGS, Document, is_playbook, page_key
from rummelig.search.forms import key as family_key
from rummelig.search.forms import keys as form_keys
from rummelig.search.language import (
    AGE_GROUPS,
    AGE_WEIGHT,
    ENDINGS,
    GENERIC,
    MIN_COMPOUND,
    MIN_PART,
    PARTICLES,
    QUESTION_WORDS,
    STOP_WORDS,
    SUFFIXES,
    TOKEN,
    aliases,
    is_content,
    pair_tokens,
    phrase_stems,
    split_compound,
    stem,
    tokens,
)
from rummelig.search.lexicon import everyday_neighbours

FOLDER = "search/rummelig"

# How much a match in each field counts. A page whose title, keywords, summary or first steps
# have the word beats one that mentions it in passing: the body adds at most BODY_WEIGHT.
FIELD_WEIGHTS = {"title": 10.0, "keywords": 6.0, "summary": 4.0, "first_steps": 4.0, "tags": 3.0,
                 "headings": 3.0}
BODY_WEIGHT = 2.0
BODY_K, BODY_B = 1.2, 0.5      # BM25's saturation and length normalisation, body only
PART_FACTOR = 0.5              # a match on a compound's part ("rapport" in "hændelsesrapport")
OTHER_FIELDS = 0.25            # each further field with the word adds a quarter of its weight
OWN_NAME_PRIOR = 0.7           # documents.PRIOR_PAGE: a word of a page's own title (build)
SCALE = 10                     # scores are stored as integers: round(score × SCALE)

# Aim per postings file. A query needs about as many files at 24 KB as at 8 KB (its words and
# their aliases sit in different alphabetical ranges: 6 for the median query of queries.yml,
# 12 at the 90th percentile), so smaller files cut the bytes (and the parsing) of a first
# query by two thirds for ~2.5 KB more of postingStarts in core.js (docs-dev/performance.md).
POSTINGS_BYTES = 8_000
DOCS_PER_SHARD = 32


@dataclass
class Built:
    core: dict[str, object]                 # JSON: the vocabulary, document frequencies, aliases, …
    postings: list[dict[str, list[int]]]
    documents: list[list[object]]           # JSON: [location, title, teaser, subtitle, steps] each
    everyday: list[str] = field(default_factory=list)   # stems the typo step leaves alone (lexicon.py)


def shard_of(term: str, starts: list[str]) -> int:
    """The postings file of a stem: the last one whose first stem sorts before it. The browser
    compares strings the same way (by UTF-16 code unit; our stems are all in Unicode's basic
    plane, where that is the code point order Python uses)."""
    return max(0, bisect.bisect_right(starts, term) - 1)


# Two words in a row in a title, keyword, summary, first step or heading are also indexed as a
# pair ("nægt_gå" from "nægter at gå", "fald_om" from "falder om": a particle counts as a word
# here), so a query with the same two words in a row ranks the page that has them together
# above pages that have them apart (search-worker.js: phrases).
PAIR = "_"
PAIR_FIELDS = ("title", "keywords", "summary", "first_steps", "headings")


Tokens = dict[str, list[list[str]]]   # a document's fields, each text as its tokens


def _tokenise(docs: Sequence[Document]) -> tuple[list[Tokens], dict[str, str | None]]:
    """Every text of every document as tokens, once (tokenising is the costliest step of the
    build; repeated texts, such as a partner type's boilerplate, are tokenised once), and for
    every distinct token its stem, or None for a stop word."""
    seen: dict[str, list[str]] = {}
    words: dict[str, str | None] = {}
    found: list[Tokens] = []
    for doc in docs:
        fields: Tokens = {}
        for name, texts in doc.fields.items():
            lists = []
            for text in texts:
                listed = seen.get(text)
                if listed is None:
                    listed = seen[text] = tokens(text)
                    for token in listed:
                        if token not in words:
                            words[token] = stem(token) if is_content(token) else None
                lists.append(listed)
            fields[name] = lists
        found.append(fields)
    return found, words


def _field_counts(fields: Tokens, words: dict[str, str | None], splits: dict[str, list[str] | None]) \
        -> tuple[dict[str, Counter[str]], int]:
    counts: dict[str, Counter[str]] = {}
    body_length = 0
    for name, texts in fields.items():
        counter: Counter[str] = Counter()
        pairs = name in PAIR_FIELDS
        for listed in texts:
            # A keyword of stop words only that starts with a question word is a question the
            # page answers ("hvor kan jeg"):
            # its first two words are indexed as a pair, which the query matches as a word of
            # its own (search-worker.js: questions).
            if name == "keywords" and len(listed) >= 2 and listed[0] in QUESTION_WORDS \
                    and all(words[t] is None for t in listed):
                counter[listed[0] + PAIR + listed[1]] += 1
            previous = None          # (stem or particle, is a content word)
            for token in listed:
                current = words[token]
                content = current is not None
                if current is None:
                    if token not in PARTICLES:
                        continue
                    current = token
                else:
                    counter[current] += 1
                    if name == "body":
                        body_length += 1
                if pairs:
                    if previous and (content or previous[1]):
                        counter[previous[0] + PAIR + current] += 1
                    previous = (current, content)
                for part in splits.get(token) or ():
                    counter[part] += PART_FACTOR  # type: ignore[assignment]  # a half weight: Counter adds floats too
        counts[name] = counter
    return counts, body_length


KEYWORDS_WEIGHT = FIELD_WEIGHTS["keywords"]


def build(documents: Sequence[Document]) -> Built:
    docs = sorted(documents, key=lambda d: (-d.prior, d.location))
    tokenised, words = _tokenise(docs)
    surface: dict[str, Counter[str]] = defaultdict(Counter)   # stem → the words written for it
    for fields in tokenised:
        for texts in fields.values():
            for listed in texts:
                for token in listed:
                    term = words[token]
                    if term is not None:
                        surface[term][token] += 1
    known = {s for s in surface if len(s) >= MIN_PART and not s.isdigit()}
    splits = {token: split_compound(token, known) for token, term in words.items()
              if len(token) >= MIN_COMPOUND and (term is not None or token in PARTICLES)}
    per_doc = [_field_counts(fields, words, splits) for fields in tokenised]
    average_body = max(1.0, sum(length for _, length in per_doc) / max(1, len(per_doc)))

    df: Counter[str] = Counter()
    for counts, _ in per_doc:
        df.update({term for counter in counts.values() for term in counter})
    n = len(docs)
    idf = {term: math.log(1 + (n - count + 0.5) / (count + 0.5)) for term, count in df.items()}
    postings: dict[str, list[int]] = defaultdict(list)
    topical: set[str] = set()   # stems some page has in its title or keywords: what a page is about
    for index, (doc, (counts, body_length)) in enumerate(zip(docs, per_doc, strict=True)):
        norm = BODY_K * (1 - BODY_B + BODY_B * body_length / average_body)
        # per term: the best field's weight and the sum of all fields' weights; the best counts
        # whole, each further field a quarter (OTHER_FIELDS)
        best: dict[str, list[float]] = {}
        for name, weight in FIELD_WEIGHTS.items():
            for term, count in counts[name].items():
                value = weight * (count if count < 1 else 1.0)
                entry = best.get(term)
                if entry is None:
                    best[term] = [value, value]
                else:
                    entry[0] = max(entry[0], value)
                    entry[1] += value
        body = counts["body"]
        for term in body:
            if term not in best:
                best[term] = [0.0, 0.0]
        factor = doc.prior * SCALE
        # A page of a kind that rarely answers a question (a list of pages, a contributor's
        # guide) is penalised for what it repeats from other pages, not for its own name: a
        # word of its title counts with at least an ordinary page's prior ("gode møder" is the
        # overview's title, "sprogbrug" the guide's). A glossary word keeps its own prior: its
        # title is all it has, and "hvad betyder …" lifts it (search-worker.js).
        named = (factor if "#" in doc.location else max(doc.prior, OWN_NAME_PRIOR) * SCALE)
        title = counts["title"]
        for term, (top, total) in best.items():
            score = top + OTHER_FIELDS * (total - top)
            if top >= KEYWORDS_WEIGHT:
                topical.add(term)
            tf = body.get(term, 0)
            if tf:
                score += BODY_WEIGHT * tf / (tf + norm)
            value = round(score * idf[term] * (named if term in title else factor))
            if value > 0:
                postings[term] += [index, value]
    for values in postings.values():  # document numbers as gaps: shorter files
        for i in range(len(values) - 2, 0, -2):
            values[i] -= values[i - 2]

    stems = sorted(postings)                           # pairs too: they share their first word's file
    vocabulary = [t for t in stems if PAIR not in t]   # what the browser matches words against
    display = [surface[t].most_common(1)[0][0] if surface.get(t) else "" for t in vocabulary]
    # Postings files hold alphabetical ranges of stems, so the completions of a word being typed
    # ("overd…") and a word's inflection family are in one file; `starts` has each file's first stem.
    split_postings: list[dict[str, list[int]]] = [{}]
    starts = [stems[0] if stems else ""]
    size = 0
    for term in stems:
        cost = len(term) + 4 + 6 * len(postings[term]) // 2
        if size and size + cost > POSTINGS_BYTES:
            split_postings.append({})
            starts.append(term)
            size = 0
        split_postings[-1][term] = postings[term]
        size += cost

    # Inflection families: the words whose spelling differs only by an ending ("truer", "truet",
    # "truende"), and the irregular forms of the same word ("drak", "drukket" → drikke).
    families: dict[str, set[str]] = defaultdict(set)
    for term, written in surface.items():
        if term in postings and not term.isdigit():
            for word in written:
                families[family_key(word)].add(term)
    irregular = {form: key for form, key in form_keys().items() if key in families}
    in_vocabulary = set(vocabulary)
    alias_table: dict[str, dict[str, float]] = defaultdict(dict)
    written_table: dict[str, dict[str, float]] = defaultdict(dict)   # language.false_friend
    for alias in aliases():
        if alias.written:
            for target, factor in (r for word in alias.targets for r in _resolve(word, in_vocabulary, df)):
                written_table[alias.phrase[0]][target] = max(written_table[alias.phrase[0]].get(target, 0.0),
                                                             round(alias.weight * factor, 2))
            continue
        key = " ".join(alias.phrase)
        for word in alias.targets:
            if " " in word:   # a phrase of two words: the pair, where some page writes it so
                pair = PAIR.join(pair_tokens(word))
                if pair in postings and key != " ".join(phrase_stems(word)):
                    alias_table[key][pair] = max(alias_table[key].get(pair, 0.0), alias.weight)
                continue
            for target, factor in _resolve(word, in_vocabulary, df):
                weight = round(alias.weight * factor, 2)
                alias_table[key][target] = max(alias_table[key].get(target, 0.0), weight)
    core = {
        "documents": n,
        "documentsPerShard": DOCS_PER_SHARD,
        "postingStarts": starts,
        "token": TOKEN,
        "stopWords": sorted(STOP_WORDS),
        "minPart": MIN_PART,
        "minCompound": MIN_COMPOUND,
        "suffixes": sorted(SUFFIXES),
        "terms": vocabulary,
        "df": [df[t] for t in vocabulary],
        "topical": "".join("1" if t in topical else "0" for t in vocabulary),
        "display": ["" if d == t else d for d, t in zip(display, vocabulary, strict=True)],
        "pair": PAIR,
        "particles": sorted(PARTICLES),
        "aliases": {k: sorted(v.items()) for k, v in sorted(alias_table.items()) if v},
        # words we advise against whose stem is another everyday word ("stodder" → stod): looked
        # up as written, not by stem
        "written": {k: sorted(v.items()) for k, v in sorted(written_table.items()) if v},
        "endings": list(ENDINGS),
        "families": {r: sorted(f) for r, f in sorted(families.items())
                     if len(f) > 1 or r in irregular.values()},
        "forms": dict(sorted(irregular.items())),
        # a word of the lists is no place: "høj" (of Høje-Taastrup) is high, "brand" (of
        # Ikast-Brande) stays a word where a list has it
        "places": sorted((_place_stems() & in_vocabulary) - set(alias_table)),
        # the regions' names as the pages write them ("hovedstaden"): "region h", "region midt"
        # is the region whose name begins so (search-worker.js)
        "regions": sorted(w for w in _region_words() if stem(w) in in_vocabulary),
        "entries": _runs(i for i, d in enumerate(docs) if _in_partners(d.location) and "#" in d.location),
        # entries that serve one municipality or region, and how many such areas the index has:
        # a query that names no place leads to them less (search-worker.js)
        "local": _runs(i for i, d in enumerate(docs) if _local_area(d.location)),
        "localAreas": len({_local_area(d.location) for d in docs} - {None}),
        "glossary": [i for i, d in enumerate(docs) if "#" in d.location and page_key(d.location) in ENTRY_PAGES],
        # the pages that list all of a kind (playbooks, partners, libraries, good encounters): a
        # query for an overview ("oversigt over …", "alle bibliotekerne") asks for them
        "listings": [i for i, d in enumerate(docs)
                     if page_key(d.location) in LISTINGS and page_key(d.location) and "#" not in d.location],
        # the pages with counts of good encounters (the overview, a library's counts and its
        # summary): a question for a count ("hvor mange …", "statistik") asks for them
        "counts": [i for i, d in enumerate(docs) if _counts(d.location)],
        # the libraries' house rules: a question whether something is allowed at a library asks
        # for them ("må man have hund med på vesterbro bibliotek")
        "rules": [i for i, d in enumerate(docs) if "#" not in d.location and _house_rules(d.location)],
        # the contributor's guides: a question about editing the site itself asks for them
        "contributing": [i for i, d in enumerate(docs)
                         if page_key(d.location).startswith(addresses.CONTRIBUTING + "/")],
        # the guide to respectful language: a question which words to write ("ord vi ikke må
        # skrive", "hvorfor ikke skrive de hjemløse") asks for it (search-worker.js: WORDING)
        "wording": [i for i, d in enumerate(docs) if page_key(d.location) == addresses.url(addresses.wordlist())],
        # the page about the project: "hvem står bag", "hvem har skrevet indholdet" ask for it
        "about": [i for i, d in enumerate(docs) if page_key(d.location) == addresses.url(addresses.about())],
        "situations": [i for i, d in enumerate(docs) if is_playbook(d.location) and d.kind == "situation"],
        # the templates (forms, letters, notes to print): a query for a form ("formular til
        # episoden", "seddel til dem der lukker") asks for them (search-worker.js: FORM)
        "templates": [i for i, d in enumerate(docs) if is_playbook(d.location) and d.kind == "template"],
        # the how-to pages ("Sådan registrerer I gode møder", "Sådan bidrager du"): "hvordan …"
        # asks how, and "sådan …" is how Danish titles the answer (search-worker.js: HOW)
        "howto": [i for i, d in enumerate(docs) if "#" not in d.location and HOWTO.match(d.title)],
        # the questions pages answer, as pairs of stop words ("hvor_kan"), with their document
        # frequencies: the query matches them as words (they are not in the vocabulary)
        "questions": {term: df[term] for term in stems
                      if PAIR in term and term.split(PAIR)[0] in QUESTION_WORDS},
        # an age typed as a number: [youngest, oldest, [[stem, weight], …]] (language.AGE_GROUPS)
        "ages": [[low, high, sorted({t: round(AGE_WEIGHT * f, 2) for w in words
                                     for t, f in _resolve(w, in_vocabulary, df)}.items())]
                 for low, high, words in AGE_GROUPS],
    }
    documents_out: list[list[object]] = [[d.location, d.title, d.teaser, d.subtitle, d.steps] for d in docs]
    return Built(core, split_postings, documents_out, everyday_neighbours(vocabulary))


def _runs(numbers: Iterable[int]) -> list[list[int]]:
    """Ascending numbers as [first, last] runs: the entries sort together (one prior), so a
    national index's ~2,000 entries are a few runs, not 10 KB of numbers in core.js."""
    found: list[list[int]] = []
    for number in numbers:
        if found and found[-1][1] == number - 1:
            found[-1][1] = number
        else:
            found.append([number, number])
    return found


def _local_area(location: str) -> str | None:
    """The municipality or region a partner's entry serves; None for a nationwide entry or a page."""
    if not _in_partners(location) or "#" not in location:
        return None
    area = areas().get(page_key(location)[len(addresses.PARTNERS) + 1:].strip("/"))
    return area.slug if area and area.scope != "nationwide" else None


def _counts(location: str) -> bool:
    """A page of counts of good encounters: the overview, a library's counts or its summary (not
    the guide, a tally sheet or the week's entry, which say how to count)."""
    key = page_key(location)
    if "#" in location or not key.startswith(addresses.ENCOUNTERS + "/"):
        return False
    parts = key.strip("/").split("/")
    guide = addresses.url(addresses.encounters_guide())
    return len(parts) == 1 or (len(parts) == 2 and key != guide) or (len(parts) == 3 and parts[2] == "opsummering")


def _house_rules(location: str) -> bool:
    """A library's house-rules page (addresses.house_rules, whatever the library)."""
    head, _, tail = addresses.url(addresses.house_rules("\0")).partition("\0")
    key = page_key(location)
    return key.startswith(head) and key.endswith(tail) and "/" not in key[len(head):-len(tail) or None]


def _region_words() -> set[str]:
    """The words of the regions' names that say which region ("hovedstaden", "sjælland")."""
    return {t for area in areas().values() if area.scope == "region"
            for t in tokens(area.name) if is_content(t) and t != "region"}


def _in_partners(location: str) -> bool:
    return location.startswith(addresses.PARTNERS + "/")


def _place_stems() -> set[str]:
    """The stems of the municipalities' and regions' names ("region" itself is no place)."""
    found = {stem(t) for area in areas().values() if area.scope != "nationwide"
             for t in tokens(area.name) if is_content(t)}
    return found - {stem("region")}


HEAD_FACTOR, MODIFIER_FACTOR = 0.8, 0.5   # a compound's head carries its sense ("stofmisbrug" is a misbrug)
HOWTO = re.compile(r"sådan\s", re.IGNORECASE)   # a how-to page's title: "Sådan registrerer I gode møder"
RARE = 2                                  # documents: a target this rare also counts by its parts


def _resolve(word: str, vocabulary: set[str], df: Counter[str]) -> list[tuple[str, float]]:
    """An alias target as index stems with factors: its stem, and for a compound that few
    pages use ("stofmisbrug" only on the language guide), its head and modifier too."""
    s = stem(word)
    found = [(s, 1.0)] if s in vocabulary else []
    if not found or df[s] <= RARE:
        parts = split_compound(word, vocabulary)
        if parts and parts[1] in GENERIC:  # "alkoholproblem": the modifier says what it is about
            found.append((parts[0], HEAD_FACTOR))
        elif parts:
            found += [(parts[1], HEAD_FACTOR), (parts[0], MODIFIER_FACTOR)]
    return found


def _script(name: str, data: object) -> str:
    return f"rummeligSearch.add({json.dumps(name)},{json.dumps(data, ensure_ascii=False, separators=(',', ':'))});\n"


def write(built: Built, site_dir: Path) -> str:
    """Write the index files to site_dir/search/rummelig/<version>/ and return the version (a
    hash of the contents). A version's folder is written whole under a temporary name and then
    renamed, and the version before it is kept: under `make serve` the index is written again
    while colleagues search, and a page that loaded the previous version must still find every
    one of its files (a missing file left the search without an answer). Older versions go."""
    files = {"core.js": _script("core", built.core), "w.js": _script("w", built.everyday)}
    for number, shard in enumerate(built.postings):
        files[f"p{number}.js"] = _script(f"p{number}", shard)
    for number in range(0, len(built.documents), DOCS_PER_SHARD):
        shard_number = number // DOCS_PER_SHARD
        files[f"d{shard_number}.js"] = _script(f"d{shard_number}", built.documents[number:number + DOCS_PER_SHARD])
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + files[name].encode())
    version = safe_version(digest.hexdigest())
    root = site_dir / FOLDER
    target = root / version
    writing = root / f".{version}.writing"
    if not target.is_dir():
        shutil.rmtree(writing, ignore_errors=True)
        writing.mkdir(parents=True)
        for name in sorted(files):
            (writing / name).write_text(files[name], encoding="utf-8")
        os.replace(writing, target)
    os.utime(target)  # the newest, also when this very index was written before
    others = sorted((p for p in root.iterdir() if p.is_dir() and p.name not in (version, writing.name)),
                    key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in others[1:]:  # the one before this is kept
        shutil.rmtree(old, ignore_errors=True)
    return version


__all__ = ["FOLDER", "Built", "build", "write", "shard_of", "STOP_WORDS"]


def safe_version(hexdigest: str) -> str:
    """Twelve characters of the index's hash that the site's privacy scan cannot read as a CPR or
    phone number: the version stands in search_index.json and in every file's path, and a hash
    such as "…0101901234…" once stopped a build as "a CPR number". The first window that does not."""
    # imported here: the privacy scans are needed only when the index is written
    from rummelig.privacy import find_cpr, find_phone_numbers

    for start in range(len(hexdigest) - 11):
        version = hexdigest[start:start + 12]
        text = json.dumps({"version": version, "folder": f"{FOLDER}/{version}"})
        if not find_cpr(text) and not find_phone_numbers(text):
            return version
    raise ValueError(f"no part of the index's hash {hexdigest} is free of number-like runs")
