"""rummelig.search: the Danish, the documents and the index files (issue 14)."""

from __future__ import annotations

import json
from pathlib import Path

from rummelig.privacy import find_cpr
from rummelig.search import page_words, write_site_search
from rummelig.search.documents import Document, Section, build_documents, page_prior, partner_entries, repository_words
from rummelig.search.forms import forms, select
from rummelig.search.forms import key as family_key
from rummelig.search.index import DOCS_PER_SHARD, SCALE, build, safe_version, shard_of, write
from rummelig.search.language import (
    GENERIC,
    PARTICLES,
    STOP_WORDS,
    aliases,
    false_friend,
    normalise,
    pair_tokens,
    root,
    split_compound,
    stem,
    synonym_groups,
    tokens,
)
from rummelig.site import build_site
from rummelig.wordlist import load_wordlist

PROJECT = Path(__file__).resolve().parents[2]


def test_tokens_fold_case_accents_and_the_old_aa():
    assert tokens("Århus, AARHUS og Café-borger.dk") == ["århus", "århus", "og", "cafe", "borger", "dk"]
    assert tokens("Ring 70 201 201 eller 112") == ["ring", "70", "201", "201", "eller", "112"]
    assert normalise("Dokk1") == "dokk1" and tokens("Dokk1") == ["dokk1"]


def test_an_ending_after_an_apostrophe_belongs_to_the_word_before_it():
    assert tokens("Konflikt ved pc'erne, sms’en og 112's linje") == \
        ["konflikt", "ved", "pc", "sms", "og", "112", "linje"]
    assert tokens("'citat'") == ["citat"]  # a quote is no ending


def test_numbers_written_as_words_are_stop_words_and_digits_are_not():
    assert {"to", "tre", "ti"} <= STOP_WORDS and not {"112", "114", "1813"} & STOP_WORDS


def test_stems_leave_numbers_and_short_words_alone():
    assert stem("sovende") == stem("sover") == "sov"
    assert stem("112") == "112" and stem("ud") == "ud"
    assert root("truende") == root("truer") == root("truet") == "tru"
    # the unstressed e before l, n or r that Danish drops before an ending
    assert root("cykel") == root("cyklen") == root("cykler") and root("middel") == root("midler")
    assert root("åben") == root("åbne") and root("kvinden") == "kvind"


def test_compounds_split_into_two_known_words_with_the_linking_s():
    known = {stem(w) for w in ("hændelse", "rapport", "gade", "sygeplejerske", "stof", "misbrug")}
    assert split_compound("hændelsesrapport", known) == [stem("hændelse"), "rapport"]
    assert split_compound("gadesygeplejerske", known) == [stem("gade"), stem("sygeplejerske")]
    assert split_compound("stofmisbrug", known) == ["stof", "misbrug"]
    assert split_compound("overdosis", known) is None
    assert split_compound("rapport", known) is None  # too short to be a compound
    # a derivational ending is no head, even where it is an index word ("ing" in an English name)
    assert split_compound("bekymring", known | {"bekymr", "ing"}) is None
    assert split_compound("ensomhed", known | {"ensom", "hed"}) is None
    assert split_compound("voldsomme", known | {"vold", "som"}) is None  # -som is an ending, no word
    # nor is an inflection ending a head: "lænestolene" is no "lænestol" + "ene"
    assert split_compound("lænestolene", known | {"lænestol", "ene"}) is None
    assert split_compound("reolerne", known | {"reol", "erne"}) is None
    # nor is a function word a modifier: it is a prefix ("selvbetjent" is no "betjent", police;
    # "forældre" no "ældre", "forside" no "side", "medarbejder" no "arbejder")
    words = known | {stem(w) for w in ("selv", "for", "med", "betjente", "ældrene", "side", "arbejder")}
    for word in ("selvbetjente", "forældrene", "forside", "medarbejder"):
        assert split_compound(word, words) is None, word
    # … but a particle is: Danish writes a particle verb's noun as one word ("indbrud": ind + brud)
    assert split_compound("indbrud", known | {"ind", "brud"}) == ["ind", "brud"]


def test_a_particle_verb_s_particle_is_no_topic_but_stays_in_pairs():
    """"kommer forbi" is a visit, not the magazine Hus Forbi; "hus forbi" is still a pair."""
    assert "forbi" in STOP_WORDS and "forbi" in PARTICLES
    assert "uden" in STOP_WORDS   # a preposition, as "med" (Snowball's list lacks it)
    assert pair_tokens("Hus Forbi") == ("hus", "forbi")


