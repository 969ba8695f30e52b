"""The PDF's source line names the site's configured public address (set_site_url), never localhost."""

import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.template.loader import render_to_string
from django.test import RequestFactory, override_settings
from pypdf import PdfReader
from wagtail.models import Site

from inklusive_quartiere.steckbriefe.models import SteckbriefPage
from inklusive_quartiere.steckbriefe.pdf import render_steckbrief_pdf, source_url
from inklusive_quartiere.steckbriefe.presentation import detail_context

pytestmark = pytest.mark.django_db

PUBLIC = "https://inklusive-quartiere.example"


def _page():
    return SteckbriefPage.objects.live().public().order_by("pk").first()


def _pdf_html(page, request):
    """The HTML the PDF is drawn from (build_pdf renders this template with this context)."""
    context = detail_context(page, request)
    context.update({"page": page, "source_url": source_url(page, request), "retrieved": None})
    return render_to_string("steckbriefe/steckbrief_pdf.html", context, request=request)


def _request(host="127.0.0.1:8000"):
    request = RequestFactory().get("/", HTTP_HOST=host)
    request.user = AnonymousUser()
    return request


@override_settings(ALLOWED_HOSTS=["*"])
def test_source_line_uses_the_configured_site_url_whatever_host_the_request_came_in_on(demo):
    call_command("set_site_url", PUBLIC, stdout=open("/dev/null", "w"))  # noqa: SIM115
    page = _page()
    for host in ("127.0.0.1:8000", "localhost", "evil.example"):
        html = _pdf_html(page, _request(host))
        assert f"Quelle: {PUBLIC}{page.url}" in html
        assert "localhost" not in html and "127.0.0.1" not in html and "evil.example" not in html


@override_settings(WAGTAILADMIN_BASE_URL="https://admin.inklusive-quartiere.example")
def test_unconfigured_site_record_falls_back_to_the_admin_base_url(demo):
    assert Site.objects.get(is_default_site=True).hostname == "localhost"  # the state after migrate/load_demo
    page = _page()
    assert source_url(page, _request()) == f"https://admin.inklusive-quartiere.example{page.url}"


@override_settings(WAGTAILADMIN_BASE_URL="http://127.0.0.1:8000")
def test_nothing_configured_keeps_the_site_record(demo):
    page = _page()
    assert source_url(page, _request()) == f"http://localhost{page.url}"  # the honest state: nothing configured


def test_the_pdf_itself_names_the_configured_address_after_set_site_url(client, demo):
    """The rendered PDF (text extracted), and no cached PDF keeps the old address after set_site_url."""
    page = _page()
    before = render_steckbrief_pdf(page, _request())
    assert b"%PDF" in before[:8]
    call_command("set_site_url", PUBLIC, stdout=open("/dev/null", "w"))  # noqa: SIM115
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(client.get(page.url + "pdf/").content)).pages)
    flat = "".join(text.split())
    assert "inklusive-quartiere.example" in flat and "localhost" not in flat
