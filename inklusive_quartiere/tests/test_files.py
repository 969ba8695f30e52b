"""The one "visible files" helper (core/files.py): every page that lists documents or images drops what the
visitor may not see, labels what is members-only, and leaves out a section whose files are all hidden."""

import re

import pytest
from django.test import RequestFactory

from inklusive_quartiere.core.files import ShownFile, image_of_figure, shown_files
from inklusive_quartiere.core.models import ContentPage, HomePage
from inklusive_quartiere.events.tests.factories import (
    document,
    figure,
    image,
    make_event,
    member,
    members_collection,
    public_collection,
    raw,
)
from inklusive_quartiere.news.tests.factories import figure as news_figure
from inklusive_quartiere.news.tests.factories import make_news
from inklusive_quartiere.steckbriefe.tests.factories import make_steckbrief


def _request(user=None):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/")
    request.user = user or AnonymousUser()
    return request


def test_shown_files_keeps_order_drops_hidden_and_empty_and_flags_members_only(demo):
    open_doc = document("Offen", public_collection())
    closed_doc = document("Intern", members_collection())
    items = [closed_doc, None, open_doc]
    assert [shown.file for shown in shown_files(_request(), items)] == [open_doc]
    shown = shown_files(_request(member("files-member")), items)
    assert [(s.file, s.members_only) for s in shown] == [(closed_doc, True), (open_doc, False)]
    assert isinstance(shown[0], ShownFile) and shown[0].title == "Intern" and shown[0].url == closed_doc.url


def test_figures_are_judged_by_their_image(demo):
    hidden = image("Intern", members_collection())
    values = [{"image": hidden, "caption": "x"}, {"image": None}]
    assert shown_files(_request(), values, image_of_figure) == []


def test_one_query_for_the_hidden_collections_of_a_request(demo, django_assert_max_num_queries):
    docs = [document(f"Dok {n}", public_collection()) for n in range(5)]
    request = _request()
    with django_assert_max_num_queries(1):
        shown_files(request, docs)
        shown_files(request, docs)


# -- every page type: a section whose files are all hidden disappears --------------------------------------
def _event(docs, figures):
    page = make_event(slug="dateien", downloads=raw(*docs), gallery=raw(*figures))
    return page.url


def _steckbrief(docs, figures):
    page = make_steckbrief(slug="dateien", downloads=raw(*docs), gallery=raw(*figures))
    return page.url


def _content_page(docs, figures):
    body = [("downloads", {"heading": "Unterlagen zum Termin", "documents": [pk for _type, pk in docs]}), *figures]
    page = ContentPage(title="Dateien", slug="dateien", body=raw(*body))
    HomePage.objects.get().add_child(instance=page)
    page.save_revision().publish()
    return page.url


PAGE_TYPES = {"event": _event, "steckbrief": _steckbrief, "content-page": _content_page}


@pytest.mark.parametrize("make", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_section_with_only_hidden_files_disappears_for_visitors_and_shows_labelled_for_members(client, demo, make):
    closed_doc = document("Internes Protokoll Holunder", members_collection())
    closed_image = image("Internes Foto", members_collection())
    url = make([("document", closed_doc.pk)], [figure(closed_image, "Internes Foto Holunder")])

    html = client.get(url).content.decode()
    assert "Holunder" not in html
    assert 'id="downloads"' not in html and 'id="bilder"' not in html
    assert "Unterlagen zum Termin" not in html  # the downloads block's heading goes with its files
    assert 'class="iq-downloads"' not in html

    client.force_login(member("files-member"))
    html = client.get(url).content.decode()
    assert "Internes Protokoll Holunder" in html and "Internes Foto Holunder" in html
    item = re.search(r"<li><a href=[^>]*>Internes Protokoll Holunder</a>.*?</li>", html, re.S).group(0)
    assert "Nur für Mitglieder" in item


@pytest.mark.parametrize("make", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_public_files_show_for_visitors_without_label(client, demo, make):
    open_doc = document("Offenes Protokoll Schlehe", public_collection())
    url = make([("document", open_doc.pk)], [figure(image("Offen", public_collection()), "Offenes Foto Schlehe")])
    html = client.get(url).content.decode()
    assert "Offenes Protokoll Schlehe" in html and "Offenes Foto Schlehe" in html
    assert "Nur für Mitglieder" not in html


def test_news_lead_image_from_a_members_only_collection_is_left_out(client, demo):
    closed = image("Internes Titelbild", members_collection())
    make_news("Meldung mit internem Bild", image=news_figure(closed, "Titelbild Wacholderdrossel"), slug="bild")
    html = client.get("/neuigkeiten/").content.decode()
    assert "Meldung mit internem Bild" in html and "Wacholderdrossel" not in html
