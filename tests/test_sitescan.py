"""rummelig/sitescan.py: the last look at a built site finds a CPR number in any page, search
index or data file, and empties the site (issue 13 item 4)."""

from __future__ import annotations

import json

from rummelig.sitescan import refuse_built_site, scan_site
from tests.support import write


def test_a_cpr_number_anywhere_a_reader_can_fetch_it_is_found(tmp_path):
    site = tmp_path / "site"
    write(site, "index.html", "<html><body>\n<p>Intet her 70 20 12 01</p>\n</body></html>\n")
    write(site, "a/index.html", "<html>\n<body>\n<p>Borger 0101<!-- x -->90&#8209;1234</p>\n</body></html>\n")
    write(site, "b/index.html", '<html>\n<img alt="010190 - 1234" src="x.png">\n</html>\n')
    write(site, "search/index.json", json.dumps({"docs": [{"text": "nr. ０１０１９０-１２３４"}]}))
    write(site, "api/partners.json", json.dumps([{"name": "0101\u200b90-1234"}], ensure_ascii=True))
    write(site, "assets/javascripts/bundle.min.js", "var a=0101901234;")  # the theme's code is not content
    assert [(f.rel, f.line) for f in scan_site(site)] == [
        ("a/index.html", 3), ("api/partners.json", 1), ("b/index.html", 2), ("search/index.json", 1)]
    message = refuse_built_site(site)
    assert message.startswith("Den byggede side indeholder noget, der ligner et CPR-nummer, så den er slettet igen:\n"
                              "site/a/index.html:3: siden indeholder noget, der ligner et CPR-nummer\n")
    assert "1234" not in message.replace("site/", "")
    assert list(site.iterdir()) == []


def test_a_clean_site_is_left_alone(tmp_path):
    site = tmp_path / "site"
    write(site, "index.html", "<p>Åbent 01.01.2026 10-12, ring 70 20 12 01</p>\n")
    assert refuse_built_site(site) == ""
    assert (site / "index.html").exists()
