"""The hand-written fast paths of `rummelig check` (issue 8) give exactly what the slow,
authoritative code gives: the same objects for valid input, and the slow path for the rest."""

from __future__ import annotations

import itertools

from pydantic import ValidationError

from rummelig.encounters.csvfile import _valid_row
from rummelig.encounters.model import COLUMNS, Encounter

CELLS = {
    "date": ["", "2026-01-05", "2024-02-29", "2026-02-29", "0000-01-01", "2026-1-5", " 2026-01-05", "x"],
    "category": ["", "samtale", "andet", "Samtale", "samtal"],
    "count": ["", "1", "3", "007", "0", "-1", " 1", "+1", "1.0", "\u0663", "99999999999999999999"],
    "note": ["", "En gæst fik hjælp", " ", "\u00a0", "x" * 200, "x" * 201, "\n"],
}


def test_encounter_rows_match_the_row_model():
    fast = 0
    for cells in itertools.product(*CELLS.values()):
        values = {column: value for column, value in zip(COLUMNS, cells, strict=True) if value != ""}
        try:
            expected = Encounter.model_validate(values)
        except ValidationError:
            expected = None
        got = _valid_row(list(cells))
        if got is None:
            continue
        fast += 1
        assert expected is not None, cells
        assert got == expected and got.__dict__ == expected.__dict__, cells
        assert got.model_fields_set == expected.model_fields_set, cells
    assert fast == 2 * 2 * 5 * 3  # the valid dates × categories × counts × notes


def test_wordlist_prefilters_find_what_the_full_regex_finds():
    from rummelig.wordlist import _inside_allowed, load_wordlist, mask, scan

    words = load_wordlist()[0]
    texts = [
        "Vi hjælper de hjemløse og de udsatte.", "De\nhjemløse kom ind.", "de `kode` hjemløse",
        "de <!-- x --> hjemløse", "de [link](https://x.dk) hjemløse", "En STOFMISBRUGER og en misbrugers ven",
        "mennesker i hjemløshed og socialt udsatte borgere", "\u0130 misbruger \u0131", "```\nnarkoman\n```",
        "narkoman <!-- sprogbrug: tillad -->", "title: de psykisk syge\n# narkoman\n", "ingen af ordene",
    ]
    for text in texts:
        for kind in ("markdown", "yaml"):
            masked = mask(text, kind)
            expected = []
            for match in words._regex.finditer(masked):
                form = match.group("compound") if match.groupdict().get("compound") else match.group("whole")
                term = words._by_form[" ".join(form.lower().split())]
                if not _inside_allowed(masked, match.start(), match.end(), term):
                    expected.append((masked.count("\n", 0, match.start()) + 1, term.term))
            assert [(hit.line, hit.term.term) for hit in scan(text, kind, words)] == expected, (text, kind)


def test_discovery_walk_is_sorted_rglob(tmp_path):
    from rummelig.loading.sources import _walk

    for name in ("b/x.yml", "a/.hidden/y.yml", "a-b/z.yml", "a/deep/er/w.yml", ".c.yml", "B.yml", "a.yml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x: 1\n", encoding="utf-8")
    (tmp_path / "link").symlink_to(tmp_path / "a", target_is_directory=True)
    walked = _walk(tmp_path)
    assert [tmp_path.joinpath(*parts) for parts, _ in walked] == sorted(tmp_path.rglob("*"))
    assert [entry.path for _, entry in walked] == [str(p) for p in sorted(tmp_path.rglob("*"))]
