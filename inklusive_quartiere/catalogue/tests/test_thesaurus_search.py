"""The thesaurus in the catalogue and the site search: a Steckbrief found through a synonym, "Meinten Sie …" as a
link, nothing members-only surfaced through a synonym or a suggested word, and odd input answered normally."""

import datetime

import pytest
from django.urls import reverse
from django.utils.html import strip_tags

from inklusive_quartiere.taxonomy.models import Category
from inklusive_quartiere.testing.support.factories import make_steckbrief
from inklusive_quartiere.testing.support.leaks import assert_absent
from inklusive_quartiere.testing.support.personas import make_member, signed_in
from inklusive_quartiere.thesaurus.models import ThesaurusEntry

pytestmark = pytest.mark.django_db

SEARCH = "/suche/"
CATALOGUE = "/steckbriefe/"
SECRET_WORD = "Zwitscherzirkel"  # only in the members-only Steckbrief
SECRET_TITLE = "Zwitscherzirkels Jahresplanung"
SYNONYM = "Quasselbude"


def context(response, url):
    return response.context["catalogue"] if url == CATALOGUE else response.context


def titles(response, url) -> list[str]:
    if url == CATALOGUE:
        return [strip_tags(str(item["title"])) for item in response.context["catalogue"]["items"]]
    return [item["page"].title for item in response.context["items"]]


@pytest.fixture
def secret(demo):
    ThesaurusEntry.objects.create(term=SECRET_WORD, synonyms=SYNONYM)
    return make_steckbrief(
        "Ulm",
        title=SECRET_TITLE,
        slug="zwitscherzirkel",
        summary=f"Der {SECRET_WORD} trifft sich intern.",
        start_date=datetime.date(2023, 5, 1),
        description="",
        steps=0,
        categories=[Category.objects.first()],
        members_only=True,
    )


@pytest.mark.parametrize("url", [SEARCH, CATALOGUE])
def test_a_synonym_finds_the_steckbrief_that_uses_the_preferred_term(client, demo, url):
    """No demo Steckbrief says "Rentner"; several say "ältere Menschen" or "Seniorinnen und Senioren"."""
    slug = Category.objects.get(name="Gutes Älterwerden im Quartier").slug  # fewer than a page of results
    response = client.get(url, {"q": "Rentner", "kategorie": slug})
    found = titles(response, url)
    if url == CATALOGUE:
        assert "Wohnen für Hilfe: Studierende ziehen bei älteren Menschen ein" in found
    else:
        assert "Tablet-Tandems: Jugendliche begleiten Seniorinnen und Senioren ins Netz" in found
    assert not context(response, url)["unmatched"]


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("Migranten", "Sprachcafé im Rathausfoyer: Deutsch üben mit Nachbarinnen und Nachbarn"),  # members-only
        ("Gemeinschaftsgärten", "Gemeinschaftsgarten auf Zeit: Urban Gardening auf einer Brachfläche"),
        ("leerstehend", "Zukunftswerkstatt Alte Schule: vom Leerstand zum Begegnungsort"),
    ],
)
def test_synonyms_and_derived_forms_in_the_catalogue(client, demo, query, title):
    member = signed_in(make_member("thesaurus-mitglied"))
    assert title in titles(member.get(CATALOGUE, {"q": query}), CATALOGUE)


def test_meinten_sie_offers_the_preferred_term_as_a_link_and_keeps_the_filters(client, demo):
    category = Category.objects.get(name="Gutes Älterwerden im Quartier")
    response = client.get(CATALOGUE, {"q": "Rentner", "kategorie": category.slug})
    offer = response.context["catalogue"]["did_you_mean"]
    assert offer["text"] == "ältere Menschen"
    assert "q=%C3%A4ltere+Menschen" in offer["url"] and f"kategorie={category.slug}" in offer["url"]
    html = response.content.decode()
    assert "Meinten Sie:" in html and ">ältere Menschen</a>" in html

    response = client.get(SEARCH, {"q": "Rentner"})
    assert response.context["did_you_mean"]["url"] == reverse("search") + "?q=%C3%A4ltere+Menschen"


