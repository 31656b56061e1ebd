"""How common a Danish word is in everyday text: wordfreq's Danish Zipf frequencies, vendored
as rummelig/data/ordfrekvens.tsv.gz (its README says where they come from). Used by the typo
step's everyday words (lexicon.py) and by the respectful-language words whose stem is another
word (language.false_friend); a module of its own, so that both can use it without a cycle.
"""

from __future__ import annotations

import gzip
from functools import cache
from importlib import resources

DATA = "ordfrekvens.tsv.gz"

# Zipf frequency (log10 of occurrences per billion words): 5 ≈ "kvinde", 4 ≈ "toilet",
# 3.5 ≈ "slidt", 3 ≈ the rarest of the list. A typo is likelier than a word rarer than this.
EVERYDAY = 3.5


@cache
def zipf_words() -> dict[str, float]:
    """word → Zipf frequency, from the vendored table."""
    data = resources.files("rummelig.data").joinpath(DATA).read_bytes()
    found = {}
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        word, _, value = line.partition("\t")
        if word and value:
            found[word] = float(value)
    return found
