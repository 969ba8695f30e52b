"""Deterministic generator of synthetic German Steckbriefe for the catalogue benchmark.

    from bench.synthetic import generate
    for item in generate(10_000, seed=7):
        ...

Pure standard library (no Django). Every Steckbrief describes one measure of inclusive neighbourhood development
in one of the 16 towns of the network. The texts are assembled from a hand-written German lexicon (nouns with
gender, genitive and plural, adjectives that are declined, verbs with their finite, participle and zu-infinitive
forms) and several hundred sentence templates, so the search under test meets inflected forms, umlauts, ß and
compound words. Lexicon entries and templates are drawn with Zipf-like weights, and a few word families are
built by composition (activities such as "Sommerkino", street and district names), which gives the vocabulary a
long tail: a handful of words occur in almost every document, most words in only a few.

Same ``n`` and ``seed`` give identical output; all randomness comes from one ``random.Random(seed)``.
"""

from __future__ import annotations

import datetime
import random
import re
from bisect import bisect
from collections.abc import Iterator
from itertools import accumulate

__all__ = ["generate", "CITIES", "CATEGORIES", "TARGET_GROUPS", "FUNDING_PROGRAMMES"]

# -- controlled vocabularies (must match the taxonomy of the site) -------------------------------------------------
CITIES = [
    "Bad Krozingen",
    "Filderstadt",
    "Freudenberg am Main",
    "Friedrichshafen",
    "Heidelberg",
    "Karlsruhe",
    "Konstanz",
    "Salach",
    "Ulm",
    "Bruchsal",
    "Kirchheim unter Teck",
    "Künzelsau",
    "Leonberg",
    "Mannheim",
    "Mössingen",
    "Stuttgart",
]
CITY_WEIGHTS = {
    "Stuttgart": 15,
    "Mannheim": 11,
    "Karlsruhe": 10,
    "Heidelberg": 8,
    "Ulm": 7,
    "Konstanz": 6,
    "Friedrichshafen": 5,
    "Leonberg": 4,
    "Bruchsal": 4,
    "Filderstadt": 4,
    "Kirchheim unter Teck": 3,
    "Mössingen": 3,
    "Bad Krozingen": 2.5,
    "Künzelsau": 2,
    "Freudenberg am Main": 1.5,
    "Salach": 1,
}
GEMEINDEN = {"Salach"}  # everything else calls itself "Stadt"

CATEGORIES = {
    "E": "Einstieg in die Quartiersentwicklung",
    "B": "Beteiligungskultur",
    "I": "Innovation",
    "N": "Inklusion",
    "A": "Gutes Älterwerden im Quartier",
    "D": "Digitalisierung",
    "U": "Bürgerengagement",
    "M": "Mobilität und Klimaschutz",
    "S": "Strategie",
    "O": "Orte der Begegnung",
    "V": "Verantwortungspartnerschaften",
}
CATEGORY_WEIGHTS = {"O": 14, "U": 13, "N": 12, "A": 11, "B": 10, "E": 8, "M": 7, "S": 6, "D": 6, "V": 4, "I": 4}

TARGET_GROUPS = {
    "a": "Ältere Menschen",
    "b": "Menschen mit Behinderungen",
    "k": "Kinder und Jugendliche",
    "f": "Familien",
    "m": "Menschen mit Migrationsgeschichte",
    "e": "Ehrenamtliche",
    "l": "Alle Bewohnerinnen und Bewohner",
    "v": "Verwaltung und Fachkräfte",
}
TARGET_GROUP_WEIGHTS = {"l": 14, "a": 13, "f": 9, "k": 9, "b": 8, "e": 6, "m": 6, "v": 3}

FUNDING_PROGRAMMES = {
    "Quartier 2030 – Gemeinsam.Gestalten.": 30,
    "Eigenmittel der Kommune": 24,
    "Förderprogramm Quartiersimpulse": 20,
    "Städtebauförderung (Sozialer Zusammenhalt)": 14,
    "Stiftungsmittel": 12,
    "Europäischer Sozialfonds (ESF Plus)": 7,
}
FUNDING_PHRASES = {
    "Quartier 2030 – Gemeinsam.Gestalten.": [
        "über das Landesprogramm „Quartier 2030 – Gemeinsam.Gestalten.“",
        "mit einer Förderung aus der Landesstrategie Quartier 2030",
    ],
    "Eigenmittel der Kommune": ["aus Eigenmitteln {C.komgen}", "aus dem laufenden Haushalt {C.komgen}"],
    "Förderprogramm Quartiersimpulse": [
        "mit Mitteln aus dem Förderprogramm Quartiersimpulse",
        "über eine Anschubförderung aus den Quartiersimpulsen",
    ],
    "Städtebauförderung (Sozialer Zusammenhalt)": [
        "aus dem Städtebauförderprogramm Sozialer Zusammenhalt",
        "im Rahmen der Städtebauförderung",
    ],
    "Stiftungsmittel": ["mit Unterstützung einer regionalen Stiftung", "mit Zuschüssen der örtlichen Bürgerstiftung"],
    "Europäischer Sozialfonds (ESF Plus)": ["mit Mitteln des Europäischen Sozialfonds"],
}
NO_FUNDING_PHRASES = [
    "aus Spenden, Mitgliedsbeiträgen und viel ehrenamtlicher Arbeit",
    "fast ausschließlich über Spenden aus der Nachbarschaft",
    "über kleine Zuschüsse und den Erlös von Flohmärkten",
]

STATUS_WEIGHTS = {"permanent": 30, "implemented": 28, "in_progress": 20, "ended": 14, "idea": 8}
STAFF_WEIGHTS = {"low": 30, "medium": 50, "high": 20}
COST_BY_KIND = {  # none, lt5k, 5k-25k, 25k-100k, gt100k
    "ort": (4, 18, 32, 30, 16),
    "fest": (8, 40, 38, 12, 2),
    "gremium": (30, 45, 18, 6, 1),
    "prozess": (6, 20, 38, 28, 8),
    "dienst": (10, 34, 34, 17, 5),
}
COST_BANDS = ("none", "lt5k", "5k-25k", "25k-100k", "gt100k")

# -- grammar tables --------------------------------------------------------------------------------------------
_ALL_EN = {"m": "en", "f": "en", "n": "en"}
DEF = {
    "nom": {"m": "der", "f": "die", "n": "das"},
    "akk": {"m": "den", "f": "die", "n": "das"},
    "dat": {"m": "dem", "f": "der", "n": "dem"},
    "gen": {"m": "des", "f": "der", "n": "des"},
}
INDEF = {
    "nom": {"m": "ein", "f": "eine", "n": "ein"},
    "akk": {"m": "einen", "f": "eine", "n": "ein"},
    "dat": {"m": "einem", "f": "einer", "n": "einem"},
    "gen": {"m": "eines", "f": "einer", "n": "eines"},
}
WEAK = {"nom": {"m": "e", "f": "e", "n": "e"}, "akk": {"m": "en", "f": "e", "n": "e"}, "dat": _ALL_EN, "gen": _ALL_EN}
MIXED = {
    "nom": {"m": "er", "f": "e", "n": "es"},
    "akk": {"m": "en", "f": "e", "n": "es"},
    "dat": _ALL_EN,
    "gen": _ALL_EN,
}
STRONG = {
    "nom": {"m": "er", "f": "e", "n": "es"},
    "akk": {"m": "en", "f": "e", "n": "es"},
    "dat": {"m": "em", "f": "er", "n": "em"},
}
PREP = {
    "in": {"m": "im", "f": "in der", "n": "im"},
    "auf": {"m": "auf dem", "f": "auf der", "n": "auf dem"},
    "an": {"m": "am", "f": "an der", "n": "am"},
    "zu": {"m": "zum", "f": "zur", "n": "zum"},
    "von": {"m": "vom", "f": "von der", "n": "vom"},
    "bei": {"m": "beim", "f": "bei der", "n": "beim"},
}


def _zipf(n: int, s: float = 1.0) -> list[float]:
    return list(accumulate(1.0 / (i + 1) ** s for i in range(n)))


class Pool:
    """A list of items with Zipf-like (or explicit) weights, sampled by bisection on cumulative weights."""

    __slots__ = ("items", "cw", "total")

    def __init__(self, items, s: float = 1.0, weights=None):
        self.items = list(items)
        self.cw = list(accumulate(weights)) if weights is not None else _zipf(len(self.items), s)
        self.total = self.cw[-1]

    def pick(self, rnd):
        return self.items[bisect(self.cw, rnd() * self.total)]


class Noun:
    """A German noun with its declension; ``f`` holds every article/preposition form used by the templates."""

    __slots__ = ("g", "sg", "gen", "pl", "pldat", "prep", "f", "adjs", "kind", "cats", "groups")

    def __init__(self, g, sg, gen, pl, prep="in", adjs=None):
        self.g, self.sg, self.gen, self.pl, self.prep, self.adjs = g, sg, gen, pl, prep, adjs
        self.pldat = pl if pl.endswith(("n", "s")) else pl + "n"
        f = {"n": sg, "pl": pl, "pldat": self.pldat, "dpl": "die " + pl, "dpldat": "den " + self.pldat}
        for case in ("nom", "akk", "dat", "gen"):
            word = gen if case == "gen" else sg
            f[case] = f"{DEF[case][g]} {word}"
            f["i" + case] = f"{INDEF[case][g]} {word}"
        for p in ("zu", "von", "bei", "an"):
            f[p] = f"{PREP[p][g]} {sg}"
        f["in"] = f"{PREP[prep][g]} {sg}"
        f["relnom"], f["relakk"], f["reldat"] = DEF["nom"][g], DEF["akk"][g], DEF["dat"][g]
        self.f = f

    def adj(self, form, a):
        g = self.g
        if form == "ain":
            return f"{PREP[self.prep][g]} {a}en {self.sg}"
        kind, case = form[:-3], form[-3:]
        if kind == "a":
            return f"{DEF[case][g]} {a}{WEAK[case][g]} {self.gen if case == 'gen' else self.sg}"
        if kind == "ia":
            return f"{INDEF[case][g]} {a}{MIXED[case][g]} {self.gen if case == 'gen' else self.sg}"
        if kind == "s":
            return f"{a}{STRONG[case][g]} {self.sg}"
        if form == "apl":
            return f"{a}e {self.pl}"
        if form == "apldat":
            return f"{a}en {self.pldat}"
        raise KeyError(form)


def noun(spec: str, prep: str = "in", adjs=None) -> Noun:
    """``"m Gemeinschaftsgarten s Gemeinschaftsgärten"``: gender, word, genitive ending ("-" none), plural.

    The plural is "=" (unchanged), "+x" (append x) or written out in full."""
    g, sg, gen, pl = spec.split(" ")
    gen_form = sg if gen == "-" else sg + gen
    pl_form = sg if pl == "=" else (sg + pl[1:] if pl.startswith("+") else pl)
    return Noun(g, sg, gen_form, pl_form, prep, adjs)


class Forms:
    """An entity whose forms are fixed strings (groups of people, verbs, towns)."""

    __slots__ = ("f", "tag")

    def __init__(self, f, tag=None):
        self.f, self.tag = f, tag


# -- lexicon ----------------------------------------------------------------------------------------------------
ADJ_PROJECT = Pool(
    [
        "neu",
        "offen",
        "inklusiv",
        "barrierefrei",
        "gemeinsam",
        "generationenübergreifend",
        "klein",
        "lebendig",
        "nachbarschaftlich",
        "ehrenamtlich",
        "mehrsprachig",
        "bunt",
        "kommunal",
        "mobil",
        "digital",
        "dauerhaft",
        "selbstorganisiert",
        "wohnortnah",
    ],
    s=0.8,
)
ADJ_ACTOR = Pool(["örtlich", "zuständig", "engagiert", "lokal", "beteiligt", "langjährig"], s=0.9)
ADJ_PLACE = Pool(
    [
        "zentral",
        "groß",
        "neu gestaltet",
        "alt",
        "grün",
        "ruhig",
        "schattig",
        "frisch saniert",
        "zentral gelegen",
        "klein",
        "barrierefrei",
        "hell",
        "beliebt",
    ],
    s=0.9,
)
ADJ_ACT = Pool(
    [
        "offen",
        "monatlich",
        "wöchentlich",
        "regelmäßig",
        "kostenlos",
        "gemeinsam",
        "mehrsprachig",
        "generationenübergreifend",
        "inklusiv",
        "klein",
        "barrierefrei",
        "kreativ",
        "gut besucht",
        "beliebt",
        "inzwischen fest etabliert",
        "niedrigschwellig",
        "zweisprachig",
        "saisonal",
    ],
    s=0.9,
)
ADJ_THEME = Pool(["echt", "gelebt", "dauerhaft", "sozial", "spürbar", "lokal", "konkret"], s=0.8)
ADJ_LEER = Pool(
    ["ehemalig", "leerstehend", "alt", "frisch renoviert", "umgebaut", "denkmalgeschützt", "lange ungenutzt"], s=0.9
)
ADJ_LOSS = Pool(["letzt", "einzig", "traditionsreich", "alt", "beliebt"], s=1.0)