@pytest.mark.parametrize("url", [SEARCH, CATALOGUE])
def test_meinten_sie_for_a_typo_names_the_word_as_written(client, demo, url):
    response = client.get(url, {"q": "Sozialraumanalyze"})
    assert context(response, url)["did_you_mean"]["text"] == "Sozialraumanalyse"


@pytest.mark.parametrize("url", [SEARCH, CATALOGUE])
def test_no_meinten_sie_when_the_words_already_find_everything(client, demo, url):
    response = client.get(url, {"q": "Sozialraumanalyse"})
    assert not context(response, url)["did_you_mean"]
    assert "Meinten Sie" not in response.content.decode()


@pytest.mark.parametrize("url", [SEARCH, CATALOGUE])
def test_a_synonym_never_surfaces_a_members_only_steckbrief_to_outsiders(client, secret, url):
    response = client.get(url, {"q": SYNONYM})
    assert_absent(response, SECRET_TITLE, SECRET_WORD, control=[f'value="{SYNONYM}"'])
    assert context(response, url)["unmatched"] == [SYNONYM]
    assert not context(response, url).get("did_you_mean")
    member = signed_in(make_member("zwitscher-mitglied"))
    assert SECRET_TITLE in titles(member.get(url, {"q": SYNONYM}), url)


@pytest.mark.parametrize("url", [SEARCH, CATALOGUE])
def test_meinten_sie_never_names_a_word_only_members_only_pages_contain(client, secret, url):
    """A public Steckbrief uses the word in its body only: the visitor finds it through the typo, but the written
    form exists only in the members-only title and summary, so nothing is offered; a member is offered it."""
    make_steckbrief(
        "Ulm",
        title="Öffentliches Vorhaben",
        slug="oeffentliches-vorhaben",
        summary="Ein Vorhaben für alle.",
        description=f"<p>Mit dem {SECRET_WORD} abgestimmt.</p>",
        steps=0,
    )
    typo = "Zwitscherzirkl"
    response = client.get(url, {"q": typo})
    assert_absent(response, SECRET_TITLE, "Zwitscherzirkels", control=[f'value="{typo}"'])
    assert "Öffentliches Vorhaben" in titles(response, url)
    assert not context(response, url)["did_you_mean"]
    member = signed_in(make_member("zwitscher-mitglied"))
    response = member.get(url, {"q": typo})
    assert context(response, url)["did_you_mean"]["text"] in (SECRET_WORD, "Zwitscherzirkels")


@pytest.mark.parametrize("url", [SEARCH, CATALOGUE])
@pytest.mark.parametrize(
    "query", ["Senioren " * 1500, "ä" * 10_000, "\x00\x07\x1b[31m Kita \x7f", "🙂🏡🚲", "PV PV PV"]
)
def test_odd_queries_give_a_normal_page(client, demo, url, query):
    response = client.get(url, {"q": query})
    assert response.status_code == 200
    assert len(context(response, url)["query"] if url == SEARCH else response.context["catalogue"]["query"].text) <= 200


@pytest.mark.parametrize("url", [SEARCH, CATALOGUE])
def test_a_new_entry_reaches_the_cached_pages_of_anonymous_visitors(client, demo, url):
    title = "Kühle Orte und Trinkpatenschaften: Hitzeschutz für Ältere im Kurort"
    client.get(url, {"q": SYNONYM})
    cached = client.get(url, {"q": SYNONYM})
    assert cached["X-Page-Cache"] == "hit" and title not in cached.content.decode()
    ThesaurusEntry.objects.create(term="Trinkpatenschaft", synonyms=SYNONYM)
    response = client.get(url, {"q": SYNONYM})
    assert response["X-Page-Cache"] == "miss"
    assert title in strip_tags(response.content.decode())
