"""The components (core/templatetags/components.py): each example renders what it must, the examples page
exists only under the test settings, and no template writes a component's markup by hand again."""

import re
from pathlib import Path

import pytest
from django.template import Context, Template
from django.test import override_settings

from .component_examples import EXAMPLES, HEAD_EXAMPLE

PACKAGE = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("example", [*EXAMPLES, HEAD_EXAMPLE], ids=lambda e: e.name)
def test_example_renders_its_pieces(example):
    html = example.render()
    for piece in example.expected:
        assert piece in html, f"{example.name}: {piece!r} missing in\n{html}"


def _render(source, **context):
    return Template("{% load components %}" + source).render(Context(context))


def test_alert_without_title_has_no_header_and_escapes_nothing_of_its_body():
    html = _render('{% alert variant="warning" role="alert" %}<p class="kern-body">Gesperrt</p>{% endalert %}')
    assert "kern-alert__header" not in html
    assert '<div class="kern-alert__body"><p class="kern-body">Gesperrt</p></div>' in html
    assert "tabindex" not in html and "autofocus" not in html


def test_alert_escapes_its_parameters():
    html = _render("{% alert title=title %}x{% endalert %}", title="<b>Hinweis</b>")
    assert "&lt;b&gt;Hinweis&lt;/b&gt;" in html


def test_alert_refuses_positional_arguments():
    from django.template import TemplateSyntaxError

    with pytest.raises(TemplateSyntaxError):
        Template('{% load components %}{% alert "warning" %}x{% endalert %}')


def test_card_without_body_has_no_body_and_heading_level_follows_the_parameter():
    html = _render('{% card title="A" url="/a/" heading=3 %}{% endcard %}')
    assert "kern-card__body" not in html and "kern-card__media" not in html
    assert '<h3 class="kern-title">' in html
    assert '<h2 class="kern-title">' in _render('{% card title="A" url="/a/" %}{% endcard %}')


def test_contact_card_fields_override_the_person_and_missing_ones_leave_no_line():
    html = _render("{% contact_card person role='Leitung' %}", person={"name": "N", "role": "R", "phone": ""})
    assert "<strong>N</strong>" in html and "<br>Leitung" in html and "Telefon" not in html
    assert "erfundene Beispielperson" not in html


def test_contact_card_never_shows_the_persons_email():
    html = _render("{% contact_card person %}", person={"name": "N", "email": "geheim@example.org"})
    assert "geheim" not in html and "mailto:" not in html
    assert "mailto:a@example.org" in _render("{% contact_card person email='a@example.org' %}", person={"name": "N"})


def test_downloads_list_download_attribute_only_when_asked():
    class File:
        url, title, meta, members_only = "/v.mp4", "Video", "MP4, 3 MB", False

    assert " download>" not in _render("{% downloads_list files %}", files=[File()])
    assert 'href="/v.mp4" download>' in _render("{% downloads_list files download=True %}", files=[File()])


def test_members_badge_is_german_in_any_active_language():
    from django.utils import translation

    with translation.override("de"):
        assert "Nur für Mitglieder" in _render("{% members_badge %}")


# -- the examples page (test settings only) ----------------------------------------------------------------
def test_examples_page_shows_every_component(client, demo):
    response = client.get("/_komponenten/")
    assert response.status_code == 200
    html = response.content.decode()
    for example in EXAMPLES:
        assert f'id="beispiel-{example.name}"' in html
    assert '<meta property="og:type" content="article">' in html.split("</head>")[0]


def test_examples_page_does_not_exist_with_the_site_urls(client, demo):
    with override_settings(ROOT_URLCONF="inklusive_quartiere.urls"):
        assert client.get("/_komponenten/").status_code == 404


# -- one place per fragment -------------------------------------------------------------------------------
def _templates():
    for path in sorted(PACKAGE.rglob("templates/**/*.html")):
        relative = path.relative_to(PACKAGE).as_posix()
        if "/templates/components/" in relative:
            continue
        yield relative, path.read_text(encoding="utf-8")


HAND_WRITTEN = {
    "members badge": re.compile(r'class="kern-badge'),
    "alert": re.compile(r'class="kern-alert[ "]'),
    "Open Graph head": re.compile(r'property="og:'),
    "card": re.compile(r'<li class="kern-card"'),
    "contact card": re.compile(r'<address class="iq-contact'),
    "downloads list": re.compile(r'<ul class="iq-downloads"'),
    "site name": re.compile(r"Inklusive Quartiere"),
}
ALLOWED: set[tuple[str, str]] = set()


@pytest.mark.parametrize("fragment", HAND_WRITTEN, ids=str)
def test_no_template_writes_a_component_by_hand(fragment):
    pattern = HAND_WRITTEN[fragment]
    found = [name for name, text in _templates() if pattern.search(text) and (fragment, name) not in ALLOWED]
    assert found == [], f"{fragment}: use the component (docs/components.md) in {found}"


# -- the site name: one source -------------------------------------------------------------------------------
def test_site_name_comes_from_the_setting_everywhere(client, demo, settings):
    settings.WAGTAIL_SITE_NAME = "Quartiere Testname"
    settings.PAGE_CACHE_ENABLED = False
    home = client.get("/projekt/").content.decode()
    assert "– Quartiere Testname</title>" in home
    assert '<a class="iq-header__brand" href="/">Quartiere Testname <span>' in home
    assert '<h2 class="kern-heading kern-heading-small">Quartiere Testname</h2>' in home  # the footer
    search = client.get("/suche/").content.decode()
    assert "– Quartiere Testname</title>" in search
    steckbrief = client.get("/stadtlabore/bad-krozingen/hitzeschutz-kurort-kuehle-orte/").content.decode()
    assert '<meta property="og:site_name" content="Quartiere Testname">' in steckbrief


def test_error_pages_name_the_site_without_a_database(settings):
    from django.template.loader import render_to_string

    settings.WAGTAIL_SITE_NAME = "Quartiere Testname"
    for name in ("500.html", "503.html"):
        html = render_to_string(name)
        assert "– Quartiere Testname</title>" in html and "Inklusive Quartiere" not in html
