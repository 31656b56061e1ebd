"""export/hsds: the partner directory as Open Referral HSDS 3.0 (issue 9)."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from rummelig.export.hsds import export_hsds
from rummelig.export.hsds.files import csv_resources
from rummelig.export.hsds.ids import hsds_id
from rummelig.pipeline import check_repository
from tests.support import PROJECT, write

# The vendored copy of the official files (provenance, licence and checksums in its README).
PACKAGED = PROJECT / "rummelig" / "data" / "hsds-3.0"


def test_the_vendored_files_are_the_official_ones_unchanged():
    """Every vendored JSON file matches SHA256SUMS (taken when it was copied from upstream), and
    nothing is vendored without a checksum."""
    listed = {}
    for line in (PACKAGED / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, name = line.split("  ", 1)
        listed[name] = digest
    present = sorted(p.relative_to(PACKAGED).as_posix() for p in PACKAGED.rglob("*.json"))
    assert sorted(listed) == present
    assert len(present) == 26
    changed = [name for name in present if hashlib.sha256((PACKAGED / name).read_bytes()).hexdigest() != listed[name]]
    assert changed == []


def _validators(name: str) -> list[Draft202012Validator]:
    """The packaged single-object schema (references resolved) and the official compiled one."""
    registry = Registry().with_resources(
        (path.name, Resource(json.loads(path.read_text(encoding="utf-8")), DRAFT202012))
        for path in (PACKAGED / "schema").glob("*.json"))
    compiled = json.loads((PACKAGED / "schema" / "compiled" / name).read_text(encoding="utf-8"))
    return [Draft202012Validator({"$ref": name}, registry=registry, format_checker=FormatChecker()),
            Draft202012Validator(compiled, format_checker=FormatChecker())]


@pytest.fixture(scope="module")
def validators() -> dict[str, list[Draft202012Validator]]:
    return {"services.json": _validators("service.json"), "organizations.json": _validators("organization.json")}


@pytest.fixture(scope="module")
def project_exports(tmp_path_factory) -> dict[str, Path]:
    """The repository's own partners, exported without and with the examples."""
    checked = check_repository(PROJECT)
    assert not checked.problems.has_errors(), [p.format() for p in checked.problems.errors]
    repo = checked.repo
    out = {}
    for name, include in (("default", False), ("examples", True)):
        out[name] = tmp_path_factory.mktemp(name)
        export_hsds(repo, out[name], include_examples=include)
    return out


def _errors(validator: Draft202012Validator, documents: list) -> list[str]:
    return [f"{e.json_path}: {e.message}" for document in documents for e in validator.iter_errors(document)]


@pytest.mark.parametrize("which", ["default", "examples"])
@pytest.mark.parametrize("filename", ["services.json", "organizations.json"])
def test_the_repositorys_partners_validate_against_hsds_3(project_exports, validators, which, filename):
    documents = json.loads((project_exports[which] / "json" / filename).read_text(encoding="utf-8"))
    assert len(documents) >= 9  # the nationwide lines and the police are real, verified entries
    for validator in validators[filename]:
        assert _errors(validator, documents) == []


def test_the_validation_is_not_vacuous(project_exports, validators):
    service = json.loads((project_exports["default"] / "json" / "services.json").read_text(encoding="utf-8"))[0]
    broken = {**service, "status": "open", "phones": [{"id": "not-a-uuid", "number": "112"}]}
    del broken["name"]
    for validator in validators["services.json"]:
        messages = _errors(validator, [broken])
        assert "$: 'name' is a required property" in messages
        assert any(m.startswith("$.status: 'open' is not one of") for m in messages)
        assert "$.phones[0].id: 'not-a-uuid' is not a 'uuid'" in messages


def test_csv_headers_match_the_official_datapackage(project_exports):
    folder = project_exports["examples"] / "csv"
    official = json.loads((PACKAGED / "datapackage.json").read_text(encoding="utf-8"))
    assert (folder / "datapackage.json").read_bytes() == (PACKAGED / "datapackage.json").read_bytes()
    assert len(official["resources"]) == 21
    for resource in official["resources"]:
        with (folder / resource["path"]).open(encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle))
        assert header == [field["name"] for field in resource["schema"]["fields"]], resource["path"]
    assert sorted(p.name for p in folder.iterdir()) == sorted(["datapackage.json", *(r[1] for r in csv_resources())])


def test_csv_rows_validate_against_the_tabular_schema(project_exports):
    folder = project_exports["examples"] / "csv"
    dataset = {}
    for name, filename, _ in csv_resources():
        with (folder / filename).open(encoding="utf-8", newline="") as handle:
            dataset[name] = [{k: v for k, v in row.items() if v != ""} for row in csv.DictReader(handle)]
    tabular = json.loads((PACKAGED / "schema" / "compiled" / "tabular.json").read_text(encoding="utf-8"))
    validator = Draft202012Validator(tabular, format_checker=FormatChecker())
    assert [e.message for e in validator.iter_errors(dataset)] == []
    partner_files = list((PROJECT / "partners").glob("*/*.yml"))  # with examples: every partner is a service
    assert len(dataset["service"]) == len(partner_files) and len(dataset["taxonomy_term"]) == 15
    service_ids = {row["id"] for row in dataset["service"]}
    for table in ("phone", "schedule", "language", "service_area"):
        assert {row["service_id"] for row in dataset[table]} <= service_ids, table


