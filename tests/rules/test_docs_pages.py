"""rules/docs_pages.py: the front matter of hand-written pages in docs/."""

from __future__ import annotations

from tests.support import write


def test_docs_front_matter_allows_only_known_keys(repo):
    from rummelig.pipeline import check_repository

    write(repo, "docs/a.md", "---\ntitle: A\nhide: [toc, navigation]\nsearch:\n  boost: 2\ntags: [x]\n---\n\n# A\n")
    write(repo, "docs/b.md", "---\ntitel: B\nhide: [menu]\n---\n\n# B\n")
    found = [p.format() for p in check_repository(repo).problems]
    assert found == [
        "docs/b.md:2: ukendt nøgle 'titel' (mente du 'title'?) — brug en af: title, description, subtitle, icon, "
        "status, tags, hide, search",
        "docs/b.md:3: 'hide punkt 1' er 'menu' — brug en af: navigation, toc, footer, path, tags, feedback",
    ]
