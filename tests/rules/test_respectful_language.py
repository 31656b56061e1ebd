"""rules/respectful_language.py: a stigmatising word is a warning, so the check still passes and
says how many warnings it found. (The messages themselves: tests/rules/cases/respectful_language.yml.)"""

from __future__ import annotations

import io

from rummelig.commands import check


def test_a_warning_does_not_fail_the_check(repo):
    path = repo / "strategies/en-gaest-sover.md"
    text = path.read_text(encoding="utf-8").replace("En gæst sover i en lænestol.",
                                                    "En gæst sover i en lænestol.\nMange narkomaner kommer her.")
    path.write_text(text, encoding="utf-8")
    line = text.split("\n").index("Mange narkomaner kommer her.") + 1
    out = io.StringIO()
    assert check.run(repo, out) == 0
    assert out.getvalue() == (
        f"strategies/en-gaest-sover.md:{line}: advarsel: 'narkomaner' kan virke stigmatiserende (ordet gør et "
        "menneske til sit rusmiddelproblem) — skriv hellere 'mennesker med et rusmiddelproblem'\n"
        "Alt i orden: 1 strategi, 1 bibliotek og 1 partner kontrolleret (1 advarsel; den stopper ikke bygget).\n")