# (noun spec, kind, category codes, target-group codes); order = frequency rank
PROJECT_SPECS = [
    ("m Nachbarschaftstreff s +s", "ort", "OU", "la"),
    ("f Mitfahrbank - Mitfahrbänke", "dienst", "MA", "a"),
    ("m Gemeinschaftsgarten s Gemeinschaftsgärten", "ort", "OMU", "lf"),
    ("n Quartiersbüro s +s", "ort", "EO", "lv"),
    ("n Mehrgenerationenhaus es Mehrgenerationenhäuser", "ort", "OA", "laf"),
    ("n Straßenfest es +e", "fest", "OU", "l"),
    ("f Begegnungsstätte - +n", "ort", "OA", "al"),
    ("n Reparaturcafé s +s", "ort", "MUO", "le"),
    ("m Seniorenbeirat s Seniorenbeiräte", "gremium", "BAS", "a"),
    ("f Nachbarschaftshilfe - +n", "dienst", "UA", "ae"),
    ("f Sozialraumanalyse - +n", "prozess", "ES", "v"),
    ("m Inklusionsbeirat s Inklusionsbeiräte", "gremium", "NBS", "b"),
    ("n Erzählcafé s +s", "ort", "AO", "a"),
    ("m Mittagstisch es +e", "ort", "AO", "a"),
    ("f Quartierszeitung - +en", "dienst", "UD", "l"),
    ("f Bürgerwerkstatt - Bürgerwerkstätten", "prozess", "B", "l"),
    ("n Familienzentrum s Familienzentren", "ort", "O", "fk"),
    ("m Bürgerbus ses +se", "dienst", "MA", "ab"),
    ("f Digitalsprechstunde - +n", "dienst", "DA", "a"),
    ("f Stadtteilkonferenz - +en", "gremium", "BSV", "vl"),
    ("m Jugendtreff s +s", "ort", "O", "k"),
    ("f Lesepatenschaft - +en", "dienst", "UN", "ke"),
    ("m Bücherschrank s Bücherschränke", "dienst", "OU", "l"),
    ("f Zukunftswerkstatt - Zukunftswerkstätten", "prozess", "BS", "l"),
    ("f Quartiersapp - +s", "dienst", "DI", "l"),
    ("m Lastenradverleih s +e", "dienst", "M", "fl"),
    ("f Spielstraße - +n", "fest", "OM", "kf"),
    ("n Demenzcafé s +s", "ort", "AN", "a"),
    ("m Quartiersrundgang s Quartiersrundgänge", "prozess", "BE", "lb"),
    ("f Tauschbörse - +n", "dienst", "UM", "l"),
    ("n Sprachcafé s +s", "ort", "NO", "m"),
    ("m Quartiersfonds - =", "dienst", "UVS", "e"),
    ("n Quartiersmanagement s +s", "dienst", "ESV", "v"),
    ("m Bürgerhaushalt s +e", "prozess", "BS", "l"),
    ("n Inklusionsfest es +e", "fest", "NO", "b"),
    ("f Fahrradwerkstatt - Fahrradwerkstätten", "ort", "MU", "km"),
    ("n Beteiligungsportal s +e", "dienst", "DB", "l"),
    ("f Mitmachbaustelle - +n", "fest", "BI", "kl"),
    ("m Quartiersrat s Quartiersräte", "gremium", "BS", "l"),
    ("f Wohnberatung - +en", "dienst", "AN", "ab"),
    ("m Gesundheitskiosk s +e", "ort", "AI", "am"),
    ("n Bürgercafé s +s", "ort", "OU", "l"),
    ("m Digitaltreff s +s", "ort", "DA", "a"),
    ("n Dorfauto s +s", "dienst", "MV", "l"),
    ("m Hitzeaktionsplan s Hitzeaktionspläne", "prozess", "MS", "av"),
    ("f Quartiersstrategie - +n", "prozess", "S", "v"),
    ("n Dorfgemeinschaftshaus es Dorfgemeinschaftshäuser", "ort", "O", "l"),
    ("m Pflegestützpunkt s +e", "ort", "A", "a"),
    ("f Kleiderkammer - +n", "ort", "U", "mf"),
    ("n Patenschaftsprogramm s +e", "dienst", "UN", "me"),
    ("f Ehrenamtsbörse - +n", "dienst", "U", "e"),
    ("m Generationenspielplatz es Generationenspielplätze", "ort", "OA", "fa"),
    ("n Nachbarschaftsnetzwerk s +e", "dienst", "UD", "l"),
    ("f Theatergruppe - +n", "gremium", "NO", "bk"),
    ("m Dorfladen s Dorfläden", "ort", "VO", "l"),
    ("m Quartiersladen s Quartiersläden", "ort", "OI", "l"),
    ("n Leitbild es +er", "prozess", "SE", "v"),
    ("f Lernwerkstatt - Lernwerkstätten", "ort", "DI", "k"),
    ("n Wohnprojekt es +e", "ort", "AI", "a"),
    ("m Bewegungsparcours - =", "ort", "AO", "a"),
    ("f Quartiersplattform - +en", "dienst", "DV", "l"),
    ("m Nachbarschaftsverein s +e", "gremium", "U", "e"),
    ("n Stadtteilfrühstück s +e", "fest", "O", "l"),
    ("m Jugendbeirat s Jugendbeiräte", "gremium", "B", "k"),
    ("f Pflegeberatung - +en", "dienst", "A", "a"),
    ("f Hausaufgabenhilfe - +n", "dienst", "N", "km"),
    ("n Bewegungsangebot s +e", "dienst", "A", "ab"),
    ("n Unternehmensnetzwerk s +e", "gremium", "V", "v"),
    ("m Kulturkeller s =", "ort", "OI", "kl"),
    ("f Inklusionslandkarte - +n", "dienst", "ND", "b"),
    ("m Klimaspaziergang s Klimaspaziergänge", "prozess", "ME", "l"),
    ("n Seniorennetzwerk s +e", "gremium", "AU", "a"),
]
PROJECTS = []
for _spec, _kind, _cats, _groups in PROJECT_SPECS:
    _n = noun(_spec, adjs=ADJ_PROJECT)
    _n.kind, _n.cats, _n.groups = _kind, _cats, _groups
    PROJECTS.append(_n)
PROJECT_POOL = Pool(PROJECTS, s=0.85)

ACTORS = Pool(
    [
        noun(s, adjs=ADJ_ACTOR)
        for s in [
            "f Stadtverwaltung - +en",
            "n Quartiersmanagement s +s",
            "f Kirchengemeinde - +n",
            "m Sportverein s +e",
            "f Wohnungsbaugesellschaft - +en",
            "m Bürgerverein s +e",
            "f Volkshochschule - +n",
            "n Familienzentrum s Familienzentren",
            "f Diakonie - +n",
            "m Caritasverband s Caritasverbände",
            "f Stadtbibliothek - +en",
            "f Grundschule - +n",
            "m Seniorenrat s Seniorenräte",
            "m Jugendgemeinderat s Jugendgemeinderäte",
            "f Wohnungsgenossenschaft - +en",
            "m Pflegedienst es +e",
            "n Stadtteilbüro s +s",
            "n Landratsamt es Landratsämter",
            "n Sozialamt es Sozialämter",
            "n Stadtplanungsamt es Stadtplanungsämter",
            "f Hochschule - +n",
            "m Heimatverein s +e",
            "m Gewerbeverein s +e",
            "f Lebenshilfe - +n",
            "n Jugendhaus es Jugendhäuser",
            "f Musikschule - +n",
            "m Kulturverein s +e",
            "f Bürgerstiftung - +en",
            "f Sparkasse - +n",
            "n Seniorenzentrum s Seniorenzentren",
            "f Migrantenselbstorganisation - +en",
            "f Feuerwehr - +en",
            "m Ortschaftsrat s Ortschaftsräte",
            "m Stadtjugendring s +e",
            "f Beratungsstelle - +n",
            "m Landkreis es +e",
            "f Kindertagesstätte - +n",
            "m Hospizverein s +e",
            "m Albverein s +e",
            "f Moscheegemeinde - +n",
            "m Förderverein s +e",
            "f Schulsozialarbeit - +en",
            "f Energieagentur - +en",
            "f Apotheke - +n",
            "n Stadtmarketing s +s",
            "f Ehrenamtsagentur - +en",
            "m Tafelladen s Tafelläden",
            "n Gesundheitsamt es Gesundheitsämter",
            "f Hausarztpraxis - Hausarztpraxen",
            "m Kreisseniorenrat s Kreisseniorenräte",
            "n Mütterzentrum s Mütterzentren",
            "m Radsportverein s +e",
            "f Gemeinschaftsschule - +n",
            "m Tierschutzverein s +e",
        ]
    ],
    s=0.9,
)

PLACES = Pool(
    [
        noun(s, prep=p, adjs=ADJ_PLACE)
        for s, p in [
            ("n Gemeindehaus es Gemeindehäuser", "in"),
            ("m Marktplatz es Marktplätze", "auf"),
            ("n Bürgerhaus es Bürgerhäuser", "in"),
            ("m Gemeinschaftsraum s Gemeinschaftsräume", "in"),
            ("n Rathaus es Rathäuser", "in"),
            ("n Stadtteilzentrum s Stadtteilzentren", "in"),
            ("m Innenhof s Innenhöfe", "in"),
            ("m Spielplatz es Spielplätze", "auf"),
            ("n Ladenlokal s +e", "in"),
            ("m Pfarrsaal s Pfarrsäle", "in"),
            ("m Schulhof s Schulhöfe", "auf"),
            ("m Quartiersplatz es Quartiersplätze", "auf"),
            ("f Grünfläche - +n", "auf"),
            ("f Stadtbücherei - +en", "in"),
            ("m Park s +s", "in"),
            ("m Dorfplatz es Dorfplätze", "auf"),
            ("n Vereinsheim s +e", "in"),
            ("f Turnhalle - +n", "in"),
            ("m Kirchplatz es Kirchplätze", "auf"),
            ("f Fußgängerzone - +n", "in"),
            ("m Bahnhofsvorplatz es Bahnhofsvorplätze", "auf"),
            ("f Brachfläche - +n", "auf"),
            ("n Foyer s +s", "in"),
            ("f Streuobstwiese - +n", "auf"),
            ("m Festplatz es Festplätze", "auf"),
            ("m Pavillon s +s", "in"),
            ("f Seniorenwohnanlage - +n", "in"),
            ("m Bolzplatz es Bolzplätze", "auf"),
            ("n Erdgeschoss es +e", "in"),
            ("f Bushaltestelle - +n", "an"),
            ("m Uferweg s +e", "an"),
            ("f Mensa - Mensen", "in"),
            ("m Wochenmarkt es Wochenmärkte", "auf"),
            ("n Jugendhaus es Jugendhäuser", "in"),
            ("f Kelter - +n", "in"),
            ("n Backhaus es Backhäuser", "in"),
            ("f Stadthalle - +n", "in"),
            ("m Schlossgarten s Schlossgärten", "in"),
            ("m Pausenhof s Pausenhöfe", "auf"),
            ("f Dorfscheune - +n", "in"),
        ]
    ],
    s=0.9,
)

LEER = Pool(
    [
        noun(s, adjs=ADJ_LEER)
        for s in [
            "n Ladenlokal s +e",
            "n Pfarrhaus es Pfarrhäuser",
            "n Bahnhofsgebäude s =",
            "n Schulgebäude s =",
            "n Gasthaus es Gasthäuser",
            "m Pavillon s +s",
            "n Vereinsheim s +e",
            "m Kiosk s +e",
            "f Sparkassenfiliale - +n",
            "f Lagerhalle - +n",
            "n Fachwerkhaus es Fachwerkhäuser",
            "n Backhaus es Backhäuser",
            "n Feuerwehrhaus es Feuerwehrhäuser",
            "f Gärtnerei - +en",
            "n Stellwerk s +e",
            "n Postgebäude s =",
            "f Metzgerei - +en",
            "n Kinderheim s +e",
            "n Zollhaus es Zollhäuser",
        ]
    ],
    s=0.9,
)

LOSS = Pool(
    [
        noun(s, adjs=ADJ_LOSS)
        for s in [
            "f Bäckerei - +en",
            "m Lebensmittelladen s Lebensmittelläden",
            "f Bankfiliale - +n",
            "f Postfiliale - +n",
            "m Jugendclub s +s",
            "f Hausarztpraxis - Hausarztpraxen",
            "f Metzgerei - +en",
            "n Dorfgasthaus es Dorfgasthäuser",
            "n Hallenbad es Hallenbäder",
            "f Drogerie - +n",
            "n Kino s +s",
            "n Café s +s",
            "f Dorfschule - +n",
            "m Kindergarten s Kindergärten",
            "n Gemeindebüro s +s",
            "f Buchhandlung - +en",
        ]
    ],
    s=0.8,
)

