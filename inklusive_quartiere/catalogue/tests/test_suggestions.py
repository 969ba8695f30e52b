"""Search suggestions (GET /suche/vorschlaege/): shape, matching, order, visibility, rate limit, hostile input."""

import json

import pytest
from django.contrib.sessions.models import Session
from django.test import Client

from inklusive_quartiere.catalogue import suggestions, views
from inklusive_quartiere.taxonomy.models import Category
from inklusive_quartiere.testing.support import factories
from inklusive_quartiere.testing.support.personas import make_member, make_office_user, signed_in
from inklusive_quartiere.thesaurus.models import ThesaurusEntry

pytestmark = pytest.mark.django_db

URL = "/suche/vorschlaege/"
MEMBERS_ONLY_TITLE = "Besuchsdienst von Nachbarn für Nachbarn"  # members-only in the demo content
PUBLIC_TITLE = "Nachbarschaftscafé im leerstehenden Ladenlokal"


def ask(client, q, **extra):
    response = client.get(URL, {"q": q} if q is not None else {}, **extra)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


def labels(data, kind=None):
    return [s["label"] for s in data["suggestions"] if kind is None or s["kind"] == kind]


def test_shape(client, demo):
    data = ask(client, "Nachbar")
    assert data["query"] == "Nachbar"
    assert 1 <= len(data["suggestions"]) <= suggestions.MAX_SUGGESTIONS
    for item in data["suggestions"]:
        assert set(item) == {"label", "kind", "url"}
        assert item["kind"] in {"steckbrief", "kategorie", "begriff"}
        assert item["url"].startswith("/")
    assert PUBLIC_TITLE in labels(data, "steckbrief")


def test_the_url_opens_the_steckbrief(client, demo):
    item = next(s for s in ask(client, "Nachbarschaftscafe")["suggestions"] if s["label"] == PUBLIC_TITLE)
    response = client.get(item["url"])
    assert response.status_code == 200
    assert PUBLIC_TITLE in response.content.decode()


@pytest.mark.parametrize(
    ("typed", "title"),
    [
        ("alt", None),
        ("älter", "Hitzeschutz-Patenschaften für allein lebende Ältere"),
        ("aelter", "Hitzeschutz-Patenschaften für allein lebende Ältere"),
        ("alter", "Hitzeschutz-Patenschaften für allein lebende Ältere"),
        ("strasse", "Straßenfest als Türöffner im Hochhausviertel"),
        ("STRASSENRAUM", "Straßenraum auf Zeit: Parklets und Schattenplätze im Quartier Am Rebhang"),
        ("turoff", "Straßenfest als Türöffner im Hochhausviertel"),
        ("cafe", "Reparatur-Café im Mehrgenerationenhaus am Sonnenhang"),
    ],
)
def test_prefix_on_folded_words(client, demo, typed, title):
    found = labels(ask(client, typed), "steckbrief")
    if typed == "alt":
        # "alt" starts "alte" (Zukunftswerkstatt Alte Schule) and, with base letters, "Ältere"/"älteren".
        assert any("Älter" in t or "älter" in t for t in found), found
    else:
        assert title in found, found


def test_every_word_must_match(client, demo):
    assert labels(ask(client, "nachbar leer"), "steckbrief") == [PUBLIC_TITLE]
    assert labels(ask(client, "leer nachbar"), "steckbrief") == [PUBLIC_TITLE]
    assert labels(ask(client, "nachbar zzzz"), "steckbrief") == []


def test_titles_beginning_with_the_word_come_first_then_alphabetical(client, demo):
    found = labels(ask(client, "nachbar"), "steckbrief")
    begins = [t for t in found if t.lower().startswith("nachbar")]
    assert begins and found[: len(begins)] == begins
    assert begins == sorted(begins, key=suggestions.fold)
    rest = found[len(begins) :]
    assert rest == sorted(rest, key=suggestions.fold)


def test_at_most_eight(client, demo):
    assert len(ask(client, "quartier")["suggestions"]) == suggestions.MAX_SUGGESTIONS


def test_categories_link_to_their_catalogue_page(client, demo):
    data = ask(client, "begegn")
    category = next(s for s in data["suggestions"] if s["kind"] == "kategorie")
    assert category["label"] == "Orte der Begegnung"
    slug = Category.objects.get(name="Orte der Begegnung").slug
    assert category["url"] == f"/steckbriefe/kategorie/{slug}/"
    assert client.get(category["url"]).status_code == 200


def test_visibility_guest_member_office(client, demo):
    assert MEMBERS_ONLY_TITLE not in labels(ask(client, "besuchsdienst"))
    # Nothing from the content; the office's own search term "Besuchsdienst" (thesaurus seed) is no content.
    assert [s for s in ask(client, "besuchsdienst")["suggestions"] if s["kind"] != "begriff"] == []
    assert MEMBERS_ONLY_TITLE in labels(ask(signed_in(make_member()), "besuchsdienst"))
    assert MEMBERS_ONLY_TITLE in labels(ask(signed_in(make_office_user("vorschlag-redaktion")), "besuchsdienst"))


def test_a_category_only_members_only_steckbriefe_use_is_not_suggested_to_guests(client, demo):
    secret = Category.objects.create(name="Geheimfach", slug="geheimfach")
    factories.make_steckbrief(title="Geheimes Vorhaben", slug="geheim", categories=[secret], members_only=True)
    assert labels(ask(client, "geheim")) == []
    member = labels(ask(signed_in(make_member()), "geheim"))
    assert "Geheimfach" in member and "Geheimes Vorhaben" in member


