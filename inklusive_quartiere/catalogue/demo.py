"""Code-only part of the catalogue demo: the search index (if pages were published before it existed)."""

from .indexing import rebuild_index
from .models import SearchDocument


def search_index(loader) -> None:
    if not SearchDocument.objects.exists():
        rebuild_index()


HOOKS = {"search_index": search_index}