THEME_SPECS = {
    "Teilhabe": "f Teilhabe - =",
    "Barrierefreiheit": "f Barrierefreiheit - =",
    "Zusammenhalt": "m Zusammenhalt s =",
    "Nachbarschaft": "f Nachbarschaft - +en",
    "Vertrauen": "n Vertrauen s =",
    "Engagement": "n Engagement s +s",
    "Beteiligung": "f Beteiligung - +en",
    "Mobilität": "f Mobilität - =",
    "Klimaschutz": "m Klimaschutz es =",
    "Nahversorgung": "f Nahversorgung - =",
    "Pflege": "f Pflege - =",
    "Digitalisierung": "f Digitalisierung - =",
    "Inklusion": "f Inklusion - =",
    "Vielfalt": "f Vielfalt - =",
    "Selbstständigkeit": "f Selbstständigkeit - =",
    "Lebensqualität": "f Lebensqualität - =",
    "Sicherheit": "f Sicherheit - =",
    "Aufenthaltsqualität": "f Aufenthaltsqualität - =",
    "Gesundheit": "f Gesundheit - =",
    "Bildung": "f Bildung - =",
    "Integration": "f Integration - =",
    "Begegnung": "f Begegnung - +en",
    "Miteinander": "n Miteinander s =",
    "Mitbestimmung": "f Mitbestimmung - =",
    "Gemeinschaft": "f Gemeinschaft - =",
    "Solidarität": "f Solidarität - =",
    "Chancengleichheit": "f Chancengleichheit - =",
    "Verständigung": "f Verständigung - =",
    "Erreichbarkeit": "f Erreichbarkeit - =",
    "Selbsthilfe": "f Selbsthilfe - =",
    "Wohnqualität": "f Wohnqualität - =",
    "Klimaanpassung": "f Klimaanpassung - =",
    "Medienkompetenz": "f Medienkompetenz - =",
    "Identifikation": "f Identifikation - =",
    "Austausch": "m Austausch es =",
    "Wohlbefinden": "n Wohlbefinden s =",
    "Orientierung": "f Orientierung - =",
    "Zugänglichkeit": "f Zugänglichkeit - =",
    "Verkehrssicherheit": "f Verkehrssicherheit - =",
    "Hilfsbereitschaft": "f Hilfsbereitschaft - =",
    "Gemeinwohl": "n Gemeinwohl s =",
    "Selbstbestimmung": "f Selbstbestimmung - =",
    "Transparenz": "f Transparenz - =",
    "Akzeptanz": "f Akzeptanz - =",
    "Demokratie": "f Demokratie - =",
    "Kreativität": "f Kreativität - =",
    "Vernetzung": "f Vernetzung - =",
    "Zusammenarbeit": "f Zusammenarbeit - =",
    "Verantwortung": "f Verantwortung - =",
    "Verlässlichkeit": "f Verlässlichkeit - =",
    "Nachhaltigkeit": "f Nachhaltigkeit - =",
    "Verbindlichkeit": "f Verbindlichkeit - =",
    "Planungssicherheit": "f Planungssicherheit - =",
    "Bewegung": "f Bewegung - =",
    "Lebensfreude": "f Lebensfreude - =",
    "Experimentierfreude": "f Experimentierfreude - =",
    "Gleichberechtigung": "f Gleichberechtigung - =",
    "Wertschätzung": "f Wertschätzung - =",
    "Bürgerbeteiligung": "f Bürgerbeteiligung - +en",
}
THEMES = {k: noun(v, adjs=ADJ_THEME) for k, v in THEME_SPECS.items()}
THEME_POOL = Pool([THEMES[k] for k in THEME_SPECS], s=0.9)
THEMES_BY_CATEGORY = {
    "E": [
        "Beteiligung",
        "Bürgerbeteiligung",
        "Vernetzung",
        "Nachbarschaft",
        "Zusammenhalt",
        "Orientierung",
        "Transparenz",
    ],
    "B": ["Beteiligung", "Bürgerbeteiligung", "Mitbestimmung", "Transparenz", "Akzeptanz", "Demokratie"],
    "I": ["Kreativität", "Experimentierfreude", "Vernetzung", "Zusammenarbeit"],
    "N": [
        "Inklusion",
        "Teilhabe",
        "Barrierefreiheit",
        "Selbstbestimmung",
        "Zugänglichkeit",
        "Chancengleichheit",
        "Gleichberechtigung",
    ],
    "A": ["Selbstständigkeit", "Nahversorgung", "Pflege", "Lebensqualität", "Sicherheit", "Gesundheit", "Teilhabe"],
    "D": ["Medienkompetenz", "Digitalisierung", "Erreichbarkeit", "Vernetzung", "Teilhabe"],
    "U": ["Engagement", "Hilfsbereitschaft", "Selbsthilfe", "Solidarität", "Gemeinwohl", "Wertschätzung"],
    "M": ["Mobilität", "Klimaschutz", "Klimaanpassung", "Verkehrssicherheit", "Aufenthaltsqualität", "Nachhaltigkeit"],
    "S": ["Zusammenarbeit", "Verbindlichkeit", "Planungssicherheit", "Transparenz", "Verlässlichkeit"],
    "O": ["Begegnung", "Miteinander", "Austausch", "Aufenthaltsqualität", "Gemeinschaft", "Lebensfreude"],
    "V": ["Zusammenarbeit", "Verantwortung", "Vertrauen", "Verlässlichkeit", "Gemeinwohl", "Nahversorgung"],
}

PROBLEMS = Pool(
    [
        noun(s)
        for s in [
            "f Einsamkeit - =",
            "f Isolation - =",
            "m Leerstand s =",
            "f Anonymität - =",
            "f Vereinsamung - =",
            "f Verkehrsbelastung - =",
            "f Hitzebelastung - =",
            "f Armut - =",
            "f Ausgrenzung - =",
            "f Lärmbelastung - =",
            "f Altersarmut - =",
            "f Wohnungsnot - =",
            "m Ärztemangel s =",
            "m Fachkräftemangel s =",
            "n Misstrauen s =",
            "m Vandalismus - =",
            "f Überforderung - =",
            "m Bewegungsmangel s =",
            "f Vermüllung - =",
            "m Parkdruck s =",
            "f Flächenversiegelung - =",
            "f Abwanderung - =",
            "f Unterversorgung - =",
            "f Sprachlosigkeit - =",
        ]
    ],
    s=0.9,
)

ACT_FIXED = Pool(
    [
        noun(s, adjs=ADJ_ACT)
        for s in [
            "m Workshop s +s",
            "f Sprechstunde - +n",
            "m Stadtteilspaziergang s Stadtteilspaziergänge",
            "m Kochabend s +e",
            "f Befragung - +en",
            "m Kaffeenachmittag s +e",
            "m Spieleabend s +e",
            "f Infoveranstaltung - +en",
            "m Sprachkurs es +e",
            "n Sommerfest es +e",
            "m Flohmarkt es Flohmärkte",
            "f Lesung - +en",
            "n Bewegungsangebot s +e",
            "m Handykurs es +e",
            "f Pflanzaktion - +en",
            "m Filmabend s +e",
            "m Gesprächskreis es +e",
            "n Tanzcafé s +s",
            "f Ideenwerkstatt - Ideenwerkstätten",
            "m Aktionstag s +e",
            "f Ausstellung - +en",
            "m Bürgerdialog s +e",
            "f Hausaufgabenhilfe - +n",
            "m Computerkurs es +e",
            "f Fahrradtour - +en",
            "f Putzaktion - +en",
            "m Nähtreff s +s",
            "m Singkreis es +e",
            "m Wandertreff s +s",
            "f Quartiersbegehung - +en",
            "n Planspiel s +e",
            "f Zukunftskonferenz - +en",
            "m Adventsmarkt es Adventsmärkte",
            "f Kinderwerkstatt - Kinderwerkstätten",
            "m Tabletkurs es +e",
            "f Smartphone-Sprechstunde - +n",
            "n Erzählcafé s +s",
            "m Mittagstisch es +e",
            "m Seniorentanz es Seniorentänze",
            "n Gedächtnistraining s +s",
            "f Sitzgymnastik - =",
            "m Lauftreff s +s",
            "f Kleidertauschparty - Kleidertauschpartys",
            "m Brettspielnachmittag s +e",
            "f Krabbelgruppe - +n",
            "m Elterntreff s +s",
            "f Demenzschulung - +en",
            "m Erste-Hilfe-Kurs es +e",
            "f Radfahrschule - +n",
            "f Stadtteilrallye - +s",
            "f Führung - +en",
            "m Vortrag s Vorträge",
            "f Bastelgruppe - +n",
            "m Fahrdienst es +e",
            "f Einkaufshilfe - +n",
            "m Besuchsdienst es +e",
            "f Telefonkette - +n",
            "n Straßenfest es +e",
            "f Mitfahrbank - Mitfahrbänke",
            "m Trommelkurs es +e",
            "f Saatgutbörse - +n",
            "m Stammtisch es +e",
            "f Fotoaktion - +en",
        ]
    ],
    s=0.95,
)
COMPOUND_PREFIXES = Pool(
    [
        "Quartiers",
        "Nachbarschafts",
        "Stadtteil",
        "Senioren",
        "Familien",
        "Jugend",
        "Sommer",
        "Bürger",
        "Kinder",
        "Generationen",
        "Dorf",
        "Inklusions",
        "Kultur",
        "Garten",
        "Ehrenamts",
        "Frauen",
        "Eltern",
        "Herbst",
        "Winter",
        "Sonntags",
        "Feierabend",
        "Frühlings",
        "Advents",
        "Musik",
        "Klima",
        "Gesundheits",
        "Hof",
        "Straßen",
        "Spiel",
        "Wald",
        "Männer",
        "Väter",
        "Lese",
        "Repair",
        "Begegnungs",
        "Mittags",
        "Nachmittags",
        "Heimat",
        "Umwelt",
        "Zukunfts",
    ],
    s=0.8,
)
COMPOUND_HEADS = Pool(
    [
        ("n", "fest", "es", "+e"),
        ("m", "treff", "s", "+s"),
        ("n", "café", "s", "+s"),
        ("n", "frühstück", "s", "+e"),
        ("f", "werkstatt", "-", "werkstätten"),
        ("f", "sprechstunde", "-", "+n"),
        ("m", "spaziergang", "s", "spaziergänge"),
        ("m", "stammtisch", "es", "+e"),
        ("n", "picknick", "s", "+s"),
        ("m", "markt", "es", "märkte"),
        ("n", "kino", "s", "+s"),
        ("n", "konzert", "s", "+e"),
        ("m", "tag", "es", "+e"),
        ("f", "rallye", "-", "+s"),
        ("f", "börse", "-", "+n"),
        ("f", "aktion", "-", "+en"),
        ("m", "wettbewerb", "s", "+e"),
        ("f", "runde", "-", "+n"),
        ("n", "forum", "s", "foren"),
        ("m", "ausflug", "s", "ausflüge"),
        ("m", "abend", "s", "+e"),
        ("m", "chor", "s", "chöre"),
        ("f", "woche", "-", "+n"),
        ("m", "workshop", "s", "+s"),
        ("n", "projekt", "es", "+e"),
        ("m", "kurs", "es", "+e"),
        ("f", "tour", "-", "+en"),
        ("m", "kalender", "s", "="),
    ],
    s=0.8,
)

GROUP_SPECS = [
    ("Bewohnerinnen und Bewohner", "Bewohnerinnen und Bewohnern", "l"),
    ("ältere Menschen", "älteren Menschen", "a"),
    ("Familien", "Familien", "f"),
    ("Kinder und Jugendliche", "Kindern und Jugendlichen", "k"),
    ("Nachbarinnen und Nachbarn", "Nachbarinnen und Nachbarn", "l"),
    ("Ehrenamtliche", "Ehrenamtlichen", "e"),
    ("Menschen mit Behinderungen", "Menschen mit Behinderungen", "b"),
    ("Seniorinnen und Senioren", "Seniorinnen und Senioren", "a"),
    ("Jugendliche", "Jugendlichen", "k"),
    ("Menschen mit Migrationsgeschichte", "Menschen mit Migrationsgeschichte", "m"),
    ("Kinder", "Kindern", "k"),
    ("Alleinerziehende", "Alleinerziehenden", "f"),
    ("Anwohnende", "Anwohnenden", "l"),
    ("junge Familien", "jungen Familien", "f"),
    ("Geflüchtete", "Geflüchteten", "m"),
    ("Hochbetagte", "Hochbetagten", "a"),
    ("pflegende Angehörige", "pflegenden Angehörigen", "a"),
    ("Menschen mit Demenz", "Menschen mit Demenz", "a"),
    ("Bürgerinnen und Bürger", "Bürgerinnen und Bürgern", "l"),
    ("Eltern", "Eltern", "f"),
    ("Schülerinnen und Schüler", "Schülerinnen und Schülern", "k"),
    ("Zugezogene", "Zugezogenen", "m"),
    ("Rollstuhlfahrende", "Rollstuhlfahrenden", "b"),
    ("Fachkräfte aus der Verwaltung", "Fachkräften aus der Verwaltung", "v"),
    ("Alleinlebende", "Alleinlebenden", "a"),
    ("Vereine", "Vereinen", "e"),
    ("Menschen jeden Alters", "Menschen jeden Alters", "l"),
    ("Seniorinnen", "Seniorinnen", "a"),
    ("Studierende", "Studierenden", "l"),
    ("Gewerbetreibende", "Gewerbetreibenden", "v"),
    ("Menschen mit Sehbehinderung", "Menschen mit Sehbehinderung", "b"),
    ("Menschen mit Lernschwierigkeiten", "Menschen mit Lernschwierigkeiten", "b"),
    ("Menschen mit psychischen Erkrankungen", "Menschen mit psychischen Erkrankungen", "b"),
    ("Ratsmitglieder", "Ratsmitgliedern", "v"),
    ("Mädchen", "Mädchen", "k"),
    ("neu zugewanderte Familien", "neu zugewanderten Familien", "m"),
    ("Berufstätige", "Berufstätigen", "l"),
    ("Senioren", "Senioren", "a"),
    ("Grundschulkinder", "Grundschulkindern", "k"),
    ("Menschen mit wenig Einkommen", "Menschen mit wenig Einkommen", "l"),
    ("Fachkräfte", "Fachkräften", "v"),
    ("junge Erwachsene", "jungen Erwachsenen", "k"),
    ("Engagierte", "Engagierten", "e"),
    ("Mieterinnen und Mieter", "Mieterinnen und Mietern", "l"),
    ("Gehörlose", "Gehörlosen", "b"),
    ("Ruheständler", "Ruheständlern", "a"),
    ("Sprachschülerinnen und Sprachschüler", "Sprachschülerinnen und Sprachschülern", "m"),
]
GROUPS = [Forms({"nom": n, "akk": n, "dat": d}, tag) for n, d, tag in GROUP_SPECS]
GROUP_POOL = Pool(GROUPS, s=0.9)
GROUPS_BY_TAG: dict[str, list[Forms]] = {}
for _grp in GROUPS:
    GROUPS_BY_TAG.setdefault(_grp.tag, []).append(_grp)

