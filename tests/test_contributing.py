"""Contributing through pull requests (issue 5): scaffolds and placeholders, editor schemas,
the guide, forge templates, review reminders, respectful language, and PR checking."""

from __future__ import annotations

import io
import json
import re
import shutil
from datetime import date
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import PROJECT, run_build, run_cli, write
from rummelig.commands import check as check_command
from rummelig.commands import review as review_command
from rummelig.commands.schema import stale
from rummelig.editor_schemas import generated_files
from rummelig.kinds import DOCUMENT_KINDS
from rummelig.loading.frontmatter import split_front_matter
from rummelig.loading.yamlfile import load_yaml
from rummelig.models import Library, Partner, Strategy
from rummelig.models.base import current_fields
from rummelig.pipeline import check_repository
from rummelig.problems import Problems
from rummelig.render.all_pages import render_pages
from rummelig.wordlist import WordList, load_wordlist, scan


def messages(root: Path) -> list[str]:
    return [p.format() for p in check_repository(root).problems]


def fill(path: Path, replacements: list[tuple[str, str]]) -> None:
    """Do what a contributor does with a template: replace each UDFYLD, delete unused lines."""
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


PARTNER_FILLED = [
    ("name: UDFYLD", "name: Værestedet i Mejlgade"),
    ("type: UDFYLD", "type: drop-in-centre"),
    ("description: UDFYLD", "description: Et værested med kaffe, mad og nogen at tale med."),
    ("helps_with:\n  - UDFYLD", "helps_with:\n  - et varmt måltid\n  - en snak"),
    ("when_to_contact:\n  - UDFYLD", "when_to_contact:\n  - En gæst fortæller, at hun ikke har spist i dag."),
    ("  phone: UDFYLD", '  phone: "70 20 12 02"'),
    ("  email: UDFYLD\n", ""),
    ("  url: UDFYLD\n", ""),
    ("  address: UDFYLD\n", ""),
    ("last_verified: UDFYLD", "last_verified: 2026-11-30"),
]

STRATEGY_FILLED = [
    ("title: UDFYLD", "title: En gæst har en hund med"),
    ("summary: UDFYLD", "summary: Sådan tager du imod en gæst, der har sin hund med."),
    ("first_steps:\n  - UDFYLD\n  - UDFYLD\n  - UDFYLD",
     "first_steps:\n  - Sig hej til gæsten og hunden.\n  - Fortæl roligt, hvad husets regler siger om hunde."),
    ("tags:\n  - UDFYLD", "tags:\n  - husregler"),
    ("UDFYLD: Beskriv situationen", "En gæst kommer ind med sin hund. Beskriv situationen"),
    ("UDFYLD: Skriv trinene", "1. Sig hej. Skriv trinene"),
    ("UDFYLD: Skriv et par", "- \"Hej, hvor er den fin.\" Skriv et par"),
    ("UDFYLD: Skriv, hvornår", "Kald på koordinatoren. Skriv, hvornår"),
    ("UDFYLD: Skriv, hvad man", "Registrér det gode møde. Skriv, hvad man"),
]


# -- scaffolds and placeholders ----------------------------------------------------------------

