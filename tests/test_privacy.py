"""rummelig/privacy.py: CPR numbers by date, contact details in notes (issue 6 item 5)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rummelig import privacy
from rummelig.problems import Problems


@pytest.mark.parametrize(("text", "found"), [
    ("010190-1234", True),           # 1 Jan 1990
    ("0101901234", True),            # without the hyphen
    ("010190 1234", True),           # with a space
    ("290200-4123", True),           # 29 Feb 2000: 7th digit 4, year 00 → 2000, a leap year
    ("290201-4123", False),          # 29 Feb 2001 does not exist
    ("290296-1234", True),           # 29 Feb 1996
    ("290200-1234", False),          # 7th digit 1 → 1900, not a leap year
    ("310299-1234", False),          # 31 Feb
    ("320190-1234", False),          # day 32
    ("011390-1234", False),          # month 13
    ("010100-5000", True),           # 5-8 with year ≤ 57 → 2000s
    ("290258-5000", False),          # 5-8 with year 58 → 1858, not a leap year
    ("12010190-1234", False),        # inside a longer number
    ("Sag 3513991234", False),
    ("Kl. 10-12 og 14-16", False),
])
def test_cpr_numbers_are_recognised_by_their_date(text, found):
    assert bool(privacy.find_cpr(text)) is found


def test_cpr_modulus_11_is_not_required():
    # 010190-1235 fails the old modulus-11 test but is a possible CPR number since 2007.
    assert privacy.find_cpr("010190-1235")


def test_findings_name_the_line_never_the_number():
    problems = Problems()
    privacy.check_text(problems, "strategies/x.md", "a\nb\nc 010190-1234\n", first_line=5)
    assert [p.format() for p in problems] == [
        "strategies/x.md:7: linjen indeholder noget, der ligner et CPR-nummer — slet det: vi skriver aldrig "
        "personoplysninger om borgere"]


@pytest.mark.parametrize(("note", "kinds"), [
    ("Ring til ham på 22 33 44 55", ["phone"]),
    ("nr. 22334455", ["phone"]),
    ("+45 22 33 44 55", ["phone"]),
    ("2233-4455", ["phone"]),
    ("svensk nummer +46 8 123 456 78", ["phone"]),
    ("skriv til hende på borger@example.dk", ["email"]),
    ("010190-1234 og 22 33 44 55", ["cpr", "phone"]),
    ("Mødtes 2026-11-20 kl. 10:30, ringede 112", []),
    ("En god snak om bøger", []),
    ("3 gæster fik kaffe", []),
])
def test_notes_may_not_hold_contact_details(note, kinds):
    problems = Problems()
    privacy.report(problems, "encounters/a/2026.csv", privacy.note_findings(note), 4)
    found = [p.code.split(".")[1] for p in problems]
    assert sorted(found) == sorted(kinds)
    assert all(p.line == 4 for p in problems)
    text = "\n".join(p.format() for p in problems)
    for secret in ("22 33 44 55", "22334455", "borger@example.dk", "010190"):
        assert secret not in text


def test_contact_details_outside_notes_are_not_flagged_by_check_text():
    problems = Problems()
    privacy.check_text(problems, "partners/a/b.yml", "phone: \"70 20 12 01\"\nemail: a@b.dk\n")
    assert list(problems) == []


# -- issue 13: what the reader sees, not the raw text -------------------------------------------

@pytest.mark.parametrize("text", [
    "01.01.90-1234", "010190 - 1234", "010190\u20141234", "010190\u20111234", "010190\u22121234",
    "\uff10\uff11\uff10\uff11\uff19\uff10-\uff11\uff12\uff13\uff14", "010190\\-1234", "010190&#45;1234",
    "&#48;10190-1234", "010190<!-- skjult -->-1234", "0101\\u0039\\u0030-1234", "0101\\x390-1234",
    "01 01 90 12 34", "010190.1234", "01/01/90-1234", "0101**90**-1234", "`010190`-1234",
    "010\u200b190-1234", "010190\u00ad1234", "01\u00a001\u00a090\u00a01234",
])
def test_cpr_numbers_are_found_as_the_reader_sees_them(text):
    assert privacy.find_cpr(f"Borgeren har nr. {text} i sagen.")


@pytest.mark.parametrize("text", [
    "Åbent 01.01.2026 10-12", "d. 01.01.26 10-12", "Ring 70 20 12 01 eller 112", "+45 89 40 92 00",
    "2026-11-30 09:00-15:00", "70 20 12 01 23 45 67 89", "Sag nr. 3513991234",
])
def test_ordinary_numbers_are_not_cpr_numbers(text):
    assert privacy.find_cpr(text) == []


def test_normalise_keeps_the_lines():
    text = "a\n0101<!-- x\ny -->90\n&#48;\n\uff11"
    assert normalise_lines(text) == 5


def normalise_lines(text: str) -> int:
    return privacy.normalise(text).count("\n") + 1


@pytest.mark.parametrize(("note", "kind"), [
    ("Ring til ham på 702 012 01", "phone"), ("nr. 7020 12 01", "phone"), ("70/20/12/01", "phone"),
    ("+45 70-20-12-01", "phone"), ("skriv til navn (at) kommune (dot) dk", "email"),
    ("navn snabel-a kommune.dk", "email"), ("navn[at]kk.dk", "email"), ("bor på Vestergade 12", "address"),
    ("kom fra nørregade 4b", "address"),
])
def test_contact_details_in_any_form(note, kind):
    assert kind in [f.kind for f in privacy.find_contact_details(note)]


@pytest.mark.parametrize("note", ["Mødtes 2026-11-20 ved kaffen", "Snak i 10 min", "Glad for at komme igen"])
def test_ordinary_notes_have_no_contact_details(note):
    assert privacy.find_contact_details(note) == []


_PHONE_PIECES = ["70 20 12 01", "+45 ", "0045", "1234 5678", "12-34-56-78", "2026-11-20", "20.11.2026", "\n", " ", "-",
                 ".", "3", "12", "+46 70 123 45 67", "+1 202 555 0143", "abc", "00", "7020"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PHONE_PIECES), max_size=16).map("".join))
def test_phone_numbers_are_found_line_by_line_as_in_the_whole_text(text: str) -> None:
    """find_phone_numbers scans only the lines with two digits in a row (a cold check's cost,
    issue 18): it finds what the same patterns find in the whole text."""
    from rummelig.privacy import _phone_spans, find_phone_numbers

    spans: list[tuple[int, int]] = []
    _phone_spans(text, 0, len(text), spans)  # the same patterns over the whole text at once
    assert find_phone_numbers(text) == [(a, text[a:b]) for a, b in sorted(spans)]


# -- issue 18: an encounter note's findings are kept per note -------------------------------------

_NOTE_PARTS = ["Peter", "peter", "per", "Per", "hedder", "Hansen,", "Vestergade 12", "bor på", "22 33 44 55",
               "+46 8 123 456 78", "010190-1234", "0101\\u0039\\u0030-1234", "&#48;10190-1234", "navn (at) kk (dot) dk",
               "a@b.dk", "2026-11-20", "kl. 10-12", "\n", "gæst", "fik", "kaffe", ",", ".", "Mette", "fru", "Sol",
               "70 20 12 01", "nørregade 4b", "\u00a0", "\uff11"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_NOTE_PARTS), max_size=12).map(" ".join), st.sampled_from([None, 1, 7]))
def test_a_notes_kept_findings_are_the_scans_findings(note, line):
    """`encounters.privacy.check_note` keeps each note's findings (notes repeat); what it reports,
    the first time and from the cache, is what the guard and the name scan report."""
    from rummelig.encounters import privacy as notes
    from rummelig.names import find_names

    expected = Problems()
    privacy.report(expected, "encounters/a/2026.csv", privacy.note_findings(note), line)
    for finding in find_names(note, lowercase=True):
        expected.error("encounters/a/2026.csv", line, f"noten {finding.problem}", finding.fix, "privacy.name")
    for _ in range(2):  # scanned, then from the cache
        found = Problems()
        anonymous = notes.check_note(found, "encounters/a/2026.csv", line, note)
        assert (found.sorted(), len(found), anonymous) == (expected.sorted(), len(expected), len(expected) == 0)
        assert [(p.line, p.code) for p in found.sorted()] == [(p.line, p.code) for p in expected.sorted()]


_CPR_PIECES = ["0", "1", "9", "01", "0101901234", "010190-1234", " ", "-", ".", "\n", "\r", "\t", "\uff11", "\u0661",
               "\u0969", "a", "æ", "&#48;", "\\u0039", "<!-- x -->", "**", "2026-01-03,hjaelp,12,", "\u00a0", "\u2011"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_CPR_PIECES), max_size=30).map("".join))
def test_the_lines_worth_normalising_are_those_with_ten_digits(text: str) -> None:
    """`_candidate_lines` counts every line's digits at once; the result is the line-by-line
    test's (ten digits of any script), and so are the CPR findings."""
    by_line = "\n".join(privacy.normalise(line) if privacy._TEN_DIGITS.search(line) else ""
                        for line in text.split("\n"))
    assert privacy._candidate_lines(text) == by_line
