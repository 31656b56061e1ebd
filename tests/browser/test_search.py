"""Search in the browser, through Material's own search field (issues 4 and 14)."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page

from rummelig.search.language import stem
from rummelig.wordlist import load_wordlist
from tests.browser.searchui import SETTLED, Rates, load_queries, open_search, rank, search, wait_until_ready
from tests.browser.site import Served

pytestmark = pytest.mark.browser

# The tuning half is what we tune on: it must stay near perfect. The never-tuned sets tell
# whether the search generalises; their floors are what we reached without tuning on them, and
# the goal (issue 14) is 85 % first and 95 % in the top three.
# At round 5 the three oldest never-tuned sets were retired into tuning (RETIRED_FLOORS): their
# misses are printed and tuned on, and their floors only guard against regressions.
# Floors are one query under what round 5 reached (docs-dev/search.md), so that one page
# added by someone else does not fail the suite; a bigger drop does.
# held_out_5 (207 queries, written during round 5) reached 182 first and 194 in the top three
# with round 4's search when it was first run, after its queries were committed; 183 and 195
# with round 5's. held_out_6 (244 queries, written at the start of round 6 by a helper who never
# saw the search) reached 177 first and 200 in the top three with round 5's search, measured once
# before round 6 changed anything.
# At round 6 held_out_4 and held_out_5 were retired into tuning too; held_out_6 is the
# never-tuned set now. The tuning and retired floors are one query under what round 6 reached;
# held_out_6 reached 180 first and 208 in the top three with round 6's search (the lead's one run
# after the round had landed), and its floor is one query under that.
# At round 7 held_out_6 was retired into tuning as well (its misses are printed and tuned on
# since); the never-tuned set of round 7 is written by another helper and wired in by the lead.
# The tuning and retired floors are one query under what round 7 reached (docs-dev/search.md).
# held_out_7 (264 queries, written at the start of round 7 by a helper who never saw the search,
# committed before it was run) reached 213 first and 233 in the top three with round 6's search
# (the lead's run before round 7 landed anything), and 215 and 236 with round 7's as landed
# (2a769c0, the lead's one run after); its floor is one query under that.
# At round 8 held_out_7 was retired into tuning too (its misses are printed and tuned on since;
# its floor is one query under what round 8 reached, like the other sets'). The never-tuned
# set of round 8 is written by another helper and wired in by the lead: until then
# HELD_OUT_FLOORS is empty, and the test still prints every set's aggregate and only the
# aggregate of a never-tuned one.
# The tuning and retired floors are one query under what round 8 reached (docs-dev/search.md).
# At round 9 held_out_8 was retired into tuning too (300 queries, written at the start of round 8
# by a helper who never saw the search; 245 first and 274 in the top three with round 7's search,
# 248 and 273 with round 8's as landed); its misses are printed and tuned on since. The
# never-tuned set of round 9 is wired in by the lead; until then HELD_OUT_FLOORS is empty.
# The floors of the sets round 9 moved (held_out_4, held_out_6, held_out_8) are one query under
# what round 9 reached (docs-dev/search.md, "Round 9"); the others' stay one under round 8's.
# held_out_9 (299 queries, written at the start of round 9 by a helper who never saw the search,
# committed before it was run) reached 243 first and 281 in the top three with round 8's search
# (5809a70, the lead's run before round 9 landed anything), and 249 and 283 with round 9's as
# landed (70dd71e, the lead's one run after); its floor is one query under that.
# At round 10 held_out_9 was retired into tuning too (its misses are printed and tuned on since).
# held_out_10 (347 queries, written at the start of round 10 by a helper who never saw the search,
# committed before it was run) reached 299 first and 326 in the top three with round 9's search
# (e353d94's queries on 20db7c3, the lead's run before round 10 landed anything), and 302 and 327
# with round 10's as landed (6b6f683, the lead's one run after); its floor is one query under that.
# The floors of the sets round 10 moved (held_out_3, held_out_5 … held_out_9) are one query under
# what round 10 reached (docs-dev/search.md, "Round 10"); the others' stay as they were.
# At round 11 held_out_10 was retired into tuning too (its misses are printed and tuned on since).
# The never-tuned set of round 11 is written by another helper and wired in by the lead: until
# then HELD_OUT_FLOORS is empty. The tuning floors and those of the retired sets round 11 moved
# (all but held_out_3) are one query under what round 11 reached (docs-dev/search.md, "Round 11").
# held_out_11 (301 queries, written at the start of round 11 by a helper who never saw the search,
# committed before it was run) was retired into tuning at round 12: its misses are printed and
# tuned on since. The never-tuned set of round 12 is written by another helper and wired in by
# the lead: until then HELD_OUT_FLOORS is empty. The floors of the tuning set and of the retired
# sets round 12 moved (all but held_out, held_out_2 and held_out_3, whose floors stay) are one
# query under what round 12 reached (docs-dev/search.md, "Round 12").
# held_out_11 reached 221 first and 259 in the top three with round 10's search (f9c96c2, the lead's
# run before round 11 landed anything) and 225 and 261 with round 11's as landed (7ddbeb4, the
# lead's one run after), far under held_out_10's figures: the goal was not met on it.
# held_out_12 (318 queries, written at the start of round 12 by a helper who never saw the search or
# the other sets, committed before it was run) reached 252 first and 282 in the top three with round
# 11's search (c823699, the lead's run before round 12 landed anything), and 253 and 285 with round
# 12's as landed (f68ad95, the lead's one run after); its floor is one query under that.
# At round 13 held_out_12 was retired into tuning too (its misses are printed and tuned on since).
# The never-tuned set of round 13 is written by another helper and measured by the lead: until it
# is wired in, HELD_OUT_FLOORS is empty. The floors of the tuning set and of the retired sets round
# 13 moved up are one query under what the browser test printed after round 13 (docs-dev/search.md,
# "Round 13"); a figure that did not move keeps its floor, and held_out_10, which lost one first
# place to the welcome page's keywords, keeps its floor too and meets it exactly.
# held_out_13 (347 queries, written at the start of round 13 by a helper who never saw the search or
# the other sets, committed before it was run, on no branch round 13 saw) reached 267 first and 308
# in the top three with round 12's search (b59155e on d411dff, the lead's run before round 13 landed
# anything), and 271 and 309 with round 13's as landed (2919fba, and again with the QA fixes that
# landed after it, 3317cf6); its floor is one query under that.
# At round 14 held_out_13 was retired into tuning too (its misses are printed and tuned on since):
# it moved from HELD_OUT_FLOORS to RETIRED_FLOORS. The never-tuned set of round 14 (held_out_14)
# is written by another helper and wired in by the lead: until then HELD_OUT_FLOORS is empty.
# Every floor of the tuning set and the retired sets is one query under what round 14 reached
# (docs-dev/search.md, "Round 14"): no set went down, and those round 14 moved up (held_out_4,
# held_out_6, held_out_7, held_out_10, held_out_11, held_out_13) got new floors.
TUNING_TOP1, TUNING_TOP3 = 0.940, 0.993
RETIRED_FLOORS = {"held_out": (0.969, 0.989), "held_out_2": (0.932, 0.979), "held_out_3": (0.890, 0.975),
                  "held_out_4": (0.917, 0.972), "held_out_5": (0.946, 0.985), "held_out_6": (0.872, 0.942),
                  "held_out_7": (0.882, 0.946), "held_out_8": (0.880, 0.956), "held_out_9": (0.879, 0.966),
                  "held_out_10": (0.899, 0.959), "held_out_11": (0.827, 0.936), "held_out_12": (0.823, 0.927),
                  "held_out_13": (0.798, 0.902)}
# held_out_14 (327 queries, written at the start of round 14 by a helper who never saw the search or
# the other sets, committed before it was run, on no branch round 14 saw) reached 277 first and 305
# in the top three with round 13's search (9634afa on 089752c, the lead's run before round 14 landed
# anything), and the same 277 and 305 with round 14's as landed (71e8b67); its floor is one query
# under that.
HELD_OUT_FLOORS: dict[str, tuple[float, float]] = {"held_out_14": (0.844, 0.929)}


@pytest.fixture
def search_page(page: Page, site: Served) -> Page:
    page.goto(site.root)
    open_search(page)
    wait_until_ready(page)
    return page


def test_staff_queries_find_their_page_first(search_page: Page, site: Served, record_property):
    """Every set of the query set; prints top-1 and top-3 for each, the misses only for the
    tuning half and the sets retired into it, never for a never-tuned set."""
    tuning = rank(search_page, load_queries("tuning"), site.root)
    retired = {name: rank(search_page, load_queries(name), site.root) for name in RETIRED_FLOORS}
    held_out = {name: rank(search_page, load_queries(name), site.root) for name in HELD_OUT_FLOORS}
    # issue 14: a query set of at least 150 staff queries (tuning, retired and never-tuned sets)
    assert tuning.total + sum(r.total for r in (*retired.values(), *held_out.values())) >= 150
    for name, rates in (("tuning", tuning), *retired.items(), *held_out.items()):
        record_property(f"{name}_top1", f"{rates.top1}/{rates.total}")
        record_property(f"{name}_top3", f"{rates.top3}/{rates.total}")
        record_property("search_line", f"{'never-tuned' if name in held_out else 'tuning half'} · {rates.line(name)}")
        print(f"\nsearch {rates.line(name)}")
    whole = Rates(*(sum(getattr(r, f) for r in (tuning, *retired.values())) for f in ("top1", "top3", "total")))
    record_property("search_line", f"tuning half · {whole.line('tuning + every retired set')}")
    for name, rates in (("tuning", tuning), *retired.items()):
        print(f"{name}, not first:\n  " + "\n  ".join(rates.misses))
    assert tuning.top1 >= TUNING_TOP1 * tuning.total, "\n".join(tuning.misses)
    assert tuning.top3 >= TUNING_TOP3 * tuning.total, "\n".join(tuning.misses)
    for name, (top1, top3) in RETIRED_FLOORS.items():
        assert retired[name].top1 >= top1 * retired[name].total, "\n".join(retired[name].misses)
        assert retired[name].top3 >= top3 * retired[name].total, "\n".join(retired[name].misses)
    for name, (top1, top3) in HELD_OUT_FLOORS.items():
        assert held_out[name].top1 >= top1 * held_out[name].total, held_out[name].line(name)
        assert held_out[name].top3 >= top3 * held_out[name].total, held_out[name].line(name)


def test_a_result_shows_what_the_page_is_about_not_its_metadata(search_page: Page, site: Served):
    search(search_page, "overdosis", site.root)
    first = search_page.locator("li.md-search-result__item").first
    text = first.inner_text()
    assert "ring 112, læg personen i stabilt sideleje" in text  # the playbook's summary
    assert "Ansvarlig" not in text and "Sidst gennemgået" not in text
    assert first.locator("mark").count() >= 1  # the matched word is highlighted


def test_a_partner_entry_leads_to_its_anchor_and_says_what_and_where(search_page: Page, site: Served):
    assert search(search_page, "herberg aarhus", site.root, anchors=True)[0] == \
        "partnere/aarhus/#herberg-og-forsorgshjem-aarhus-eksempel"
    first = search_page.locator("li.md-search-result__item").first.inner_text()
    assert "Herberg/forsorgshjem · Aarhus" in first
    assert search(search_page, "70 201 201", site.root, anchors=True)[0] == "partnere/hele-landet/#livslinien"
    assert search(search_page, "1813", site.root, anchors=True)[0] == "partnere/region-hovedstaden/#akuttelefonen-1813"
    # the partner type counts as the title does: the night shelter's entry, not the shelter's
    # (a synonym) for the type's other name
    assert search(search_page, "natcafé aalborg", site.root, anchors=True)[0] == \
        "partnere/aalborg/#natvarmestue-aalborg-eksempel"
    # a question for a number leads to the entry with the number, not to the playbook
    assert search(search_page, "politiet", site.root)[0] == "strategier/samarbejde-med-politi/"
    assert search(search_page, "nummeret til politiet", site.root, anchors=True)[0] == \
        "partnere/hele-landet/#politiet-114"
    # a region's line serves the municipality typed, and a place typed counts as much as the topic
    assert search(search_page, "lægevagt aalborg", site.root, anchors=True)[0] == \
        "partnere/region-nordjylland/#laegevagten-region-nordjylland"
    assert search(search_page, "psykiatrien aarhus", site.root, anchors=True)[0] == \
        "partnere/aarhus/#psykiatrisk-akutmodtagelse-aarhus-eksempel"
    # every entry in the place typed counts the same for the place, so the type decides: the
    # drop-in centre (whose name says Vesterbro), not the night shelter whose name says København
    assert search(search_page, "værested københavn", site.root, anchors=True)[0] == \
        "partnere/koebenhavn/#vaerested-koebenhavn-eksempel"


def test_a_question_about_a_word_leads_to_the_glossary(search_page: Page, site: Served):
    assert search(search_page, "hvad er en natcafé", site.root, anchors=True)[0] == "ordliste/#natvarmestue-og-natcafé"
    assert search(search_page, "hvad betyder deeskalering", site.root, anchors=True)[0] == "ordliste/#deeskalering"
    assert search(search_page, "deeskalering", site.root)[0] == "strategier/konflikt-og-deeskalering/"  # not asked


def test_a_query_that_matches_nothing_offers_words_and_the_situations(search_page: Page, site: Served):
    # two edits from "karantæne" in a word of seven letters (two edits are searched from eight):
    # no page has it
    found = search(search_page, "karntæe", site.root)
    meta = search_page.locator(".md-search-result__meta").inner_text()
    assert meta.startswith("Ingen sider passer på søgningen. Mente du «karantæne»")
    titles = search_page.locator("li.md-search-result__item h1").all_inner_texts()
    assert titles[0] == "Mente du «karantæne»?"
    first = search_page.locator("li.md-search-result__item > a").first.get_attribute("href")
    assert first.startswith(site.root + "?q=karant%C3%A6ne")  # Material opens the search with that query
    assert "strategier/akut-sygdom-og-overdosis/" in found  # the situation list follows
    assert all(address in ("", "?q=karant%C3%A6ne") or address.startswith("strategier/") for address in found)
    search(search_page, "qzqzq", site.root)  # nothing close either: still the situations
    assert search_page.locator(".md-search-result__meta").inner_text() == \
        "Ingen sider passer på søgningen. Eller vælg en af situationerne herunder."
    assert search_page.locator("li.md-search-result__item").count() >= 10
    search(search_page, "?!", site.root)  # no word at all: the situations too, never an empty box
    assert search_page.locator(".md-search-result__meta").inner_text() == \
        "Ingen sider passer på søgningen. Eller vælg en af situationerne herunder."
    assert search_page.locator("li.md-search-result__item").count() >= 10


def test_every_word_we_advise_against_still_finds_a_playbook(search_page: Page, site: Served):
    """The respectful-language list is also a search list: the word we advise against leads
    to the page written with the respectful words, not only to the guide that lists it."""
    words, _ = load_wordlist()
    for term in words.terms:
        found = search(search_page, term.term, site.root)
        assert found and not found[0].startswith("bidrag/"), f"{term.term!r} → {found[:3]}"


def test_typos_compounds_and_stop_words(search_page: Page, site: Served):
    assert search(search_page, "overdossis", site.root)[0] == "strategier/akut-sygdom-og-overdosis/"  # one edit
    assert search(search_page, "ovrdozis", site.root)[0] == "strategier/akut-sygdom-og-overdosis/"  # 2 edits
    assert search(search_page, "hahs", site.root)[0] == "strategier/paavirket-af-rusmidler/"  # swapped, from 4 letters
    # typed without æ, ø, å: "sovn" is søvn, "oe" is ø; a stop word stays one ("for" is no "før")
    assert search(search_page, "sovn", site.root)[0] == "strategier/sover-paa-biblioteket/"
    assert search(search_page, "doedsfald", site.root)[0] == "strategier/doedsfald-og-selvmord-paa-biblioteket/"
    # an everyday word that no page uses is no typo: "slidt" is not "smidt" (asking someone to leave)
    assert "strategier/bortvisning-og-karantaene/" not in search(search_page, "personalet er slidt op", site.root)[:1]
    search(search_page, "slidt", site.root)
    assert search_page.locator(".md-search-result__meta").inner_text().startswith("Ingen sider passer på søgningen.")
    # a compound is its head and its modifier: the page with both parts beats the page with the
    # head ("lugt": hygiene) alone
    assert search(search_page, "sprutlugt", site.root)[0] == "strategier/paavirket-af-rusmidler/"
    # a part that only the word lists know ("junkie" → the words it stands for)
    assert search(search_page, "junkiestedet", site.root)[0] == "strategier/paavirket-af-rusmidler/"
    assert search(search_page, "to mænd skændtes", site.root)[0] == \
        "strategier/konflikt-og-deeskalering/"  # a number written as a word never decides
    assert search(search_page, "hændelsesrapport", site.root)[0] == \
        "strategier/registrering-af-haendelser-og-gode-moeder/"  # a compound of two indexed words
    # a particle after the verb, or a reflexive, is the word Danish writes as one: "lader … op"
    # is "oplader", "skader sig selv" is "selvskade"
    assert search(search_page, "lader telefonen op", site.root)[0] == "strategier/hygiejne-toilet-og-basale-behov/"
    assert search(search_page, "hun skader sig selv", site.root)[0] == "strategier/psykisk-krise/"
    # a phrase of the lists with an intensifier typed into it ("slå sig ihjel")
    assert search(search_page, "hun vil slå sig selv ihjel", site.root)[0] == "strategier/psykisk-krise/"
    # a long word one edit from a word some page is about is that word misspelt, no compound
    assert search(search_page, "livslinjen", site.root, anchors=True)[0] == "partnere/hele-landet/#livslinien"
    # the compound clue is the part with the longest stem ("adresse", not "folkere" → folk)
    assert search(search_page, "folkeregisteradresse", site.root)[0] == "strategier/laanerkort-uden-fast-adresse/"
    assert search(search_page, "hvad gør jeg når en gæst falder i søvn", site.root)[0] == \
        "strategier/sover-paa-biblioteket/"
    assert search(search_page, "taler kun rumænsk", site.root)[0] == \
        "strategier/sprogbarrierer-og-hjemloese-migranter/"  # a language's Danish name


def test_round_six_names_questions_places_and_where(search_page: Page, site: Served):
    # a page left out of the theme's search for its tables is still found by its name
    assert search(search_page, "optællingsark vesterbro", site.root)[0] == \
        "gode-moeder/vesterbro-bibliotek/optaellingsark/"
    # a list is found by its own title although lists weigh little otherwise (the playbook on
    # registering good encounters comes first; round 5 had the list nowhere in the top three)
    assert "gode-moeder/" in search(search_page, "gode møder", site.root)[:3]
    # a page's keyword that is a question ("hvor kan jeg") answers the same question typed
    assert search(search_page, "hvor kan han få varm mad", site.root)[0] == "strategier/henvisning-til-partnere/"
    # no place typed: the partner type's page, not one municipality's entry
    assert search(search_page, "rusmiddelcenter", site.root)[0] == "partnere/type/addiction-treatment/"
    # a typo that changes the Snowball stem is found as typed; an ending after an apostrophe is
    # no word; a word after "ved" says where, not what
    assert search(search_page, "konfligt i foyeren", site.root)[0] == "strategier/konflikt-og-deeskalering/"
    assert search(search_page, "sover ved pc'en", site.root)[0] == "strategier/sover-paa-biblioteket/"
    # "forskel på …" asks for the glossary
    assert search(search_page, "forskel på herberg og natcafé", site.root, anchors=True)[0].startswith("ordliste/#")


def test_round_seven_numbers_short_forms_and_everyday_words(search_page: Page, site: Served):
    # a number written in groups that a page has whole
    assert search(search_page, "ring 116 111", site.root, anchors=True)[0] == "partnere/hele-landet/#boernetelefonen"
    # a short form that begins words some page is about, where it is not the word still typed
    assert search(search_page, "psyk akut aarhus", site.root, anchors=True)[0] == \
        "partnere/aarhus/#psykiatrisk-akutmodtagelse-aarhus-eksempel"
    assert search(search_page, "psyk gæst", site.root)[0] == "strategier/psykisk-krise/"
    # an everyday word spelt right is not respelt with æ, ø, å ("loftet" is no "løftet"), and a
    # short everyday word is no typo ("hest" is not "hent", "flot" not "flyt"): no page has them,
    # so the box offers words and the situations
    for word in ("loftet", "hest", "flot"):
        search(search_page, word, site.root)
        assert search_page.locator(".md-search-result__meta").inner_text().startswith(
            "Ingen sider passer på søgningen."), word
    # an age typed as a number is the age group's words: a child, an older person
    assert search(search_page, "12 årig alene efter lukketid", site.root)[0] == \
        "strategier/boern-alene-paa-biblioteket/"
    assert search(search_page, "en 80-årig kommer hver dag", site.root)[0] == "strategier/ensomhed-og-aeldre/"
    # a phrase of the lists with a word that only strengthens it ("flipper totalt ud")
    assert search(search_page, "han flipper totalt ud", site.root)[0] == "strategier/konflikt-og-deeskalering/"
    # a question about editing the site itself asks for the contributor's guides; the side a
    # person lies on does not
    assert search(search_page, "skrive en side om en ny partner", site.root)[0] == "bidrag/partner/"
    assert search(search_page, "hvem opdaterer siderne", site.root)[0].startswith("bidrag/")
    assert search(search_page, "læg ham om på siden", site.root)[0] == "strategier/akut-sygdom-og-overdosis/"
    # a playbook's kind is a word of its own ("Skabelon"), and an approach playbook has the name of
    # the library that works so
    assert search(search_page, "formular om karantæne", site.root)[0] == "strategier/skabelon-karantaene-afgoerelse/"
    assert search(search_page, "dokk1 metode", site.root)[0] == "strategier/social-bibliotekar/"
    # a query for an overview asks for the page that lists them all; the word that asks for it
    # is no topic ("husregler for alle" is still the playbook of that name)
    assert search(search_page, "oversigt over alle partnere", site.root)[0] == "partnere/"
    assert search(search_page, "liste over bibliotekerne", site.root)[0] == "biblioteker/"
    assert search(search_page, "husregler for alle", site.root)[0] == "strategier/husregler-for-alle/"
    # "hvad menes med …", "hvad laver …" ask for a word's meaning, as "hvad betyder …" does
    assert search(search_page, "hvad menes med deeskalering", site.root, anchors=True)[0] == "ordliste/#deeskalering"
    assert search(search_page, "hvad laver en relationsmedarbejder", site.root, anchors=True)[0] == \
        "ordliste/#relationsmedarbejder"
    # a glossary word typed as such finds its explanation before a page that only mentions it;
    # a word we advise against, which the lists map to a glossary word, still finds the playbook
    assert search(search_page, "klientgørelse", site.root, anchors=True)[0] == "ordliste/#klientgørelse"
    assert search(search_page, "narkoman", site.root)[0] == "strategier/paavirket-af-rusmidler/"


def test_round_eight_permission_explanations_and_compound_parts(search_page: Page, site: Served):
    # a question whether something is allowed is about that something, not about bans
    assert search(search_page, "er det forbudt at sove på gulvet", site.root)[0] == "strategier/sover-paa-biblioteket/"
    assert search(search_page, "har vi lov til at vække en sovende gæst", site.root)[0] == \
        "strategier/sover-paa-biblioteket/"
    # a word that asks for an explanation asks for the glossary, and is no topic itself
    assert search(search_page, "forkortelsen skp", site.root, anchors=True)[0] == \
        "ordliste/#skp-støtte-og-kontaktperson"
    # a compound's part that a page is about leads ("tolke|hjælp": tolk), and "mere" is no topic
    assert search(search_page, "tolkehjælp", site.root)[0] == "strategier/sprogbarrierer-og-hjemloese-migranter/"
    assert search(search_page, "mere og mere ophidset ved skranken", site.root)[0] == \
        "strategier/konflikt-og-deeskalering/"
    # a rare compound counts by its part pages are about: the police's entry in the place typed
    assert search(search_page, "politikreds københavn", site.root, anchors=True)[0] == \
        "partnere/koebenhavn/#koebenhavns-politi"
    # a question whether something is allowed at a library named asks for its house rules
    assert search(search_page, "må man spise på dokk1", site.root)[0] == "biblioteker/dokk1/husregler/"
    # a word the pages write with a prefix that turns it round ("eskalerer" → deeskalering)
    assert search(search_page, "situationen eskalerer", site.root)[0] == "strategier/konflikt-og-deeskalering/"
    # a region written short ("region h", "region midt") is the one region whose name begins so
    assert search(search_page, "lægevagt region midt", site.root, anchors=True)[0] == \
        "partnere/region-midtjylland/#laegevagten-region-midtjylland"
    # a question for a count asks for the pages with the counts; a verb of adding with "our"
    # thing asks for the contributor's guides
    assert search(search_page, "statistik over gode møder", site.root)[0] == "gode-moeder/"
    assert search(search_page, "tilføje vores bibliotek", site.root)[0] == "bidrag/bibliotek/"
    # words of the lists: a word we advise against, and a loanword for the pages' word
    assert search(search_page, "fulderikken sover", site.root)[0] == "strategier/paavirket-af-rusmidler/"
    assert search(search_page, "flasher i børnebiblioteket", site.root)[0] == \
        "strategier/seksuel-chikane-blotteri-og-porno-paa-pc/"


def test_round_nine_unserved_places_compounds_written_apart_and_questions_about_the_site(
        search_page: Page, site: Served):
    # a place where no page has the kind asked: the list of that kind, not the region's page
    # that only names the town
    assert search(search_page, "natvarmestue kolding", site.root)[0] == "partnere/type/night-shelter/"
    assert search(search_page, "værested roskilde", site.root)[0] == "partnere/type/drop-in-centre/"
    # a place where a page has it still leads there
    assert search(search_page, "herberg aarhus", site.root, anchors=True)[0] == \
        "partnere/aarhus/#herberg-og-forsorgshjem-aarhus-eksempel"
    # a compound written apart with its linking -s is the compound
    assert search(search_page, "sundheds klinik", site.root)[0] == "partnere/type/health-clinic/"
    # a compound whose head explains asks for the glossary; alone, the glossary comes first
    assert search(search_page, "begrebsforklaringer", site.root)[0] == "ordliste/"
    # who makes the site: the page about the project
    assert search(search_page, "hvem laver siden", site.root)[0] == "om/"
    # a word after "over", once something has happened, says what about
    assert search(search_page, "han blev vred over en bøde", site.root)[0] == \
        "strategier/konflikt-og-deeskalering/"


def test_round_ten_a_word_for_a_form_asks_for_the_templates(search_page: Page, site: Served):
    # a form, a letter or a note asks for the template, not the playbook on the same topic
    assert search(search_page, "formular om en episode med en gæst", site.root)[0] == \
        "strategier/skabelon-haendelsesskema/"
    assert search(search_page, "skrivelse om udelukkelse", site.root)[0] == \
        "strategier/skabelon-karantaene-afgoerelse/"


def test_round_ten_ikke_before_the_verb_in_a_clause_of_its_own(search_page: Page, site: Served):
    # "en gæst der ikke reagerer" is the lists' "reagerer ikke" in a clause of its own
    assert search(search_page, "en gæst der ikke reagerer", site.root)[0] == "strategier/akut-sygdom-og-overdosis/"
    assert search(search_page, "ringer fordi en mand ikke kan vækkes", site.root)[0] == \
        "strategier/akut-sygdom-og-overdosis/"
    # a phrase with "ikke" stands for its group; "leve" alone is no synonym of suicide
    assert search(search_page, "skriver at han ikke gider leve", site.root)[0] == "strategier/psykisk-krise/"


def test_round_ten_forms_of_prefixed_verbs_and_time_words(search_page: Page, site: Served):
    # a form of a word of the lists that no page has: "udvist" is "udvise" (ud + vise, as "vist")
    assert search(search_page, "han blev udvist", site.root)[0] == "strategier/bortvisning-og-karantaene/"
    # "i år", "i går" say when, not what: no "år", no "gå"
    assert search(search_page, "antal gode møder i år", site.root)[0] == "gode-moeder/"


def test_round_ten_prefixes_and_particles(search_page: Page, site: Served):
    # a function word is a prefix, no compound's first part: "selvbetjent" is no police officer
    assert search(search_page, "betjenten", site.root)[0] == "strategier/samarbejde-med-politi/"
    # "kommer forbi" is a visit: its particle is no topic ("Hus Forbi" is a magazine) …
    assert search(search_page, "nærbetjenten kommer forbi", site.root)[0] == "strategier/samarbejde-med-politi/"
    # … and a word and its particle written as one is the pair a page has
    assert search(search_page, "husforbi sælgeren", site.root)[0] == "strategier/tiggeri-og-hus-forbi-saelgere/"


def test_round_ten_a_question_how_asks_for_the_how_to_page(search_page: Page, site: Served):
    # "hvordan …" is answered by the page titled "Sådan …", not the playbook on the same topic
    assert search(search_page, "hvordan tæller jeg gode møder", site.root)[0] == "gode-moeder/vejledning/"
    assert search(search_page, "hvordan noterer vi de gode møder", site.root)[0] == "gode-moeder/vejledning/"


def test_round_ten_where_to_call_is_a_question_for_a_number(search_page: Page, site: Served):
    # "hvor kan hun ringe" asks for a line, not for the referral playbook's "hvor kan jeg …"
    assert search(search_page, "hendes kæreste slår hende hvor kan hun ringe", site.root, anchors=True)[0] == \
        "partnere/hele-landet/#lev-uden-vold"
    assert search(search_page, "selvmordstanker hvor kan han ringe", site.root, anchors=True)[0] == \
        "partnere/hele-landet/#livslinien"


def test_round_ten_uden_is_a_preposition_no_topic(search_page: Page, site: Served):
    # "uden" does not decide for the page whose title says "uden fast adresse" …
    assert search(search_page, "cpr nummer uden", site.root)[0] == \
        "strategier/registrering-af-haendelser-og-gode-moeder/"
    # … and the titles with it are still found by their words
    assert search(search_page, "lev uden vold", site.root, anchors=True)[0] == "partnere/hele-landet/#lev-uden-vold"
    assert search(search_page, "bibliotek uden personale om aftenen", site.root)[0] == \
        "strategier/aabent-bibliotek-uden-personale/"


def test_round_ten_words_and_terms_explained_is_the_glossary(search_page: Page, site: Served):
    # "ord" in a question for explanations names the glossary, it is no topic
    assert search(search_page, "forklaring af ord", site.root)[0] == "ordliste/"


def test_round_ten_being_part_of_the_site_is_adding_to_it(search_page: Page, site: Served):
    assert search(search_page, "hvordan kan vores bibliotek være med", site.root)[0] == "bidrag/bibliotek/"


def test_round_eleven_telefon_is_a_line_unless_it_is_someones_own(search_page: Page, site: Served):
    # "telefon" in the indefinite form asks for the service's line; "sin telefon" is the guest's own
    assert search(search_page, "forgiftning telefon", site.root, anchors=True)[0] == "partnere/hele-landet/#giftlinjen"
    assert search(search_page, "lader sin telefon op ved skranken", site.root)[0] == \
        "strategier/hygiejne-toilet-og-basale-behov/"


def test_round_eleven_nouns_of_verbs_and_first_aid_words(search_page: Page, site: Served):
    # a noun of a verb with -ning that no page has is the verb ("udvisning" → udvise, a word of the lists)
    assert search(search_page, "udvisning for en uge", site.root)[0] == "strategier/bortvisning-og-karantaene/"
    assert search(search_page, "hvordan giver man hlr", site.root)[0] == "strategier/akut-sygdom-og-overdosis/"


def test_round_eleven_negated_phrases_and_long_phrases(search_page: Page, site: Served):
    # "ikke vil leve" is the lists' "vil ikke leve": "leve" as typed is no Lev Uden Vold
    assert search(search_page, "hun skriver at hun ikke vil leve længere", site.root)[0] == "strategier/psykisk-krise/"
    # a phrase of six words of the lists, nearly all of them stop words
    assert search(search_page, "ser ting der ikke er der", site.root)[0] == "strategier/psykisk-krise/"


def test_round_eleven_taking_someone_to_a_service_is_a_referral(search_page: Page, site: Served):
    assert search(search_page, "følge ham over til herberget", site.root)[0] == "strategier/henvisning-til-partnere/"
    assert search(search_page, "sende hende videre til gadesygeplejersken", site.root)[0] == \
        "strategier/henvisning-til-partnere/"


def test_round_eleven_overviews(search_page: Page, site: Served):
    # after "oversigt", "over" says what the list is of; "-oversigt" in a compound asks for one too
    assert search(search_page, "oversigt over herberger", site.root)[0] == "partnere/type/shelter/"
    assert search(search_page, "værestedsoversigt", site.root)[0] == "partnere/type/drop-in-centre/"


def test_round_eleven_first_days_and_rare_compounds(search_page: Page, site: Served):
    # "min første uge" is being new on the job, not a week
    assert search(search_page, "hvad skal jeg vide min første uge", site.root)[0] == "ny-medarbejder/"
    # a compound on few pages is also its two parts: the camera page has "kamera" and "optagelser"
    assert search(search_page, "hvem sletter kameraoptagelserne", site.root)[0] == \
        "strategier/kameraovervaagning-og-politiets-anmodninger/"


def test_round_twelve_english_loanwords_are_their_danish_form(search_page: Page, site: Served):
    # -ation is Danish -ering, an -ing form the agent noun; English "de-" joins it
    assert search(search_page, "registration af hændelser", site.root)[0] == \
        "strategier/registrering-af-haendelser-og-gode-moeder/"
    assert search(search_page, "de-escalation ved skranken", site.root)[0] == "strategier/konflikt-og-deeskalering/"
    assert search(search_page, "flashing i børneafdelingen", site.root)[0] == \
        "strategier/seksuel-chikane-blotteri-og-porno-paa-pc/"


def test_round_twelve_making_and_including_ask_for_the_contributor_guides(search_page: Page, site: Served):
    # "lave" is a light verb as "gøre" (no "lavt blodsukker"); "få … med på" is being included
    assert search(search_page, "hvordan laver jeg et pull request", site.root)[0] == "bidrag/"
    assert search(search_page, "laver vi en profil for biblioteket", site.root)[0] == "bidrag/bibliotek/"
    assert search(search_page, "få vores bibliotek med på sitet", site.root)[0] == "bidrag/bibliotek/"


def test_round_twelve_a_question_which_words_to_write_asks_for_the_language_guide(search_page: Page, site: Served):
    assert search(search_page, "hvilke udtryk skal vi skrive i stedet", site.root)[0] == "bidrag/sprogbrug/"


def test_round_twelve_regions_said_short_and_everyday_words_for_illness(search_page: Page, site: Served):
    # "nord" is no word of the index: it begins one region's name
    assert search(search_page, "lægevagt nord nummer", site.root, anchors=True)[0] == \
        "partnere/region-nordjylland/#laegevagten-region-nordjylland"
    assert search(search_page, "tror hun har taget for meget", site.root)[0] == "strategier/akut-sygdom-og-overdosis/"
    assert search(search_page, "gæst falder sammen ved skranken", site.root)[0] == \
        "strategier/akut-sygdom-og-overdosis/"


def test_round_thirteen_adjectives_that_say_which_one_weigh_half(search_page: Page, site: Served):
    # "nye", "lille" before a word say which one: the house rules, not the new colleague or the child
    assert search(search_page, "nye husregler til biblioteket", site.root)[0] == "strategier/husregler-for-alle/"
    assert search(search_page, "lille filial uden personale", site.root)[0] == \
        "strategier/aabent-bibliotek-uden-personale/"


def test_round_thirteen_after_the_shift_is_the_staff_s_debriefing(search_page: Page, site: Served):
    # "efter en voldsom hændelse" is afterwards (the lists' "snak bagefter"), not the incident form
    assert search(search_page, "kan ikke slippe det efter en voldsom hændelse", site.root)[0] == \
        "strategier/personalets-tryghed-og-debriefing/"
    assert search(search_page, "vi skal passe på hinanden", site.root)[0] == \
        "strategier/personalets-tryghed-og-debriefing/"


def test_round_thirteen_light_verbs_and_compounds_typed_without_ae_oe(search_page: Page, site: Served):
    # "tager" is a light verb (no overdose through "taget for meget"); the welcome page says "tage imod"
    assert search(search_page, "tager imod en ny gæst", site.root)[0] == "strategier/velkomst-og-kontakt/"
    # a compound typed with "ae" is read with æ where only then it splits into index words
    assert search(search_page, "oversaetterprogram", site.root)[0] == \
        "strategier/sprogbarrierer-og-hjemloese-migranter/"


def test_round_thirteen_pages_name_what_they_are_about(search_page: Page, site: Served):
    # the drugs page names the people it is about, the language guide's word for "junkie"
    assert search(search_page, "junkies ryger på toilettet", site.root)[0] == \
        "strategier/stoffer-paa-biblioteket-og-naloxon/"
    # an attempt in the library is the page on a death in the library; suicidal talk stays with the
    # crisis page (test_round_ten_ikke_before_the_verb_in_a_clause_of_its_own)
    assert search(search_page, "selvmordsforsøg i læsesalen", site.root)[0] == \
        "strategier/doedsfald-og-selvmord-paa-biblioteket/"
    assert search(search_page, "gæst slumrer i lænestolen", site.root)[0] == "strategier/sover-paa-biblioteket/"
    # the contributor guides say what they are for: the schema's required fields, the file's columns
    assert search(search_page, "hvilke felter er påkrævet i partnerfilen", site.root)[0] == "bidrag/skema/"
    assert search(search_page, "kolonnerne i csv filen med gode møder", site.root)[0] == "bidrag/gode-moeder/"


def test_round_fourteen_who_before_what_and_why_after_fordi(search_page: Page, site: Served):
    # the person words that open a query are who; what happened decides ("ældre" is no lonely elder)
    assert search(search_page, "ældre herre har kramper i læsesalen", site.root)[0] == \
        "strategier/akut-sygdom-og-overdosis/"
    # the words after "fordi" say why: the threat, not the music event
    assert search(search_page, "gæsten truer mig fordi jeg bad ham skrue ned for musikken", site.root)[0] == \
        "strategier/vold-trusler-og-chikane-mod-personale/"


def test_round_fourteen_durations_scope_and_the_glossary_s_words(search_page: Page, site: Served):
    # "i over fire timer" is how long, not the opening hours of the library without staff
    assert search(search_page, "hun har sovet i over fire timer ved avisbordet", site.root)[0] == \
        "strategier/sover-paa-biblioteket/"
    # "hele danmark" is "hele landet": the type's page lists them all
    assert search(search_page, "gadesygeplejersker i hele danmark", site.root)[0] == "partnere/type/street-nurse/"
    # the plural of a word that asks for the glossary asks for it too; the glossary names its subject
    assert search(search_page, "forklaring på forkortelserne", site.root)[0] == "ordliste/"
    assert search(search_page, "fagudtryk", site.root)[0] == "ordliste/"


def test_the_browser_stems_every_indexed_word_as_the_build_does(page: Page, site: Served):
    """The query is stemmed by lunr-languages' Danish Snowball (in the browser), the index by
    Python's snowballstemmer: they must agree, or a typed word misses its own page."""
    words = set()
    index = json.loads((site.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    folder = site.site_dir / index["config"]["rummelig"]["folder"]
    for shard in folder.glob("d*.js"):
        text = shard.read_text(encoding="utf-8")
        for doc in json.loads(text[text.index(",") + 1: text.rindex(")")]):
            words.update(re.findall(r"[a-zæøå]{3,}", " ".join(map(str, doc[1:4])).lower()))
    words.update(w for half in ("tuning", *RETIRED_FLOORS, *HELD_OUT_FLOORS) for q in load_queries(half)
                 for w in re.findall(r"[a-zæøå]{3,}", q["query"]))
    page.goto(site.root)
    browser_stems = page.evaluate("""async (words) => {
      window.lunr = {Pipeline: {registerFunction() {}}, generateStopWordFilter: () => (t) => t};
      for (const src of ['assets/javascripts/lunr/min/lunr.stemmer.support.min.js',
                         'assets/javascripts/lunr/min/lunr.da.min.js']) {
        await new Promise((ok, fail) => { const s = document.createElement('script');
          s.src = src; s.onload = ok; s.onerror = fail; document.head.appendChild(s); });
      }
      return words.map(w => window.lunr.da.stemmer(w));
    }""", sorted(words))
    differ = [(w, stem(w), b) for w, b in zip(sorted(words), browser_stems, strict=True) if stem(w) != b]
    assert len(words) > 1000
    assert differ == []


def test_search_is_usable_by_keyboard_alone(page: Page, site: Served, record_property):
    page.goto(site.sub)
    page.keyboard.press("/")  # Material's shortcut (also "s" and "f") focuses the search field
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    wait_until_ready(page)
    started = page.evaluate("performance.now()")
    page.keyboard.press("o")  # one keystroke: the first results appear
    page.locator("li.md-search-result__item").first.wait_for()
    elapsed = page.evaluate("performance.now()") - started
    record_property("keystroke_to_first_result_ms", round(elapsed))
    print(f"\nkeystroke → first result shown: {elapsed:.0f} ms")
    page.keyboard.type("verdosis")
    page.wait_for_function("() => document.querySelector('li.md-search-result__item a')?.href"
                           ".includes('akut-sygdom-og-overdosis')")
    page.evaluate(SETTLED, [300])  # the answer to the whole word, not to one typed on the way
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.getAttribute('href') || ''")
    assert "strategier/akut-sygdom-og-overdosis/" in focused
    page.keyboard.press("Enter")
    page.wait_for_url("**/strategier/akut-sygdom-og-overdosis/**")
    assert page.locator("h1").inner_text() == "Akut sygdom og overdosis"


def test_search_works_under_a_sub_path(page: Page, site: Served):
    page.goto(site.sub + "strategier/")
    open_search(page)
    wait_until_ready(page)
    assert search(page, "overdosis", site.sub)[0] == "strategier/akut-sygdom-og-overdosis/"