_NONJOIN_PARTICLES = ("in den", "sichtbar")


def verb(s, sep, p, part, inf, zu) -> Forms:
    """Third person singular/plural, separable particle, participle, infinitive and zu-infinitive."""
    if sep:
        join = " " if sep.startswith(_NONJOIN_PARTICLES) else ""
        sub, subp = f"{sep}{join}{s}", f"{sep}{join}{p}"
    else:
        sub, subp = s, p
    return Forms(
        {"s": s, "p": p, "sep": " " + sep if sep else "", "part": part, "inf": inf, "zu": zu, "sub": sub, "subp": subp}
    )


VERBS_THEME = Pool(
    [
        verb(*v)
        for v in [
            ("stärkt", "", "stärken", "gestärkt", "stärken", "zu stärken"),
            ("fördert", "", "fördern", "gefördert", "fördern", "zu fördern"),
            ("verbessert", "", "verbessern", "verbessert", "verbessern", "zu verbessern"),
            ("bringt", "voran", "bringen", "vorangebracht", "voranbringen", "voranzubringen"),
            ("unterstützt", "", "unterstützen", "unterstützt", "unterstützen", "zu unterstützen"),
            ("sichert", "", "sichern", "gesichert", "sichern", "zu sichern"),
            ("erleichtert", "", "erleichtern", "erleichtert", "erleichtern", "zu erleichtern"),
            ("baut", "aus", "bauen", "ausgebaut", "ausbauen", "auszubauen"),
            ("festigt", "", "festigen", "gefestigt", "festigen", "zu festigen"),
            ("belebt", "", "beleben", "belebt", "beleben", "zu beleben"),
            ("treibt", "voran", "treiben", "vorangetrieben", "vorantreiben", "voranzutreiben"),
            ("vertieft", "", "vertiefen", "vertieft", "vertiefen", "zu vertiefen"),
        ]
    ],
    s=0.9,
)
VERBS_GROUP = Pool(
    [
        verb(*v)
        for v in [
            ("erreicht", "", "erreichen", "erreicht", "erreichen", "zu erreichen"),
            ("bindet", "ein", "binden", "eingebunden", "einbinden", "einzubinden"),
            ("spricht", "an", "sprechen", "angesprochen", "ansprechen", "anzusprechen"),
            ("beteiligt", "", "beteiligen", "beteiligt", "beteiligen", "zu beteiligen"),
            ("bringt", "zusammen", "bringen", "zusammengebracht", "zusammenbringen", "zusammenzubringen"),
            ("unterstützt", "", "unterstützen", "unterstützt", "unterstützen", "zu unterstützen"),
            ("begleitet", "", "begleiten", "begleitet", "begleiten", "zu begleiten"),
            ("lädt", "ein", "laden", "eingeladen", "einladen", "einzuladen"),
            ("vernetzt", "", "vernetzen", "vernetzt", "vernetzen", "zu vernetzen"),
            ("ermutigt", "", "ermutigen", "ermutigt", "ermutigen", "zu ermutigen"),
            ("informiert", "", "informieren", "informiert", "informieren", "zu informieren"),
            ("berät", "", "beraten", "beraten", "beraten", "zu beraten"),
            ("gewinnt", "", "gewinnen", "gewonnen", "gewinnen", "zu gewinnen"),
            ("entlastet", "", "entlasten", "entlastet", "entlasten", "zu entlasten"),
            ("holt", "ab", "holen", "abgeholt", "abholen", "abzuholen"),
            ("befragt", "", "befragen", "befragt", "befragen", "zu befragen"),
            ("qualifiziert", "", "qualifizieren", "qualifiziert", "qualifizieren", "zu qualifizieren"),
        ]
    ],
    s=0.9,
)
VERBS_ACT = Pool(
    [
        verb(*v)
        for v in [
            ("bietet", "an", "bieten", "angeboten", "anbieten", "anzubieten"),
            ("organisiert", "", "organisieren", "organisiert", "organisieren", "zu organisieren"),
            ("veranstaltet", "", "veranstalten", "veranstaltet", "veranstalten", "zu veranstalten"),
            ("plant", "", "planen", "geplant", "planen", "zu planen"),
            ("führt", "durch", "führen", "durchgeführt", "durchführen", "durchzuführen"),
            ("koordiniert", "", "koordinieren", "koordiniert", "koordinieren", "zu koordinieren"),
            ("gestaltet", "", "gestalten", "gestaltet", "gestalten", "zu gestalten"),
            ("richtet", "aus", "richten", "ausgerichtet", "ausrichten", "auszurichten"),
            ("moderiert", "", "moderieren", "moderiert", "moderieren", "zu moderieren"),
            ("erprobt", "", "erproben", "erprobt", "erproben", "zu erproben"),
            ("bereitet", "vor", "bereiten", "vorbereitet", "vorbereiten", "vorzubereiten"),
            ("finanziert", "", "finanzieren", "finanziert", "finanzieren", "zu finanzieren"),
        ]
    ],
    s=0.9,
)

POOLS = {
    "TIME": Pool(
        [
            "einmal in der Woche",
            "einmal im Monat",
            "alle zwei Wochen",
            "jeden Dienstagnachmittag",
            "zweimal pro Woche",
            "an jedem ersten Samstag im Monat",
            "mittwochs und freitags",
            "jeden Donnerstagabend",
            "montags von 15 bis 18 Uhr",
            "jeden zweiten Sonntag",
            "werktags am Vormittag",
            "jeden Freitag ab 16 Uhr",
            "an drei Tagen pro Woche",
            "in den Schulferien",
            "samstags am Vormittag",
            "jeden letzten Mittwoch im Monat",
            "dienstags und donnerstags",
            "an den Wochenenden",
        ],
        s=0.9,
    ),
    "ANNUAL": Pool(
        [
            "einmal im Jahr",
            "jedes Jahr im September",
            "jeweils im Frühsommer",
            "alle zwei Jahre",
            "am letzten Wochenende der Sommerferien",
            "jeweils im Mai",
            "traditionell am ersten Oktoberwochenende",
            "jedes Jahr rund um den Tag der Nachbarn",
            "zweimal im Jahr",
        ],
        s=0.9,
    ),
    "NS": Pool(["drei", "vier", "fünf", "zwei", "sechs", "acht", "zehn", "zwölf", "sieben"], s=0.7),
    "NB": Pool(
        [
            "rund 30",
            "etwa 25",
            "über 40",
            "rund 60",
            "mehr als 100",
            "knapp 50",
            "rund 150",
            "etwa 80",
            "rund 20",
            "über 200",
            "bis zu 35",
            "gut 70",
            "fast 300",
            "rund 120",
        ],
        s=0.8,
    ),
    "NEED": Pool(
        [
            "Hilfe beim Einkaufen braucht",
            "eine Mitfahrgelegenheit sucht",
            "Fragen zum Smartphone hat",
            "Begleitung zum Arzt wünscht",
            "Unterstützung bei Formularen braucht",
            "jemanden zum Reden sucht",
            "eine kleine Reparatur erledigen lassen möchte",
            "Hilfe im Garten braucht",
        ],
        s=0.8,
    ),
    "MOTTO": Pool(
        [
            "verbindet",
            "bewegt",
            "rückt zusammen",
            "packt an",
            "hält zusammen",
            "blüht auf",
            "macht mit",
            "lebt Vielfalt",
            "wird bunt",
            "teilt",
        ],
        s=0.8,
    ),
}

# districts: fixed names plus compositions (Lindenhof, Mühlfeld, Sonnenhöhe …)
QUARTER_FIXED = Pool(
    [
        ("f", "Weststadt"),
        ("f", "Oststadt"),
        ("f", "Nordstadt"),
        ("f", "Südstadt"),
        ("f", "Altstadt"),
        ("f", "Innenstadt"),
        ("n", "Bahnhofsviertel"),
        ("f", "Kernstadt"),
        ("m", "Ortskern"),
        ("f", "Neustadt"),
        ("f", "Unterstadt"),
        ("f", "Oberstadt"),
        ("f", "Gartenstadt"),
        ("f", "Ortsmitte"),
        ("n", "Hafenviertel"),
        ("f", "Stadtmitte"),
        ("n", "Universitätsviertel"),
        ("n", "Kasernenareal"),
    ],
    s=0.7,
)
QUARTER_PREFIXES = Pool(
    [
        "Linden",
        "Eichen",
        "Mühl",
        "Rosen",
        "Sonnen",
        "Birken",
        "Brunnen",
        "Kirch",
        "Buchen",
        "Schloss",
        "Wiesen",
        "Kastanien",
        "Hasen",
        "Fuchs",
        "Stein",
        "Hirsch",
        "Reben",
        "Kelter",
        "Burg",
        "Tal",
        "Wald",
        "Bach",
        "Espen",
        "Erlen",
        "Weiden",
        "Holder",
        "Ziegel",
        "Hammer",
        "Kloster",
        "Markt",
        "Garten",
        "Schul",
        "Ahorn",
        "Tannen",
        "Lerchen",
        "Amsel",
        "Falken",
        "Quellen",
        "Weinberg",
        "Obst",
    ],
    s=0.7,
)
QUARTER_SUFFIXES = Pool(
    [
        ("m", "hof", "s", "in"),
        ("n", "viertel", "s", "in"),
        ("n", "feld", "s", "in"),
        ("m", "berg", "s", "auf"),
        ("f", "höhe", "", "auf"),
        ("f", "siedlung", "", "in"),
        ("f", "au", "", "in"),
        ("m", "park", "s", "in"),
        ("f", "wiese", "", "auf"),
        ("m", "garten", "s", "in"),
        ("m", "rain", "s", "am"),
    ],
    s=0.7,
)
QUARTER_CONTAINERS = Pool(
    [
        ("n", "Quartier", "Quartiers"),
        ("n", "Wohngebiet", "Wohngebiets"),
        ("m", "Stadtteil", "Stadtteils"),
        ("n", "Neubaugebiet", "Neubaugebiets"),
        ("m", "Ortsteil", "Ortsteils"),
    ],
    s=0.8,
)
STREET_PREFIXES = Pool(
    [
        "Linden",
        "Schiller",
        "Goethe",
        "Bahnhof",
        "Kirch",
        "Haupt",
        "Schul",
        "Garten",
        "Mühl",
        "Wiesen",
        "Uhland",
        "Mörike",
        "Hölderlin",
        "Kepler",
        "Daimler",
        "Bosch",
        "Zeppelin",
        "Schwarzwald",
        "Neckar",
        "Rhein",
        "Donau",
        "Alb",
        "Reben",
        "Obst",
        "Kelter",
        "Brunnen",
        "Hirsch",
        "Adler",
        "Rosen",
        "Tulpen",
        "Kastanien",
        "Ahorn",
        "Buchen",
        "Tannen",
        "Hebel",
        "Scheffel",
        "Silcher",
        "Hauff",
        "Markt",
        "Post",
        "Kloster",
        "Friedhof",
        "Bleich",
        "Färber",
    ],
    s=0.8,
)
STREET_SUFFIXES = Pool(
    [
        ("f", "straße", "in"),
        ("m", "weg", "an"),
        ("f", "gasse", "in"),
        ("m", "platz", "an"),
        ("f", "allee", "in"),
        ("m", "ring", "an"),
        ("f", "steige", "in"),
        ("f", "halde", "in"),
        ("f", "anlage", "in"),
    ],
    s=0.8,
)


