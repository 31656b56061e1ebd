"""rummelig/pagehtml.py and rummelig/siteconfig.py: the check renders Markdown exactly as the
build does (issue 13 item 1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rummelig import pagehtml
from rummelig.siteconfig import DEFAULT_EXTENSIONS, load_markdown_config, markdown_config, python_name, read_config
from tests.support import PROJECT, write


def test_the_default_is_the_projects_own_configuration():
    config = read_config((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))
    written = [e if not isinstance(e, dict) else {k: {o: python_name(v) or v for o, v in opts.items()}
                                                  for k, opts in e.items()} for e in config["markdown_extensions"]]
    assert written == [e if not isinstance(e, dict) else {k: {o: python_name(v) or v for o, v in opts.items()}
                                                          for k, opts in e.items()} for e in DEFAULT_EXTENSIONS]
    assert load_markdown_config(PROJECT).key == markdown_config(DEFAULT_EXTENSIONS).key


def test_headings_anchors_keep_danish_letters_as_the_build_makes_them():
    rendered = pagehtml.render("## Værested\n\n## SKP (støtte- og kontaktperson)\n\n## Å-kanten\n",
                               load_markdown_config(PROJECT))
    assert rendered.ids == {"værested", "skp-støtte-og-kontaktperson", "å-kanten"}


def test_only_the_known_python_names_are_imported(tmp_path):
    write(tmp_path, "mkdocs.yml", "markdown_extensions:\n  - toc:\n      slugify: !!python/name:os.system\n")
    assert load_markdown_config(tmp_path).problem == (
        "indstillingerne til 'toc' bruger et YAML-tag (fx !!python/name), som kontrollen ikke kan læse uden MkDocs")


def test_mkdocs_builtins_come_first_and_options_are_kept():
    config = markdown_config(["admonition", {"toc": {"permalink": True}}, "toc"])
    assert config.extensions == ["toc", "tables", "fenced_code", "admonition"]
    assert config.configs == {"toc": {"permalink": True}}
    assert config.problem == ""


def test_a_config_the_core_cannot_read_is_named(tmp_path):
    write(tmp_path, "mkdocs.yml", "markdown_extensions:\n  - pymdownx.emoji:\n"
                                  "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n")
    assert load_markdown_config(tmp_path).problem == (
        "indstillingerne til 'pymdownx.emoji' bruger et YAML-tag (fx !!python/name), som kontrollen ikke kan læse "
        "uden MkDocs")


def test_raw_html_links_ids_and_text_are_recorded():
    config = markdown_config(DEFAULT_EXTENSIONS)
    rendered = pagehtml.render(
        "## Hent hjælp\n\nSe [siden](a.md#x) og ![b](b.png) &amp; <b>fed</b>\n\n"
        "```\nkode <i>\n```\n\n<!-- note -->\n\nCPR 0101<!-- x -->90\n", config)
    assert rendered.links == ["a.md#x"] and rendered.images == ["b.png"]
    assert "hent-hjælp" in rendered.ids
    # block HTML first (a preprocessor), then inline; not the code block, not the entity
    assert rendered.raw == ["<!-- note -->\n", "<b>", "</b>", "<!-- x -->"]
    assert "CPR 010190" in rendered.text()
    again = pagehtml.render("Tekst", config)  # a renderer is reused, nothing carried over
    assert (again.raw, again.links, again.ids) == ([], [], set())


@pytest.mark.parametrize("text", [
    None,                                                    # no mkdocs.yml: the project's own list
    (PROJECT / "mkdocs.yml").read_text(encoding="utf-8"),
    "markdown_extensions:\n  - toc:\n      slugify: !!python/name:markdown.extensions.toc.slugify\n"
    "      permalink: true\n      toc_depth: 2-3\n  - admonition\n",
    "markdown_extensions:\n  - toc:\n      slugify: !!python/name:os.system\n",  # a problem, kept as one
    "markdown_extensions: [\n",                              # not YAML
])
def test_the_markdown_config_a_check_kept_is_the_config(tmp_path: Path, text: str | None) -> None:
    """`rummelig check` keeps mkdocs.yml's Markdown configuration (rummelig/kept.py); the next
    check's, made from what was kept without PyYAML, renders alike and says the same."""
    from rummelig import kept, siteconfig

    if text is not None:
        (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    store: dict[str, bytes] = {}
    kept.use(store)
    try:
        read = siteconfig.load_markdown_config(tmp_path)
        assert set(store) == {"markdown_config"}
        (tmp_path / "mkdocs.yml").unlink(missing_ok=True)   # not read again: taken from what was kept
        again = siteconfig.load_markdown_config(tmp_path)
    finally:
        kept.use(None)
    assert (again.extensions, again.problem, again.line, again.key) == (read.extensions, read.problem, read.line,
                                                                        read.key)
    assert again.configs == read.configs
    assert [list(options) for options in again.options.values()] == [list(o) for o in read.options.values()]
