"""A news item's page: privacy, teaser validation, image, related Steckbriefe, JSON-LD, editor screens."""

import datetime
import json
import re

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from inklusive_quartiere.news.models import NewsCategory, NewsIndexPage, NewsPage
from inklusive_quartiere.steckbriefe.models import SteckbriefPage
from inklusive_quartiere.testing.accounts import login_verified
from inklusive_quartiere.testing.support.leaks import assert_absent

from .factories import figure, make_image, make_news, member, private, restrict_to_members

pytestmark = pytest.mark.django_db

SECRET_URL = "/neuigkeiten/netzwerktreffen-notizen/"


def test_members_only_item_sends_anonymous_visitors_to_sign_in(client, demo):
    response = client.get(SECRET_URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/anmelden/")
    assert "Netzwerktreffen" not in response.content.decode()


def test_members_only_item_is_shown_to_members_privately(client, demo):
    client.force_login(member())
    response = client.get(SECRET_URL)
    assert response.status_code == 200
    assert private(response), response.get("Cache-Control")
    html = response.content.decode()
    assert "Netzwerktreffen: Notizen aus dem internen Erfahrungsaustausch" in html
    assert "Nur für Mitglieder" in html
    assert "Beispielinhalt" in html
    # its picture lies in the members-only collection and is shown to members
    assert 'alt="Grafik: ein weißes Notizblatt' in html


def test_public_item_page(client, demo):
    response = client.get("/neuigkeiten/quartiersspaziergang-bruchsal/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert '<time datetime="2022-06-20">20. Juni 2022</time>' in html
    assert 'alt="Grafik: ein Weg zwischen zwei Bäumen' in html
    assert 'href="/neuigkeiten/?kategorie=aus-den-staedten"' in html
    assert "Beispielinhalt" in html
    assert "Nur für Mitglieder" not in html
    head = html.split("</head>")[0]
    assert 'type="application/atom+xml"' in head and 'type="application/rss+xml"' in head


def test_json_ld_news_article(client, demo):
    html = client.get("/neuigkeiten/plattform-online/").content.decode()
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(raw)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Die Plattform ist online"
    assert data["datePublished"] == "2020-05-14"
    assert data["url"] == "http://testserver/neuigkeiten/plattform-online/"
    assert data["image"].startswith("http://testserver/media/images/")
    assert "Beispielinhalt" not in html  # a factual item carries no example note


def test_json_ld_cannot_be_closed_by_a_title(client, demo):
    page = make_news("Titel </script><script>alert(1)</script>", slug="skript-titel")
    # the article and its structured data are there, the title cannot close the script element
    assert_absent(client.get(page.url), "</script><script>alert(1)", control=["application/ld+json", "skript-titel"])


def test_related_steckbriefe_only_those_the_visitor_may_see(client, demo):
    public = SteckbriefPage.objects.get(slug="nachbarschaftscafe-ladenlokal-bruchsal")
    secret = SteckbriefPage.objects.get(slug="mobile-wohnberatung-bruchsal")
    url = "/neuigkeiten/quartiersspaziergang-bruchsal/"
    html = client.get(url).content.decode()
    assert public.url in html
    assert secret.url not in html and secret.title not in html
    client.force_login(member())
    response = client.get(url)
    assert secret.url in response.content.decode()
    assert private(response)


def test_no_related_section_when_nothing_is_visible(client, demo):
    secret = SteckbriefPage.objects.get(slug="mobile-wohnberatung-bruchsal")
    page = make_news("Nur interner Verweis", related=[secret])
    assert_absent(client.get(page.url), "Passende Steckbriefe", control="Nur interner Verweis")


def test_unpublished_item_is_404(client, demo):
    page = make_news("Zurückgezogene Meldung")
    page.unpublish()
    assert client.get("/neuigkeiten/zurueckgezogene-meldung/").status_code == 404


# -- validation ---------------------------------------------------------------------------------------------
def _page(**fields) -> NewsPage:
    index = NewsIndexPage.objects.get()
    values = {"title": "Prüfmeldung", "slug": "pruefmeldung", "teaser": "Kurz.", "date": datetime.date(2024, 1, 1)}
    values.update(fields)
    page = NewsPage(**values)
    page.depth = index.depth + 1
    page.path = index.path + "9999"
    return page


def test_teaser_longer_than_300_characters_is_refused_in_german(demo):
    page = _page(teaser="x" * 301)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    messages = error.value.message_dict["teaser"]
    assert any("Der Anreißer darf höchstens 300 Zeichen lang sein (jetzt: 301)." in m for m in messages)


def test_teaser_of_300_characters_is_accepted(demo):
    _page(teaser="x" * 300).full_clean()


def test_teaser_and_date_are_required(demo):
    with pytest.raises(ValidationError) as error:
        _page(teaser="", date=None).full_clean()
    assert set(error.value.message_dict) >= {"teaser", "date"}


def test_date_defaults_to_today(demo):
    from django.utils import timezone

    assert NewsPage().date == timezone.localdate()


def test_image_needs_alt_text_or_decorative_choice(demo):
    image = make_image("Prüfbild")
    field = NewsPage._meta.get_field("image")
    value = field.stream_block.to_python(json.loads(figure(image, alt_text="")))
    with pytest.raises(Exception) as error:
        field.stream_block.clean(value)
    assert error.type.__name__.endswith("ValidationError")
    field.stream_block.clean(field.stream_block.to_python(json.loads(figure(image, alt_text="Ein Bild"))))


# -- editor ---------------------------------------------------------------------------------------------------
@pytest.fixture
def editor(client):
    user = User.objects.create_superuser("news-redaktion", "r@example.org", "x" * 16)
    login_verified(client, user)
    return client


def test_editor_can_open_the_create_form_and_the_category_snippets(editor, demo):
    index = NewsIndexPage.objects.get()
    response = editor.get(f"/admin/pages/add/news/newspage/{index.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Anreißer" in html and "Passende Steckbriefe" in html
    snippets = editor.get("/admin/snippets/news/newscategory/")
    assert snippets.status_code == 200
    assert "Veranstaltungen" in snippets.content.decode()
    from wagtail.admin.menu import admin_menu

    labels = {str(item.label) for item in admin_menu.registered_menu_items}
    assert "Kategorien für Neuigkeiten" in labels


def test_editor_gets_the_german_teaser_message_from_the_form(editor, demo):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    index = NewsIndexPage.objects.get()
    data = nested_form_data(
        {
            "title": "Zu langer Anreißer",
            "slug": "zu-lang",
            "date": "2024-01-01",
            "teaser": "y" * 320,
            "image": streamfield([]),
            "body": streamfield([]),
            "categories": [NewsCategory.objects.first().pk],
            "action-publish": "publish",
        }
    )
    response = editor.post(f"/admin/pages/add/news/newspage/{index.pk}/", data)
    assert response.status_code == 200
    assert "Der Anreißer darf höchstens 300 Zeichen lang sein (jetzt: 320)." in response.content.decode()
    assert not NewsPage.objects.filter(slug="zu-lang").exists()


def test_restriction_on_the_index_hides_every_item(client, demo):
    """Privacy on a section covers the items below it: the listing, items and feeds follow."""
    index = NewsIndexPage.objects.get()
    restrict_to_members(index)
    assert client.get("/neuigkeiten/").status_code == 302
    assert client.get("/neuigkeiten/plattform-online/").status_code == 302


def test_preview_of_unsaved_changes_renders(demo):
    """Previews carry the relations in memory (modelcluster); the page must render from them."""
    page = NewsPage.objects.get(slug="plattform-online")
    page.title = "Vorschau-Titel Holunder"
    page.set_related_steckbriefe([SteckbriefPage.objects.get(slug="nachbarschaftscafe-ladenlokal-bruchsal")])
    page.categories = [NewsCategory.objects.get(slug="filme")]
    response = page.make_preview_request()
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vorschau-Titel Holunder" in html
    assert "Nachbarschaftscafé im leerstehenden Ladenlokal" in html
    assert "?kategorie=filme" in html