# -- templates ---------------------------------------------------------------------------------------------------
# {X.form}: entity X (P project, Q district, C town, A/A2 actor, G/G2 group of people, T/T2 theme, PR problem,
# ACT/ACT2 activity, PL place, LEER empty building, LOSS closed business, ST street, VT/VG/VA verbs with theme,
# group and activity objects) in a given form; {@POOL} a phrase from POOLS; {$Y}, {$YE}, {$FUND}, {$C2} document
# values. The same entity name refers to the same entity within a sentence.
TITLES = [
    "{P.n} {Q.in} bringt {G.akk} zusammen",
    "Wie {C.n} mit {P.idat} {T.akk} {VT.sub}",
    "{P.snom} für {G.akk} in {C.n}",
    "Mehr {T.n} {Q.in}: {P.n} zieht Bilanz",
    "{G.nom} gestalten {P.akk} {Q.gen}",
    "{P.n} in {C.n}: Gemeinsam statt einsam",
    "Gemeinsam für mehr {T.n}: {P.n} {Q.in}",
    "{Q.n} {@MOTTO}: {P.n} für alle",
    "Von der Idee {P.zu} {Q.in}",
    "{P.inom} für {Q.akk}",
    "Was {P.inom} {Q.in} bewirkt",
    "{P.n}: {^G.nom} und {G2.nom} packen an",
    "So gelingt {T.n} {Q.in}",
    "{C.n} setzt auf {P.iaakk}",
    "Mit {P.dat} gegen {PR.n} {Q.in}",
    "{Q.nom} bekommt {P.iaakk}",
    "{P.n} {Q.in}: Was wir gelernt haben",
    "{ACT.pl} und mehr: {P.n} in {C.n}",
    "Wie {G.nom} {Q.in} mitreden und mitgestalten",
    "{P.n} verbindet Nachbarschaft {Q.in}",
    "{P.n} {VT.s} {T.akk} {Q.in}{VT.sep}",
    "Neue Wege für {T.akk}: {P.n} in {C.n}",
    "{P.n} als Motor für {T.akk}",
    "Quartiersentwicklung konkret: {P.n} {Q.in}",
    "Kleine Schritte, große Wirkung: {P.n} {Q.in}",
    "{C.n}: {P.n} macht {Q.akk} lebendiger",
    "{P.snom} {Q.in} findet viele Unterstützer",
    "Wie {A.nom} in {C.n} {P.iakk} möglich macht",
]
TITLES_KIND = {
    "ort": [
        "{P.n} {Q.in} öffnet für alle Generationen",
        "Aus {LEER.adat} wird {P.inom}",
        "{P.n} {ST.in} wird zum Treffpunkt",
        "Ein Ort für alle: {P.n} {Q.in}",
        "{P.n} öffnet Türen {Q.in}",
    ],
    "fest": [
        "{P.n} {Q.in} feiert Vielfalt",
        "Ein Fest für alle: {P.n} in {C.n}",
        "{P.n} bringt Leben in {Q.akk}",
        "Nachbarn feiern: {P.n} {ST.in}",
    ],
    "gremium": [
        "{P.n} gibt {G.dat} eine Stimme",
        "Wie {P.nom} in {C.n} mitentscheidet",
        "{P.n}: {^G.nom} reden mit",
        "Mitreden erwünscht: {P.n} {Q.in}",
    ],
    "prozess": [
        "{P.n} zeigt, was {Q.dat} fehlt",
        "Mit {P.dat} zum Plan für {Q.akk}",
        "{P.n} als Einstieg in die Quartiersentwicklung",
        "{P.n} in {C.n}: Gemeinsam planen, gemeinsam handeln",
    ],
    "dienst": [
        "{P.n} erleichtert den Alltag {Q.in}",
        "{P.n}: Hilfe, die ankommt",
        "{P.n} in {C.n}: Einfach, nah und verlässlich",
        "Unterwegs {Q.in}: {P.n} für {G.akk}",
    ],
}

SUMMARY = [
    "{Q.in} hat {A.nom} {P.iaakk} aufgebaut, {P.relnom} {G.akk} und {G2.akk} zusammenbringt.",
    "{P.inom} in {C.n} zeigt, wie {T.n} im Alltag gelingen kann, wenn Verwaltung, Vereine und Nachbarschaft an "
    "einem Strang ziehen.",
    "Mit {P.dat} {VT.s} {A.nom} {Q.in} {T.akk}{VT.sep}.",
    "{G.nom} und {A.nom} haben gemeinsam {P.iakk} entwickelt, {P.relnom} {T.akk} {Q.gen} {VT.sub}.",
    "Der Steckbrief beschreibt, wie {C.kom} {P.iakk} eingeführt hat und welche Erfahrungen dabei gesammelt wurden.",
    "{P.nom} richtet sich an {G.akk} und will {T.akk} {Q.in} {VT.inf}.",
    "Seit {$Y} {VA.s} {A.nom} {Q.in} {ACT.pl}{VA.sep}, um {T.akk} {VT.zu}.",
    "Wie lässt sich {T.nom} {Q.in} {VT.inf}? {C.n} hat es mit {P.idat} versucht.",
    "{P.nom} {Q.gen} ist aus einer Initiative von {G.dat} entstanden und wird heute {A.von} unterstützt.",
    "Im Mittelpunkt steht {T.nom}: {^P.nom} soll {G.dat} den Zugang zu {ACT.dpldat} erleichtern.",
    "Was {$Y} als kleine Idee begann, ist heute {P.ianom} mit festen Partnern und vielen Ehrenamtlichen.",
    "{P.nom} in {C.n} setzt auf kurze Wege, persönliche Ansprache und {ACT.pl}, die sich an {G.akk} richten.",
    "{P.inom} gegen {PR.n}: {^Q.in} engagieren sich {G.nom} gemeinsam mit {A.dat}.",
    "{C.kom} und {A.nom} erproben {Q.in} {P.iaakk}, um {G.akk} besser zu erreichen.",
]
SUMMARY_EXTRA = [
    "Der Ansatz lässt sich gut auf andere Quartiere übertragen.",
    "Erste Ergebnisse sind ermutigend.",
    "Beteiligt sind Verwaltung, Vereine und Nachbarschaft.",
    "Das Angebot ist kostenlos und barrierefrei.",
    "Getragen wird es {A.von} und vielen Ehrenamtlichen.",
    "Die Finanzierung erfolgt {$FUND}.",
    "Im Fokus stehen {G.nom}.",
]

