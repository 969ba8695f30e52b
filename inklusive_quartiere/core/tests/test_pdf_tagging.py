"""PDF documents the platform itself produces are tagged (PDF/UA) with language and title; the check can fail."""

import pytest
from weasyprint import HTML

from inklusive_quartiere.core.demo_loader import data_files
from inklusive_quartiere.testing.pdf import pdf_accessibility_problems

pytestmark = pytest.mark.django_db


def _brochure_title() -> str:
    """The title of the generated brochure, as the core demo file names it."""
    for data_file in data_files("core"):
        for entry in data_file.entries:
            if entry.get("files", {}).get("file", {}).get("generate") == "core.brochure_pdf":
                return entry["key"]["title"]
    raise AssertionError("no brochure in core/demo_content")


def test_demo_brochure_is_a_tagged_german_pdf(demo):
    from wagtail.documents import get_document_model

    title = _brochure_title()
    document = get_document_model().objects.get(title=title)
    with document.file.open("rb") as handle:
        raw = handle.read()
    assert pdf_accessibility_problems(raw, title=title) == []


def test_the_check_finds_untagged_untitled_pdfs_and_bad_structure():
    untagged = HTML(string="<p>Ohne Auszeichnung</p>").write_pdf()
    problems = pdf_accessibility_problems(untagged, title="Bericht")
    assert any("language" in p for p in problems)
    assert any("title" in p for p in problems)
    assert any("untagged" in p or "MarkInfo" in p for p in problems)

    skipped = HTML(
        string='<html lang="en"><head><title>Bericht</title></head><body><h2>Zu tief</h2><h4>Sprung</h4>'
        '<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk'
        '+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==" alt=""><p>Text</p></body></html>'
    ).write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True, custom_metadata=True)
    problems = pdf_accessibility_problems(skipped, title="Bericht")
    assert any("language is 'en'" in p for p in problems)
    assert any("first heading is H2" in p for p in problems)
    assert any("H2 followed by H4" in p for p in problems)
    assert not any("title" in p for p in problems)
