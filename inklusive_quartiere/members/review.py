"""What the editorial office sees while it reviews a page: one set of actions, and the comparison of the submitted
version with the live one.

For a page in review, Wagtail 7.4's footer offers a reviewer: the task's actions (before our task type:
"Änderungen anfordern", "Freigeben und Veröffentlichen", "Mit Kommentar genehmigen und Veröffentlichen"), plus
"Entwurf speichern", "Veröffentlichen", "Veröffentlichung aufheben" (live pages) and "Workflow abbrechen".
"Veröffentlichen" publishes the latest revision and silently cancels the review (no decision is recorded, the city
hears nothing), "Workflow abbrechen" ends it without a decision, and taking the page offline is no review
decision either. So during a review the reviewer gets exactly: the three decisions of ``ReviewTask`` (the
approval first, as the main button), then "Entwurf speichern" for her own corrections. Everybody else's menu
(the city editor's, or any page not in review) stays Wagtail's.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.action_menu import WorkflowMenuItem
from wagtail.models import Page

from .models import ReviewTask

COMPARE_WITH_LIVE = _("Mit veröffentlichter Fassung vergleichen")
NEVER_LIVE = _("Neue Seite – noch keine veröffentlichte Fassung")
NOT_LIVE = _("Zurzeit nicht veröffentlicht – keine veröffentlichte Fassung zum Vergleich")
VIEW_SUBMITTED = _("eingereichte Fassung ansehen")  # after "…Fassung: "

# Footer items that have no place while a page waits for the office's decision (see the module docstring).
HIDDEN_DURING_REVIEW = {"action-publish", "action-unpublish", "action-cancel-workflow"}


def reviewable_task(page, user) -> tuple:
    """The page's current ReviewTask state and the decisions this user may take on it (none: not her review)."""
    task_state = page.current_workflow_task_state if page is not None and page.pk else None
    if task_state is None:
        return None, []
    task = task_state.task.specific
    if not isinstance(task, ReviewTask):
        return None, []
    return task_state, task.get_actions(page, user)


def tidy_review_menu(menu_items, request, context) -> None:
    """``construct_page_action_menu``: the reviewer's footer for a page in review (see the module docstring)."""
    page = context.get("page")
    if context.get("view") != "edit":
        return
    _task_state, actions = reviewable_task(page, request.user)
    if not actions:
        return
    labels = {(name, modal): label for name, label, modal in actions}
    rank = {(name, modal): position for position, (name, _label, modal) in enumerate(actions)}
    kept = []
    for item in menu_items:
        if item.name in HIDDEN_DURING_REVIEW:
            continue
        if isinstance(item, WorkflowMenuItem):  # built for this request: safe to relabel
            # Wagtail appends " und Veröffentlichen" to approvals; our labels already say what happens.
            item.label = labels.get((item.name, item.launch_modal), item.label)
            if item.name == "reject":
                item.icon_name = "arrow-left"  # back to the city (Wagtail shows a pencil)
        kept.append(item)

    def position(item):
        if isinstance(item, WorkflowMenuItem):
            return (0, rank.get((item.name, item.launch_modal), len(rank)))
        return (1, item.order)

    kept.sort(key=position)
    menu_items[:] = kept


def comparison(page_id: int, revision_id: int) -> tuple[str | None, str]:
    """(URL of Wagtail's compare view live → submitted revision, None) or (None, why there is nothing to compare).

    Reads the page row afresh: the editor passes the latest revision as an object, whose ``live_revision`` is the
    one stored with that revision, not the current one."""
    page = Page.objects.filter(pk=page_id).values("live", "live_revision_id", "first_published_at").first()
    if page is None:
        return None, ""
    if page["live"]:
        live = page["live_revision_id"] or "live"  # "live": pages published before Wagtail kept live revisions
        return reverse("wagtailadmin_pages:revisions_compare", args=(page_id, live, revision_id)), ""
    if page["first_published_at"] is None:
        return None, str(NEVER_LIVE)
    return None, str(NOT_LIVE)


def compare_header_button(page, user, view_name, next_url=None):
    """``register_page_header_buttons``: in the editor of a page in review, the reviewer's "⋮" menu links to the
    comparison of the submitted revision (the task state's, not the previous one) with the live version."""
    from wagtail.admin.widgets.button import Button

    if view_name != "edit":
        return
    task_state, actions = reviewable_task(page, user)
    if not actions:
        return
    url, reason = comparison(page.pk, task_state.revision_id)
    if url:
        yield Button(COMPARE_WITH_LIVE, url, icon_name="history", priority=5)
    else:
        view_url = reverse("wagtailadmin_pages:revisions_view", args=(page.pk, task_state.revision_id))
        yield Button(f"{reason}: {VIEW_SUBMITTED}", view_url, icon_name="view", priority=5)