def test_a_new_steckbrief_is_suggested_after_publishing(client, demo):
    assert labels(ask(client, "Wunderkerze")) == []
    factories.make_steckbrief(title="Wunderkerzen-Werkstatt im Park", slug="wunderkerzen")
    assert labels(ask(client, "Wunderkerze")) == ["Wunderkerzen-Werkstatt im Park"]


def test_term_sources_plug_in(client, demo, monkeypatch):
    def thesaurus(prefix, limit):
        return [("Nachbarschaftshilfe", None), ("Nachbarschaftstreff", "/steckbriefe/?q=Nachbarschaftstreff")]

    def broken(prefix, limit):
        raise RuntimeError("source down")

    monkeypatch.setattr(suggestions, "TERM_SOURCES", [broken, thesaurus])
    data = ask(client, "nachbar")
    terms = [s for s in data["suggestions"] if s["kind"] == "begriff"]
    assert terms == [
        {"label": "Nachbarschaftshilfe", "kind": "begriff", "url": "/suche/?q=Nachbarschaftshilfe"},
        {"label": "Nachbarschaftstreff", "kind": "begriff", "url": "/steckbriefe/?q=Nachbarschaftstreff"},
    ]
    assert len(data["suggestions"]) <= suggestions.MAX_SUGGESTIONS


def test_register_term_source_adds_once(monkeypatch):
    monkeypatch.setattr(suggestions, "TERM_SOURCES", [])

    def source(prefix, limit):
        return []

    suggestions.register_term_source(source)
    suggestions.register_term_source(source)
    assert suggestions.TERM_SOURCES.count(source) == 1


def test_headers_private_and_no_cookie(client, demo):
    response = client.get(URL, {"q": "Nachbar"})
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert not response.cookies
    assert response.get("X-Page-Cache") != "hit"
    assert client.get(URL, {"q": "Nachbar"}).get("X-Page-Cache") != "hit"


def test_rate_limit_answers_429_in_json(client, demo, monkeypatch):
    monkeypatch.setattr(views, "SUGGEST_LIMIT_PER_MINUTE", 3)
    for _ in range(3):
        assert client.get(URL, {"q": "Nachbar"}).status_code == 200
    response = client.get(URL, {"q": "Nachbar"})
    assert response.status_code == 429
    assert "Zu viele Anfragen" in json.loads(response.content)["error"]
    assert "no-store" in response["Cache-Control"]
    # another client address has its own count
    assert Client(REMOTE_ADDR="192.0.2.77").get(URL, {"q": "Nachbar"}).status_code == 200


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_other_methods_405_json(client, demo, method):
    response = getattr(client, method)(URL, {"q": "Nachbar"})
    assert response.status_code == 405
    assert json.loads(response.content)["error"]
    assert "GET" in response["Allow"]


@pytest.mark.parametrize(
    "query",
    [
        "",
        "N",
        " ",
        "x" * 10_000,
        "Nachbar " * 2000,
        "\x00\x01\x1f\x7f",
        "Nach\x00bar",
        "😀🏠🤝",
        "Соседство",
        "الجيرة",
        "隣人",
        "'; DROP TABLE wagtailcore_page;--",
        "%_%*",
    ],
)
def test_bad_input_gives_a_clean_answer(client, demo, query):
    data = ask(client, query)
    assert isinstance(data["suggestions"], list)
    assert len(data["query"]) <= 200
    assert not any(ch in data["query"] for ch in "\x00\x01\x1f\x7f")


def test_empty_and_one_letter_give_no_suggestions(client, demo):
    assert ask(client, "")["suggestions"] == []
    assert ask(client, "N")["suggestions"] == []
    assert ask(client, None) == {"query": "", "suggestions": []}


@pytest.mark.parametrize("raw", ["q=%ED%A0%80", "q=%FF%FE", "q=%", "q", "q=a&q=", "%00=%00"])
def test_broken_query_strings(client, demo, raw):
    response = client.get(f"{URL}?{raw}")
    assert response.status_code == 200
    assert json.loads(response.content)["suggestions"] == []


def test_repeated_q(client, demo):
    response = client.get(URL + "?q=Nachbar&q=Quartier")
    assert response.status_code == 200
    assert json.loads(response.content)["suggestions"]


def test_control_characters_split_words(client, demo):
    assert PUBLIC_TITLE in labels(ask(client, "Nachbar\x00leer"))


def test_the_office_search_terms_are_suggested(client, demo):
    ThesaurusEntry.objects.create(term="Zauberwaldverein", synonyms="Märchenwaldgruppe")
    body = client.get(URL, {"q": "zauberw"}).json()
    terms = [s for s in body["suggestions"] if s["kind"] == "begriff"]
    assert [t["label"] for t in terms] == ["Zauberwaldverein"]
    assert terms[0]["url"] == "/suche/?q=Zauberwaldverein"
    # folded like the index: typed with or without the umlaut
    for typed in ("Märchenw", "maerchenw"):
        body = client.get(URL, {"q": typed}).json()
        assert [s["label"] for s in body["suggestions"] if s["kind"] == "begriff"] == ["Märchenwaldgruppe"]


def test_suggestions_do_not_renew_a_members_session_but_pages_do(demo):
    """Typing is no sign of presence: no session write per suggestion (it costs more than the answer), while every
    page request still renews the idle timeout (SESSION_SAVE_EVERY_REQUEST)."""
    member = signed_in(make_member("vorschlag-sitzung"))
    key = member.session.session_key
    expiry = Session.objects.get(session_key=key).expire_date
    response = member.get(URL, {"q": "nachbar"})
    assert response.status_code == 200 and response.json()["suggestions"]
    assert "sessionid" not in response.cookies
    assert Session.objects.get(session_key=key).expire_date == expiry
    assert member.get("/steckbriefe/").status_code == 200
    assert Session.objects.get(session_key=key).expire_date > expiry