def test_new_partner_unchanged_names_every_placeholder_line_and_nothing_else(repo):
    result = run_cli("new", "partner", "aarhus/vaerestedet-i-mejlgade", "--library", "testbib", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Oprettet partners/aarhus/vaerestedet-i-mejlgade.yml.\n")
    text = (repo / "partners/aarhus/vaerestedet-i-mejlgade.yml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/partner.schema.json\n")
    # The library says it checked the partner; it writes the day it did (never a date we invent).
    assert "last_verified: UDFYLD\n" in text and "verified_by: testbib\n" in text
    for key in current_fields(Partner):  # every current key of the contract is in the template
        assert re.search(rf"^(# )?{key}:", text, re.M), key
    found = messages(repo)
    line = text.split("\n").index("type: UDFYLD") + 1
    assert found[1] == (
        f"partners/aarhus/vaerestedet-i-mejlgade.yml:{line}: 'type' (Type) er ikke udfyldt endnu (der står stadig "
        "UDFYLD fra skabelonen) — skriv en af: street-nurse (Gadesygeplejerske), drop-in-centre (Værested), "
        "shelter (Herberg/forsorgshjem), night-shelter (Natvarmestue/natcafé), outreach-worker (Gadeteam/opsøgende "
        "medarbejder (SKP)), police (Politi/nærpoliti), council-for-vulnerable (Udsatteråd), addiction-treatment "
        "(Rusmiddelcenter), psychiatric-emergency (Psykiatrisk akutmodtagelse), helpline (Telefonrådgivning), "
        "health-clinic (Sundhedsklinik for socialt udsatte), municipal-services (Kommunens borgerservice/"
        "socialrådgivning), legal-aid (Gratis retshjælp), volunteer-organisation (Frivillig organisation), "
        "other (Andet)")
    assert len(found) == 10 and all("er ikke udfyldt endnu" in m for m in found)  # no model errors besides
    assert any(m.endswith("'contact.email' (E-mail) er ikke udfyldt endnu (der står stadig UDFYLD fra skabelonen) "
                          "— skriv e-mail, fx 'kontakt@vaerestedet.dk', eller slet linjen, hvis I ikke bruger den")
               for m in found)
    check = run_cli("check", cwd=repo)
    assert check.returncode == 1 and check.stdout.endswith("10 fejl og 0 advarsler i 1 fil.\n")


def test_new_strategy_placeholders_in_front_matter_and_sections(repo):
    assert run_cli("new", "strategy", "gaest-med-hund", "--library", "testbib", cwd=repo).returncode == 0
    text = (repo / "strategies/gaest-med-hund.md").read_text(encoding="utf-8")
    for key in current_fields(Strategy):
        assert re.search(rf"^(# )?{key}:", text, re.M), key
    found = messages(repo)
    lines = text.split("\n")
    situation = next(i for i, line in enumerate(lines, 1) if line.startswith("UDFYLD: Beskriv situationen"))
    assert (f"strategies/gaest-med-hund.md:{situation}: teksten under '## Situationen' er ikke skrevet endnu (der "
            "står stadig UDFYLD fra skabelonen) — skriv jeres egen tekst i stedet for UDFYLD og hjælpeteksten") in found
    first_step = lines.index("first_steps:") + 2
    assert (f"strategies/gaest-med-hund.md:{first_step}: 'first_steps punkt 1' (Gør dette nu) er ikke udfyldt endnu "
            "(der står stadig UDFYLD fra skabelonen) — skriv et første skridt som en kort opfordring, fx 'Ring 112, "
            "hvis personen ikke kan vækkes.', eller slet linjen, hvis I ikke bruger den") in found
    assert len(found) == 11


def test_new_library_template_has_every_key_and_checks_once_filled(repo):
    assert run_cli("new", "library", "odense-bib", "--municipality", "odense", cwd=repo).returncode == 0
    path = repo / "libraries/odense-bib.yml"
    text = path.read_text(encoding="utf-8")
    for key in current_fields(Library):
        assert re.search(rf"^(# )?{key}:", text, re.M), key
    assert "municipality: odense\n" in text
    fill(path, [("name: UDFYLD", "name: Odense Bibliotek"),
                ("organisation: UDFYLD", "organisation: Odense Bibliotekerne"),
                ("street: UDFYLD", "street: Østre Stationsvej 15"), ("postal_code: UDFYLD", 'postal_code: "5000"'),
                ("city: UDFYLD", "city: Odense C"), ("url: UDFYLD", "url: https://www.odensebib.dk"),
                ("approach: [UDFYLD]", "approach: [coordinators]"),
                ("contact_role: UDFYLD", "contact_role: Koordinatoren"),
                ("rule: UDFYLD", "rule: Alle er velkomne."), ("why: UDFYLD", "why: Biblioteket er for alle."),
                ("if_broken: UDFYLD", "if_broken: Vi taler sammen om det.")])
    assert messages(repo) == []


@pytest.mark.parametrize(("args", "expected"), [
    (["partner", "aarhs/x"], "rummelig new: 'aarhs' er ikke en kommune (mente du 'aarhus'?) — brug kommunens id, "
                             "fx aarhus, koebenhavn, aalborg, en region som region-midtjylland, eller hele-landet for "
                             "landsdækkende tilbud\n"),
    (["partner", "aarhus/Værested"], "rummelig new: 'Værested' kan ikke bruges som id — brug kun små bogstaver a-z, "
                                     "tal og bindestreg, fx 'vaerested'\n"),
    (["strategy", "x", "--library", "testbi"], "rummelig new: biblioteket 'testbi' findes ikke (mente du 'testbib'?) "
                                               "— brug id'et på en fil i libraries/ (filnavnet uden .yml), eller "
                                               "opret biblioteket først med 'rummelig new library <id>'\n"),
    (["strategy", "en-gaest-sover"], "rummelig new: strategies/en-gaest-sover.md findes allerede — vælg et andet id, "
                                     "eller ret den eksisterende fil\n"),
])
def test_new_refuses_with_a_danish_message(repo, args, expected):
    result = run_cli("new", *args, cwd=repo)
    assert (result.returncode, result.stderr, result.stdout) == (1, expected, "")


# -- the new-user path: CONTRIBUTING.md, both routes, ends in a passing check and a built site ------

def test_contributing_names_the_commands_and_templates_it_tells_people_to_use():
    guide = (PROJECT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for needle in ("rummelig new partner aarhus/vaerestedet-i-mejlgade --library dokk1 --type drop-in-centre",
                   "rummelig new strategy gaest-med-hund --library dokk1", "skabeloner/partner.yml",
                   "skabeloner/strategi.md", "skabeloner/bibliotek.yml", "rummelig check", "rummelig review",
                   "Create new file", "UDFYLD", "encounters/<bibliotek-id>/<år>.csv"):
        assert needle in guide, needle
    for kind in DOCUMENT_KINDS.values():
        assert kind.template and (PROJECT / "skabeloner" / kind.template).is_file()


@pytest.fixture
def contributed_site(site_repo) -> Path:
    """Follow CONTRIBUTING.md: a partner from the command (git route), a playbook copied from
    skabeloner/ (web-editor route); both filled in."""
    root = site_repo
    for extra in ("overrides", "docs/assets", "docs/emner.md"):  # theme files mkdocs.yml may name
        if (PROJECT / extra).exists() and not (root / extra).exists():
            copy = shutil.copytree if (PROJECT / extra).is_dir() else shutil.copy
            copy(PROJECT / extra, root / extra)
    assert run_cli("new", "partner", "aarhus/vaerestedet-i-mejlgade", "--library", "testbib", cwd=root).returncode == 0
    fill(root / "partners/aarhus/vaerestedet-i-mejlgade.yml", PARTNER_FILLED)
    strategy = root / "strategies/gaest-med-hund.md"
    shutil.copy(PROJECT / "skabeloner/strategi.md", strategy)
    fill(strategy, STRATEGY_FILLED + [("contributed_by:\n  - UDFYLD", "contributed_by:\n  - testbib"),
                                      ("owner: UDFYLD", "owner: testbib"),
                                      ("last_reviewed: UDFYLD", "last_reviewed: 2026-11-20")])
    return root


def test_following_contributing_ends_in_a_passing_check_and_both_pages_in_the_site(contributed_site):
    check = run_cli("check", "partners/aarhus/vaerestedet-i-mejlgade.yml", "strategies/gaest-med-hund.md",
                    cwd=contributed_site)
    assert (check.returncode, check.stdout) == (0, "Alt i orden i 2 valgte filer.\n"), check.stdout
    assert run_cli("check", cwd=contributed_site).returncode == 0
    build = run_build(contributed_site)
    assert build.returncode == 0, build.stderr
    site = contributed_site / "site"
    playbook = (site / "strategier/gaest-med-hund/index.html").read_text(encoding="utf-8")
    assert "En gæst har en hund med" in playbook and "UDFYLD" not in playbook
    assert "Værestedet i Mejlgade" in (site / "partnere/aarhus/index.html").read_text(encoding="utf-8")
    assert "Værestedet i Mejlgade" in (site / "biblioteker/testbib/kontaktkort/index.html").read_text(encoding="utf-8")
    reference = (site / "bidrag/skema/index.html").read_text(encoding="utf-8")
    assert "when_to_contact" in reference and "Hvornår kontakter vi dem" in reference
    assert (site / "bidrag/index.html").is_file() and (site / "bidrag/sprogbrug/index.html").is_file()


# -- editor help -------------------------------------------------------------------------------

def test_committed_schemas_and_templates_match_the_models():
    outdated = stale(PROJECT)
    assert outdated == [], f"forældede filer {outdated}: kør 'rummelig schema', og commit dem"


def test_schema_check_reports_a_stale_file(tmp_path):
    for rel, text in generated_files().items():
        write(tmp_path, rel, text)
    (tmp_path / "schemas/partner.schema.json").write_text("{}", encoding="utf-8")
    result = run_cli("schema", "--check", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (
        1, "schemas/partner.schema.json: passer ikke til modellerne — kør 'rummelig schema', og commit filen\n")


@pytest.mark.parametrize(("kind", "pattern"), [("partner", "partners/*/*.yml"), ("library", "libraries/*.yml"),
                                               ("strategy", "strategies/*.md")])
def test_real_content_is_valid_against_the_editor_schema(kind, pattern):
    schema = json.loads((PROJECT / f"schemas/{kind}.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema)
    for path in sorted(PROJECT.glob(pattern)):
        text = path.read_text(encoding="utf-8")
        if kind == "strategy":
            text = split_front_matter(text)[0]
        data = load_yaml(text, path.name, Problems()).data
        assert [e.message for e in validator.iter_errors(data)] == [], path
    assert list(validator.iter_errors({"name": "x", "typo": 1}))  # unknown keys are underlined


def test_vscode_settings_map_the_yaml_globs_to_existing_schemas():
    settings = json.loads((PROJECT / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    assert mapping["./schemas/partner.schema.json"][0] == "partners/*/*.yml"
    assert mapping["./schemas/library.schema.json"][0] == "libraries/*.yml"
    assert all((PROJECT / schema).is_file() for schema in mapping)


# -- freshness ------------------------------------------------------------------------------------

def test_review_lists_stale_entries_grouped_by_library(repo):
    result = run_cli("review", "--today", "2027-11-02", cwd=repo)
    assert result.returncode == 0
    assert result.stdout == (
        "Forfaldent til gennemgang pr. 2. november 2027: 3.\n\n"
        "Testbiblioteket (testbib): 3\n"
        "  libraries/testbib.yml: bibliotek 'Testbiblioteket', sidst gennemgået 1. november 2026 (1 dag over tid)\n"
        "  partners/aarhus/vaerestedet.yml: partner 'Værestedet i Testby', sidst kontrolleret 1. november 2026 "
        "(1 dag over tid)\n"
        "  strategies/en-gaest-sover.md: strategi 'En gæst sover', sidst gennemgået 1. november 2026 "
        "(1 dag over tid)\n\n"
        "Sådan gør I:\n"
        "  strategi: læs den igennem, ret det, der ikke længere passer, og sæt last_reviewed til dagens dato\n"
        "  bibliotek: tjek kontakt og husregler, og sæt last_reviewed til dagens dato\n"
        "  partner: tjek telefonnummer, adresse og åbningstider hos partneren, og sæt last_verified til dagens dato\n")
    assert run_cli("review", "--today", "2027-11-01", cwd=repo).stdout == \
        "Intet er forfaldent til gennemgang pr. 1. november 2027.\n"


def test_review_uses_review_every_months_and_writes_markdown_and_json(repo):
    path = repo / "strategies/en-gaest-sover.md"
    path.write_text(path.read_text(encoding="utf-8").replace("onboarding: 1", "review_every_months: 3"),
                    encoding="utf-8")
    out = io.StringIO()
    assert review_command.run(repo, "json", date(2027, 2, 2), out=out) == 0
    data = json.loads(out.getvalue())
    assert data["total"] == 1 and data["libraries"][0]["library"] == "testbib"
    assert data["libraries"][0]["items"] == [{
        "kind": "strategy", "id": "en-gaest-sover", "path": "strategies/en-gaest-sover.md", "title": "En gæst sover",
        "date_key": "last_reviewed", "last": "2026-11-01", "due": "2027-02-01", "days_overdue": 1}]
    out = io.StringIO()
    review_command.run(repo, "markdown", date(2027, 2, 2), out=out)
    assert out.getvalue() == (
        "# Forfaldent til gennemgang pr. 2. februar 2027\n\n"
        "1 punkt skal gennemgås. Sæt kryds, når I er færdige med et punkt, og husk at opdatere datoen i filen.\n\n"
        "## Testbiblioteket (testbib)\n\n"
        "- [ ] **En gæst sover** (strategi, `strategies/en-gaest-sover.md`): sidst gennemgået 1. november 2026, "
        "1 dag over tid. Sådan: læs den igennem, ret det, der ikke længere passer, og sæt last_reviewed til dagens "
        "dato (`last_reviewed`).\n")


def test_review_rejects_a_bad_date(repo):
    result = run_cli("review", "--today", "2027-02-30", cwd=repo)
    assert (result.returncode, result.stderr) == (
        2, "rummelig review: --today '2027-02-30' er ikke en dato — skriv ÅÅÅÅ-MM-DD, fx 2026-11-20\n")


def test_overdue_pages_show_a_discreet_notice(repo):
    def pages(today: date) -> dict[str, str]:
        return {p.uri: p.content for p in render_pages(check_repository(repo).repo, today)}

    fresh, stale_pages = pages(date(2027, 11, 1)), pages(date(2027, 11, 2))
    assert "Trænger til gennemgang" not in fresh["strategier/en-gaest-sover.md"]
    assert "Sidst gennemgået 1. november 2026 · *Trænger til gennemgang (senest 1. november 2027)*" in \
        stale_pages["strategier/en-gaest-sover.md"]
    assert "Sidst kontrolleret 1. november 2026. *Det er mere end et år siden – tjek oplysningerne, før du bruger " \
           "dem.*" in stale_pages["partnere/aarhus/index.md"]
    assert "*Profilen skulle have været gennemgået igen senest 1. november 2027 – tjek oplysningerne, før du " \
           "bruger dem.*" in stale_pages["biblioteker/testbib/index.md"]


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


@pytest.mark.parametrize(("text", "expected"), [
    ("Vi møder mennesker med et rusmiddelproblem.", []),               # the suggestion itself
    ("Han bumsede ind i døren. Narkomaniens historie.", []),            # words inside other words
    ("Mange misbrugere, få misbrugerorganisationer.", ["misbrugere"]),
    ("En stofmisbruger og en alkoholmisbrugers ven.", ["stofmisbruger", "alkoholmisbrugers"]),  # compounds
    ("De\nhjemløse sover ude.", ["De hjemløse"]),                      # across a line break
    ("Ordet `narkoman` i kode, og <!-- junkie --> i en kommentar.", []),
    ("Et citat: narkoman <!-- sprogbrug: tillad -->", []),
    ("Se [siden](https://example.dk/narkoman).", []),
    ("```\njunkie\n```\nbums", ["bums"]),
])
def test_word_matching(text, expected):
    assert [hit.word for hit in scan(text, "markdown")] == expected


def test_yaml_comments_and_allow_marker_are_not_checked():
    text = "# narkoman i en kommentar\nkeywords: [narkoman]  # sprogbrug: tillad\ntags: [junkie]\n"
    assert [(hit.line, hit.word) for hit in scan(text, "yaml")] == [(3, "junkie")]


def test_the_word_list_is_data_with_every_entry_complete():
    words, problems = load_wordlist()
    assert problems == ()
    terms = {term.term: term for term in words.terms}
    assert terms["misbruger"].suggestion == "menneske med et rusmiddelproblem"
    assert terms["de hjemløse"].suggestion == "mennesker i hjemløshed"
    assert {"narkoman", "bums"} <= set(terms)
    assert WordList([]).find("narkoman") is not None  # an empty list finds nothing, without error
    assert list(WordList([]).find("narkoman")) == []


def test_the_project_content_passes_check_without_language_warnings():
    found = [p.format() for p in check_repository(PROJECT).problems if p.code == "language.respectful"]
    assert found == []


# -- checking a pull request ----------------------------------------------------------------------

def test_check_with_paths_reports_only_those_files_but_applies_cross_file_rules(repo):
    strategy = repo / "strategies/en-gaest-sover.md"
    strategy.write_text(strategy.read_text(encoding="utf-8").replace("owner: testbib", "owner: ukendt"),
                        encoding="utf-8")
    partner = repo / "partners/aarhus/vaerestedet.yml"
    partner.write_text(partner.read_text(encoding="utf-8").replace("type: drop-in-centre", "type: shelterr"),
                       encoding="utf-8")
    only = run_cli("check", "strategies/en-gaest-sover.md", cwd=repo)
    assert only.returncode == 1
    assert only.stdout.splitlines() == [
        "strategies/en-gaest-sover.md:9: biblioteket 'ukendt' findes ikke — brug id'et på en fil i libraries/ "
        "(filnavnet uden .yml), eller 'redaktionen' for fælles indhold fra redaktionen, eller opret biblioteket med "
        "'rummelig new library <id>'",
        "(Der er også 1 fejl i andre filer — kør 'rummelig check' uden filnavne for at se dem.)",
        "1 fejl og 0 advarsler i 1 fil."]
    clean = run_cli("check", "libraries", cwd=repo)
    assert (clean.returncode, clean.stdout.splitlines()[-1]) == (0, "Alt i orden i 1 valgt fil.")
    outside = run_cli("check", "/", cwd=repo)
    assert outside.returncode == 2 and "ligger ikke i projektet" in outside.stderr


def test_check_formats_github_annotations_and_gitlab_code_quality(repo):
    partner = repo / "partners/aarhus/vaerestedet.yml"
    partner.write_text(partner.read_text(encoding="utf-8").replace("type: drop-in-centre", "type: shelterr")
                       .replace("Et værested med kaffe", "Et værested for narkomaner med kaffe"), encoding="utf-8")
    out = io.StringIO()
    assert check_command.run(repo, out, ["partners/aarhus/vaerestedet.yml"], "github") == 1
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("::error file=partners/aarhus/vaerestedet.yml,line=2,title=rummelig check::'type' "
                               "er 'shelterr' — brug en af: street-nurse, drop-in-centre")
    assert lines[1] == ("::warning file=partners/aarhus/vaerestedet.yml,line=3,title=rummelig check::advarsel: "
                        "'narkomaner' kan virke stigmatiserende (ordet gør et menneske til sit forbrug af stoffer) "
                        "— skriv hellere 'mennesker, der bruger stoffer'")
    out, err = io.StringIO(), io.StringIO()
    assert check_command.run(repo, out, None, "gitlab", err) == 1
    report = json.loads(out.getvalue())
    assert [(r["location"], r["severity"], r["check_name"]) for r in report] == [
        ({"path": "partners/aarhus/vaerestedet.yml", "lines": {"begin": 2}}, "critical", "model.value"),
        ({"path": "partners/aarhus/vaerestedet.yml", "lines": {"begin": 3}}, "minor", "language.respectful")]
    assert len({r["fingerprint"] for r in report}) == 2
    assert err.getvalue() == "1 fejl og 1 advarsel i 1 fil.\n"


# -- forge templates and CODEOWNERS ----------------------------------------------------------------

def test_ci_templates_run_check_strict_build_and_tests_and_keep_the_site():
    github = yaml.safe_load((PROJECT / ".github/workflows/kontrol.yml").read_text(encoding="utf-8"))
    assert "pull_request" in github[True]  # YAML 1.1 reads the key `on` as true
    steps = github["jobs"]["kontrol"]["steps"]
    commands = "\n".join(step.get("run", "") for step in steps)
    for needle in ("rummelig check --format github", ".venv/bin/rummelig check", "make site", ".ci/run",
                   "rummelig schema --check"):
        assert needle in commands, needle
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["path"] == "site/" and upload["if"] == "always()"
    gitlab = yaml.safe_load((PROJECT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    script = "\n".join(gitlab["kontrol"]["script"] + gitlab["test"]["script"])
    for needle in ("rummelig check --format gitlab", "make site", ".ci/run"):
        assert needle in script, needle
    assert gitlab["kontrol"]["artifacts"]["paths"] == ["site/"]
    assert gitlab["kontrol"]["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert {"merge_request_event"} <= {r["if"].split('"')[1] for r in gitlab["workflow"]["rules"] if '"' in r["if"]}
    hooks = yaml.safe_load((PROJECT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0]["hooks"]
    assert hooks[0]["entry"] == ".venv/bin/rummelig check" and hooks[0]["pass_filenames"] is True


@pytest.mark.parametrize("path", [".github/pull_request_template.md", ".gitlab/merge_request_templates/Default.md"])
def test_pull_request_templates_have_the_checklist(path):
    text = (PROJECT / path).read_text(encoding="utf-8")
    for needle in ("## Kilder", "ingen personoplysninger", "Datoen er opdateret", "UDFYLD"):
        assert needle in text, needle


def test_codeowners_gives_each_library_its_files(repo):
    write(repo, "partners/hele-landet/linje.yml", (repo / "partners/aarhus/vaerestedet.yml").read_text("utf-8"))
    result = run_cli("codeowners", "--org", "kbh-bib", cwd=repo)
    assert result.returncode == 0, result.stderr
    rows = [line.split() for line in result.stdout.splitlines() if line and not line.startswith("#")]
    assert rows == [["*", "@kbh-bib/redaktionen"], ["/strategies/en-gaest-sover.md", "@kbh-bib/testbib"],
                    ["/libraries/testbib.yml", "@kbh-bib/testbib"], ["/partners/aarhus/", "@kbh-bib/testbib"],
                    ["/encounters/testbib/", "@kbh-bib/testbib"]]
    assert run_cli("codeowners", "--org", "a b", cwd=repo).returncode == 2


def test_codeowners_example_is_what_the_command_makes_for_this_repository():
    from rummelig.codeowners import codeowners

    example = (PROJECT / ".github/CODEOWNERS.example").read_text(encoding="utf-8")
    assert "/partners/aarhus/" in example and "/libraries/dokk1.yml" in example
    assert example.split("\n\n")[0] == codeowners(check_repository(PROJECT).repo).split("\n\n")[0]
