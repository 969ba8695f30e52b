"""An entry changes what searches find.

- The content token is replaced, so every process rebuilds its thesaurus table (and its engine) on its next request.
- The anonymous page cache (``core.page_cache``) drops the pages that search: ``/suche/`` (tagged ``kind:*``) and
  the catalogue and city listings (tagged with the Steckbrief kind).
"""

from django.db.models.signals import post_delete, post_save

from inklusive_quartiere.core import page_cache
from inklusive_quartiere.core.content_token import bump_content_token

from .models import ThesaurusEntry

SEARCHING_PAGES = frozenset({"kind:*", "kind:steckbriefe.steckbriefpage"})


def entry_changed(sender, **kwargs) -> None:
    bump_content_token()
    page_cache.bump(SEARCHING_PAGES)


post_save.connect(entry_changed, sender=ThesaurusEntry, dispatch_uid="thesaurus-entry-save")
post_delete.connect(entry_changed, sender=ThesaurusEntry, dispatch_uid="thesaurus-entry-delete")