CONTEXT = [
    "{Q.in} leben viele {G.nom}, die bisher kaum Kontakt zueinander hatten.",
    "Lange fehlte {Q.in} ein Ort, an dem sich Menschen ohne Anlass und ohne Konsumzwang begegnen konnten.",
    "Eine Sozialraumanalyse hatte gezeigt, dass {PR.nom} {Q.in} ein wachsendes Thema ist.",
    "Ausgangspunkt war eine Befragung, in der sich viele {G.nom} mehr {T.n} gewünscht hatten.",
    "{Q.nom} ist ein gewachsenes Wohngebiet, in dem Alt und Jung, Alteingesessene und Zugezogene eng beieinander "
    "wohnen.",
    "Mit der Schließung {LOSS.agen} ging {Q.in} ein wichtiger Treffpunkt verloren.",
    "Viele {G.nom} fühlten sich {Q.in} wenig gesehen und fanden nur schwer Anschluss.",
    "Der demografische Wandel ist {Q.in} deutlich spürbar: Immer mehr Menschen leben allein, viele sind über 75.",
    "In {C.n} wurde schon länger diskutiert, wie sich {T.nom} in den Stadtteilen {VT.inf} lässt.",
    "Die Idee entstand bei {ACT.idat}, zu {ACT.reldat} {A.nom} im Jahr {$Y} eingeladen hatte.",
    "Seit Jahren stand {LEER.anom} {ST.in} leer.",
    "Für {G.akk} gab es {Q.in} bislang kaum {ACT.pl} in erreichbarer Nähe.",
    "Der Anstoß kam {A.von}, {A.relnom} {PR.akk} {Q.in} nicht länger hinnehmen wollte.",
    "Hohe Mieten, wenig Grün und lange Wege prägen den Alltag vieler Menschen {Q.in}.",
    "Bei {ACT.idat} im Jahr {$Y} kam der Wunsch nach {P.idat} auf.",
    "Zwischen {G.dat} und {G2.dat} gab es {Q.in} bisher wenige Berührungspunkte.",
    "{Q.nom} ist in den vergangenen Jahren stark gewachsen, doch die soziale Infrastruktur hielt nicht Schritt.",
    "Bereits vor dem Start hatte der Gemeinderat beschlossen, {T.akk} gezielt zu fördern.",
    "{PR.nom} und fehlende Treffpunkte wurden bei Bürgerversammlungen immer wieder angesprochen.",
    "Gerade {G.nom} hatten {Q.in} kaum Möglichkeiten, sich einzubringen.",
    "Die Kommune wollte Quartiersentwicklung nicht am Schreibtisch planen, sondern gemeinsam mit den Menschen vor Ort.",
    "Nach dem Wegzug mehrerer Vereine fehlte {Q.dat} ein Treffpunkt für Jung und Alt.",
    "Bei einem Stadtteilspaziergang wiesen {G.nom} auf fehlende Sitzbänke, hohe Bordsteine und dunkle Wege hin.",
    "Die Zahl der Einpersonenhaushalte {Q.in} hat sich in zehn Jahren fast verdoppelt.",
    "Bei der Bürgerbeteiligung zum Stadtentwicklungskonzept wurde deutlich, dass {Q.dat} {P.inom} fehlt.",
    "Schon länger forderten Seniorenbeirat und Inklusionsbeirat mehr wohnortnahe Angebote {Q.in}.",
]
WHAT = [
    "Seit {$Y} gibt es {Q.in} {P.iaakk}.",
    "{P.nom} wird von {G.dat} und {A.dat} gemeinsam getragen.",
    "Im Zentrum stehen {ACT.pl} und {ACT2.pl}, die {@TIME} stattfinden.",
    "Das Angebot ist kostenlos und ohne Anmeldung nutzbar; wer möchte, kann sich auch selbst einbringen.",
    "{P.nom} {VT.s} {T.akk}{VT.sep} und {VG.s} gezielt {G.akk}{VG.sep}.",
    "Dabei arbeitet {A.nom} eng mit {A2.dat} zusammen.",
    "Ein Kernteam aus {@NS} Ehrenamtlichen kümmert sich um Organisation, Öffentlichkeitsarbeit und Finanzen.",
    "Neben {ACT.dpldat} gibt es {@TIME} {ACT2.iakk}.",
    "Besonders beliebt sind {ACT.pl}, zu denen regelmäßig {@NB} Personen kommen.",
    "Alle Informationen gibt es zusätzlich in Leichter Sprache und in {@NS} weiteren Sprachen.",
    "{P.nom} ist bewusst offen angelegt, sodass alle Interessierten Ideen einbringen und mitgestalten können.",
    "Die Koordination liegt {A.bei}, {A.relnom} dafür eine halbe Stelle geschaffen hat.",
    "Ergänzt wird das Angebot durch {ACT.iaakk} für {G.akk}.",
    "{ACT.pl} {ST.in} gehören inzwischen fest zum Alltag {Q.gen}.",
    "Für {G.akk} gibt es einen Fahrdienst, damit niemand wegen langer Wege ausgeschlossen bleibt.",
    "Finanziert wird {P.nom} {$FUND}.",
    "Unter dem Motto „{Q.n} {@MOTTO}“ lädt {P.nom} {@TIME} zu {ACT.dpldat} ein.",
    "{A.nom} {VA.s} {@TIME} {ACT.iaakk}{VA.sep}, {ACT.relnom} sich vor allem an {G.akk} richtet.",
    "Wichtig ist allen Beteiligten, dass {G.nom} nicht nur teilnehmen, sondern selbst Verantwortung übernehmen.",
    "Viele Aufgaben übernehmen {G.nom} inzwischen selbst, vom Einkauf bis zur Abrechnung.",
]
WHAT_KIND = {
    "ort": [
        "{P.nom} befindet sich {ST.in} und ist {@TIME} geöffnet.",
        "Die Räume sind barrierefrei; es gibt eine kleine Küche, eine Leseecke und einen Garten hinter dem Haus.",
        "Untergebracht ist {P.nom} {LEER.ain}, {LEER.relakk} {A.nom} günstig zur Verfügung stellt.",
        "Hier treffen sich {G.nom} zum Kaffee, zum Spielen oder einfach zum Reden.",
        "Neben festen Terminen gibt es offene Zeiten, in denen man ohne Anlass vorbeikommen kann.",
        "{P.nom} dient zugleich als Anlaufstelle für Fragen rund um {T.akk}.",
        "Die Einrichtung wurde gemeinsam mit {G.dat} ausgesucht, vieles stammt aus Spenden aus der Nachbarschaft.",
    ],
    "fest": [
        "{P.nom} findet {@ANNUAL} {ST.in} statt.",
        "Vereine, Schulen und Initiativen gestalten Stände, Bühnenprogramm und Mitmachaktionen.",
        "{PL.ain} gibt es {ACT.pl}, {ACT2.pl} und Musik von Gruppen aus dem Quartier.",
        "{P.nom} ist barrierefrei geplant, mit Ruhezone, Gebärdensprachdolmetschung und Toiletten für alle.",
        "{@NB} Helferinnen und Helfer packen beim Auf- und Abbau mit an.",
        "Vorbereitet wird {P.nom} von einem offenen Planungskreis, der sich ab dem Frühjahr {@TIME} trifft.",
    ],
    "gremium": [
        "{P.nom} trifft sich {@TIME} {PL.in} und berät über Anliegen {Q.gen}.",
        "Mitglieder sind {G.nom} sowie Vertreterinnen und Vertreter {A.gen} und {A2.gen}.",
        "{P.nom} hat ein Antragsrecht im Gemeinderat und wird bei Planungen frühzeitig angehört.",
        "Die Sitzungen sind öffentlich, Gäste können eigene Themen einbringen.",
        "Zu jeder Sitzung gibt es eine Zusammenfassung in Leichter Sprache.",
        "Den Vorsitz teilen sich zwei gewählte Sprecherinnen und Sprecher, die alle zwei Jahre neu bestimmt werden.",
    ],
    "prozess": [
        "{P.nom} wurde {$Y} gestartet und {A.von} fachlich begleitet.",
        "In mehreren Schritten wurden Daten ausgewertet, {ACT.pl} durchgeführt und Ideen gesammelt.",
        "{@NB} Menschen haben sich an {ACT.dpldat} und an einer Online-Befragung beteiligt.",
        "Die Ergebnisse flossen in einen Maßnahmenplan, den der Gemeinderat {$YE} beschlossen hat.",
        "Eine Steuerungsgruppe aus Verwaltung, Politik und Zivilgesellschaft hält die Fäden zusammen.",
        "Besonderer Wert wurde darauf gelegt, auch {G.akk} zu beteiligen, die sonst selten mitreden.",
    ],
    "dienst": [
        "{P.nom} funktioniert ganz einfach: Wer {@NEED}, meldet sich und bekommt schnell Unterstützung.",
        "{G.nom} können {P.akk} kostenlos nutzen.",
        "Ehrenamtliche übernehmen Beratung, Begleitung und kleine Erledigungen im Alltag.",
        "Die Vermittlung läuft über das Quartiersbüro, eine Telefonnummer und eine Messenger-Gruppe.",
        "Ein Flyer in einfacher Sprache erklärt, wie {P.nom} funktioniert.",
        "{P.nom} ist {@TIME} erreichbar, in dringenden Fällen auch kurzfristig.",
    ],
}
ORGANISATION = [
    "Getragen wird das Vorhaben von einem Bündnis aus {A.dat}, {A2.dat} und engagierten Nachbarinnen und Nachbarn.",
    "{A.nom} stellt Räume zur Verfügung, {A2.nom} übernimmt die Öffentlichkeitsarbeit.",
    "Einmal im Quartal treffen sich alle Beteiligten, um Erfahrungen auszutauschen und die nächsten Schritte zu "
    "planen.",
    "Die Stadtverwaltung unterstützt mit Beratung, einem kleinen Budget und kurzen Wegen ins Rathaus.",
    "Eine hauptamtliche Fachkraft {A.gen} koordiniert die Ehrenamtlichen und hält Kontakt zu den Partnern.",
    "Zu den Partnern gehören außerdem {A.nom} und {A2.nom}.",
    "Um auch {G.akk} zu erreichen, wird gezielt {PL.in} und über persönliche Kontakte eingeladen.",
    "Die Kommunikation läuft über Aushänge, das Amtsblatt, eine Messenger-Gruppe und Gespräche an der Haustür.",
    "{G.nom} waren von Beginn an in die Planung eingebunden und entscheiden über das Programm mit.",
    "Eine schriftliche Vereinbarung regelt Aufgaben, Haftung und Raumnutzung zwischen {A.dat} und {A2.dat}.",
    "Fachlich begleitet wird das Projekt {A.von}, {A.relnom} auch bei Förderanträgen hilft.",
    "Wer mitmachen möchte, kann sich {A.bei} oder direkt {P.bei} melden.",
    "Ein Beirat aus {G.dat} gibt regelmäßig Rückmeldung und bringt neue Ideen ein.",
    "Der Seniorenbeirat und der Inklusionsbeirat {C.komgen} werden bei allen wichtigen Fragen gehört.",
]
AIMS = [
    "{P.nom} soll {T.akk} {Q.in} {VT.inf} und {G.dat} neue Kontakte ermöglichen.",
    "Ziel ist es, {G.akk} {VG.zu} und {PR.dat} vorzubeugen.",
    "Langfristig soll {Q.nom} ein Ort werden, an dem {G.nom} und {G2.nom} selbstverständlich zusammenleben.",
    "Es geht darum, {T.akk} zu stärken und die Wege für {G.akk} kürzer zu machen.",
    "Das Vorhaben will zeigen, dass {T.n} auch mit überschaubaren Mitteln möglich ist.",
    "Zentrale Ziele sind mehr {T.n}, mehr {T2.n} und weniger {PR.n}.",
    "Bis {$YE} sollen {@NS} weitere {ACT.pl} entstehen, die {G.nom} selbst organisieren.",
    "{A.nom} möchte mit {P.dat} {G.akk} {VG.inf}, die bisher kaum erreicht wurden.",
    "Im Vordergrund steht, dass sich {G.nom} {Q.in} zu Hause fühlen.",
    "{G.nom} sollen eigene Ideen umsetzen können und dabei Unterstützung erhalten.",
    "Außerdem soll {T.nom} im Quartier sichtbarer werden.",
    "Angestrebt wird ein Netzwerk, das auch ohne Förderung weiterträgt.",
    "{P.nom} soll {PR.akk} {Q.in} spürbar verringern.",
]
AIMS_CATEGORY = {
    "E": [
        "Als erster Schritt soll ein Überblick entstehen, was {Q.dat} fehlt und wer mitmachen möchte.",
        "Die Verwaltung will lernen, wie Quartiersarbeit vor Ort gelingt, und dafür Strukturen aufbauen.",
    ],
    "B": [
        "Bewohnerinnen und Bewohner sollen früh und verbindlich an Entscheidungen beteiligt werden.",
        "Beteiligung soll nicht bei einer einmaligen Befragung stehen bleiben, sondern zur Gewohnheit werden.",
        "Die Bürgerbeteiligung soll verbindlicher werden und auch Menschen erreichen, die sich sonst selten zu "
        "Wort melden.",
    ],
    "I": ["Neue Formen der Zusammenarbeit sollen im Kleinen erprobt und bei Erfolg übertragen werden."],
    "N": [
        "Menschen mit und ohne Behinderung sollen sich auf Augenhöhe begegnen und gemeinsam aktiv werden.",
        "Barrieren im Quartier sollen erkannt, benannt und Schritt für Schritt abgebaut werden.",
    ],
    "A": [
        "Ältere Menschen sollen möglichst lange selbstbestimmt {Q.in} wohnen bleiben können.",
        "Hilfe im Alltag soll dort ankommen, wo sie gebraucht wird, direkt in der Nachbarschaft.",
    ],
    "D": [
        "Niemand soll im Alltag abgehängt werden, nur weil digitale Kenntnisse fehlen.",
        "Digitale Werkzeuge sollen die Nachbarschaft erleichtern, nicht ersetzen.",
    ],
    "U": ["Engagement soll leichter werden, mit klaren Ansprechpersonen, flexiblen Aufgaben und echter Wertschätzung."],
    "M": [
        "Wege im Quartier sollen kürzer, sicherer und klimafreundlicher werden.",
        "Straßen und Plätze sollen weniger vom Autoverkehr geprägt sein und mehr zum Verweilen einladen.",
    ],
    "S": ["Die Quartiersarbeit soll eine verlässliche Grundlage in Verwaltung und Gemeinderat erhalten."],
    "O": ["Es soll ein Ort entstehen, an dem man ohne Konsumzwang Zeit miteinander verbringen kann."],
    "V": ["Unternehmen, Vereine und Verwaltung sollen gemeinsam Verantwortung für das Quartier übernehmen."],
}
SUCCESS = [
    "Entscheidend war die enge Zusammenarbeit zwischen {A.dat} und {A2.dat}.",
    "Ein fester Ort, verlässliche Öffnungszeiten und bekannte Gesichter schaffen Vertrauen.",
    "Hilfreich war, dass {A.nom} früh Verantwortung übernommen hat.",
    "Die Ehrenamtlichen werden regelmäßig geschult und erhalten eine kleine Aufwandsentschädigung.",
    "Niedrigschwellige Angebote wie {ACT.pl} haben geholfen, auch {G.akk} zu erreichen.",
    "Kurze Wege in die Verwaltung und eine feste Ansprechperson haben vieles erleichtert.",
    "Wichtig war, {G.akk} nicht nur zu informieren, sondern wirklich mitentscheiden zu lassen.",
    "Die Anschubfinanzierung hat den Start erst möglich gemacht.",
    "Plakate, Aushänge und persönliche Ansprache sorgten für Sichtbarkeit im Quartier.",
    "Geholfen hat die Bereitschaft, Dinge auszuprobieren und aus Fehlern zu lernen.",
    "Viel bewirkt hat die persönliche Ansprache durch Menschen, die {Q.akk} gut kennen.",
    "Ohne die Unterstützung {A.gen} wäre {P.nom} so nicht möglich gewesen.",
    "Feste Rituale wie {ACT.inom} {@TIME} geben dem Projekt Halt.",
    "Die Mischung aus Haupt- und Ehrenamt hat sich bewährt.",
    "Mehrsprachige Einladungen und Dolmetschende haben Hürden abgebaut.",
    "Ein kleines, frei verfügbares Budget ermöglichte schnelle Entscheidungen ohne lange Antragswege.",
    "Gute Erreichbarkeit mit Bus und Rad sowie barrierefreie Zugänge waren von Anfang an mitgedacht.",
    "Die Rückendeckung durch Bürgermeisterin oder Bürgermeister und Gemeinderat gab dem Vorhaben Gewicht.",
    "Die Verbindung mit bestehenden Angeboten wie dem Mehrgenerationenhaus und der Begegnungsstätte hat "
    "Doppelstrukturen vermieden.",
]
STUMBLING = [
    "Anfangs fehlte es an geeigneten Räumen, bis {A.nom} {PL.iaakk} angeboten hat.",
    "Die Suche nach Ehrenamtlichen für feste Dienste war schwieriger als gedacht.",
    "Förderanträge und Abrechnungen kosten viel Zeit, die an anderer Stelle fehlt.",
    "{G.nom} waren zunächst schwer zu erreichen; Aushänge allein haben nicht genügt.",
    "Als die Förderung {$YE} auslief, musste die Finanzierung neu aufgestellt werden.",
    "Fragen zu Datenschutz und Versicherung haben den Start verzögert.",
    "Nicht alle Nachbarinnen und Nachbarn waren begeistert; Beschwerden über Lärm mussten ernst genommen werden.",
    "Personalwechsel {A.bei} haben die Arbeit zeitweise ausgebremst.",
    "Während der Pandemie mussten {ACT.pl} ausfallen oder ins Digitale verlegt werden.",
    "Die Abstimmung zwischen verschiedenen Ämtern dauerte länger als erwartet.",
    "Es brauchte Zeit, bis {P.nom} im Quartier bekannt war.",
    "Die Barrierefreiheit {PL.gen} ließ sich nur mit aufwendigen Umbauten herstellen.",
    "Hohe Erwartungen zu Beginn führten stellenweise zu Enttäuschungen.",
    "Einzelne Ehrenamtliche trugen lange zu viel Verantwortung, was zu Überlastung führte.",
    "Die Verkehrsbehörde hatte Bedenken, die erst nach mehreren Ortsterminen ausgeräumt waren.",
    "Steigende Kosten für Miete und Energie belasten das knappe Budget.",
]
TRANSFER = [
    "Der Ansatz lässt sich gut auf andere Quartiere übertragen, auch auf kleinere Gemeinden.",
    "Übertragbar ist vor allem die Idee, {ACT.pl} gemeinsam mit {G.dat} zu planen.",
    "Wer {P.iakk} aufbauen möchte, sollte früh Partner wie {A.akk} ins Boot holen.",
    "Voraussetzung ist ein gut erreichbarer Raum und mindestens eine feste Ansprechperson.",
    "Das Konzept wurde inzwischen in {$C2} aufgegriffen und dort an die örtlichen Verhältnisse angepasst.",
    "Für ländliche Räume empfiehlt sich eine Kombination mit {ACT.idat}.",
    "Materialien wie Checklisten, Flyer und eine Mustervereinbarung stellt {A.nom} gern zur Verfügung.",
    "Die Kosten sind überschaubar; entscheidend ist eher die kontinuierliche Begleitung.",
    "Ohne hauptamtliche Koordination ist das Modell nur schwer dauerhaft zu tragen.",
    "Größere Städte können den Ansatz auf mehrere Quartiere verteilen und voneinander lernen.",
    "Das Vorgehen eignet sich besonders dort, wo {PR.n} ein spürbares Thema ist.",
    "Wichtig ist, das Konzept an die örtlichen Gegebenheiten anzupassen und nicht eins zu eins zu kopieren.",
    "Kleinere Kommunen können sich zusammentun und {P.akk} gemeinsam betreiben.",
    "Gut kombinieren lässt sich der Ansatz mit Angeboten wie Mitfahrbank, Gemeinschaftsgarten oder Straßenfest.",
]
RESULTS = {
    "done": [
        "Inzwischen erreicht {P.nom} regelmäßig {@NB} Menschen.",
        "{P.nom} hat {T.akk} {Q.in} spürbar {VT.part}.",
        "Aus {P.dat} sind {@NS} neue Gruppen entstanden, darunter {ACT.inom}.",
        "Eine Befragung zeigte, dass sich viele {G.nom} {Q.in} heute besser aufgehoben fühlen.",
        "{A.nom} hat {P.akk} inzwischen in den Regelbetrieb übernommen.",
        "Mehrere Ehrenamtliche engagieren sich inzwischen auch in anderen Projekten im Quartier.",
        "Der Gemeinderat hat beschlossen, {P.akk} dauerhaft zu finanzieren.",
        "Die Zahl der Besuche hat sich seit {$Y} etwa verdoppelt.",
        "Auch überregional stieß {P.nom} auf Interesse, etwa bei einem Fachtag in {$C2}.",
        "Nachbarschaftliche Kontakte sind gewachsen: Man kennt sich, grüßt sich und hilft sich.",
        "{G.nom} bringen sich heute selbstbewusster in Entscheidungen {Q.gen} ein.",
    ],
    "ended": [
        "Nach dem Ende der Förderung {$YE} wurde {P.nom} eingestellt, viele Kontakte sind jedoch geblieben.",
        "Das Projekt endete {$YE}; Teile davon führt {A.nom} in eigener Regie weiter.",
        "Die Erfahrungen sind in eine Handreichung eingeflossen, die {C.kom} an andere Kommunen weitergibt.",
        "Während der Laufzeit haben {@NB} Menschen an {ACT.dpldat} teilgenommen.",
        "Eine Abschlussbefragung zeigte, dass sich viele {G.nom} {Q.in} besser vernetzt fühlen.",
        "Aus dem Projekt sind Kontakte entstanden, die bis heute tragen.",
        "Der Abschlussbericht ist {A.bei} erhältlich und enthält viele praktische Hinweise.",
    ],
    "in_progress": [
        "Erste Rückmeldungen sind positiv, eine Auswertung ist für {$YE} geplant.",
        "Bisher haben sich {@NB} Menschen beteiligt, Tendenz steigend.",
        "Schon jetzt zeigt sich, dass {G.nom} {P.akk} gut annehmen.",
        "Noch ist offen, wie {P.nom} nach der Förderphase finanziert wird.",
        "Die Zwischenbilanz fällt gemischt aus, einige {ACT.pl} werden deshalb neu konzipiert.",
    ],
    "idea": [
        "Ergebnisse liegen noch nicht vor; das Konzept wird derzeit mit {A.dat} abgestimmt.",
        "Geplant ist ein Start im Jahr {$Y}, zunächst als Pilot {Q.in}.",
        "Eine Machbarkeitsprüfung soll klären, welche Räume und Mittel nötig sind.",
        "Erste Gespräche mit {G.dat} zeigen großes Interesse an {P.idat}.",
    ],
}
STEP_TITLES = [
    [
        "Bedarf erheben",
        "Bestandsaufnahme im Quartier",
        "Ideen sammeln",
        "Gespräche mit Schlüsselpersonen",
        "Sozialraum erkunden",
        "Befragung durchführen",
        "Ausgangslage klären",
        "{G.akk} befragen",
    ],
    [
        "Partner gewinnen",
        "Konzept entwickeln",
        "Finanzierung sichern",
        "Räume finden",
        "Kernteam bilden",
        "Kooperation vereinbaren",
        "Förderantrag stellen",
        "{A.n} einbinden",
        "{ACT.n} planen",
    ],
    [
        "Auftakt feiern",
        "Angebot erproben",
        "Öffentlichkeitsarbeit starten",
        "Ehrenamtliche einarbeiten",
        "Pilotphase starten",
        "Programm aufbauen",
        "{P.n} eröffnen",
        "{G.akk} beteiligen",
        "Erste {ACT.pl} anbieten",
    ],
    [
        "Erfahrungen auswerten",
        "Angebot verstetigen",
        "Finanzierung langfristig sichern",
        "Ergebnisse teilen",
        "Weiterentwickeln",
        "Netzwerk ausbauen",
        "Wirkung überprüfen",
    ],
]
STEP_TEXTS = [
    [
        "Zu Beginn haben {A.nom} und {G.nom} gemeinsam erhoben, was {Q.dat} fehlt.",
        "Bei {ACT.idat} {PL.in} wurden erste Wünsche und Ideen gesammelt.",
        "Eine kurze Befragung an Haustüren und im Supermarkt brachte {@NB} Rückmeldungen.",
        "Gespräche mit {A.dat} und {A2.dat} halfen, den Bedarf genauer einzuschätzen.",
        "Ein Stadtteilspaziergang mit {G.dat} machte Barrieren und Lieblingsorte sichtbar.",
        "Statistiken zu Alter, Haushalten und Angeboten im Quartier wurden zusammengetragen und auf einer Karte "
        "dargestellt.",
    ],
    [
        "Ein Kernteam aus {@NS} Personen entwickelte ein Konzept mit Zielen, Zeitplan und Budget.",
        "{A.nom} stellte einen Förderantrag, der {$Y} bewilligt wurde.",
        "Mit {A.dat} wurde eine Kooperationsvereinbarung geschlossen.",
        "Geeignete Räume fanden sich schließlich {LEER.ain}.",
        "Die Aufgaben wurden klar verteilt: Wer organisiert, wer informiert, wer ist Ansprechperson?",
        "Finanziert wurde der Start {$FUND}.",
    ],
    [
        "Mit {ACT.iadat} {PL.in} startete {P.nom} offiziell.",
        "In den ersten Wochen wurde {P.nom} vor allem durch persönliche Ansprache bekannt.",
        "Ehrenamtliche erhielten eine kurze Schulung zu Erster Hilfe, Datenschutz und Gesprächsführung.",
        "{ACT.pl} und {ACT2.pl} wurden zunächst probeweise angeboten und dann angepasst.",
        "Plakate, ein Artikel im Amtsblatt und Besuche {A.bei} sorgten für Bekanntheit.",
        "{G.nom} gestalteten das Programm von Anfang an mit.",
    ],
    [
        "Nach einem Jahr wurden die Erfahrungen mit allen Beteiligten ausgewertet und das Angebot angepasst.",
        "{A.nom} übernahm anschließend die dauerhafte Trägerschaft.",
        "Die Ergebnisse wurden im Gemeinderat und bei {ACT.idat} vorgestellt.",
        "Für die Zeit nach der Förderung wurde ein Finanzierungsmodell aus Spenden, Beiträgen und kommunalen Mitteln "
        "entwickelt.",
        "Inzwischen tauscht sich das Team regelmäßig mit Initiativen aus {$C2} aus.",
        "Eine kleine Arbeitsgruppe kümmert sich darum, neue Mitstreiterinnen und Mitstreiter zu gewinnen.",
    ],
]

