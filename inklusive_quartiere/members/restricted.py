"""The answer to a signed-in visitor who is not a member of the network and opens members-only content.

Wagtail sends everybody who fails a page's view restriction to the sign-in page. For a signed-in visitor that is a
dead end: the sign-in page sends signed-in visitors straight back (``redirect_authenticated_user``), and the browser
goes round in circles. She gets this page instead, with status 403: what "Nur für Mitglieder" means and how to become
a member. Anonymous visitors are still sent to the sign-in page. Pages (``before_serve_page`` hook), documents
(``before_serve_document``) and other files use the same answer.
"""

from __future__ import annotations

from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from wagtail.models import BaseViewRestriction

from inklusive_quartiere.catalogue.models import CataloguePage
from inklusive_quartiere.core.models import SiteSettings
from inklusive_quartiere.core.visibility import visible_pages


def fails_membership(page, request) -> bool:
    """True when a signed-in visitor fails one of the page's "login" or "groups" restrictions (Wagtail's own check,
    ``accept_request``, as in its serve view); password restrictions keep Wagtail's password form."""
    if not request.user.is_authenticated:
        return False
    return any(
        restriction.restriction_type != BaseViewRestriction.PASSWORD and not restriction.accept_request(request)
        for restriction in page.get_view_restrictions()
    )


def members_only_response(request):
    """The "Nur für Mitglieder" page (HTTP 403). It names neither the page nor the file that was asked for."""

    catalogue = visible_pages(request.user, CataloguePage.objects.all()).first()
    context = {
        "contact_email": SiteSettings.for_request(request).email,
        "catalogue_url": catalogue.get_url(request) if catalogue is not None else "",
    }
    response = render(request, "members/members_only.html", context, status=403)
    add_never_cache_headers(response)
    return response
