"""The preview's rebuild (rummelig/render/dependencies.py, issue 18): after any edit, rendering
only the pages the edit can change gives exactly the pages a full render gives — for every kind
of content and edit, in the national edition and in a library's — and an edit to one playbook
renders a handful of pages, not the site."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from bench.corpus import generate
from rummelig.cache import CheckCache
from rummelig.pipeline import check_repository
from rummelig.render import environment
from rummelig.render.all_pages import render_pages
from rummelig.render.dependencies import page_topics
from rummelig.site import SiteResult, build_site

TODAY = date(2026, 11, 1)
LIBRARY = "aarhus-bibliotek-1"


@pytest.fixture(scope="module")
def corpus_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small generated corpus, plus a region's and two nationwide lines (partner types the
    situations ask for) and a partner that names its libraries."""
    root = tmp_path_factory.mktemp("corpus") / "c"
    generate(root, scale=0.05, seed=5, today=TODAY)
    partners = sorted((root / "partners" / "aarhus").glob("*.yml"))
    text = partners[0].read_text(encoding="utf-8")
    for area, name, kind in [("hele-landet", "Natlinien", "helpline"), ("hele-landet", "Politiets linje", "police"),
                             ("region-midtjylland", "Lægevagten", "health-clinic")]:
        target = root / "partners" / area / f"{name.lower().replace(' ', '-').replace('æ', 'ae')}.yml"
        target.parent.mkdir(exist_ok=True)
        target.write_text(_set(_set(text, "name", f'"{name}"'), "type", kind), encoding="utf-8")
    named = root / "partners" / "odense" / "named-by-aarhus.yml"
    named.parent.mkdir(exist_ok=True)
    named.write_text(_set(text, "name", '"Broen over grænsen"') + f"libraries: [{LIBRARY}]\n", encoding="utf-8")
    return root


@pytest.fixture
def corpus(corpus_template: Path, tmp_path: Path) -> Path:
    root = tmp_path / "c"
    shutil.copytree(corpus_template, root)
    return root


def _set(text: str, key: str, value: str) -> str:
    """`text` (YAML or front matter) with the top-level `key` set to `value`."""
    line = re.compile(rf"^{key}:.*$", re.MULTILINE)
    if line.search(text):
        return line.sub(f"{key}: {value}", text, count=1)
    return text.replace("\n", f"\n{key}: {value}\n", 1)


