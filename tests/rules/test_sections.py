"""rules/sections.py: a situation's sections, by name and in order."""

from __future__ import annotations

from tests.support import STRATEGY, messages, write


def test_situation_sections_in_order(repo):
    text = STRATEGY.replace("## Det kan du sige", "## Det kan du sig").replace("## Bagefter", "## Hent hjælpen")
    write(repo, "strategies/en-gaest-sover.md", text)
    wanted = ("en situation har afsnittene '## Situationen' → '## Sådan kan du gøre' → '## Det kan du sige' → "
              "'## Hent hjælp' → '## Bagefter'")
    assert messages(repo) == [
        f"strategies/en-gaest-sover.md:13: afsnittet '## Bagefter' mangler — {wanted}",
        f"strategies/en-gaest-sover.md:22: afsnittet '## Det kan du sig' hører ikke til en situation — mente du "
        f"'## Det kan du sige'? {wanted}; brug '###' til underafsnit",
        f"strategies/en-gaest-sover.md:30: afsnittet '## Hent hjælpen' hører ikke til en situation — mente du "
        f"'## Hent hjælp'? {wanted}; brug '###' til underafsnit",
    ]


def test_sections_out_of_order(repo):
    text = STRATEGY.replace("## Situationen\n\nEn gæst sover i en lænestol.\n\n", "")
    text = text.replace("## Bagefter", "## Situationen\n\nEn gæst sover.\n\n## Bagefter")
    write(repo, "strategies/en-gaest-sover.md", text)
    found = messages(repo)
    assert found == ["strategies/en-gaest-sover.md:26: afsnittet '## Situationen' står efter '## Hent hjælp' — sæt "
                     "afsnittene i rækkefølgen '## Situationen' → '## Sådan kan du gøre' → '## Det kan du sige' → "
                     "'## Hent hjælp' → '## Bagefter'"]