def test_ids_are_stable_uuid5_and_the_output_is_identical_across_runs(project_exports, tmp_path):
    export_hsds(check_repository(PROJECT).repo, tmp_path, include_examples=True)
    for path in sorted(project_exports["examples"].rglob("*.*")):
        again = tmp_path / path.relative_to(project_exports["examples"])
        assert again.read_bytes() == path.read_bytes(), path.name
    # Pinned: changing the namespace or the naming would change every id consumers hold.
    assert hsds_id("service", "alarm-112") == "282caddf-bab8-54fb-8e0b-47c479f236d0"
    services = json.loads((tmp_path / "json" / "services.json").read_text(encoding="utf-8"))
    alarm = next(s for s in services if s["name"] == "Alarm 112")
    assert alarm["id"] == "282caddf-bab8-54fb-8e0b-47c479f236d0"
    assert alarm["phones"][0]["number"] == "112"  # a short number is written as dialled
    assert alarm["service_areas"][0]["name"] == "Danmark"


def test_examples_are_left_out_unless_asked_for(project_exports):
    default = json.loads((project_exports["default"] / "json" / "services.json").read_text(encoding="utf-8"))
    examples = json.loads((project_exports["examples"] / "json" / "services.json").read_text(encoding="utf-8"))
    assert not any("eksempel" in s["name"].lower() for s in default)
    assert "alert" not in {key for s in default for key in s}
    flagged = [s for s in examples if "alert" in s]
    samples = sum(1 for record in check_repository(PROJECT).repo.partners.values() if record.model.is_sample)
    assert len(flagged) == len(examples) - len(default) == samples > 30
    assert flagged[0]["alert"] == "Eksempel — ikke verificeret. Brug ikke oplysningerne i en akut situation."


OVERNIGHT = """\
name: Natcaféen
type: night-shelter
description: Et varmt sted om natten.
helps_with: [kaffe]
when_to_contact: [Ved lukketid.]
contact:
  phone: "+45 70 20 12 01"
  email: natcafe@example.dk
  address: Jægergårdsgade 1, 8000 Aarhus C
opening_hours:
  - days: [fri, mon, sat]
    opens: "22:00"
    closes: "07:00"
    overnight: true
  - days: [sun]
    opens: "00:00"
    closes: "24:00"
opening_note: Ring først.
languages: [da, ar]
last_verified: 2026-11-01
verified_by: testbib
"""


def test_mapping_of_one_partner(repo, tmp_path):
    write(repo, "partners/aarhus/natcafeen.yml", OVERNIGHT)
    write(repo, "partners/hele-landet/linjen.yml", OVERNIGHT.replace("Natcaféen", "Linjen"))
    write(repo, "partners/aarhus/stedet.yml", OVERNIGHT.replace("Natcaféen", "Stedet").replace(
        "Jægergårdsgade 1, 8000 Aarhus C", "Bag banegården"))
    result = export_hsds(check_repository(repo).repo, tmp_path)
    assert [p.format() for p in result.problems] == [
        "partners/aarhus/stedet.yml:9: advarsel: adressen 'Bag banegården' kan ikke deles op i gade, postnummer "
        "og by, så HSDS-eksporten har den kun som tekst — skriv den som 'Gade 1, 8000 By'",
        "partners/hele-landet/linjen.yml:9: advarsel: en landsdækkende partner hører ikke til en region, så "
        "HSDS-eksporten har adressen kun som tekst — flyt partneren til sin kommunes mappe, hvis adressen er et "
        "sted, man kan møde op"]
    services = {s["name"]: s for s in json.loads((tmp_path / "json" / "services.json").read_text(encoding="utf-8"))}
    assert set(services) == {"Natcaféen", "Linjen", "Stedet"}  # the fixture's example partner is left out
    cafe = services["Natcaféen"]
    assert cafe["organization"]["email"] == "natcafe@example.dk"
    assert cafe["phones"] == [{"id": hsds_id("phone", "natcafeen"), "service_id": cafe["id"],
                               "number": "+4570201201", "type": "voice"}]
    assert [(s["byday"], s["opens_at"], s["closes_at"], s["description"]) for s in cafe["schedules"]] == [
        ("MO,FR,SA", "22:00", "07:00", "man, fre–lør 22:00–07:00 næste dag (dansk tid)"),
        ("SU", "00:00", "23:59", "søn 00:00–24:00 (dansk tid)")]
    assert {s["freq"] for s in cafe["schedules"]} == {"WEEKLY"}
    assert {s["notes"] for s in cafe["schedules"]} == {"Ring først."}
    assert [(x["code"], x["name"]) for x in cafe["languages"]] == [("da", "Dansk"), ("ar", "Arabisk")]
    assert cafe["service_areas"][0]["name"] == "Aarhus"
    assert cafe["service_areas"][0]["description"] == "Aarhus Kommune, kommunekode 751, Region Midtjylland"
    assert cafe["attributes"][0]["value"] == "night-shelter"
    assert cafe["attributes"][0]["taxonomy_term"]["name"] == "Natvarmestue/natcafé"
    location = cafe["service_at_locations"][0]["location"]
    assert location["addresses"] == [{
        "id": hsds_id("address", "natcafeen"), "location_id": location["id"], "address_1": "Jægergårdsgade 1",
        "city": "Aarhus C", "state_province": "Region Midtjylland", "postal_code": "8000", "country": "DK",
        "address_type": "physical"}]
    for name, text in (("Linjen", "Jægergårdsgade 1, 8000 Aarhus C"), ("Stedet", "Bag banegården")):
        unsplit = services[name]["service_at_locations"][0]["location"]
        assert unsplit["addresses"] == [] and unsplit["description"] == text
    assert services["Linjen"]["service_areas"][0]["name"] == "Danmark"
