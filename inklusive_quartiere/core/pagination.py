"""The one reading of ``?seite=`` for every listing (catalogue, city pages, search, events, news).

One behaviour everywhere: a value that is not a page number (empty, letters, zero, signs, other digits than
ASCII, more than six digits) shows the first page with one message; a well-formed number beyond the last page is
a 404 when the listing has entries (there is nothing to show at that address), and the first page when the
listing is empty (an empty listing has no "end" to be beyond). The links to the pages are the ``pagination``
template tag (``core/includes/pagination.html``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.http import Http404
from django.utils.translation import gettext as _

PAGE_PARAM = "seite"
_PAGE_NUMBER = re.compile(r"[0-9]{1,6}")


def invalid_page_message(raw: str) -> str:
    return _("Die Seitenzahl „%(page)s“ ist ungültig; gezeigt wird die erste Seite.") % {"page": raw[:20]}


def page_number(raw: str | None) -> tuple[int, str]:
    """(number, message) for the raw ``seite`` value; a missing parameter is the first page without a message."""
    if raw is None:
        return 1, ""
    if _PAGE_NUMBER.fullmatch(raw) and int(raw) >= 1:
        return int(raw), ""
    return 1, invalid_page_message(raw)


@dataclass
class Pagination:
    page_obj: Page
    message: str  # empty unless the requested page number was not one

    @property
    def number(self) -> int:
        return self.page_obj.number


def paginate(object_list, per_page: int, number: int) -> Page:
    """The requested page of ``object_list``; 404 for a page beyond the end of a listing that has entries."""
    paginator = Paginator(object_list, per_page, allow_empty_first_page=True)
    if number > paginator.num_pages:
        if paginator.count:
            raise Http404(_("Diese Seite der Liste gibt es nicht."))
        number = 1
    return paginator.page(number)


def paginate_request(request, object_list, per_page: int, param: str = PAGE_PARAM) -> Pagination:
    """``paginate`` with the number read from the request's ``?seite=`` (see the module docstring)."""
    number, message = page_number(request.GET.get(param))
    return Pagination(paginate(object_list, per_page, number), message)
