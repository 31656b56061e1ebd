"""rummelig/materialize.py and rummelig/siteconfig.py: the config keeps its YAML tags and loses
hooks and watch."""

from __future__ import annotations

import yaml

from rummelig.materialize import plain_config
from rummelig.siteconfig import _yaml, read_config

CONFIG_WITH_TAGS = """\
site_name: Test
site_url: !ENV [RUMMELIG_SITE_URL, null]
hooks:
  - hooks/rummelig_hooks.py
watch: [strategies, rummelig]
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
"""


def test_the_config_keeps_its_tags_and_loses_hooks_and_watch():
    text = yaml.dump(plain_config(read_config(CONFIG_WITH_TAGS)), Dumper=_yaml()[1], allow_unicode=True,
                     sort_keys=False)
    assert text == (
        "site_name: Test\n"
        "site_url: !ENV [RUMMELIG_SITE_URL, null]\n"
        "markdown_extensions:\n"
        "- pymdownx.emoji:\n"
        "    emoji_index: !!python/name:material.extensions.emoji.twemoji ''\n"
        "docs_dir: docs\n"
        "site_dir: site\n")