_CODE = re.compile(r"\{([^}]+)\}")


def _compile(template: str) -> tuple:
    parts = []
    for i, piece in enumerate(_CODE.split(template)):
        if i % 2 == 0:
            if piece:
                parts.append(piece)
        elif piece[0] in "@$":
            parts.append((piece[0], piece[1:]))
        elif piece[0] == "^":  # capitalise this slot (a full sentence after a colon)
            cls, form = piece[1:].split(".")
            parts.append((cls, form, True))
        else:
            cls, form = piece.split(".")
            parts.append((cls, form))
    return tuple(parts)


def _tpool(templates: list[str], s: float = 0.5) -> Pool:
    return Pool([_compile(t) for t in templates], s=s)


T_TITLES = _tpool(TITLES, 0.3)
T_TITLES_KIND = {k: _tpool(v, 0.3) for k, v in TITLES_KIND.items()}
T_SUMMARY = _tpool(SUMMARY, 0.3)
T_SUMMARY_EXTRA = _tpool(SUMMARY_EXTRA, 0.3)
T_CONTEXT = _tpool(CONTEXT)
T_WHAT = _tpool(WHAT)
T_WHAT_KIND = {k: _tpool(v, 0.3) for k, v in WHAT_KIND.items()}
T_ORGANISATION = _tpool(ORGANISATION)
T_AIMS = _tpool(AIMS)
T_AIMS_CATEGORY = {k: _tpool(v, 0.3) for k, v in AIMS_CATEGORY.items()}
T_SUCCESS = _tpool(SUCCESS)
T_STUMBLING = _tpool(STUMBLING)
T_TRANSFER = _tpool(TRANSFER)
T_RESULTS = {k: _tpool(v, 0.4) for k, v in RESULTS.items()}
T_STEP_TITLES = [_tpool(v, 0.4) for v in STEP_TITLES]
T_STEP_TEXTS = [_tpool(v, 0.4) for v in STEP_TEXTS]
FUNDING_TEMPLATES = {k: [_compile(t) for t in v] for k, v in FUNDING_PHRASES.items()}

CITY_FORMS = {
    c: Forms(
        {
            "n": c,
            "kom": f"die {'Gemeinde' if c in GEMEINDEN else 'Stadt'} {c}",
            "komgen": f"der {'Gemeinde' if c in GEMEINDEN else 'Stadt'} {c}",
        }
    )
    for c in CITIES
}
CITY_POOL = Pool(CITIES, weights=[CITY_WEIGHTS[c] for c in CITIES])

_SLUG_TABLE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "é": "e"})
_NON_SLUG = re.compile(r"[^a-z0-9]+")
_MONTHS = 11 * 12 + 6  # 2015-01 … 2026-06
_REVIEW_FIRST = datetime.date(2019, 1, 1).toordinal()
_REVIEW_LAST = datetime.date(2026, 11, 1).toordinal()


