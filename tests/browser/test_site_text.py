"""Every page of the built site, as floor staff read it in Chromium, speaks Danish and shows no
leftovers of the machinery: no "None", "null", "nan", "undefined", "{{", "TODO" or English
interface words from the theme or our templates — after the scripts have run (opening hours,
"Mit bibliotek"), and in the titles, labels and placeholders a screen reader announces.

Found missing in the QA pass: nothing scanned the whole site for such leaks."""

from __future__ import annotations

import json
import re

from playwright.sync_api import BrowserContext

from tests.browser.site import pages

# What a template or a script leaves behind when a value is missing.
LEFTOVERS = re.compile(r"\bNone\b|\bnull\b|\bnan\b|\bNaN\b|\bundefined\b|\bInfinity\b|Invalid Date|\[object \w+\]"
                       r"|\{\{|\}\}|\{%|%\}|\bTODO\b|\bFIXME\b|\bXXX\b|Traceback")
# The placeholder of the templates is explained on the contributor pages (bidrag/), and only there.
UDFYLD = re.compile(r"\bUDFYLD\b")
# Interface words of Material for MkDocs and of our templates in English, as they would leak if a
# translation were missing. Content may quote English on purpose (sprogbarrierer-og-hjemloese-
# migranter: sentences to say to a guest), so these are interface phrases, not English words.
ENGLISH_UI = re.compile(r"Skip to content|Table of contents|Back to top|Copy to clipboard|Copied to clipboard"
                        r"|Type to start searching|No matching documents|Initializing search|Search\b|Clear\b"
                        r"|Share\b|Last update|Made with|Previous\b|Next\b|Edit this page|View source"
                        r"|Contact card|Opening hours|Open now|Closed today|Open today|\bToday\b|\bPhone\b"
                        r"|Who do I call|Remove choice|Make .* my library|Page not found|Go to home")

TEXT_OF_PAGE = """() => {
  const labels = Array.from(document.querySelectorAll('[title], [aria-label], [placeholder], [alt]'))
    .map(e => [e.getAttribute('title'), e.getAttribute('aria-label'), e.getAttribute('placeholder'),
               e.getAttribute('alt')].filter(Boolean).join(' / '));
  return [document.title, document.body.innerText, ...labels].join('\\n');
}"""


def leaks(address: str, text: str) -> list[str]:
    """Each leftover or English interface phrase in `text`, with a little of its context."""
    found = []
    patterns = [LEFTOVERS, ENGLISH_UI] + ([] if address.startswith("bidrag/") else [UDFYLD])
    for pattern in patterns:
        for match in pattern.finditer(text):
            context = text[max(0, match.start() - 40):match.end() + 20].replace("\n", " ")
            found.append(f"{address or '/'}: {match.group(0)!r} in …{context}…")
    return found


def test_the_scan_finds_what_it_looks_for():
    assert leaks("strategier/x/", "Ring til None · i dag {{ hours }}") == [
        "strategier/x/: 'None' in …Ring til None · i dag {{ hours }}…",
        "strategier/x/: '{{' in …Ring til None · i dag {{ hours }}…",
        "strategier/x/: '}}' in …Ring til None · i dag {{ hours }}…"]
    assert leaks("", "Skip to content\nÅbent i dag til undefined") == [
        "/: 'undefined' in …Skip to content Åbent i dag til undefined…",
        "/: 'Skip to content' in …Skip to content Åbent i dag til und…"]
    assert leaks("biblioteker/x/", "Regel: UDFYLD") == ["biblioteker/x/: 'UDFYLD' in …Regel: UDFYLD…"]
    assert leaks("bidrag/", "Skriv jeres tekst, hvor der står UDFYLD.") == []
    assert leaks("strategier/sprog/", '"We close at eight o\'clock. You are welcome to come back tomorrow."') == []


def test_no_page_shows_a_leftover_or_an_english_interface_word(site, context: BrowserContext):
    addresses = pages(site.site_dir)
    assert len(addresses) > 80 and "strategier/psykisk-krise/" in addresses
    # A colleague who chose a library: the front page and the red strip show its card (my-library.js).
    chosen = {"id": "dokk1", "name": "Dokk1 – Aarhus Bibliotekerne", "card": "biblioteker/dokk1/kontaktkort/"}
    context.add_init_script(f"localStorage.setItem('rummelig.mit-bibliotek', {json.dumps(json.dumps(chosen))});")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    found = []
    for address in [*addresses, "findes-ikke/"]:  # the last one: the 404 page
        page.goto(site.root + address)
        found += leaks(address, page.evaluate(TEXT_OF_PAGE))
    page.goto(site.root)
    assert "Dit bibliotek: Dokk1 – Aarhus Bibliotekerne" in page.inner_text("main")
    assert found == []
    assert errors == []