def test_degree_words_are_stop_words_as_meget_is():
    assert {"meget", "mere", "mest"} <= STOP_WORDS


def test_tage_is_a_light_verb_as_lave_and_gives_no_phrase_its_key_word():
    """"tager imod", "tager billeder" say nothing of the topic; as the key word of "taget for
    meget" it made every "tager" an overdose."""
    assert {"tage", "tager", "tog", "taget", "lave", "laver"} <= STOP_WORDS
    found = {a.phrase: a.targets for a in aliases() if a.source == "synonyms.yml"}
    assert "overdosis" in found[tuple(stem(t) for t in tokens("taget for meget"))]   # the phrase still counts
    assert not {stem("taget"), stem("tage")} & set(found[(stem("overdosis"),)])


def test_irregular_forms_join_their_word_and_regular_ones_need_no_table():
    """Past tenses and participles the stemmer cannot join ("drak", "smed", "stjålet")."""
    assert forms()["drak"] == "drikke" and forms()["smed"] == "smide" and forms()["stjålet"] == "stjæle"
    assert family_key("drak") == family_key("drikker") == family_key("drikke")
    assert family_key("truede") == family_key("truer")  # a regular ending: no table needed
    assert "truede" not in forms() and "drikker" not in forms()
    pairs = [("drak", "drikke"), ("drikker", "drikke"), ("mænd", "mand"), ("mænds", "mand"),
             ("ophavsmænd", "ophavsmand"), ("Drak", "drikke"), ("e-bøger", "e-bog")]
    assert select(pairs) == {"drak": "drikke", "mænd": "mand"}  # compounds and genitives follow


def test_the_index_ships_the_forms_of_its_own_words_only():
    built = build([_doc("a/", title="Gæsten drikker øl"), _doc("b/", body="en stol")])
    assert built.core["forms"]["drak"] == family_key("drikker")
    assert built.core["families"][family_key("drikker")] == [stem("drikker")]
    assert "smed" not in built.core["forms"]  # no page has a form of "smide"


def test_an_age_ships_the_words_of_its_age_group_that_pages_have():
    built = build([_doc("a/", title="Børn alene"), _doc("b/", body="ældre gæster")])
    assert built.core["ages"] == [[0, 17, [(stem("børn"), 0.8)]], [65, 130, [(stem("ældre"), 0.8)]]]


def test_every_word_we_advise_against_maps_to_its_suggestion():
    """One source: the respectful-language list is also the search's list of those words."""
    words, _ = load_wordlist()
    mapped: dict[tuple, set] = {}
    for alias in aliases():
        if alias.source == "sprogbrug.yml":
            mapped.setdefault(alias.phrase, set()).add(alias.targets)
    for term in words.terms:
        content = tuple(t for t in tokens(term.suggestion) if t not in STOP_WORDS)
        expected = tuple(t for t in content if stem(t) not in GENERIC) or content
        for form in (term.term, *term.forms):
            key = tuple(stem(t) for t in tokens(form) if t not in STOP_WORDS) or tuple(stem(t) for t in tokens(form))
            if false_friend(form, (term.term, *term.forms)):
                key = (form,)   # looked up as written (its stem is another word)
            assert expected in mapped.get(key, set()), form
    assert mapped[(stem("narkoman"),)] == {("rusmiddelproblem",)}  # "menneske med et rusmiddelproblem"


def test_a_word_we_advise_against_whose_stem_is_another_word_is_looked_up_as_written():
    # "stodder" stems to "stod", the past of "stå": "hvad står skp for" must not mean hjemløshed
    assert stem("stodder") == "stod" and false_friend("stodder", ["stodder", "stodderen"])
    assert not false_friend("misbruger", ["misbruger", "misbrugeren"])  # "misbrug" is the same topic
    keys = {a.phrase: a for a in aliases() if a.source == "sprogbrug.yml"}
    assert ("stod",) not in keys and keys[("stodder",)].written
    built = build([_doc("a/", title="Hjemløshed")])
    assert "stod" not in built.core["aliases"] and built.core["written"]["stodder"] == [("hjemløs", 0.9)]


