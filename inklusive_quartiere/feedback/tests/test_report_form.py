"""The public "Barriere melden" form: page, validation, storing and mailing, spam protection, bad input."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client

from inklusive_quartiere.feedback import spam
from inklusive_quartiere.feedback.models import BarrierReport

from .helpers import THANKS, URL, report_data, token_from

pytestmark = pytest.mark.django_db


def _html(response) -> str:
    return response.content.decode()


def _token_in(html: str) -> str:
    return re.search(rf'name="{spam.FORM_TIME_FIELD}" value="([^"]+)"', html).group(1)


# -- the page -------------------------------------------------------------------------------------------
def test_form_page_in_site_design_with_labels_hints_and_privacy_note(client, demo):
    response = client.get(URL)
    html = _html(response)
    assert response.status_code == 200
    assert "<title>Barriere melden – Inklusive Quartiere</title>" in html
    assert 'class="iq-header' in html  # the site's own chrome
    assert '<li><span aria-current="page">Barriere melden</span></li>' in html  # breadcrumbs
    assert '<h1 class="kern-heading kern-heading-x-large">Barriere melden</h1>' in html
    assert '<label class="kern-label" for="id_description">Was funktioniert nicht?</label>' in html
    assert 'aria-describedby="id_description-hinweis"' in html  # the hint is read with the field
    assert 'autocomplete="name"' in html and 'autocomplete="email"' in html
    assert "<legend" in html and 'type="radio"' in html and 'type="checkbox"' in html
    form = re.search(r'<form method="post" action="/barriere-melden/".*?</form>', html, re.S).group(0)
    assert "maxlength" not in form  # pasted text is never cut off unnoticed
    assert "in der Regel innerhalb von zwei Wochen" in html
    assert "Ihre IP-Adresse speichern wir nicht" in html
    assert 'href="/datenschutz/"' in html
    # Alternatives from the site's contact settings (demo: redaktion@example.org).
    assert 'href="mailto:redaktion@example.org"' in html
    assert 'href="tel:0000000000"' in html


def test_honeypot_hidden_from_people_and_assistive_technology(client, demo):
    html = _html(client.get(URL))
    block = re.search(r'<div class="kern-sr-only" aria-hidden="true">(.*?)</div>', html, re.S).group(1)
    assert f'<label for="id_{spam.HONEYPOT_FIELD}">' in block
    field = re.search(r"<input[^>]*>", block).group(0)
    assert f'name="{spam.HONEYPOT_FIELD}"' in field
    assert 'tabindex="-1"' in field and 'autocomplete="off"' in field


def test_get_sets_no_cookie_except_csrf_and_is_never_cached(client, demo):
    response = client.get(URL)
    assert set(response.cookies) <= {"csrftoken"}
    assert "no-store" in response["Cache-Control"]
    thanks = client.get(THANKS)
    assert thanks.status_code == 200 and set(thanks.cookies) == set()


def test_prefill_from_seite_only_for_local_paths(client, demo):
    assert 'value="/projekt/foerderung/"' in _html(client.get(URL, {"seite": "/projekt/foerderung/"}))
    for foreign in ["https://evil.example/x", "//evil.example/x", "javascript:alert(1)", "/\\evil.example"]:
        html = _html(client.get(URL, {"seite": foreign}))
        assert "evil.example" not in html and "javascript:" not in html


# -- a valid report -------------------------------------------------------------------------------------
def test_valid_report_is_stored_and_mailed_to_the_office(client, demo):
    response = client.post(URL, report_data())
    assert response.status_code == 302 and response["Location"] == THANKS
    report = BarrierReport.objects.get()
    assert report.page_url == "/projekt/"
    assert report.kind == "tastatur" and report.wants_reply and report.email == "kim@example.org"
    assert report.status == BarrierReport.Status.NEW and report.site is not None
    assert report.mail_sent_at is not None and report.mail_attempts == 1 and report.last_mail_error == ""
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["redaktion@example.org"]  # core SiteSettings of the demo site
    assert message.reply_to == ["kim@example.org"]  # the office answers with one click; nothing goes to Kim
    assert "Barriere-Meldung Nr." in message.subject and "Tastatur" in message.subject
    assert "Das Menü lässt sich mit der Tastatur nicht öffnen." in message.body
    assert "http://localhost/projekt/" in message.body
    assert f"/admin/barriere_meldungen/edit/{report.pk}/" in message.body
    thanks = _html(client.get(THANKS))
    assert "in der Regel innerhalb von zwei Wochen" in thanks
    assert "Eine automatische Eingangsbestätigung per E-Mail verschicken wir nicht." in thanks


def test_minimal_report_needs_only_a_description(client, demo):
    data = report_data(page_url="", kind="", name="", email="", wants_reply=None)
    assert client.post(URL, data).status_code == 302
    report = BarrierReport.objects.get()
    assert (report.page_url, report.kind, report.email, report.wants_reply) == ("", "", "", False)


def test_full_url_of_this_site_is_accepted(client, demo):
    for url in ["http://testserver/projekt/", "https://localhost/steckbriefe/?q=x"]:
        assert client.post(URL, report_data(page_url=url)).status_code == 302
    assert BarrierReport.objects.count() == 2


# -- field errors ---------------------------------------------------------------------------------------
def test_empty_form_shows_error_summary_and_marks_fields(client, demo):
    response = client.post(URL, {spam.FORM_TIME_FIELD: token_from(60)})
    html = _html(response)
    assert response.status_code == 200
    assert html.count('class="kern-alert kern-alert--danger iq-error-summary"') == 1
    assert "<title>Fehler: Barriere melden" in html
    assert (
        '<a class="kern-link" href="#id_description">Was funktioniert nicht?: Bitte beschreiben Sie die Barriere.'
        in html
    )
    textarea = re.search(r"<textarea[^>]*>", html).group(0)
    assert 'aria-invalid="true"' in textarea
    assert 'aria-describedby="id_description-hinweis id_description-fehler"' in textarea
    assert 'id="id_description-fehler"' in html
    assert BarrierReport.objects.count() == 0 and mail.outbox == []


def test_reply_wanted_needs_an_email_address(client, demo):
    html = _html(client.post(URL, report_data(email="")))
    assert 'href="#id_email"' in html and "damit wir Ihnen antworten können" in html
    assert BarrierReport.objects.count() == 0


def test_invalid_email_and_kind_are_field_errors(client, demo):
    html = _html(client.post(URL, report_data(email="keine-adresse", kind="erfunden")))
    assert 'href="#id_email"' in html and 'href="#id_kind_0"' in html
    assert 'id="id_kind_0"' in html  # the summary's link has a target
    assert BarrierReport.objects.count() == 0


def test_overlong_input_is_a_field_error_and_the_text_is_kept(client, demo):
    long_text = "Barriere " * 500  # 4,500 characters
    html = _html(client.post(URL, report_data(description=long_text, name="N" * 201, page_url="/" + "a" * 500)))
    assert 'href="#id_description"' in html and 'href="#id_name"' in html and 'href="#id_page_url"' in html
    assert "höchstens 4000 Zeichen" in html
    assert long_text.strip() in html
    assert BarrierReport.objects.count() == 0


@pytest.mark.parametrize(
    "page_url",
    [
        "https://evil.example/projekt/",
        "//evil.example/projekt/",
        "https://testserver@evil.example/",
        "https://testserver.evil.example/",
        "javascript:alert(1)",
        "ftp://testserver/x",
        "/\\evil.example",
        "http://testserver:99999/",
        "projekt",
    ],
)
def test_page_url_of_another_host_is_rejected(client, demo, page_url):
    html = _html(client.post(URL, report_data(page_url=page_url)))
    assert 'href="#id_page_url"' in html and "Bitte geben Sie eine Seite dieser Website an" in html
    assert BarrierReport.objects.count() == 0


def test_more_than_three_links_is_refused(client, demo):
    links = " ".join(f"https://spam{i}.example/" for i in range(4))
    html = _html(client.post(URL, report_data(description=f"Billig kaufen {links}")))
    assert 'href="#id_description"' in html and "höchstens 3 Links" in html
    assert BarrierReport.objects.count() == 0
    three = " ".join(f"www.beispiel{i}.example" for i in range(3))
    assert client.post(URL, report_data(description=f"Diese Seiten sind betroffen: {three}")).status_code == 302


def test_control_characters_are_removed(client, demo):
    data = report_data(description="Text\x00 mit\x07 Steuer\u202ezeichen\r\nZweite Zeile\x1b", name="Kim\nBeispiel\t")
    assert client.post(URL, data).status_code == 302
    report = BarrierReport.objects.get()
    assert report.description == "Text mit Steuerzeichen\nZweite Zeile"
    assert report.name == "Kim Beispiel"


def test_script_text_is_stored_as_text_and_shown_escaped(client, demo):
    script = '<script>alert("x")</script>'
    # Re-shown after an error: escaped.
    html = _html(client.post(URL, report_data(description=script, email="")))
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    # Stored verbatim, mailed escaped.
    assert client.post(URL, report_data(description=script, name="<b>Kim</b>")).status_code == 302
    report = BarrierReport.objects.get()
    assert report.description == script and report.name == "<b>Kim</b>"
    body = mail.outbox[0].body
    assert "<script" not in body and "<b>" not in body and "&lt;script&gt;" in body


# -- spam protection ------------------------------------------------------------------------------------
def test_filled_honeypot_is_rejected_silently(client, demo):
    response = client.post(URL, report_data(**{spam.HONEYPOT_FIELD: "https://spam.example"}))
    assert response.status_code == 302 and response["Location"] == THANKS  # looks like success
    assert BarrierReport.objects.count() == 0 and mail.outbox == []


def test_too_fast_shows_the_form_again_and_the_next_try_passes(client, demo):
    quick = token_from(1)
    response = client.post(URL, report_data(**{spam.FORM_TIME_FIELD: quick}))
    html = _html(response)
    assert response.status_code == 200
    assert "ungewöhnlich schnell abgeschickt" in html and "iq-error-summary" in html
    assert "Das Menü lässt sich mit der Tastatur nicht öffnen." in html  # nothing typed is lost
    assert _token_in(html) == quick  # the original time: waiting a moment is enough
    assert BarrierReport.objects.count() == 0 and mail.outbox == []


@pytest.mark.parametrize("token", ["expired", "tampered", "missing", "garbage"])
def test_expired_or_tampered_form_time_asks_to_send_again(client, demo, token):
    values = {
        "expired": token_from(60 * 60 * 24 + 60),
        "tampered": token_from(60).replace(":", ":9", 1),
        "missing": None,
        "garbage": "x" * 5000,
    }
    response = client.post(URL, report_data(**{spam.FORM_TIME_FIELD: values[token]}))
    html = _html(response)
    assert response.status_code == 200
    assert "zu lange geöffnet" in html and "noch einmal ab" in html
    assert "Das Menü lässt sich mit der Tastatur nicht öffnen." in html and 'value="kim@example.org"' in html
    assert spam.check_token(_token_in(html)).valid  # a fresh, genuine time for the next try
    assert BarrierReport.objects.count() == 0 and mail.outbox == []


def test_rate_limit_per_address_answers_429_and_keeps_the_text(client, demo):
    for _ in range(spam.LIMIT_PER_HOUR):
        assert client.post(URL, report_data()).status_code == 302
    response = client.post(URL, report_data(description="Die sechste Meldung."))
    html = _html(response)
    assert response.status_code == 429
    assert "Zu viele Meldungen" in html and "Die sechste Meldung." in html
    assert BarrierReport.objects.count() == spam.LIMIT_PER_HOUR
    # Another address is not affected; the addresses are kept only as keyed hashes.
    assert Client(REMOTE_ADDR="192.0.2.50").post(URL, report_data()).status_code == 302
    keys = " ".join(str(key) for key in cache._cache)  # LocMemCache in tests
    assert "feedback:rate:" in keys and "127.0.0.1" not in keys and "192.0.2.50" not in keys


def test_rate_limit_uses_the_forwarded_address_behind_a_trusted_proxy(client, demo, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]  # nginx on the same host; the test client comes from 127.0.0.1
    for _ in range(spam.LIMIT_PER_HOUR):
        client.post(URL, report_data(), HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert client.post(URL, report_data(), HTTP_X_FORWARDED_FOR="198.51.100.7").status_code == 429
    assert client.post(URL, report_data(), HTTP_X_FORWARDED_FOR="198.51.100.8").status_code == 302


# -- bad input never gives a 500 ------------------------------------------------------------------------
def test_garbage_posts_never_give_a_server_error(client, demo):
    token = token_from(60)
    attempts = [
        {"unbekannt": "x", "noch_eins": "y" * 1000},
        {"description": ["eins", "zwei"], "kind": ["tastatur", "medien"], spam.FORM_TIME_FIELD: token},
        {"description": "x", "wants_reply": "vielleicht", "email": "a@b", spam.FORM_TIME_FIELD: token},
        {"description": "x" * 200_000, "page_url": "\x00" * 1000, spam.FORM_TIME_FIELD: token},
        {"description": "ok", "email": "kim@example.org\r\nBcc: opfer@example.org", spam.FORM_TIME_FIELD: token},
        {"description": "ok", "page_url": "http://[::1/", spam.FORM_TIME_FIELD: token},
        {"description": "ok", "page_url": "http://[::1]:80/", spam.FORM_TIME_FIELD: token},
        {"description": "\ud7ff\U0010ffff", spam.FORM_TIME_FIELD: token},
    ]
    for data in attempts:
        assert client.post(URL, data).status_code < 500, data
    raw_bodies = [
        b"description=%ff%fe%00&kind=%c3%28",
        b"\xff\xfe\x00\x01",
        b"&&&===&",
        b"description=" + b"a" * 3_000_000,  # above Django's request size limit
        b"&".join(b"f%d=1" % i for i in range(2000)),  # above Django's field count limit
    ]
    for body in raw_bodies:
        response = client.generic("POST", URL, body, content_type="application/x-www-form-urlencoded")
        assert response.status_code < 500, body[:40]
    response = client.generic("POST", URL, b'{"description": "json"}', content_type="application/json")
    assert response.status_code < 500
    for query in ["\x00", "x" * 10_000, "%ff", "/ok?\ud7ff"]:
        assert client.get(URL, {"seite": query}).status_code == 200
    assert client.put(URL, "x").status_code == 405
    # The e-mail header injection above went nowhere: the address was refused.
    assert all("opfer@example.org" not in (m.reply_to or []) for m in mail.outbox)
