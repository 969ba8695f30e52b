"""What a person sees of the page tree inside the editor, beyond the pages she may edit.

Wagtail's choosers and bulk actions list every page of the tree, drafts included. A city editor must not learn the
titles of another city's unpublished drafts that way, so those channels ask this module: a person sees the live
pages (their titles are public, or members-only and shown to members anyway) and every page inside a subtree one of
her groups may add or edit. Superusers and whoever may edit the root see everything.

The channels: the Steckbrief chooser (steckbriefe/chooser.py), Wagtail's page chooser and the page bulk actions
(core/editor_channels.py). Wagtail's explorer, its search and the admin API list only the pages she may explore
(her subtrees and the pages above them), which is narrower; members/tests/test_draft_title_channels.py asks every
channel.
"""

from __future__ import annotations

from django.db.models import Q
from wagtail.models import GroupPagePermission, Page

EDITING_CODENAMES = ("add_page", "change_page", "publish_page")


def editable_roots(user) -> list[str] | None:
    """Paths of the pages whose subtrees the user may edit; None when she may edit the whole tree."""
    if user is None or not user.is_authenticated or not user.is_active:
        return []
    if user.is_superuser:
        return None
    cached = getattr(user, "_iq_editable_roots", "unset")
    if cached != "unset":
        return cached
    paths = list(
        GroupPagePermission.objects.filter(group__user=user, permission__codename__in=EDITING_CODENAMES)
        .values_list("page__path", flat=True)
        .distinct()
    )
    roots = None if any(len(path) == Page.steplen for path in paths) else sorted(set(paths))
    user._iq_editable_roots = roots
    return roots


def in_editable_subtree_q(user) -> Q:
    roots = editable_roots(user)
    if roots is None:
        return Q()
    if not roots:
        return Q(pk__in=[])
    condition = Q()
    for path in roots:
        condition |= Q(path__startswith=path)
    return condition


def editor_visible_q(user) -> Q:
    """Pages the user may see listed in the editor: live pages, every page of her editable subtrees, and the pages
    above them (the way to her subtrees, which Wagtail's explorer shows her anyway)."""
    roots = editable_roots(user)
    if roots is None:
        return Q()
    above = {path[:length] for path in roots for length in range(Page.steplen, len(path), Page.steplen)}
    return Q(live=True) | in_editable_subtree_q(user) | Q(path__in=sorted(above))


def editor_visible_pages(user, queryset=None):
    queryset = queryset if queryset is not None else Page.objects.all()
    return queryset.filter(editor_visible_q(user))
