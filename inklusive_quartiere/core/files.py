"""The one "which of these files may this visitor see" helper for every page that lists documents or images.

Events, Steckbriefe, news, films and the content blocks all ask ``shown_files``: it drops what the visitor may not
see (collection privacy, the rule in ``core/visibility.py``), keeps the order, and flags what is members-only for
the label. A section shows only when the list it gets is not empty, so a section whose files are all hidden
disappears on every page alike. The hidden collections are computed once per request.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .visibility import hidden_collection_ids_for


@dataclass(frozen=True)
class ShownFile:
    """One listed item whose file the visitor may see. ``item`` is what was listed (a document, an image, a block
    holding an image); ``file`` the document or image in it."""

    item: Any
    file: Any
    request: Any = field(repr=False, compare=False)

    @property
    def members_only(self) -> bool:
        """For the "Nur für Mitglieder" label; asked only where a label is shown (one query per request at most)."""
        return file_members_only(self.request, self.file)

    # What the downloads list (components/downloads_list.html) shows of a document.
    @property
    def url(self) -> str:
        return self.file.url

    @property
    def title(self) -> str:
        return self.file.title

    @property
    def meta(self) -> str:
        return document_meta(self.file)


def document_meta(document) -> str:
    """'PDF, 1,2 MB': the type and size a visitor needs before downloading."""
    from django.template.defaultfilters import filesizeformat

    extension = (document.file_extension or "").upper() or "Datei"
    size = document.get_file_size()
    return f"{extension}, {filesizeformat(size)}" if size else extension


def _identity(item):
    return item


def shown_files(request, items: Iterable, file_of: Callable[[Any], Any] = _identity) -> list[ShownFile]:
    """The items whose file (``file_of(item)``; the item itself by default) this visitor may see, in order.
    Items without a file (an empty chooser, a deleted document) are left out too."""
    hidden = hidden_collection_ids_for(request)
    result = []
    for item in items:
        file = file_of(item) if item is not None else None
        if file is not None and file.collection_id not in hidden:
            result.append(ShownFile(item=item, file=file, request=request))
    return result


def image_of_figure(figure) -> Any:
    """The image of a figure block's value (a StructValue or dict with ``image``), or of a bound block holding one."""
    value = getattr(figure, "value", figure)
    return value.get("image") if value else None


def file_visible(request, file) -> bool:
    """May the visitor see this one file?"""
    return bool(file) and file.collection_id not in hidden_collection_ids_for(request)


def file_members_only(request, file) -> bool:
    """Is this file in a collection that a visitor who is not signed in may not see (the "Nur für Mitglieder" label)?"""
    return bool(file) and file.collection_id in hidden_collection_ids_for(request, as_anonymous=True)
