"""Write the HSDS dataset: nested JSON, and the CSV tabular data package.

    <dir>/json/services.json       list of service documents (compiled/service.json)
    <dir>/json/organizations.json  list of organization documents (compiled/organization.json)
    <dir>/csv/datapackage.json     the official HSDS 3.0 descriptor, verbatim
    <dir>/csv/<table>.csv          one file per resource in it (header only when empty)
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from rummelig.export.hsds.documents import organization_documents, service_documents
from rummelig.export.hsds.mapping import Tables, build_tables
from rummelig.export.spreadsheet import safe_row
from rummelig.problems import Problems
from rummelig.repository import Repository

DATA = "hsds-3.0"


def hsds_file(*parts: str) -> str:
    """The text of a packaged HSDS 3.0 file, e.g. hsds_file('schema', 'service.json')."""
    return resources.files("rummelig.data").joinpath(DATA, *parts).read_text(encoding="utf-8")


@cache
def datapackage() -> dict[str, Any]:
    package: dict[str, Any] = json.loads(hsds_file("datapackage.json"))
    return package


def csv_resources() -> list[tuple[str, str, list[str]]]:
    """(table name, file name, field names in order) for every resource of the data package."""
    return [(r["name"], r["path"], [f["name"] for f in r["schema"]["fields"]]) for r in datapackage()["resources"]]


@dataclass
class ExportResult:
    tables: Tables
    problems: Problems
    files: list[Path]

    def count(self, table: str) -> int:
        return len(self.tables.rows[table])


def _write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def export_hsds(repo: Repository, out: Path, include_examples: bool = False) -> ExportResult:
    """Write the dataset for a repository that loaded without errors."""
    tables, problems = build_tables(repo, include_examples)
    (out / "json").mkdir(parents=True, exist_ok=True)
    (out / "csv").mkdir(parents=True, exist_ok=True)
    written = [out / "json" / "services.json", out / "json" / "organizations.json",
               out / "csv" / "datapackage.json"]
    _write_json(written[0], service_documents(tables))
    _write_json(written[1], organization_documents(tables))
    written[2].write_text(hsds_file("datapackage.json"), encoding="utf-8")
    for name, filename, fields in csv_resources():
        path = out / "csv" / filename
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=fields, extrasaction="raise")
            writer.writeheader()
            writer.writerows(safe_row(row) for row in tables.rows.get(name, []))  # no formulas
        written.append(path)
    return ExportResult(tables, problems, written)