def test_synonyms_do_not_repeat_the_words_we_advise_against():
    words, _ = load_wordlist()
    advised_against = {f.lower() for t in words.terms for f in (t.term, *t.forms)}
    members = {m for group in synonym_groups() for m in group}
    assert members & advised_against == set()
    assert all(m == m.lower() and m.strip() for m in members)


def test_a_negated_phrase_stands_for_its_group_but_its_word_alone_does_not():
    """"vil ikke leve" means suicide; "leve" alone does not (it would find "Lev uden vold"), nor
    does "reagerer" alone mean an overdose."""
    found = {a.phrase: a.targets for a in aliases() if a.source == "synonyms.yml"}
    assert "selvmord" in found[(stem("vil"), stem("ikke"), stem("leve"))]
    assert "overdosis" in found[(stem("reagerer"), stem("ikke"))]
    assert "leve" not in found[(stem("selvmord"),)] and "reagerer" not in found[(stem("overdosis"),)]
    assert "vækkes" not in found[(stem("overdosis"),)] and "søvn" in found[(stem("sover"),)]


def test_language_names_lead_to_the_language_group():
    found = {a.phrase: a for a in aliases() if a.source == "pycountry"}
    assert "sprog" in found[(stem("rumænsk"),)].targets
    assert "migrant" in found[(stem("polen"),)].targets
    assert (stem("dansk"),) not in found


def _doc(location: str, prior: float = 1.0, **fields: str) -> Document:
    doc = Document(location, location, prior=prior)
    for name, text in fields.items():
        doc.add(name, text)
    return doc


def _postings(built) -> dict[str, dict[str, int]]:
    locations = [d[0] for d in built.documents]
    found: dict[str, dict[str, int]] = {}
    for shard in built.postings:
        for term, values in shard.items():
            doc, found[term] = 0, {}
            for i in range(0, len(values), 2):
                doc += values[i]  # gaps between document numbers
                found[term][locations[doc]] = values[i + 1]
    return found


def test_a_title_or_keyword_match_beats_any_number_of_passing_mentions():
    built = build([_doc("a/", title="Overdosis"), _doc("b/", keywords="overdosis"),
                   _doc("c/", body="overdosis " * 30 + "og meget mere tekst"), _doc("d/", body="intet her")])
    scores = _postings(built)[stem("overdosis")]
    assert scores["a/"] > scores["b/"] > scores["c/"] > 0
    assert "d/" not in scores


def test_compound_parts_are_indexed_at_half_weight_and_priors_apply():
    built = build([_doc("a/", title="Hændelsesrapport"), _doc("b/", body="en hændelse og en rapport"),
                   _doc("c/", prior=0.4, title="Hændelsesrapport")])
    postings = _postings(built)
    assert postings["rapport"]["a/"] > 0  # "rapport" finds the compound
    assert postings[stem("hændelsesrapport")]["c/"] < postings[stem("hændelsesrapport")]["a/"]
    assert all(len(v) > 1 or key in built.core["forms"].values() for key, v in built.core["families"].items())
    assert all(isinstance(v, int) for shard in built.postings for p in shard.values() for v in p)
    assert SCALE == 10


def test_a_list_or_guide_is_penalised_for_what_it_repeats_not_for_its_own_name():
    built = build([_doc("gode-moeder/", prior=0.4, title="Gode møder", body="statistik over gode møder"),
                   _doc("om/", prior=0.7, title="Gode møder", body="statistik"),
                   _doc("ordliste/#gode-moder", prior=0.5, title="Gode møder")])
    postings = _postings(built)
    # its title's words count as an ordinary page's (0.7); the rest of it keeps the list's prior
    assert postings[stem("møder")]["gode-moeder/"] >= postings[stem("møder")]["om/"]
    assert postings[stem("statistik")]["gode-moeder/"] < postings[stem("statistik")]["om/"]
    # a glossary word's title is all it has: it keeps its own prior
    assert postings[stem("møder")]["ordliste/#gode-moder"] < postings[stem("møder")]["om/"]


def test_a_keyword_that_is_a_question_is_indexed_by_its_first_two_words():
    built = build([_doc("a/", keywords="hvor kan jeg"), _doc("b/", keywords="med ikke for"),
                   _doc("c/", body="hvor kan jeg")])
    assert built.core["questions"] == {"hvor_kan": 1}  # a question word first; keywords only
    assert set(_postings(built)["hvor_kan"]) == {"a/"}


