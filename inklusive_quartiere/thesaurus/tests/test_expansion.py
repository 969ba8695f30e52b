"""Query expansion: synonyms both ways, abbreviations, loan words, narrower terms one way, multi-word phrases,
derived forms, the limit per word, and the per-process table that follows the content token."""

import pytest

from inklusive_quartiere.core.content_token import ContentToken
from inklusive_quartiere.search.analyzer import analyze_query
from inklusive_quartiere.thesaurus import expansion
from inklusive_quartiere.thesaurus.derivation import derived_terms
from inklusive_quartiere.thesaurus.expansion import (
    MAX_ALTERNATIVES,
    expand,
    get_table,
    preferred_rewrite,
    table_from_rows,
)
from inklusive_quartiere.thesaurus.models import ThesaurusEntry
from inklusive_quartiere.thesaurus.terms import term_key

TABLE = table_from_rows(
    [
        ("ältere Menschen", "Senioren\nRentner", "Hochbetagte"),
        ("Kita", "Kindertagesstätte", ""),
        ("Photovoltaik", "PV\nSolaranlage", ""),
        ("Community", "Gemeinschaft", ""),
        ("Kinderbetreuung", "", "Kita\nTagesmutter"),
    ]
)


def alternatives(query: str, table=TABLE, vocabulary=frozenset()) -> list[set[tuple[str, ...]]]:
    return [set(word.alternatives) for word in expand(analyze_query(query), table=table, vocabulary=vocabulary)]


def key(text: str) -> tuple[str, ...]:
    return term_key(text)


def test_a_synonym_finds_the_preferred_term_and_back():
    assert key("ältere Menschen") in alternatives("Senioren")[0]
    assert key("Rentner") in alternatives("Senioren")[0]
    assert key("Senioren") in alternatives("Rentnerinnen")[0]  # any form with the same stem


def test_abbreviation_and_loan_word():
    assert key("Photovoltaik") in alternatives("PV")[0]
    assert key("PV") in alternatives("Photovoltaik")[0]
    assert key("Gemeinschaft") in alternatives("Community")[0]
    assert key("Community") in alternatives("Gemeinschaft")[0]
    assert key("Kindertagesstätte") in alternatives("Kitas")[0]  # a plural "s" the stemmer keeps


def test_narrower_terms_one_way_only():
    assert key("Tagesmutter") in alternatives("Kinderbetreuung")[0]
    assert key("Hochbetagte") in alternatives("Senioren")[0]  # narrower than the whole group
    assert key("Kinderbetreuung") not in alternatives("Tagesmutter")[0]
    assert key("ältere Menschen") not in alternatives("Hochbetagte")[0]


def test_a_multi_word_phrase_passes_its_alternatives_to_each_word():
    first, second = alternatives("ältere Menschen")
    assert key("Senioren") in first and key("Senioren") in second
    assert not alternatives("Menschen")[0]  # a word of a phrase alone is not the phrase


def test_a_phrase_within_a_longer_query():
    words = alternatives("Treffpunkt für ältere Menschen")
    assert not words[0]
    assert key("Senioren") in words[1] and key("Senioren") in words[2]


@pytest.mark.parametrize(
    ("query", "derived"),
    [
        ("beteiligt", "Beteiligung"),
        ("Leerstand", "leerstehend"),
        ("leerstehende", "Leerstand"),
        ("Digitalisierung", "digitalisieren"),
        ("digitalisiert", "Digitalisierung"),
        ("Partizipation", "partizipieren"),
        ("geplant", "Planung"),
        ("Planung", "planen"),
        ("Entwicklung", "entwickelt"),
        ("entwickelt", "Entwicklung"),
        ("Bestand", "bestehend"),
        ("städtisch", "Stadt"),
        ("künstlerisch", "Künstler"),
        ("fachlich", "Fach"),
    ],
)
def test_derived_forms(query, derived):
    target = key(derived)[0]
    assert key(query)[0] != target  # the stemmer alone keeps them apart
    assert target in derived_terms(query)
    assert (target,) in alternatives(query, table=table_from_rows([]), vocabulary={target})[0]


@pytest.mark.parametrize(
    ("word", "other"),
    [
        ("Beteiligung", "beteiligen"),
        ("barrierefrei", "Barrierefreiheit"),
        ("ehrenamtlich", "Ehrenamt"),
        ("Gesundheit", "gesund"),
        ("Erreichbarkeit", "erreichbar"),
    ],
)
def test_pairs_the_stemmer_joins_need_no_rule(word, other):
    assert key(word) == key(other)
    assert key(other)[0] not in derived_terms(word)


def test_derived_forms_only_when_the_index_holds_them():
    assert not alternatives("Leerstand", table=table_from_rows([]), vocabulary=set())[0]


def test_no_more_than_the_limit_per_word():
    big = table_from_rows([("Quartier", "\n".join(f"Viertel{i}x" for i in range(30)), "")])
    assert len(alternatives("Quartier", table=big)[0]) == MAX_ALTERNATIVES


def test_queries_without_thesaurus_words_stay_as_they_are():
    words = analyze_query("Sozialraumanalyse Ulm")
    assert [w.alternatives for w in expand(words, table=TABLE, vocabulary=frozenset())] == [(), ()]
    assert expand([], table=TABLE) == []


def test_the_preferred_term_for_meinten_sie():
    assert preferred_rewrite("Rentner in Ulm", table=TABLE) == "ältere Menschen in Ulm"
    assert preferred_rewrite("PV auf dem Dach", table=TABLE) == "Photovoltaik auf dem Dach"
    assert preferred_rewrite("ältere Menschen", table=TABLE) is None  # already the preferred term
    assert preferred_rewrite("Tagesmutter", table=TABLE) is None  # narrower terms are not rewritten


@pytest.mark.django_db
def test_the_table_follows_the_content_token_without_restart():
    """Two processes: each keeps its own table keyed by the token; a saved entry moves the token, and the next
    request of every process rebuilds (simulated by dropping this process's module state in between)."""
    before = get_table()
    assert (("quasselbud",) not in before.alternatives) and before is get_table()
    entry = ThesaurusEntry.objects.create(term="Plauderstube", synonyms="Quasselbude")
    token = ContentToken.current()
    assert token != before.token
    after = get_table()
    assert after.token == token
    assert key("Plauderstube") in after.alternatives[key("Quasselbude")]
    other_process = expansion.build_table(token)  # a second worker building from the same rows
    assert other_process.alternatives == after.alternatives

    entry.active = False
    entry.save()
    assert key("Quasselbude") not in get_table().alternatives
    entry.delete()
    assert get_table().token == ContentToken.current()
