"""Derived forms: nouns ↔ verbs, participles and adjectives where the Snowball stemmer keeps them apart.

The stemmer already joins many pairs ("Vernetzung"/"vernetzen" → vernetz, "Nachhaltigkeit"/"nachhaltig",
"ehrenamtlich"/"Ehrenamt", "Barrierefreiheit"/"barrierefrei"). These rules add the pairs it misses, as candidate
written forms whose stems become alternatives of the query word:

- "-ierung"/"-ation" ↔ "-ieren"/"-iert" ("Digitalisierung" ↔ "digitalisieren", "Partizipation" ↔ "partizipieren")
- "-ung" ↔ "-en", "-t"/"ge-…-t" ("Beteiligung" ↔ "beteiligt", "Planung" ↔ "planen", "geplant")
- "-stand" ↔ "-stehend" ("Leerstand" ↔ "leerstehend", "Bestand" ↔ "bestehend")
- "-heit"/"-keit" ↔ the adjective (the stemmer joins most of these already: "Gesundheit"/"gesund"), and
  "-lich"/"-isch" adjectives → the noun ("städtisch" → Stadt, "fachlich" → Fach; one way)

A candidate counts only when the index holds its stem (``vocabulary``), so a rule never invents a term.
"""

from __future__ import annotations

from inklusive_quartiere.search.analyzer import fold

from .terms import word_key

VOWELS = "aeiou"
UNSEPARABLE = ("be", "ge", "er", "ver", "zer", "ent", "emp", "miss")


def _participles(base: str) -> list[str]:
    """Past participles of a verb stem ("plan" → geplant, "beteilig" → beteiligt)."""
    forms = [base + "t"]
    if not base.startswith(UNSEPARABLE) and not base.endswith("ier"):
        forms.append("ge" + base + "t")
    return forms


def candidates(word: str) -> list[str]:
    """Written forms related to ``word`` (folded) by the rules above."""
    w = fold(word)
    if len(w) < 5:
        return []
    out: list[str] = []
    if w.endswith("ierung"):
        base = w[: -len("ierung")]
        out += [base + "ieren", base + "iert", base + "ation"]
    elif w.endswith("ation") and len(w) > 7:
        base = w[: -len("ation")]
        out += [base + "ieren", base + "iert", base + "ierung"]
    elif w.endswith(("ungen", "ung")):
        base = w[: -len("ungen")] if w.endswith("ungen") else w[: -len("ung")]
        if base.endswith(("el", "er")):  # "Verbesserung" → verbessern
            out += [base + "n", *_participles(base)]
        elif base[-1:] in ("l", "r") and base[-2:-1] not in VOWELS:  # "Entwicklung" → entwickeln, entwickelt
            verb = base[:-1] + "e" + base[-1]
            out += [verb + "n", *_participles(verb)]
        else:
            out += [base + "en", *_participles(base)]
    elif w.endswith(("ieren", "iert", "ierte", "ierten")):
        base = w[: w.rindex("ier")]
        out += [base + "ierung", base + "ation"]
    elif w.endswith("stand"):
        base = w[: -len("stand")]
        out += [base + "stehend", base + "stehende"]
    elif w.endswith(("stehend", "stehende", "stehenden")):
        base = w[: w.rindex("stehend")]
        out += [base + "stand"]
    elif w.endswith(("heit", "keit")):
        base = w[:-4]
        out += [base]
        if base.endswith("ig"):
            out.append(base[:-2])
    elif w.endswith(("lich", "isch")):
        base = w[:-4]
        out += [base, base + "keit"]
    elif w.startswith("ge") and w.endswith("t") and not w.endswith(("schaft", "heit", "keit")) and len(w) > 6:
        out.append(w[2:-1] + "ung")  # "geplant" → Planung
    elif w.endswith(("en", "eln", "ern", "t", "te")) and not w.endswith(("ten", "ent", "schaft")):
        base = w[:-2] if w.endswith(("en", "te")) and not w.endswith(("eln", "ern")) else w[:-1]
        if len(base) >= 4:
            out.append(base + "ung")  # "beteiligen", "beteiligt" → Beteiligung
            if base.endswith(("el", "er")):
                out.append(base[:-2] + base[-1] + "ung")  # "entwickelt" → Entwicklung
    else:
        out += [w + "heit", w + "keit", w + "igkeit"]  # an adjective: "sicher" → Sicherheit
    return out


def derived_terms(word: str, vocabulary=None) -> list[str]:
    """Stems of the derived forms of ``word`` other than its own stem; only those in ``vocabulary`` if given."""
    own = word_key(word)
    terms: list[str] = []
    for form in candidates(word):
        key = word_key(form)
        if key and key != own and key not in terms and (vocabulary is None or key in vocabulary):
            terms.append(key)
    return terms
