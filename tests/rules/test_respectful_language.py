"""rules/respectful_language.py: stigmatising words give a warning with line and suggestion,
in YAML values, front matter and docs pages."""

from __future__ import annotations

from tests.support import messages, run_cli, write

# -- respectful language --------------------------------------------------------------------------

def test_stigmatising_word_gets_a_warning_with_line_and_suggestion(repo):
    path = repo / "strategies/en-gaest-sover.md"
    text = path.read_text(encoding="utf-8").replace("En gæst sover i en lænestol.",
                                                    "En gæst sover i en lænestol.\nMange narkomaner kommer her.")
    path.write_text(text, encoding="utf-8")
    line = text.split("\n").index("Mange narkomaner kommer her.") + 1
    result = run_cli("check", cwd=repo)
    assert result.returncode == 0  # a warning does not fail check
    assert result.stdout == (
        f"strategies/en-gaest-sover.md:{line}: advarsel: 'narkomaner' kan virke stigmatiserende (ordet gør et "
        "menneske til sit forbrug af stoffer) — skriv hellere 'mennesker, der bruger stoffer'\n"
        "Alt i orden: 1 strategi, 1 bibliotek og 1 partner kontrolleret (1 advarsel).\n")


def test_language_is_checked_in_yaml_values_front_matter_and_docs(repo):
    partner = repo / "partners/aarhus/vaerestedet.yml"
    partner.write_text(partner.read_text(encoding="utf-8").replace(
        "Et værested med kaffe", "Et værested for de hjemløse med kaffe"), encoding="utf-8")
    strategy = repo / "strategies/en-gaest-sover.md"
    strategy.write_text(strategy.read_text(encoding="utf-8").replace("tags: [hjemløshed]", "tags: [Bumser]"),
                        encoding="utf-8")
    write(repo, "docs/om.md", "---\ntitle: Om\n---\n\nVi hjælper alkoholikere og stofmisbrugeren.\n")
    found = [m for m in messages(repo) if "stigmatiserende" in m]
    assert [m.split(" kan virke")[0] for m in found] == [
        "docs/om.md:5: advarsel: 'alkoholikere'", "docs/om.md:5: advarsel: 'stofmisbrugeren'",
        "partners/aarhus/vaerestedet.yml:3: advarsel: 'de hjemløse'",
        "strategies/en-gaest-sover.md:5: advarsel: 'Bumser'"]
