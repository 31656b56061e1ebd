"""Finding the content files (rummelig/loading/sources.py): names, extensions, encodings, and a
walk that equals a sorted rglob."""

from __future__ import annotations

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