def test_shards_are_stable_and_the_files_load_as_scripts(tmp_path: Path):
    assert [shard_of(t, ["", "f", "s"]) for t in ("a", "f", "foo", "sov", "å")] == [0, 1, 1, 2, 2]
    docs = [_doc(f"p{i}/", title=f"side nummer {i}") for i in range(DOCS_PER_SHARD + 3)]
    built = build(docs)
    version = write(built, tmp_path)
    folder = tmp_path / "search" / "rummelig" / version
    names = sorted(p.name for p in folder.iterdir())
    assert names[:3] == ["core.js", "d0.js", "d1.js"] and "p0.js" in names
    core = folder.joinpath("core.js").read_text(encoding="utf-8")
    assert core.startswith('rummeligSearch.add("core",{') and core.endswith(");\n")
    assert write(built, tmp_path) == version  # the same index, the same version


def test_a_new_index_leaves_the_previous_one_whole_for_pages_that_loaded_it(tmp_path: Path):
    """Under `make serve` the index is written again while colleagues search: a page that read
    the previous search_index.json must still find all of that version's files."""
    root = tmp_path / "search" / "rummelig"
    first = write(build([_doc("a/", title="første side")]), tmp_path)
    files = sorted(p.name for p in (root / first).iterdir())
    second = write(build([_doc("a/", title="anden side"), _doc("b/", title="tredje")]), tmp_path)
    assert second != first and sorted(p.name for p in (root / first).iterdir()) == files
    third = write(build([_doc("c/", title="fjerde side")]), tmp_path)
    assert sorted(p.name for p in root.iterdir()) == sorted([second, third])  # older versions go
    assert write(build([_doc("a/", title="anden side"), _doc("b/", title="tredje")]), tmp_path) == second
    assert sorted(p.name for p in root.iterdir()) == sorted([second, third])


def test_the_project_index_has_entries_teasers_and_priors(tmp_path: Path):
    result = build_site(PROJECT)
    entries = partner_entries(result)
    livslinien = entries["partnere/hele-landet/#livslinien"]
    assert "70201201" in livslinien.fields["keywords"]  # the number as staff type it
    assert livslinien.subtitle == "Telefonrådgivning · Hele landet"
    assert livslinien.fields["title"] == ["Livslinien", "Telefonrådgivning"]  # the type counts as the title
    # a region's line is also the line of each municipality in the region ("lægevagt aalborg")
    lægevagten = entries["partnere/region-nordjylland/#laegevagten-region-nordjylland"].fields["keywords"]
    assert "Aalborg" in lægevagten and "Hjørring" in lægevagten and "Aarhus" not in lægevagten
    assert "Aalborg" not in entries["partnere/aarhus/#herberg-og-forsorgshjem-aarhus-eksempel"].fields["keywords"]
    words = repository_words(result)
    sections = [Section("strategier/psykisk-krise/", "En gæst er i psykisk krise",
                        "<p>Situation · Ansvarlig: Dokk1</p>"),
                Section("strategier/psykisk-krise/#situationen", "Situationen", "<p>En gæst græder.</p>")]
    docs = {d.location: d for d in build_documents(sections, words, {})}
    playbook = docs["strategier/psykisk-krise/"]
    assert playbook.teaser.startswith("Sådan møder du en gæst i psykisk krise")  # the summary, not the metadata
    assert "selvmordstanker" in playbook.fields["keywords"]
    assert playbook.fields["headings"] == ["Situationen"]
    assert page_prior("strategier/psykisk-krise/", "situation") > page_prior("strategier/") \
        > page_prior("bidrag/sprogbrug/")
    assert page_prior("strategier/index.html") == page_prior("strategier/")


def test_a_page_left_out_for_its_tables_is_still_found_by_its_name():
    """A library's tally sheet and counts of good encounters are left out of the theme's
    search (tables of numbers), but the site search has them by title and description."""
    result = build_site(PROJECT)
    words = page_words(result, PROJECT / "docs")
    sheet = words["gode-moeder/dokk1/optaellingsark/"]
    assert sheet.exclude and sheet.by_name
    docs = {d.location: d for d in build_documents([], words, {})}
    found = docs["gode-moeder/dokk1/optaellingsark/"]
    assert found.fields["title"] == ["Optællingsark – Dokk1 – Aarhus Bibliotekerne"]
    assert found.teaser == "Et ugeskema til at tælle gode møder ved skranken"
    assert found.fields["body"] == []  # its table is not searched
    assert "gode-moeder/dokk1/skriv-ugen-ind/" in docs
    # a page excluded without "by_name" stays out
    words["gode-moeder/dokk1/optaellingsark/"].by_name = False
    assert "gode-moeder/dokk1/optaellingsark/" not in {d.location for d in build_documents([], words, {})}


