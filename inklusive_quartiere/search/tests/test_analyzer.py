"""The German analyzer: stems, umlaut and ß folding, compound parts, stop words, typo distance."""

import pytest

from inklusive_quartiere.search.analyzer import (
    analyze_query,
    document_terms,
    fold,
    split_compound,
    within_one_edit,
    word_terms,
)


def first(word):
    return word_terms(word)[0]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Quartier", "Quartiere"),
        ("Quartier", "Quartiers"),
        ("Quartier", "Quartieren"),
        ("Spielplatz", "Spielplätze"),
        ("Haus", "Häuser"),
        ("Garten", "Gärten"),
        ("Treff", "Treffs"),
        ("Nachbarschaft", "Nachbarschaften"),
        ("Beteiligung", "Beteiligungen"),
    ],
)
def test_inflections_share_a_stem(a, b):
    assert first(a) == first(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Straße", "Strasse"),
        ("Müller", "Mueller"),
        ("Begegnungsstätte", "Begegnungsstaette"),
        ("Bürgerbus", "Buergerbus"),
        ("Öffnung", "Oeffnung"),
        ("Café", "Cafe"),
    ],
)
def test_umlaut_and_sharp_s_spellings_are_equal(a, b):
    assert first(a) == first(b)


def test_fold():
    assert fold("Straßenfest Größe Übergänge") == "strassenfest groesse uebergaenge"


@pytest.mark.parametrize(
    ("word", "part"),
    [
        ("Nachbarschaftstreff", "Treff"),
        ("Quartiersentwicklung", "Quartier"),
        ("Quartiersentwicklung", "Entwicklung"),
        ("Gemeinschaftsgarten", "Garten"),
        ("Bürgerbeteiligung", "Beteiligung"),
        ("Straßenfest", "Fest"),
        ("Mehrgenerationenhaus", "Haus"),
        ("Seniorenbeirat", "Beirat"),
    ],
)
def test_compounds_contain_the_stems_of_their_parts(word, part):
    assert first(part) in word_terms(word)


def test_simple_words_are_not_split():
    assert split_compound("garten") == ()
    assert split_compound("quartier") == ()


def test_feminine_forms_meet_the_base_word():
    assert first("Seniorinnen") == first("Senioren") or first("Seniorinnen") == first("Senior")


def test_stop_words_are_dropped():
    assert document_terms("und die mit für das") == []
    assert [w.text for w in analyze_query("Treff für die Nachbarschaft")] == ["Treff", "Nachbarschaft"]


@pytest.mark.parametrize("query", ['"Quartier', "*", "-", "OR", "NEAR(a b)", "'; DROP TABLE x;--", "\x00\x1f", "%_%"])
def test_operator_characters_are_plain_text(query):
    for word in analyze_query(query):
        assert word.stem.isalnum()


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("garten", "garten", True),
        ("garten", "gartn", True),
        ("garten", "gartenn", True),
        ("garten", "gatren", True),
        ("garten", "gerten", True),
        ("garten", "gxrtxn", False),
        ("garten", "gar", False),
    ],
)
def test_within_one_edit(a, b, expected):
    assert within_one_edit(a, b) is expected
