"""Danish word forms that neither the Snowball stemmer nor our ending rules join to their word:
"drak" (drikke), "smed" (smide), "stjålet" (stjæle), "slog" (slå), "mænd" (mand).

Snowball's Danish stemmer only strips endings, and `language.root` only joins forms that differ
by a regular ending, so a colleague who types the past tense or a participle ("drak vodka",
"smed ham ud", "cyklen blev stjålet") would miss the page written in the present tense. The
forms come from simplemma's Danish dictionary (a maintained lemmatizer; its data are derived
from Michal Měchura's lemmatization lists, ODbL 1.0, and Wiktionary, CC BY-SA): we keep only
the ~15,000 forms the stemmer and `root` do not already join, without compounds whose last part
is listed and genitives of listed forms ("ophavsmænd" follows from "mænd" by compound
splitting), in `rummelig/data/boejninger.tsv.gz` (form, tab, word; licence and source in
`rummelig/data/boejninger.README.md`). simplemma is only needed to regenerate that file
(`pip install simplemma==2.0.0`, then `python -m rummelig.search.forms`), so it is no
requirement: the build only reads the table, in ~30 ms, where loading simplemma's own
dictionary takes seconds of every build.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path

from rummelig.search.language import normalise, root, stem

DATA = "boejninger.tsv.gz"
_WORD = re.compile(r"^[a-zæøå]+$")


def joined_already(form: str, word: str) -> bool:
    """True when the search joins the two without the table (same stem or same root)."""
    return stem(form) == stem(word) or root(form) == root(word) or stem(root(form)) == stem(word)


def select(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """The (form → word) pairs worth keeping: both plain Danish words, not joined already, and
    not a compound or genitive of a kept form (the search splits compounds itself)."""
    table: dict[str, str] = {}
    for form, word in pairs:
        form, word = normalise(form), normalise(word)
        if form != word and _WORD.match(form) and _WORD.match(word) and not joined_already(form, word):
            table[form] = word

    def derived(form: str, word: str) -> bool:
        if form.endswith("s") and table.get(form[:-1]) == word:
            return True
        for cut in range(3, len(form) - 2):
            head, tail = form[:cut], form[cut:]
            for part in (tail, tail[:-1] if tail.endswith("s") else None):
                if part and part in table and word == head + table[part]:
                    return True
        return False

    return {form: word for form, word in sorted(table.items()) if not derived(form, word)}


@cache
def forms() -> dict[str, str]:
    """form → word, from the vendored table."""
    data = resources.files("rummelig.data").joinpath(DATA).read_bytes()
    return dict(line.split("\t", 1) for line in gzip.decompress(data).decode("utf-8").splitlines() if line)


@cache
def keys() -> dict[str, str]:
    """form → its word's family key ("drak" → "drikk")."""
    return {form: root(word) for form, word in forms().items()}


def key(token: str) -> str:
    """The family key of a token: the root of its word ("drak" → drikke → "drikk"; "drikker" →
    "drikk"). The browser computes the same from the forms the index ships, and, for a typed word
    whose root is no family of the index, also tries a verb's prefix before a listed form
    ("udviste": ud + viste → "udvis"; search-worker.js familyKey): the table leaves such words out."""
    found = keys().get(token)
    return root(token) if found is None else found


def generate(target: Path) -> int:  # pragma: no cover - needs simplemma and seconds of CPU
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    dictionary = DefaultDictionaryFactory().get_dictionary("da")
    pairs = ((k, v.decode("utf-8") if isinstance(v, bytes) else v) for k, v in dictionary.items())
    table = select(pairs)
    text = "".join(f"{form}\t{word}\n" for form, word in table.items())
    target.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
    return len(table)


if __name__ == "__main__":  # pragma: no cover
    path = Path(str(resources.files("rummelig.data").joinpath(DATA)))
    print(f"{generate(path)} former skrevet til {path}")