def test_the_build_writes_our_index_and_empties_the_themes(tmp_path: Path):
    site = tmp_path / "site"
    (site / "search").mkdir(parents=True)
    theme = {"config": {"lang": ["da"], "separator": "[\\s]+"},
             "docs": [{"location": "strategier/sover-paa-biblioteket/", "title": "Et menneske sover", "text": ""}]}
    (site / "search" / "search_index.json").write_text(json.dumps(theme), encoding="utf-8")
    count = write_site_search(site, PROJECT / "docs", build_site(PROJECT))
    written = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert written["docs"] == [] and written["config"]["separator"] == "[\\s]+"
    info = written["config"]["rummelig"]
    assert info["folder"] == f"search/rummelig/{info['version']}" and (site / info["folder"] / "core.js").is_file()
    result = build_site(PROJECT)
    by_name = [w for w in page_words(result, PROJECT / "docs").values() if w.exclude and w.by_name]
    assert by_name  # the libraries' tally sheets and counts (found by name)
    assert count == 1 + len(result.repo.partners) + len(by_name)
    assert write_site_search(tmp_path / "nothing", PROJECT / "docs", build_site(PROJECT)) == 0


def test_a_two_word_synonym_finds_the_page_that_has_both_words_in_a_row():
    """"nyansat" is in the group with "ny medarbejder": its alias is the pair, not only
    "medarbejder" (on every page), and only where a page has the pair."""
    built = build([_doc("a/", title="Ny medarbejder"), _doc("b/", body="en medarbejder er ny her")])
    targets = dict(built.core["aliases"]["nyansat"])
    assert targets["ny_medarbejd"] == 0.8 and targets[stem("medarbejder")] == 0.8
    assert "ny_medarbejd" in _postings(built) and "b/" not in _postings(built)["ny_medarbejd"]
    built = build([_doc("b/", body="en medarbejder er ny her")])
    assert "ny_medarbejd" not in dict(built.core["aliases"]["nyansat"])  # no page has the pair


def test_the_index_ships_the_place_names_a_query_can_name():
    built = build([_doc("a/", keywords="Aarhus"), _doc("b/", keywords="Region Midtjylland herberg")])
    assert {"århus", stem("midtjylland")} <= set(built.core["places"])
    assert stem("herberg") not in built.core["places"] and stem("region") not in built.core["places"]
    # the regions some page names, as written, for "region h", "region midt" (search-worker.js)
    assert built.core["regions"] == ["midtjylland"]


def test_everyday_words_near_an_index_word_are_shipped_as_no_typos(tmp_path: Path):
    """"kvinde" is one edit from "kind", "slidt" from "smidt": both are Danish, not typos."""
    built = build([_doc("a/", title="Smidt ud"), _doc("b/", body="en rød kind"), _doc("c/", title="Overdosis")])
    assert {stem("kvinde"), stem("slidt")} <= set(built.everyday)
    assert stem("smidt") not in built.everyday  # an index word itself
    assert stem("overdossis") not in built.everyday  # a typo, in no Danish word list
    version = write(built, tmp_path)
    shipped = (tmp_path / "search" / "rummelig" / version / "w.js").read_text(encoding="utf-8")
    assert shipped.startswith('rummeligSearch.add("w",[')


def test_the_partners_entries_are_shipped_as_runs_of_document_numbers():
    built = build([_doc("partnere/aarhus/#a", prior=0.9, title="herberg"), _doc("partnere/aarhus/#b", prior=0.9),
                   _doc("strategier/x/", title="herberg"), _doc("partnere/aarhus/", prior=0.4)])
    locations = [d[0] for d in built.documents]
    entries = [n for first, last in built.core["entries"] for n in range(first, last + 1)]
    assert sorted(locations[n] for n in entries) == ["partnere/aarhus/#a", "partnere/aarhus/#b"]
    assert len(built.core["entries"]) == 1  # one prior: one run


