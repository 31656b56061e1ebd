"""CSV cells never start a formula (issue 13 item 10)."""

from __future__ import annotations

import pytest

from rummelig.export.spreadsheet import safe_cell


@pytest.mark.parametrize(("value", "expected"), [
    ("=HYPERLINK(\"https://x\")", "'=HYPERLINK(\"https://x\")"),
    ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
    ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
    ("@SUM(1)", "'@SUM(1)"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\r=1+1"),
    ("+4570201201", "+4570201201"),
    ("-12.5", "-12.5"),
    ("Værestedet", "Værestedet"),
    (3, 3),
])
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected
