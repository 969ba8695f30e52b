"""Code-only parts of the accessibility demo (the statement and the Leichte Sprache pages are data:
demo_content/10-accessibility.json, docs/demo-content.md).

Older demo databases hold both pages as core ContentPages on the same paths; those give way once, and site
settings that pointed at them are set again (they fall to NULL with the old page).
"""

from __future__ import annotations

from inklusive_quartiere.core.demo_loader import load_demo, resolve_model

from .models import AccessibilityStatementPage


def replace_old_content_pages(loader, paths: dict[str, str]) -> None:
    """Delete a page that holds one of the paths with another page type (older demo databases)."""
    for path, page_type in paths.items():
        existing = loader.page_at(path)
        if existing is not None and existing.specific_class is not resolve_model(page_type):
            existing.delete()


def link_statement_to_easy_language(loader, statement: str, easy_language: str) -> None:
    """The statement links its Leichte Sprache version, which links back: a cycle the data file leaves to code."""
    page = loader.page_at(statement)
    page = page.specific if page is not None else None
    if isinstance(page, AccessibilityStatementPage) and page.easy_language_page_id is None:
        page.easy_language_page = loader.page_at(easy_language).specific
        page.save_revision().publish()


HOOKS = {
    "replace_old_content_pages": replace_old_content_pages,
    "link_statement_to_easy_language": link_statement_to_easy_language,
}


def load(stdout) -> None:
    """The accessibility file alone (``load_demo`` loads every app's)."""
    load_demo(stdout, only="accessibility")