def test_the_entries_of_one_area_are_shipped_with_the_number_of_areas():
    built = build([_doc("partnere/aarhus/#a", prior=0.9), _doc("partnere/region-nordjylland/#b", prior=0.9),
                   _doc("partnere/hele-landet/#c", prior=0.9), _doc("partnere/aarhus/", prior=0.4)])
    locations = [d[0] for d in built.documents]
    local = [n for first, last in built.core["local"] for n in range(first, last + 1)]
    assert sorted(locations[n] for n in local) == ["partnere/aarhus/#a", "partnere/region-nordjylland/#b"]
    assert built.core["localAreas"] == 2  # a nationwide line is no area's


def test_the_pages_with_counts_of_good_encounters_are_shipped_for_a_question_for_a_count():
    """"hvor mange gode møder …", "statistik gode møder": the overview, a library's counts and its
    summary answer it; the guide, a tally sheet and the week's entry say how to count."""
    pages = ["gode-moeder/", "gode-moeder/dokk1/", "gode-moeder/dokk1/opsummering/", "gode-moeder/vejledning/",
             "gode-moeder/dokk1/optaellingsark/", "gode-moeder/dokk1/skriv-ugen-ind/", "strategier/x/"]
    built = build([_doc(page) for page in pages])
    locations = [d[0] for d in built.documents]
    assert sorted(locations[n] for n in built.core["counts"]) == \
        ["gode-moeder/", "gode-moeder/dokk1/", "gode-moeder/dokk1/opsummering/"]


def test_the_libraries_house_rules_are_shipped_for_a_question_whether_something_is_allowed():
    pages = ["biblioteker/dokk1/husregler/", "biblioteker/dokk1/", "strategier/husregler-for-alle/",
             "biblioteker/dokk1/kontaktkort/"]
    built = build([_doc(page) for page in pages])
    locations = [d[0] for d in built.documents]
    assert [locations[n] for n in built.core["rules"]] == ["biblioteker/dokk1/husregler/"]


def test_the_page_about_the_project_is_shipped_for_a_question_who_makes_the_site():
    """"hvem står bag", "hvem har skrevet indholdet": the page about the project, not a page
    that merely has "om" in its address."""
    pages = ["om/", "bidrag/", "strategier/inddragelse-tal-med-ikke-om/", "ordliste/"]
    built = build([_doc(page) for page in pages])
    locations = [d[0] for d in built.documents]
    assert [locations[n] for n in built.core["about"]] == ["om/"]


def test_the_templates_are_shipped_for_a_query_for_a_form():
    """"formular til episoden i går", "seddel til dem der lukker": the playbooks of the template
    kind answer it, not a situation on the same topic."""
    docs = [_doc("strategier/skabelon-x/"), _doc("strategier/x/"), _doc("strategier/y/")]
    docs[0].kind, docs[1].kind, docs[2].kind = "template", "situation", None
    built = build(docs)
    locations = [d[0] for d in built.documents]
    assert [locations[n] for n in built.core["templates"]] == ["strategier/skabelon-x/"]


def test_the_how_to_pages_are_shipped_for_a_question_how():
    """"hvordan tæller vi gode møder": the page titled "Sådan registrerer I gode møder" answers it."""
    docs = [Document("gode-moeder/vejledning/", "Sådan registrerer I gode møder"),
            Document("bidrag/", "Sådan bidrager du"), Document("strategier/x/", "Registrering af hændelser"),
            Document("ordliste/#x", "Sådan")]
    built = build(docs)
    locations = [d[0] for d in built.documents]
    assert sorted(locations[n] for n in built.core["howto"]) == ["bidrag/", "gode-moeder/vejledning/"]


def test_the_index_version_never_reads_as_a_personal_number():
    """The version stands in search_index.json, which the site's privacy scan reads: a hash whose
    first twelve characters look like a CPR number ("0101901234") must not stop the build."""
    hexdigest = "0101901234ab" + "c7e5f9d3b1a2" * 5
    version = safe_version(hexdigest)
    assert len(version) == 12 and version in hexdigest and "0101901234" not in version
    assert find_cpr(json.dumps({"version": version, "folder": f"search/rummelig/{version}"})) == []
    assert safe_version("abcdefabcdef" + "0" * 52) == "abcdefabcdef"
