"""Finding the content files (rummelig/loading/sources.py): names, extensions, encodings, and a
walk that equals a sorted rglob."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support import messages


def test_file_name_must_be_a_slug(repo):
    (repo / "strategies/en-gaest-sover.md").rename(repo / "strategies/En gæst sover.md")
    assert messages(repo) == ["strategies/En gæst sover.md: filnavnet 'En gæst sover.md' er ikke et gyldigt id — brug "
                              "kun små bogstaver a-z, tal og bindestreg: omdøb den til 'en-gaest-sover.md'"]


def test_yaml_extension_is_reported_not_skipped(repo):
    (repo / "libraries/testbib.yml").rename(repo / "libraries/testbib.yaml")
    found = messages(repo)
    assert found[0] == ("libraries/testbib.yaml: filendelsen '.yaml' bruges ikke i libraries/ — "
                        "omdøb den til 'testbib.yml'")


def test_not_utf8_names_the_line(repo):
    (repo / "libraries/testbib.yml").write_bytes(b"name: A\ncity: K\xf8ge\n")
    assert messages(repo)[0] == ("libraries/testbib.yml:2: filen er ikke gemt som UTF-8 — gem filen igen med "
                                 "tegnsættet UTF-8 (i de fleste editorer: 'Gem som' → UTF-8)")


def test_discovery_walk_is_sorted_rglob(tmp_path):
    from rummelig.loading.sources import _walk

    for name in ("b/x.yml", "a/.hidden/y.yml", "a-b/z.yml", "a/deep/er/w.yml", ".c.yml", "B.yml", "a.yml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x: 1\n", encoding="utf-8")
    (tmp_path / "link").symlink_to(tmp_path / "a", target_is_directory=True)
    unreadable: list = []
    walked = _walk(tmp_path, unreadable)
    assert unreadable == []
    assert [tmp_path.joinpath(*parts) for parts, _ in walked] == sorted(tmp_path.rglob("*"))
    assert [entry.path for _, entry in walked] == [str(p) for p in sorted(tmp_path.rglob("*"))]


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(alphabet=".ab-_ æ", min_size=1, max_size=8),
                 st.sampled_from([".env", "x.", "a.b.md", "..", "...md", ".md", "2026.csv", "eksempel.yml"])))
def test_split_name_is_what_pathlib_gives(name):
    from pathlib import PurePosixPath

    from rummelig.loading.sources import split_name

    if name in (".", "..") or "/" in name:
        return  # not a file name
    path = PurePosixPath(name)
    assert split_name(name) == (path.stem, path.suffix)


def test_a_file_name_ending_in_a_dot_has_no_extension(repo):
    (repo / "libraries/testbib.yml").rename(repo / "libraries/testbib.")
    assert messages(repo)[0] == ("libraries/testbib.: filnavnet 'testbib.' har ingen endelse — omdøb den til "
                                 "'testbib.yml', hvis den hører til her; ellers flyt eller slet den")


def test_source_file_path_is_its_file(repo):
    from pathlib import Path

    from rummelig.loading.sources import discover
    from rummelig.problems import Problems

    sources = discover(repo, Problems())
    assert sources and all(source.path == Path(source.file) and source.path.is_file() for source in sources)
