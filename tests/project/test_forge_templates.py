"""The CI, pre-commit and pull-request templates run the check and carry the checklist."""

from __future__ import annotations

import pytest
import yaml

from tests.support import PROJECT

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