def _edit(rel: str, key: str, value: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        path = root / rel
        path.write_text(_set(path.read_text(encoding="utf-8"), key, value), encoding="utf-8")
    return change


def _first(root: Path, pattern: str) -> str:
    return sorted(p.relative_to(root).as_posix() for p in root.glob(pattern))[0]


def _situation(root: Path, partner_type: str | None = None) -> str:
    """A situation playbook no other page links to (deleting it breaks no link), of a type."""
    texts = [p.read_text(encoding="utf-8") for p in (root / "strategies").glob("*.md")]
    for path in sorted((root / "strategies").glob("*-situation.md")):
        linked = any(f"{path.stem}.md" in text for text in texts)
        if not linked and (partner_type is None or partner_type in path.read_text(encoding="utf-8")):
            return path.relative_to(root).as_posix()
    raise AssertionError(partner_type)


def _append(rel_of: Callable[[Path], str], text: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        path = root / rel_of(root)
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    return change


def _move(rel_of: Callable[[Path], str], new: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        target = root / new
        target.parent.mkdir(parents=True, exist_ok=True)
        (root / rel_of(root)).rename(target)
    return change


def _delete(rel_of: Callable[[Path], str]) -> Callable[[Path], None]:
    return lambda root: (root / rel_of(root)).unlink()


def _copy(rel_of: Callable[[Path], str], new: str, key: str, value: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        text = (root / rel_of(root)).read_text(encoding="utf-8")
        (root / new).parent.mkdir(parents=True, exist_ok=True)
        (root / new).write_text(_set(text, key, value), encoding="utf-8")
    return change


def _on(rel_of: Callable[[Path], str], key: str, value: str) -> Callable[[Path], None]:
    return lambda root: _edit(rel_of(root), key, value)(root)


AARHUS = "partners/aarhus/*.yml"


def aarhus(root: Path) -> str:
    return _first(root, AARHUS)


def situation(root: Path) -> str:
    return _situation(root)


EDITS: dict[str, Callable[[Path], None]] = {
    "playbook: the text": _append(situation, "\nEn ny sætning til sidst.\n"),
    "playbook: the title": _on(situation, "title", '"En helt ny titel"'),
    "playbook: another owner": _on(situation, "owner", LIBRARY),
    "playbook: other partner types": _on(situation, "partner_types", "[helpline, health-clinic]"),
    "playbook: onboarding place": _on(situation, "onboarding", "3"),
    "playbook: add": _copy(situation, "strategies/ny-situation.md", "title", '"Ny situation"'),
    "playbook: delete": _delete(situation),
    "playbook: rename": _move(situation, "strategies/omdoebt-situation.md"),
    "partner: the phone": _on(aarhus, "name", '"Et nyt navn"'),
    "partner: the type": _on(aarhus, "type", "shelter"),
    "partner: to another municipality": _move(aarhus, "partners/odense/flyttet.yml"),
    "partner: add": _copy(aarhus, "partners/aarhus/ny-partner.yml", "name", '"Ny partner"'),
    "partner: delete": _delete(aarhus),
    "partner: names a library": _append(aarhus, f"libraries: [{LIBRARY}]\n"),
    "partner: no longer names its library": _delete(lambda r: "partners/odense/named-by-aarhus.yml"),
    "partner: a nationwide line": _on(lambda r: "partners/hele-landet/politiets-linje.yml", "description",
                                      '"En ny beskrivelse af linjen."'),
    "partner: a region's line": _on(lambda r: "partners/region-midtjylland/laegevagten.yml", "name",
                                    '"Lægevagten i regionen"'),
    "library: the name": _on(lambda r: f"libraries/{LIBRARY}.yml", "name", "Et nyt navn på biblioteket"),
    "library: another municipality": _on(lambda r: f"libraries/{LIBRARY}.yml", "municipality", "odense"),
    "library: a contact card of its own": _append(lambda r: f"libraries/{LIBRARY}.yml", "contact_card: []\n"),
    "library: add": _copy(lambda r: f"libraries/{LIBRARY}.yml", "libraries/nyt-bibliotek.yml", "name", "Nyt bibliotek"),
    "encounters: a row": _append(lambda r: f"encounters/{LIBRARY}/2026.csv", "2026-10-30,samtale,3,\n"),
    "encounters: a year less": _delete(lambda r: f"encounters/{LIBRARY}/2025.csv"),
    "encounters: sample data": lambda r: (r / "encounters" / LIBRARY / "eksempel.yml").write_text("example: true\n"),
    "two files at once": lambda r: (_on(situation, "title", '"To ting"')(r), _on(aarhus, "type", "shelter")(r)),
    "nothing": lambda r: None,
}


def _pages(result: SiteResult) -> dict[str, str]:
    pages = {page.uri: page.content for page in result.pages}
    assert len(pages) == len(result.pages), "a page is made once"
    return pages


@pytest.mark.parametrize("library", [None, LIBRARY], ids=["national", "edition"])
@pytest.mark.parametrize("what", list(EDITS))
def test_rendering_what_an_edit_affects_gives_the_full_render(corpus: Path, what: str, library: str | None,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    cache = CheckCache(None, keep_units=True)
    before = build_site(corpus, TODAY, library, cache)
    assert before.pages and not before.problems.has_errors()
    EDITS[what](corpus)
    rendered: list[str] = []
    real = environment.Renderer.page

    def counting(self, uri, *args, **kwargs):  # type: ignore[no-untyped-def]
        rendered.append(uri)
        return real(self, uri, *args, **kwargs)

    monkeypatch.setattr(environment.Renderer, "page", counting)
    after = build_site(corpus, TODAY, library, cache, previous=before)
    monkeypatch.undo()
    assert not after.problems.has_errors(), [p.format() for p in after.problems.errors]
    full = build_site(corpus, TODAY, library)
    assert _pages(after) == _pages(full)
    # Most edits render a small part of the site; a nationwide line is on every library's card, and
    # an edition's own library (its name, its area) is on every page of the edition.
    everywhere = what.startswith("partner: a nationwide") or (library is not None and what.startswith("library"))
    assert len(rendered) < len(full.pages) / 2 or everywhere, (what, len(rendered))
    if what == "nothing":
        assert rendered == []


def test_a_playbook_edit_renders_its_page_and_the_lists(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = CheckCache(None, keep_units=True)
    before = build_site(corpus, TODAY, None, cache)
    EDITS["playbook: the text"](corpus)
    rendered: list[str] = []
    real = environment.Renderer.page
    monkeypatch.setattr(environment.Renderer, "page",
                        lambda self, uri, *a, **k: rendered.append(uri) or real(self, uri, *a, **k))
    build_site(corpus, TODAY, None, cache, previous=before)
    owner = re.search(r"^owner: (.+)$", (corpus / situation(corpus)).read_text(encoding="utf-8"), re.MULTILINE)
    assert owner is not None
    assert sorted(rendered) == sorted([
        f"strategier/{Path(situation(corpus)).stem}.md", "strategier/index.md", "index.md",
        "ny-medarbejder/index.md", f"biblioteker/{owner.group(1)}/index.md",
        f"biblioteker/{owner.group(1)}/kontaktkort.md", f"biblioteker/{owner.group(1)}/husregler.md"])


@pytest.mark.parametrize("library", [None, LIBRARY], ids=["national", "edition"])
def test_every_page_made_has_its_topics(corpus_template: Path, library: str | None) -> None:
    from rummelig.edition import edition

    repo = check_repository(corpus_template, TODAY).repo
    shown = edition(repo, library) if library else repo
    assert set(page_topics(shown, library)) == {page.uri for page in render_pages(shown, TODAY, library)}
