"""`rummelig schema`: the committed schemas and templates match the models; --check names a
stale file."""

from __future__ import annotations

from rummelig.commands import schema
from rummelig.commands.schema import stale
from rummelig.editor_schemas import generated_files
from tests.support import PROJECT, call, write

# -- editor help -------------------------------------------------------------------------------

def test_committed_schemas_and_templates_match_the_models():
    outdated = stale(PROJECT)
    assert outdated == [], f"forældede filer {outdated}: kør 'rummelig schema', og commit dem"


def test_schema_check_reports_a_stale_file(tmp_path):
    for rel, text in generated_files().items():
        write(tmp_path, rel, text)
    (tmp_path / "schemas/partner.schema.json").write_text("{}", encoding="utf-8")
    result = call(schema.run, tmp_path, True)
    assert (result.returncode, result.stdout) == (
        1, "schemas/partner.schema.json: passer ikke til modellerne — kør 'rummelig schema', og commit filen\n")
