"""Highlighting and snippets: whole words marked, nothing added around punctuation, everything escaped."""

import unicodedata

from inklusive_quartiere.search.analyzer import analyze_query
from inklusive_quartiere.search.highlight import highlight, sentences, snippet


def terms(query: str) -> set[str]:
    out = set()
    for word in analyze_query(query):
        out.add(word.stem)
    return out


def test_whole_compound_word_marked_and_question_mark_attached():
    html = highlight("Wird das alte Gasthaus zur Begegnungsstätte?", terms("Begegnungsstätte"))
    assert html == "Wird das alte Gasthaus zur <mark>Begegnungsstätte</mark>?"


def test_umlauts_and_sharp_s_in_marked_words():
    assert highlight("Über die Straße.", terms("strasse")) == "Über die <mark>Straße</mark>."
    assert highlight("Öffentliche Räume", terms("Räume")) == "Öffentliche <mark>Räume</mark>"


def test_decomposed_umlaut_stays_inside_the_mark():
    text = unicodedata.normalize("NFD", "Die Begegnungsstätte, neu.")
    html = highlight(text, terms("Begegnungsstätte"))
    assert html == "Die <mark>Begegnungsstätte</mark>, neu."  # NFC: one word, comma outside, no space added


def test_match_at_start_and_end_of_text():
    assert highlight("Begegnung schafft Nähe", terms("Begegnung")) == "<mark>Begegnung</mark> schafft Nähe"
    assert highlight("Orte der Begegnung", terms("Begegnung")) == "Orte der <mark>Begegnung</mark>"


def test_punctuation_and_quotes_stay_outside_and_untouched():
    html = highlight("Thema „Begegnung“: (Begegnung)!", terms("Begegnung"))
    assert html == "Thema „<mark>Begegnung</mark>“: (<mark>Begegnung</mark>)!"


def test_neighbouring_matches_share_one_mark_but_not_across_other_words():
    assert highlight("Quartier Treff heute", terms("Quartier Treff")) == "<mark>Quartier Treff</mark> heute"
    assert highlight("Quartier, Treff", terms("Quartier Treff")) == "<mark>Quartier</mark>, <mark>Treff</mark>"


def test_html_is_escaped_inside_and_outside_marks():
    html = highlight('<b>Treff</b> & "Café"', terms("Treff"))
    assert html == "&lt;b&gt;<mark>Treff</mark>&lt;/b&gt; &amp; &quot;Café&quot;"
    assert "<script>" not in highlight("<script>Treff</script>", terms("Treff"))


def test_no_match_and_empty_text():
    assert highlight("Nichts davon", terms("Begegnung")) == "Nichts davon"
    assert highlight("", terms("Begegnung")) == ""


def test_sentences_split_at_full_stops_before_a_capital_only():
    assert sentences("Ein Satz. Noch einer! Und z. B. dies.") == ["Ein Satz.", "Noch einer!", "Und z. B. dies."]


def test_snippet_is_the_sentence_with_the_match():
    text = "Der Stadtteil ist alt. Die Begegnungsstätte wurde umgebaut. Vereine planten mit."
    assert snippet(text, terms("Begegnung")) == "Die <mark>Begegnungsstätte</mark> wurde umgebaut."


def test_snippet_without_match_is_the_first_sentence():
    assert snippet("Erster Satz. Zweiter Satz.", terms("Begegnung")) == "Erster Satz."


def test_long_sentence_is_cut_at_a_word_with_an_ellipsis_and_keeps_a_late_match():
    words = " ".join(["Wort"] * 80)
    html = snippet(f"{words} und die Begegnung am Ende", terms("Begegnung"), length=120)
    assert html.startswith("… ") and "<mark>Begegnung</mark>" in html
    assert len(html) < 160
    cut = snippet(f"Begegnung {words}", terms("Begegnung"), length=60)
    assert cut.startswith("<mark>Begegnung</mark>") and cut.endswith(" …") and " Wor …" not in cut
