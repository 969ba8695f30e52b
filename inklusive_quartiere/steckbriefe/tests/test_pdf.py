"""The council-ready PDF: valid, tagged (PDF/UA), German, titled, short, and without the contact's e-mail."""

import io

import pytest
from pypdf import PdfReader

from inklusive_quartiere.steckbriefe.models import SteckbriefPage
from inklusive_quartiere.taxonomy.models import ContactPerson
from inklusive_quartiere.testing.pdf import pdf_accessibility_problems

from .factories import prose_values

pytestmark = pytest.mark.django_db


@pytest.fixture
def longest(demo):
    """The demo Steckbrief with the most text, to hold the 1–2 page promise to its hardest case."""
    pages = SteckbriefPage.objects.live().public()

    def length(page):
        return sum(len(text) for text in prose_values(page))

    return max(pages, key=length)


def _pdf(client, page):
    response = client.get(page.url + "pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return response.content, PdfReader(io.BytesIO(response.content))


def test_pdf_is_valid_titled_tagged_and_german(client, longest):
    raw, reader = _pdf(client, longest)
    assert raw.startswith(b"%PDF-")
    assert longest.title in reader.metadata.title
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "de"
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in catalog
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"])
    xmp = catalog["/Metadata"].get_object().get_data()
    assert b"pdfuaid:part" in xmp  # PDF/UA identification in the XMP metadata


def test_pdf_contains_title_sections_contact_and_source(client, longest):
    _, reader = _pdf(client, longest)
    text = " ".join(page.extract_text() for page in reader.pages)
    flat = " ".join(text.split())
    assert " ".join(longest.title.split())[:40] in flat
    assert "Stolpersteine" in flat
    assert "Quelle:" in flat and "abgerufen am" in flat
    assert longest.contact.name in flat


def test_pdf_fits_one_or_two_pages_even_for_the_longest_demo_steckbrief(client, longest):
    _, reader = _pdf(client, longest)
    assert 1 <= len(reader.pages) <= 2


def test_pdf_never_contains_the_contact_email(client, longest):
    ContactPerson.objects.filter(pk=longest.contact_id).update(email="geheim.pdf@example.org")
    longest.refresh_from_db()
    raw, reader = _pdf(client, longest)
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "geheim.pdf" not in text
    assert b"geheim.pdf" not in raw


def test_every_demo_steckbrief_pdf_passes_the_tagging_checks(client, demo):
    """Full and minimal Steckbriefe alike: language, title, tags, heading order, alt text, table headers."""
    pages = list(SteckbriefPage.objects.live().public().order_by("pk"))
    assert len(pages) >= 5
    for page in pages:
        raw, _reader = _pdf(client, page)
        assert pdf_accessibility_problems(raw, title=page.title) == [], page.url
