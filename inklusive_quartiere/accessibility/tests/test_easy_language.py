"""The automatic Leichte Sprache check, and the demo texts passing it."""

import pytest

from inklusive_quartiere.accessibility import easy_language
from inklusive_quartiere.accessibility.models import EasyLanguagePage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "text",
    [
        "Es gibt viele Themen, z. B. Wohnen.",
        "Sie finden Termine, Filme usw.",
        "Die Stadt bzw. die Gemeinde hilft.",
        "Das Quartier wird von der Stadt geplant.",
        "Die Website wurde neu gebaut.",
        "Das ist gemacht worden.",
        "Das ist gut; das ist schlecht.",
        "Es gibt drei Filme.",
        "Diese Website erklärt Ihnen heute ganz genau und in aller Ruhe sehr viele neue und wichtige Dinge.",
    ],
)
def test_check_finds_broken_rules(text):
    assert easy_language.problems(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Es gibt 3 Filme.",
        "Zum Beispiel: Wie lernen sich Nachbarn besser kennen?",
        "Die Quartiers·entwicklung ist wichtig.\nWir werden Ihnen helfen.",
        "Sie können die Datei speichern.",
    ],
)
def test_check_accepts_plain_sentences(text):
    assert easy_language.problems(text) == []


def test_sentences_split_at_line_breaks_and_sentence_ends():
    assert easy_language.sentences("Eins. Zwei!\nDrei: vier") == ["Eins.", "Zwei!", "Drei:", "vier"]
    assert easy_language.word_count("Die Stadt·Labore in Baden-Württemberg.") == 4


def test_demo_texts_follow_the_rules(demo):
    pages = list(EasyLanguagePage.objects.all())
    assert len(pages) == 4
    found = []
    for page in pages:
        texts = list(easy_language.page_texts(page))
        assert len(texts) > 5, page.slug
        for text in texts:
            found += [f"{page.slug}: {problem}" for problem in easy_language.problems(text)]
    assert found == []


def test_demo_texts_explain_hard_words(demo):
    terms = {
        block.value["term"]
        for page in EasyLanguagePage.objects.all()
        for block in page.body
        if block.block_type == "term"
    }
    assert {"Quartier", "inklusiv", "Barriere", "Schlichtungs·stelle", "Bildschirm·leser"} <= terms
