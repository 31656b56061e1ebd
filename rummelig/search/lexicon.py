"""Everyday Danish words, so that the search does not "correct" a word that is no typo.

The query side corrects a word that no page has to an index word one edit away ("overdossis"
→ overdosis). But many such words are plain Danish that our pages just do not use: "kvinde"
became "kind" and "vind", "slidt" became "smidt" (the page on asking someone to leave). The
build ships the everyday words that are one edit from an index word without being one
themselves (`w.js`, loaded only when a query has a word the index does not know), and the
browser leaves those alone.

The words come from wordfreq's Danish list (Robyn Speer et al.; Apache 2.0 code, data CC BY-SA
4.0), vendored as `rummelig/data/ordfrekvens.tsv.gz` (word, tab, Zipf frequency; the ~29,000
words of its small list written with plain Danish letters). wordfreq itself is a 57 MB package,
only needed to regenerate the table (`pip install wordfreq==3.1.1`, then
`python -m rummelig.search.lexicon`). No maintained library answers "is this a Danish word"
in a browser without shipping a dictionary, which is why the selection is ours.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from rummelig.search.frequency import DATA, EVERYDAY, zipf_words
from rummelig.search.language import STOP_WORDS, normalise, stem

_WORD = re.compile(r"^[a-zæøå]+$")

MIN_LETTERS = 4   # the browser corrects typos from four letters


def _one_deletion(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))} | {word}


def everyday_neighbours(vocabulary: Iterable[str]) -> list[str]:
    """The stems of everyday words that are no index word but one edit from one (a deletion,
    insertion, substitution or swap: they share a one-deletion form), sorted."""
    vocabulary = set(vocabulary)
    near: set[str] = set()
    for term in vocabulary:
        if len(term) >= 3 and term.isalpha():
            near |= _one_deletion(term)
    found = set()
    for word, zipf in zipf_words().items():
        if zipf < EVERYDAY or len(word) < MIN_LETTERS or word in STOP_WORDS:
            continue
        s = stem(word)
        if s not in vocabulary and not _one_deletion(s).isdisjoint(near):
            found.add(s)
    return sorted(found)


def generate(target: Path) -> int:  # pragma: no cover - needs wordfreq (57 MB)
    from wordfreq import top_n_list, zipf_frequency

    rows = {}
    for word in top_n_list("da", 100_000):
        folded = normalise(word)
        if _WORD.match(folded) and folded not in rows:
            rows[folded] = zipf_frequency(word, "da")
    text = "".join(f"{word}\t{zipf:.2f}\n" for word, zipf in sorted(rows.items()))
    target.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
    return len(rows)


if __name__ == "__main__":  # pragma: no cover
    path = Path(str(resources.files("rummelig.data").joinpath(DATA)))
    print(f"{generate(path)} ord skrevet til {path}")
