"""The header's phone menu button, "Abmelden" for signed-in visitors, and the search form on the 404 page."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

pytestmark = pytest.mark.django_db


def header_of(html: str) -> str:
    return html.split('<header class="iq-header">', 1)[1].split("</header>", 1)[0]


def test_menu_button_is_hidden_without_javascript_and_the_blocking_script_marks_js(client, demo):
    html = client.get("/").content.decode()
    head = html.split("</head>", 1)[0]
    # js-enabled.js is loaded without defer, before the style sheet: the collapsed state applies without a flash.
    script = head.split('js-enabled.js"', 1)[1].split(">", 1)[0]
    assert "defer" not in script and "async" not in script
    assert head.index("js-enabled.js") < head.index("main.css")
    header = header_of(html)
    button = header.split('id="kopf-menue-knopf"', 1)[1].split(">", 1)[0]
    assert 'type="button"' in button and 'aria-expanded="false"' in button and " hidden" in button
    assert 'id="kopf-werkzeuge"' in header and 'id="hauptnavigation"' in header


def test_anonymous_header_offers_sign_in_and_carries_no_csrf_token(client, demo):
    response = client.get("/projekt/")
    header = header_of(response.content.decode())
    assert ">Anmelden</a>" in header and "Abmelden" not in header
    assert "csrfmiddlewaretoken" not in response.content.decode()  # the page stays cacheable for everybody
    assert response["X-Page-Cache"] in ("miss", "hit")


def test_signed_in_header_has_my_area_and_a_logout_form(demo):
    user = User.objects.create_user("mitglied-kopf", password="x" * 16)
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    response = client.get("/projekt/")
    assert "private" in response["Cache-Control"]
    assert response.get("X-Page-Cache") in (None, "skip")  # never stored, never served from the cache
    header = header_of(response.content.decode())
    assert ">Mein Bereich</a>" in header
    form = header.split('<form class="iq-header__logout"', 1)[1].split("</form>", 1)[0]
    assert 'method="post"' in form and 'action="/abmelden/"' in form
    assert 'name="csrfmiddlewaretoken"' in form and ">Abmelden</button>" in form
    token = form.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    response = client.post("/abmelden/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_404_page_has_a_search_form_and_useful_links(client, demo):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    html = response.content.decode()
    main = html.split('<main id="inhalt"', 1)[1].split("</main>", 1)[0]
    form = main.split("<form", 1)[1].split("</form>", 1)[0]
    assert 'action="/suche/"' in form and 'method="get"' in form
    assert 'id="not-found-q"' in form and 'name="q"' in form
    assert '<label class="kern-label" for="not-found-q">' in form
    assert 'href="/"' in main and 'href="/steckbriefe/"' in main