def _month(index: int) -> datetime.date:
    return datetime.date(2015 + index // 12, index % 12 + 1, 1)


def slugify(title: str, number: int) -> str:
    base = _NON_SLUG.sub("-", title.lower().translate(_SLUG_TABLE)).strip("-")
    suffix = f"-{number}"
    room = 80 - len(suffix)
    if len(base) > room:
        base = base[:room]
        cut = base.rfind("-")
        if cut > room // 2:
            base = base[:cut]
        base = base.rstrip("-")
    return base + suffix


def _words(sentences) -> int:
    return sum(len(s.split()) for s in sentences)


class _Writer:
    """Assembles one Steckbrief after another from a single random stream."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.rnd = self.rng.random
        self.nouns_cache: dict = {}
        self.doc: dict = {}
        self.values: dict = {}
        self.pick_entity = {
            "A": self._actor,
            "G": self._group,
            "T": self._theme,
            "PR": self._problem,
            "ACT": self._activity,
            "PL": self._place,
            "LOSS": lambda: LOSS.pick(self.rnd),
            "VT": lambda: VERBS_THEME.pick(self.rnd),
            "VG": lambda: VERBS_GROUP.pick(self.rnd),
            "VA": lambda: VERBS_ACT.pick(self.rnd),
        }

    # -- entity choice: mostly from the document's own cast, sometimes from the whole lexicon ------------------
    def _from(self, own, pool, p):
        if own and self.rnd() < p:
            return own[int(self.rnd() * len(own))]
        return pool.pick(self.rnd)

    def _actor(self):
        return self._from(self.doc["A"], ACTORS, 0.7)

    def _group(self):
        return self._from(self.doc["G"], GROUP_POOL, 0.75)

    def _theme(self):
        return self._from(self.doc["T"], THEME_POOL, 0.7)

    def _problem(self):
        return self._from(self.doc["PR"], PROBLEMS, 0.8)

    def _place(self):
        return self._from(self.doc["PL"], PLACES, 0.7)

    def _activity(self):
        return self._from(self.doc["ACT"], ACT_FIXED, 0.55) if self.rnd() < 0.75 else self._compound()

    def _compound(self):
        prefix = COMPOUND_PREFIXES.pick(self.rnd)
        head = COMPOUND_HEADS.pick(self.rnd)
        key = ("c", prefix, head[1])
        n = self.nouns_cache.get(key)
        if n is None:
            g, word, gen, pl = head
            sg = prefix + word
            n = Noun(
                g,
                sg,
                sg if gen == "-" else sg + gen,
                sg if pl == "=" else (sg + pl[1:] if pl.startswith("+") else prefix + pl),
                adjs=ADJ_ACT,
            )
            self.nouns_cache[key] = n
        return n

    def _quarter(self) -> Noun:
        rnd = self.rnd
        if rnd() < 0.45:
            g, name = QUARTER_FIXED.pick(rnd)
            key = ("q", name)
            if key not in self.nouns_cache:
                self.nouns_cache[key] = Noun(g, name, name if g == "f" else name + "s", name)
            return self.nouns_cache[key]
        prefix = QUARTER_PREFIXES.pick(rnd)
        g, suffix, gen, prep = QUARTER_SUFFIXES.pick(rnd)
        name = prefix + suffix
        container = QUARTER_CONTAINERS.pick(rnd) if rnd() < 0.25 else None
        key = ("q", name, container)
        n = self.nouns_cache.get(key)
        if n is None:
            if container:
                cg, cword, cgen = container
                n = Noun(cg, f"{cword} {name}", f"{cgen} {name}", f"{cword} {name}")
            elif prep == "am":  # "am Lindenrain"
                n = Noun(g, name, name + gen, name, prep="an")
            else:
                n = Noun(g, name, name + gen, name, prep=prep)
            self.nouns_cache[key] = n
        return n

    def _street(self) -> Noun:
        prefix = STREET_PREFIXES.pick(self.rnd)
        g, suffix, prep = STREET_SUFFIXES.pick(self.rnd)
        key = ("s", prefix, suffix)
        n = self.nouns_cache.get(key)
        if n is None:
            name = prefix + suffix
            n = Noun(g, name, name if g == "f" else name + "s", name, prep=prep)
            self.nouns_cache[key] = n
        return n

    # -- rendering ---------------------------------------------------------------------------------------------
    def render(self, parts, capitalise: bool = True) -> str:
        loc = dict(self.doc["fixed"])
        out = []
        rnd = self.rnd
        for part in parts:
            if part.__class__ is str:
                out.append(part)
                continue
            cls, form = part[0], part[1]
            if cls == "@":
                out.append(POOLS[form].pick(rnd))
                continue
            if cls == "$":
                out.append(self.values[form])
                continue
            ent = loc.get(cls)
            if ent is None:
                base = cls.rstrip("2")
                chooser = self.pick_entity[base]
                ent = chooser()
                if base != cls:
                    first = loc.get(base)
                    for _ in range(4):
                        if ent is not first:
                            break
                        ent = chooser()
                loc[cls] = ent
            text = ent.f.get(form)
            if text is None:
                text = ent.adj(form, ent.adjs.pick(rnd))
            if len(part) == 3:
                text = text[0].upper() + text[1:]
            out.append(text)
        s = "".join(out)
        return s[0].upper() + s[1:] if capitalise else s

    def sentence(self, pool: Pool, used: set, fallback: Pool | None = None) -> str:
        """A sentence from ``pool`` whose template has not been used in this document yet (if avoidable)."""
        parts = pool.pick(self.rnd)
        for attempt in range(8):
            if parts not in used:
                break
            parts = (fallback if fallback is not None and attempt >= 3 else pool).pick(self.rnd)
        used.add(parts)
        return self.render(parts)

    # -- one document --------------------------------------------------------------------------------------------
    def steckbrief(self, number: int) -> dict:
        rng, rnd = self.rng, self.rnd
        project = PROJECT_POOL.pick(rnd)
        city = CITY_POOL.pick(rnd)

        # taxonomy: the project's own categories/groups first, then some from the whole list
        k = 1 if rnd() < 0.4 else (2 if rnd() < 0.67 else 3)
        categories = [CATEGORIES[c] for c in project.cats[: 1 + (rnd() < 0.5)]]
        while len(categories) < k:
            extra = CATEGORIES[_CAT_POOL.pick(rnd)]
            if extra not in categories:
                categories.append(extra)
        categories = categories[:k]
        r = rnd()
        k = 0 if r < 0.1 else 1 if r < 0.45 else 2 if r < 0.75 else 3 if r < 0.92 else 4
        groups = [TARGET_GROUPS[g] for g in project.groups[:k]]
        while len(groups) < k:
            extra = TARGET_GROUPS[_GROUP_TAG_POOL.pick(rnd)]
            if extra not in groups:
                groups.append(extra)
        r = rnd()
        k = 0 if r < 0.35 else 1 if r < 0.8 else 2
        funding = []
        while len(funding) < k:
            extra = _FUNDING_POOL.pick(rnd)
            if extra not in funding:
                funding.append(extra)

        # state and dates
        status = _STATUS_POOL.pick(rnd)
        duration = ("long" if rnd() < 0.8 else "medium") if status == "permanent" else _DURATION_POOL.pick(rnd)
        months = {"short": 1 + int(rnd() * 6), "medium": 7 + int(rnd() * 18), "long": 25 + int(rnd() * 36)}[duration]
        if status == "idea":
            start_index = _MONTHS - 1 - int(rnd() * 30)
        elif status == "ended":
            start_index = int((_MONTHS - 1 - months) * rnd() ** 0.8)
        else:
            start_index = int((_MONTHS - 1) * rnd() ** 0.75)
        start = _month(start_index)
        end = None
        if status == "ended" or (status == "implemented" and rnd() < 0.5) or (status == "in_progress" and rnd() < 0.4):
            end = _month(start_index + months)
        reviewed = None
        if rnd() >= 0.25:
            first = max(_REVIEW_FIRST, start.toordinal())
            reviewed = datetime.date.fromordinal(first + int(rnd() * (_REVIEW_LAST - first + 1)))
        cost = COST_BANDS[bisect(_COST_CW[project.kind], rnd() * _COST_CW[project.kind][-1])]
        staff = _STAFF_POOL.pick(rnd)
        members_only = rnd() < 0.2

        # the document's cast
        cat_codes = [_CAT_CODE[c] for c in categories]
        themes = []
        for code in cat_codes:
            names = THEMES_BY_CATEGORY[code]
            themes.append(THEMES[names[int(rnd() * len(names))]])
        themes.append(THEME_POOL.pick(rnd))
        tags = [_TG_CODE[g] for g in groups] or list(project.groups)
        own_groups = []
        for tag in tags[:3]:
            options = GROUPS_BY_TAG[tag]
            own_groups.append(options[int(rnd() ** 1.5 * len(options))])
        self.doc = {
            "fixed": {
                "P": project,
                "C": CITY_FORMS[city],
                "Q": self._quarter(),
                "ST": self._street(),
                "LEER": LEER.pick(rnd),
            },
            "A": [ACTORS.pick(rnd) for _ in range(2 + (rnd() < 0.5))],
            "G": own_groups,
            "T": themes,
            "PR": [PROBLEMS.pick(rnd)],
            "PL": [PLACES.pick(rnd), PLACES.pick(rnd)],
            "ACT": [ACT_FIXED.pick(rnd), ACT_FIXED.pick(rnd), self._compound()],
        }
        others = [c for c in CITIES if c != city]
        later = start.year + max(1, months // 12)
        if status in ("in_progress", "idea"):
            later = max(later, 2026 + (start.year >= 2026))
        self.values = {"Y": str(start.year), "YE": str(end.year if end else later), "C2": others[int(rnd() * 15)]}
        if funding:
            options = FUNDING_TEMPLATES[funding[0]]
            self.values["FUND"] = self.render(options[int(rnd() * len(options))], capitalise=False)
        else:
            self.values["FUND"] = NO_FUNDING_PHRASES[int(rnd() * len(NO_FUNDING_PHRASES))]

        # texts
        used: set = set()
        kind = project.kind
        title = ""
        for attempt in range(12):
            pool = T_TITLES_KIND[kind] if rnd() < 0.35 else T_TITLES
            title = self.render(pool.pick(rnd))
            if 4 <= len(title.split()) <= 10:
                break
            if attempt == 11:
                title = self.render(_FALLBACK_TITLE)

        summary = self._summary(used)

        what_kind = T_WHAT_KIND[kind]
        paragraphs = [
            [self.sentence(T_CONTEXT, used) for _ in range(1 + (rnd() < 0.5))],
            [self.sentence(what_kind if rnd() < 0.5 else T_WHAT, used) for _ in range(2 + (rnd() < 0.35))],
        ]
        if rnd() < 0.55:
            paragraphs.append([self.sentence(T_ORGANISATION, used) for _ in range(1 + (rnd() < 0.3))])

        aims_pools = [T_AIMS] + [T_AIMS_CATEGORY[c] for c in cat_codes]
        aims = [self.sentence(aims_pools[int(rnd() * len(aims_pools))], used, T_AIMS) for _ in range(1 + (rnd() < 0.5))]
        success = [self.sentence(T_SUCCESS, used) for _ in range(1 + (rnd() < 0.5) + (rnd() < 0.15))]
        stumbling = [self.sentence(T_STUMBLING, used) for _ in range(1 + (rnd() < 0.35))] if rnd() >= 0.3 else []
        transfer = [self.sentence(T_TRANSFER, used) for _ in range(1 + (rnd() < 0.4))]
        result_pool = T_RESULTS[_RESULT_KIND[status]]
        results = [self.sentence(result_pool, used) for _ in range(1 + (rnd() < 0.5) + (rnd() < 0.15))]

        r = rnd()
        k = 2 if r < 0.15 else 3 if r < 0.5 else 4 if r < 0.85 else 5
        phases = sorted(rng.sample(range(4), min(k, 4)) + ([int(rnd() * 4)] if k == 5 else []))
        steps = []
        step_titles_used: set = set()
        for phase in phases:
            step_title = self.sentence(T_STEP_TITLES[phase], step_titles_used)
            text = [self.sentence(T_STEP_TEXTS[phase], used) for _ in range(1 + (rnd() < 0.3))]
            steps.append([step_title, text])

        # keep the prose of one Steckbrief between 150 and 300 words
        blocks = [*paragraphs, aims, success, transfer, results]
        if stumbling:
            blocks.append(stumbling)
        fixed_words = len(title.split()) + len(summary.split()) + sum(len(s[0].split()) for s in steps)
        total = fixed_words + sum(_words(b) for b in blocks) + sum(_words(s[1]) for s in steps)
        while total > 300:
            candidates = [b for b in blocks if len(b) > 1] + [s[1] for s in steps if len(s[1]) > 1]
            if candidates:
                block = max(candidates, key=_words)
                total -= len(block.pop().split())
            elif len(steps) > 2:
                removed = steps.pop()
                total -= len(removed[0].split()) + _words(removed[1])
            elif len(paragraphs) > 2:
                removed = paragraphs.pop()
                blocks.remove(removed)
                total -= _words(removed)
            else:
                break
        growable = [
            (paragraphs[1], what_kind),
            (aims, T_AIMS),
            (success, T_SUCCESS),
            (transfer, T_TRANSFER),
            (paragraphs[0], T_CONTEXT),
        ]
        while total < 150:
            block, pool = growable[int(rnd() * len(growable))]
            s = self.sentence(pool, used)
            block.append(s)
            total += len(s.split())

        return {
            "title": title,
            "slug": slugify(title, number),
            "summary": summary,
            "description": "\n\n".join(" ".join(p) for p in paragraphs),
            "aims": " ".join(aims),
            "success_factors": " ".join(success),
            "stumbling_blocks": " ".join(stumbling),
            "transferability": " ".join(transfer),
            "results": " ".join(results),
            "steps": [{"title": t, "text": " ".join(text)} for t, text in steps],
            "city": city,
            "categories": categories,
            "target_groups": groups,
            "funding_programmes": funding,
            "status": status,
            "cost_band": cost,
            "staff_effort": staff,
            "duration": duration,
            "start_date": start,
            "end_date": end,
            "last_reviewed": reviewed,
            "members_only": members_only,
        }

    def _summary(self, used: set) -> str:
        text = ""
        for _ in range(10):
            text = self.sentence(T_SUMMARY, used)
            while len(text) < 120:
                text += " " + self.sentence(T_SUMMARY_EXTRA, used)
            if len(text) <= 300:
                return text
        # practically unreachable: cut at a word boundary
        return text[:297].rsplit(" ", 1)[0].rstrip(",;:") + " …"


_CAT_POOL = Pool(list(CATEGORY_WEIGHTS), weights=list(CATEGORY_WEIGHTS.values()))
_CAT_CODE = {v: k for k, v in CATEGORIES.items()}
_GROUP_TAG_POOL = Pool(list(TARGET_GROUP_WEIGHTS), weights=list(TARGET_GROUP_WEIGHTS.values()))
_TG_CODE = {v: k for k, v in TARGET_GROUPS.items()}
_FUNDING_POOL = Pool(list(FUNDING_PROGRAMMES), weights=list(FUNDING_PROGRAMMES.values()))
_STATUS_POOL = Pool(list(STATUS_WEIGHTS), weights=list(STATUS_WEIGHTS.values()))
_STAFF_POOL = Pool(list(STAFF_WEIGHTS), weights=list(STAFF_WEIGHTS.values()))
_DURATION_POOL = Pool(["short", "medium", "long"], weights=[22, 38, 40])
_COST_CW = {k: list(accumulate(v)) for k, v in COST_BY_KIND.items()}
_RESULT_KIND = {
    "permanent": "done",
    "implemented": "done",
    "ended": "ended",
    "in_progress": "in_progress",
    "idea": "idea",
}
_FALLBACK_TITLE = _compile("{P.n} {Q.in} für alle Generationen")


def generate(n: int, seed: int = 42) -> Iterator[dict]:
    """Yield ``n`` synthetic Steckbriefe; the same ``n`` and ``seed`` always give the same sequence."""
    writer = _Writer(seed)
    for number in range(1, n + 1):
        yield writer.steckbrief(number)
