"""Wagtail's page chooser and page bulk actions, limited to the pages the editor may see (``core.editor_access``).

Out of the box both print the title of any page whose id they are given: the bulk actions list the pages the user
may not act on under "you don't have permission" (with titles), the chooser browses into any page, searches the whole
tree and answers "chosen" for any id. A city editor would read other cities' unpublished drafts that way.

- the chooser's listing and search: the ``construct_page_chooser_queryset`` hook (core/wagtail_hooks.py);
- browsing into a page and "chosen": ``admin_url_overrides`` (mounted in front of Wagtail's admin URLs in
  inklusive_quartiere/urls.py; Wagtail's ``register_admin_urls`` hook can only add URLs after its own);
- the bulk actions: subclasses registered under the same names after Wagtail's (the registry keeps the last one).
  Pages she may not see are treated as if they did not exist: left out, and 404 when nothing is left.
"""

from __future__ import annotations

from django.http import Http404
from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views import chooser
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction
from wagtail.admin.views.pages.bulk_actions.move import MoveBulkAction
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction
from wagtail.admin.views.pages.bulk_actions.unpublish import UnpublishBulkAction
from wagtail.models import Page
from wagtail.utils.urlpatterns import decorate_urlpatterns

from .editor_access import editor_visible_pages, editor_visible_q


def chooser_queryset(pages, request):
    """The ``construct_page_chooser_queryset`` hook: the chooser lists and finds only pages she may see."""
    return pages.filter(editor_visible_q(request.user))


def _visible_ids(user, ids) -> set[int]:
    ids = [int(pk) for pk in ids if str(pk).isdigit()]
    return set(editor_visible_pages(user, Page.objects.filter(pk__in=ids)).values_list("pk", flat=True))


def _branch_visible(user, page_id: int) -> bool:
    """The page and every page above it (its breadcrumbs) are visible to the user; the root always is."""
    page = Page.objects.filter(pk=page_id).only("path").first()
    if page is None:
        return False
    branch = Page.objects.ancestor_of(page, inclusive=True).exclude(depth=1)
    return editor_visible_pages(user, branch).count() == branch.count()


class BrowseView(chooser.BrowseView):
    def get(self, request, parent_page_id=None):
        if parent_page_id is not None and not _branch_visible(request.user, parent_page_id):
            raise Http404
        return super().get(request, parent_page_id)


class ChosenMultipleView(chooser.ChosenMultipleView):
    def get(self, request):
        visible = _visible_ids(request.user, request.GET.getlist("id"))
        query = request.GET.copy()
        query.setlist("id", [str(pk) for pk in sorted(visible)])
        request.GET = query
        return super().get(request)


admin_url_overrides = decorate_urlpatterns(
    decorate_urlpatterns(
        [
            path("choose-page/<int:parent_page_id>/", BrowseView.as_view()),
            path("choose-page/chosen-multiple/", ChosenMultipleView.as_view()),
        ],
        require_admin_access,
    ),
    never_cache,
)


class HidePagesSheCannotSee:
    """For a page bulk action: the pages she may not see are left out of both lists (the pages to act on and the
    ones she has no permission for); 404 when none is left, as for ids that do not exist."""

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        no_access = extra["items_with_no_access"]
        visible = _visible_ids(self.request.user, [page.pk for page in [*objects, *no_access]])
        objects = [page for page in objects if page.pk in visible]
        no_access = [page for page in no_access if page.pk in visible]
        if not objects and not no_access:
            raise Http404
        return objects, {**extra, "items_with_no_access": no_access}


PAGE_BULK_ACTIONS = [
    type(action.__name__, (HidePagesSheCannotSee, action), {"__module__": __name__})
    for action in (DeleteBulkAction, MoveBulkAction, PublishBulkAction, UnpublishBulkAction)
]
