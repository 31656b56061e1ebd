"""A realistic national corpus, written to disk following the content contract (docs-dev/contract.md §5).

Scale 1 is Denmark: ~100 libraries across the 98 municipalities, 2,000 partners of every
type, 500 playbooks (half of them situation playbooks with the five sections) of about 600
words of Danish-like text, and 20,000 good-encounter rows. Scale 2 doubles every count over
the same 98 municipalities. The output is deterministic for a given seed and `today`.

`generate()` can start from a copy of a project (its committed tree: mkdocs.yml, docs/,
hooks/ and the real content) so that the result builds as a site; the generated entries are
then added until the totals are reached.

Usage: python -m bench.corpus OUT [--scale 1] [--seed 8] [--project .]
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import subprocess
import tarfile
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from rummelig.models.reference import NATIONWIDE_SLUG, PARTNER_TYPES, SITUATION_SECTIONS, municipalities
from rummelig.phones import parse_phone

LIBRARIES, PARTNERS, PLAYBOOKS, ENCOUNTER_ROWS = 100, 2000, 500, 20_000

# Larger municipalities get more libraries and partners (a rough population weighting).
BIG = {"koebenhavn": 8, "aarhus": 5, "odense": 3, "aalborg": 3, "frederiksberg": 2, "esbjerg": 2,
       "vejle": 2, "randers": 2, "kolding": 2, "horsens": 2, "silkeborg": 2, "herning": 2, "roskilde": 2}

# Partner types with how often they occur (police and the council: about one per municipality).
TYPE_WEIGHTS = {
    "drop-in-centre": 16, "volunteer-organisation": 15, "municipal-services": 8, "street-nurse": 5,
    "shelter": 7, "night-shelter": 5, "outreach-worker": 8, "police": 5, "council-for-vulnerable": 5,
    "addiction-treatment": 7, "psychiatric-emergency": 3, "helpline": 2, "health-clinic": 4, "legal-aid": 4,
    "other": 6,
}
TYPE_WORD = {
    "street-nurse": "Gadesygeplejerskerne", "drop-in-centre": "Værestedet", "shelter": "Herberget",
    "night-shelter": "Natcaféen", "outreach-worker": "Gadeteamet", "police": "Nærpolitiet",
    "council-for-vulnerable": "Udsatterådet", "addiction-treatment": "Rusmiddelcentret",
    "psychiatric-emergency": "Psykiatrisk akutmodtagelse", "helpline": "Rådgivningslinjen",
    "health-clinic": "Sundhedsklinikken", "municipal-services": "Borgerservice",
    "legal-aid": "Retshjælpen", "volunteer-organisation": "Frivilligcentret", "other": "Netværket",
}
NAME_EXTRA = ["Kirkens Korshær", "Blå Kors", "Mændenes Hjem", "Café Paraplyen", "Den Blå Bus", "Værestedet Kilden",
              "Reden", "Hus Forbi", "Projekt Udenfor", "Røde Kors", "Settlementet", "Nabohuset", "Lysthuset",
              "Fristedet", "Trappen", "Fyrtårnet", "Anker", "Broen", "Kompasset", "Havnen"]
DISTRICTS = ["Nord", "Syd", "Øst", "Vest", "Centrum", "Havnen", "Bymidten", "Stationen", "Ådalen", "Søndermarken"]
HELPS = ["et varmt måltid", "en snak", "bad og tøjvask", "sår og småskader", "hjælp til ansøgninger",
         "kontakt til en sagsbehandler", "en seng for natten", "rådgivning om gæld", "samtale om rusmidler",
         "hjælp til medicin", "ro og et sted at være", "ledsagelse til lægen", "digital post og MitID",
         "hjælp ved hjemløshed", "samvær og fællesskab", "juridisk rådgivning", "akut psykiatrisk hjælp",
         "en anonym samtale", "substitutionsbehandling", "tandpleje uden sygesikring"]
WHEN = ["En gæst fortæller, at vedkommende ikke har spist i dag.",
        "Det er lukketid, og en gæst har ikke et sted at sove.",
        "En gæst har tydelige sår og vil ikke på skadestuen.",
        "En gæst virker forvirret og har brug for en voksen, der kender andre tilbud.",
        "En gæst spørger efter hjælp til post fra kommunen.",
        "I er bekymrede for et barn eller en ung under 18.",
        "En gæst er påvirket og har det dårligt, men der er ikke akut fare.",
        "En fast gæst er blevet væk i længere tid, og I er bekymrede.",
        "En gæst har mistet sin bolig og ved ikke, hvor hjælpen findes.",
        "Der er sket noget, som personalet vil tale med en fagperson om."]
LANGS = ["en", "ar", "pl", "uk", "ro", "so", "tr", "de", "fa", "ti", "lt"]
APPROACHES = ["coordinators", "social-librarian", "relations-worker", "partnerships", "co-created-events",
              "shared-strategies", "staff-training", "outreach"]
ROLES = ["Bibliotekets koordinator for udsatte borgere", "Den sociale bibliotekar", "Relationsmedarbejderen",
         "Vagthavende bibliotekar"]
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
CATEGORIES = (["samtale"] * 9 + ["hjaelp"] * 6 + ["henvisning"] * 3 + ["deeskalering"] * 2
              + ["arrangement"] * 2 + ["andet"])
NOTES = ["Gæst fik en snak om ugen", "Hjalp med digital post", "Henviste til værestedet", "Fælles kaffe ved avisbordet",
         "Rolig snak i stedet for bortvisning", "Gæst hjalp til ved arrangementet", "Fandt en seng for natten",
         "Ringede til gadeteamet sammen med gæsten", "Læsekreds med brugerne", "Sagde hej, og gæsten smilede",
         "Hjælp til at printe en ansøgning", "Konflikt ved computerne løst med en pause"]
TAGS = ["hjemløshed", "misbrug", "sindslidelse", "ensomhed", "fattigdom", "husregler", "relationer", "konflikt",
        "inddragelse", "partnerskaber", "personale", "børn og unge", "arrangementer", "digital hjælp", "sprog",
        "basale behov", "tryghed", "registrering", "ældre", "selvbetjening"]
KEYWORDS = ["sover", "larm", "lugt", "råber", "påvirket", "fuld", "stoffer", "hjemløs", "uden bolig", "alene",
            "trist", "forvirret", "bange", "vred", "truer", "toilet", "bad", "varme", "computer", "kø",
            "lånerkort", "pant", "tasker", "hund", "sprog", "tolk", "kaffe", "snak", "hej", "stamgæst"]

# Danish-like text: sentences are assembled from these parts, so pages read as plain Danish
# and the search index sees a realistic vocabulary (not a few repeated words).
SUBJECTS = ["Personalet", "Du", "Vi", "En kollega", "Koordinatoren", "Den sociale bibliotekar", "Vagten",
            "Relationsmedarbejderen", "Den, der står i skranken", "Studentermedhjælperen", "Lederen"]
VERBS = ["taler roligt med", "hilser på", "spørger ind til", "lytter til", "hjælper", "viser vej for",
         "sætter sig ned sammen med", "giver plads til", "forklarer husreglerne for", "følger op med",
         "henviser", "inviterer", "kender navnet på", "holder øje med"]
OBJECTS = ["gæsten", "den faste gæst", "brugerne fra værestedet", "en ny gæst", "familien ved indgangen",
           "den unge ved computeren", "manden i lænestolen", "kvinden med tasker", "gruppen ved avisbordet",
           "en gæst, der virker presset", "en gæst i krise", "alle, der kommer ind"]
TAILS = ["uden at hæve stemmen", "så rammerne er de samme for alle", "og viser, at hun eller han er set",
         "før situationen vokser", "i et roligt hjørne af biblioteket", "med respekt og tålmodighed",
         "og fortæller, hvor hjælpen findes", "og skriver det gode møde ned bagefter",
         "sammen med en kollega", "når der er ro på", "og spørger, hvad der ville hjælpe",
         "så ingen bliver gjort til klient", "og aftaler, hvordan I følges ad", "på en venlig og klar måde"]
OPENERS = ["Det er vigtigt, at", "Husk, at", "Erfaringen viser, at", "Mange biblioteker oplever, at",
           "Det hjælper, når", "Ofte er det sådan, at", "I praksis betyder det, at", "Tænk over, at"]
CLAUSES = ["rammerne skal være ens for alle", "biblioteket er for alle, men ikke til alt",
           "et hej kan være starten på en relation", "man taler med udsatte og ikke om dem",
           "partnerne kender mennesker, vi ikke selv kan hjælpe", "personalet bliver tryggere med fælles strategier",
           "de gode møder også skal tælles", "ingen skal stå alene med en svær situation",
           "en pause ofte er bedre end en bortvisning", "gæsten selv ved bedst, hvad der hjælper",
           "en rolig stemme smitter", "der altid er en vej tilbage til biblioteket"]
SAYINGS = ["\"Hej, godt at se dig igen.\"", "\"Jeg vil bare høre, om du har det godt?\"",
           "\"Skal vi finde et roligt sted at tale sammen?\"", "\"Reglen gælder for alle her – også for mig.\"",
           "\"Du er velkommen igen i morgen.\"", "\"Vil du have, at jeg ringer til nogen for dig?\"",
           "\"Jeg kan se, at det er svært lige nu.\"", "\"Hvad ville hjælpe dig mest lige nu?\""]
TITLE_A = ["En gæst", "En fast gæst", "En ung", "En ældre gæst", "En gruppe", "En ny gæst", "En forælder",
           "En gæst uden bolig", "En gæst i krise", "En gæst med hund"]
TITLE_B = ["sover ved computerne", "råber i stillezonen", "er påvirket ved skranken", "vil ikke gå ved lukketid",
           "vasker sig på toilettet", "taler højt med sig selv", "har brug for hjælp til digital post",
           "samler pant i læsesalen", "fortæller om selvmordstanker", "bliver afvist af andre gæster",
           "har ikke spist i dag", "har mistet sit lånerkort", "truer en kollega", "er ensom og bliver hele dagen",
           "har et sår, der bløder", "beder om penge", "spørger efter et sted at sove"]
APPROACH_TITLES = ["Koordinatorer i hverdagen", "Den sociale bibliotekar", "Relationsarbejde på tværs",
                   "Fælles håndteringsstrategier", "Opsøgende arbejde fra biblioteket", "Uddannelse af personalet",
                   "Partnerskaber med væresteder", "Netværk med socialforvaltningen", "Vagter med relationer"]
EVENT_TITLES = ["Nabofest med brugerne", "Skriveværksted for alle", "Læsekreds på værestedet", "Kunstudstilling",
                "Koncert i foyeren", "Fællesspisning på biblioteket", "Fortællecafé", "Brætspil om fredagen"]
PRINCIPLE_TITLES = ["Ens rammer for alle", "Tal med, ikke om", "Sig hej", "Tæl det, der går godt",
                    "Ingen bliver gjort til klient", "Altid en vej tilbage", "Fælles sprog", "Tryghed for personalet"]
KIND_WEIGHTS = {"situation": 50, "approach": 20, "event": 15, "principle": 15}
GENERIC_SECTIONS = ["Baggrund", "Sådan gør vi", "Det siger kollegerne", "Erfaringer", "Kom godt i gang"]


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _flow(items: list[str]) -> str:
    return "[" + ", ".join(items) + "]"


def _flow_quoted(items: list[str]) -> str:
    return "[" + ", ".join(_quote(i) for i in items) + "]"


@dataclass
class Counts:
    libraries: int = 0
    partners: int = 0
    playbooks: int = 0
    encounter_rows: int = 0
    encounter_files: int = 0
    files: int = 0
    extra: dict[str, int] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=dict)  # generated + the project's own content


class Writer:
    def __init__(self, root: Path, scale: float, seed: int, today: date) -> None:
        self.root, self.scale, self.today = root, scale, today
        self.rng = random.Random(seed)
        self.munis = sorted(municipalities())
        self.counts = Counts()
        self.library_ids: dict[str, list[str]] = {}   # municipality → library ids
        self.strategy_ids: list[str] = []
        self.partner_names: dict[str, set[str]] = {}

    # -- text --------------------------------------------------------------------------
    def sentence(self) -> str:
        r = self.rng
        if r.random() < 0.4:
            return f"{r.choice(OPENERS)} {r.choice(CLAUSES)}."
        return f"{r.choice(SUBJECTS)} {r.choice(VERBS)} {r.choice(OBJECTS)} {r.choice(TAILS)}."

    def paragraph(self, sentences: int) -> str:
        return " ".join(self.sentence() for _ in range(sentences))

    def recent(self, max_days: int = 270) -> date:
        return self.today - timedelta(days=self.rng.randint(0, max_days))

    def write(self, rel: str, text: str) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        self.counts.files += 1

    def phone(self) -> str:
        r = self.rng
        while True:  # a real Danish number: phonenumbers decides, as the model does
            digits = r.choice("234567") + "".join(r.choice("0123456789") for _ in range(7))
            text = " ".join(digits[i:i + 2] for i in range(0, 8, 2))
            if parse_phone(text) is not None:
                return text

    # -- existing content --------------------------------------------------------------
    def existing(self, kind: str) -> list[Path]:
        folder = {"library": "libraries", "partner": "partners", "strategy": "strategies"}[kind]
        base = self.root / folder
        ext = ".md" if kind == "strategy" else ".yml"
        return sorted(base.rglob(f"*{ext}")) if base.is_dir() else []

    # -- libraries ---------------------------------------------------------------------
    def libraries(self) -> None:
        for path in self.existing("library"):
            muni = next((ln.split(":", 1)[1].strip() for ln in path.read_text(encoding="utf-8").splitlines()
                         if ln.startswith("municipality:")), "")
            self.library_ids.setdefault(muni, []).append(path.stem)
        have = sum(len(v) for v in self.library_ids.values())
        target = round(LIBRARIES * self.scale)
        # Every municipality gets a library before any gets a second (weighted by size).
        slots = list(self.munis)
        while len(slots) < target:
            weighted = [m for m in self.munis for _ in range(BIG.get(m, 1))]
            slots.extend(self.rng.sample(weighted, min(len(weighted), target - len(slots))))
        for muni in slots[: max(0, target - have)]:
            n = len(self.library_ids.get(muni, [])) + 1
            library_id = f"{muni}-bibliotek-{n}"
            self.library_ids.setdefault(muni, []).append(library_id)
            self.write(f"libraries/{library_id}.yml", self.library(muni, library_id, n))
            self.counts.libraries += 1
        self.counts.extra["libraries_total"] = sum(len(v) for v in self.library_ids.values())

    def library(self, muni: str, library_id: str, n: int) -> str:
        r = self.rng
        name = municipalities()[muni].name
        branch = "Hovedbiblioteket" if n == 1 else r.choice(["Filialen i Vest", "Kulturhuset", "Bydelsbiblioteket",
                                                              "Biblioteket ved Torvet", "Medborgerhuset"])
        rules = []
        for _ in range(r.randint(4, 9)):
            rules.append(f"  - rule: {_quote(self.paragraph(1))}\n    why: {_quote(self.paragraph(1))}\n"
                         f"    if_broken: {_quote(self.paragraph(2))}\n")
        approach = r.sample(APPROACHES, r.randint(1, 4))
        contact = ""
        if r.random() < 0.85:
            contact = f"contact:\n  phone: \"{self.phone()}\"\n  email: udsatte@{muni}.dk\n"
        return (f"name: {name} Bibliotekerne – {branch}\norganisation: {name} Bibliotekerne\nmunicipality: {muni}\n"
                f"address:\n  street: Biblioteksvej {r.randint(1, 120)}\n  postal_code: \"{r.randint(1000, 9990)}\"\n"
                f"  city: {name}\nurl: https://bibliotek.{muni}.dk\napproach: {_flow(approach)}\n"
                f"approach_note: {_quote(self.paragraph(3))}\n"
                f"contact_role: {r.choice(ROLES)}\n"
                f"{contact}house_rules:\n{''.join(rules)}last_reviewed: {self.recent()}\n")

    # -- partners ----------------------------------------------------------------------
    def partners(self) -> None:
        for path in self.existing("partner"):  # the project's own partners keep their names
            name = next((ln.split(":", 1)[1].strip().strip('"') for ln in path.read_text(encoding="utf-8").splitlines()
                         if ln.startswith("name:")), "")
            self.partner_names.setdefault(path.parent.name, set()).add(name)
        have = len(self.existing("partner"))
        target = round(PARTNERS * self.scale) - have
        types = list(TYPE_WEIGHTS)
        weights = list(TYPE_WEIGHTS.values())
        weighted_munis = [m for m in self.munis for _ in range(BIG.get(m, 1) * 2 + 1)]
        seen: dict[str, int] = {}
        for i in range(max(0, target)):
            kind = self.rng.choices(types, weights)[0]
            if kind == "helpline" and self.rng.random() < 0.3:
                muni = NATIONWIDE_SLUG
            else:
                muni = self.munis[i] if i < len(self.munis) else self.rng.choice(weighted_munis)
            stem = f"{kind}-{muni}"
            seen[stem] = seen.get(stem, 0) + 1
            partner_id = f"{stem}-{seen[stem]}"
            self.write(f"partners/{muni}/{partner_id}.yml", self.partner(kind, muni))
            self.counts.partners += 1

    def partner(self, kind: str, muni: str) -> str:
        r = self.rng
        place = "hele landet" if muni == NATIONWIDE_SLUG else municipalities()[muni].name
        name = f"{TYPE_WORD[kind]} i {place}" if r.random() < 0.6 else f"{r.choice(NAME_EXTRA)} {place}"
        taken = self.partner_names.setdefault(muni, set())
        if name in taken:  # two partners with one name in a municipality is a warning (and fails strict)
            name = next(f"{name}, {d}" for d in [*DISTRICTS, *range(2, 10_000)] if f"{name}, {d}" not in taken)
        taken.add(name)
        local = self.library_ids.get(muni) or [lib for libs in self.library_ids.values() for lib in libs][:1]
        verified_by = r.choice(local) if muni in self.library_ids else r.choice(
            [lib for libs in self.library_ids.values() for lib in libs])
        lines = [f"name: {_quote(name)}", f"type: {kind}",
                 f"description: {_quote(self.paragraph(r.randint(1, 3)))}",
                 f"helps_with: {_flow_quoted(r.sample(HELPS, r.randint(1, 5)))}",
                 "when_to_contact:"] + [f"  - {_quote(w)}" for w in r.sample(WHEN, r.randint(1, 3))]
        contact = []
        if r.random() < 0.85:
            contact.append(f"  phone: \"{self.phone()}\"")
        if r.random() < 0.5:
            contact.append(f"  email: kontakt@{kind}.{muni}.dk")
        if r.random() < 0.7 or not contact:
            contact.append(f"  url: https://www.{muni}.dk/{kind}")
        if r.random() < 0.5:
            contact.append(f"  address: {_quote(f'Gadevej {r.randint(1, 99)}, {place}')}")
        lines += ["contact:"] + contact
        if kind == "night-shelter":
            lines += ["opening_hours:", "  - days: [mon, tue, wed, thu, fri, sat, sun]",
                      f"    opens: \"{r.choice(['21:00', '22:00', '23:00'])}\"",
                      f"    closes: \"{r.choice(['06:00', '07:00', '08:00'])}\"", "    overnight: true"]
        elif kind in ("helpline", "police", "psychiatric-emergency") and r.random() < 0.5:
            lines += ["opening_hours:", f"  - days: {_flow(DAYS)}", '    opens: "00:00"', '    closes: "24:00"']
        elif r.random() < 0.75:
            lines.append("opening_hours:")
            start = r.randint(0, 2)
            lines += [f"  - days: {_flow(DAYS[start:start + r.randint(3, 5)])}",
                      f"    opens: \"{r.choice(['08:00', '09:00', '10:00', '11:30'])}\"",
                      f"    closes: \"{r.choice(['14:00', '15:30', '16:00', '18:00'])}\""]
            if r.random() < 0.4:
                lines += ["  - days: [sat]", '    opens: "10:00"', '    closes: "13:00"']
        if r.random() < 0.35:
            lines.append(f"opening_note: {_quote(self.paragraph(1))}")
        lines.append(f"languages: {_flow(['da'] + r.sample(LANGS, r.randint(0, 3)))}")
        if muni in self.library_ids and r.random() < 0.25:
            lines.append(f"libraries: {_flow(r.sample(self.library_ids[muni], 1))}")
        lines += [f"last_verified: {self.recent()}", f"verified_by: {verified_by}",
                  f"example: {'true' if r.random() < 0.1 else 'false'}"]
        return "\n".join(lines) + "\n"

    # -- playbooks ---------------------------------------------------------------------
    def strategies(self) -> None:
        self.strategy_ids = [p.stem for p in self.existing("strategy")]
        target = round(PLAYBOOKS * self.scale) - len(self.strategy_ids)
        all_libraries = [lib for libs in self.library_ids.values() for lib in libs]
        kinds, weights = list(KIND_WEIGHTS), list(KIND_WEIGHTS.values())
        titles: set[str] = set()
        new_ids = []
        for i in range(max(0, target)):
            kind = self.rng.choices(kinds, weights)[0]
            title = self.title(kind)
            while title in titles:
                title = f"{self.title(kind)} ({len(titles)})"
            titles.add(title)
            strategy_id = f"strategi-{i + 1:04d}-{kind}"
            owner = self.rng.choice(all_libraries)
            self.write(f"strategies/{strategy_id}.md",
                       self.strategy(kind, title, owner, all_libraries, new_ids[-20:]))
            new_ids.append(strategy_id)
            self.counts.playbooks += 1
        self.strategy_ids += new_ids

    def title(self, kind: str) -> str:
        r = self.rng
        if kind == "situation":
            return f"{r.choice(TITLE_A)} {r.choice(TITLE_B)}"
        pool = {"approach": APPROACH_TITLES, "event": EVENT_TITLES, "principle": PRINCIPLE_TITLES}[kind]
        return f"{r.choice(pool)} – {r.choice(['erfaringer', 'sådan gør vi', 'en guide', 'trin for trin'])}"

    def strategy(self, kind: str, title: str, owner: str, libraries: list[str], earlier: list[str]) -> str:
        r = self.rng
        contributors = sorted({owner, *r.sample(libraries, r.randint(0, 2))})
        meta = [
            "---", f"title: {_quote(title)}", f"kind: {kind}", f"summary: {_quote(self.sentence())}",
            f"tags: {_flow_quoted(r.sample(TAGS, r.randint(1, 4)))}",
            f"keywords: {_flow_quoted(r.sample(KEYWORDS, r.randint(2, 8)))}",
        ]
        if r.random() < 0.7:
            meta.append(f"partner_types: {_flow(r.sample(list(PARTNER_TYPES), r.randint(1, 4)))}")
        meta += [f"contributed_by: {_flow(contributors)}", f"owner: {owner}", f"last_reviewed: {self.recent()}",
                 f"review_every_months: {r.choice([6, 12, 12, 12, 24])}", "---", ""]
        sections = list(SITUATION_SECTIONS) if kind == "situation" else r.sample(GENERIC_SECTIONS, 4)
        body: list[str] = []
        words = 0
        for section in sections:
            body += [f"## {section}", ""]
            if section == "Det kan du sige":
                for saying in r.sample(SAYINGS, 4):
                    body.append(f"- {saying}")
                    words += len(saying.split())
                body.append("")
            elif section == "Sådan kan du gøre":
                for n in range(1, r.randint(4, 7)):
                    item = self.paragraph(2)
                    body.append(f"{n}. **{item.split(' ', 3)[-1][:40].rstrip(' ,.')}.** {item}")
                    words += len(item.split()) + 5
                body.append("")
            paragraphs = max(1, (600 // len(sections)) // 60)
            for _ in range(paragraphs):
                text = self.paragraph(r.randint(3, 6))
                words += len(text.split())
                body += [text, ""]
        if earlier and r.random() < 0.6:
            other = r.choice(earlier)
            body += [f"Se også [en beslægtet strategi]({other}.md).", ""]
        self.counts.extra["words"] = self.counts.extra.get("words", 0) + words
        return "\n".join(meta + body)

    # -- good encounters ---------------------------------------------------------------
    def encounters(self) -> None:
        libraries = sorted(lib for libs in self.library_ids.values() for lib in libs)
        rows_total = round(ENCOUNTER_ROWS * self.scale)
        per_library = rows_total // len(libraries)
        extra = rows_total - per_library * len(libraries)
        years = [self.today.year - 1, self.today.year]
        for index, library_id in enumerate(libraries):
            n = per_library + (1 if index < extra else 0)
            by_year: dict[int, list[tuple[date, str, int, str]]] = {y: [] for y in years}
            for _ in range(n):
                day = self.today - timedelta(days=self.rng.randint(0, 600))
                year = day.year if day.year in by_year else years[0]
                category = self.rng.choice(CATEGORIES)
                count = 1 if self.rng.random() < 0.8 else self.rng.randint(2, 6)
                note = self.rng.choice(NOTES) if self.rng.random() < 0.4 else ""
                by_year[year].append((day if day.year == year else date(year, 1, 1), category, count, note))
            for year, rows in by_year.items():
                if not rows:
                    continue
                out = io.StringIO()
                w = csv.writer(out, lineterminator="\n")
                w.writerow(["date", "category", "count", "note"])
                for day, category, count, note in sorted(rows):
                    w.writerow([day.isoformat(), category, count, note])
                self.write(f"encounters/{library_id}/{year}.csv", out.getvalue())
                self.counts.encounter_files += 1
                self.counts.encounter_rows += len(rows)


def copy_project(project: Path, dest: Path, ref: str = "HEAD") -> None:
    """The project's committed tree (site config, docs, hooks, real content) as the base."""
    archive = subprocess.run(["git", "-C", str(project), "archive", "--format=tar", ref],
                             check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(dest, filter="data")


def generate(root: Path, scale: float = 1.0, seed: int = 8, today: date | None = None,
             project: Path | None = None, ref: str = "HEAD") -> Counts:
    """Write a corpus of `scale` × the national size into `root` (which must not exist yet),
    on top of `project`'s tree at commit `ref` when a project is given."""
    root.mkdir(parents=True)
    if project is not None:
        copy_project(project, root, ref)
    writer = Writer(root, scale, seed, today or date.today())
    writer.libraries()
    writer.partners()
    writer.strategies()
    writer.encounters()
    counts = writer.counts
    counts.totals = {"libraries": sum(len(v) for v in writer.library_ids.values()),
                     "partners": len(writer.existing("partner")), "playbooks": len(writer.strategy_ids),
                     "encounter_rows": counts.encounter_rows}
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a national benchmark corpus.")
    parser.add_argument("out", type=Path)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--project", type=Path, help="start from this project's committed tree (to build a site)")
    args = parser.parse_args(argv)
    counts = generate(args.out, args.scale, args.seed, project=args.project)
    print(counts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
