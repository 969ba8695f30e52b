"""What of a page goes into the search index, and writing it (called from signals and the rebuild command)."""

from __future__ import annotations

from django.utils.html import strip_tags
from wagtail.models import Page

from inklusive_quartiere.core.content_token import bump_content_token
from inklusive_quartiere.search.analyzer import document_terms

from .models import SearchDocument

# Page types that are never search results.
EXCLUDED_MODELS = {"page", "cataloguepage"}


def _stream_text(value) -> str:
    if not value:
        return ""
    try:
        return " ".join(str(part) for part in value.stream_block.get_searchable_content(value))
    except AttributeError:
        return str(value)


def fields_for(page) -> dict[str, str]:
    """Title, summary and body text of a page. Page types may define ``search_fields_text()`` to decide."""
    if hasattr(page, "search_fields_text"):
        return page.search_fields_text()
    summary = getattr(page, "summary", "") or getattr(page, "intro", "") or page.search_description or ""
    body = _stream_text(getattr(page, "body", None))
    return {"title": page.title, "summary": strip_tags(summary), "body": strip_tags(body)}


def index_page(page: Page) -> None:
    page = page.specific
    kind = page._meta.model_name
    if kind in EXCLUDED_MODELS or page.depth <= 1:
        return
    if not page.live:
        SearchDocument.objects.filter(page_id=page.pk).delete()
        return
    fields = fields_for(page)
    SearchDocument.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "kind": kind,
            "title_terms": " ".join(document_terms(fields.get("title", ""))),
            "summary_terms": " ".join(document_terms(fields.get("summary", ""))),
            "body_terms": " ".join(document_terms(fields.get("body", ""))),
        },
    )


def rebuild_index(stdout=None) -> int:
    SearchDocument.objects.exclude(page__live=True).delete()
    count = 0
    for page in Page.objects.live().filter(depth__gt=1).specific().iterator(chunk_size=500):
        index_page(page)
        count += 1
    bump_content_token()
    if stdout:
        stdout.write(f"{count} Seiten indexiert")
    return count
