"""The editor's start page (/admin/) for the two roles that use it every day.

- A city editor ("Stadtredaktion <Stadt>") gets, on top: a button "Neuen Steckbrief anlegen" per city she works
  for, and what is waiting for her in those cities: "Meine Entwürfe", "In Prüfung", "Zurück mit Anmerkungen"
  (with the office's note) and "Prüfung fällig" (live Steckbriefe whose "Zuletzt geprüft" is more than twelve
  months ago, or empty).
- The editorial office (whoever may decide in the review task: its groups and superusers) gets "Wartet auf Ihre
  Prüfung": every page waiting for the review, the longest-waiting first, with page type, city, who submitted
  it and when, and the comparison of the submitted version with the live one.

Wagtail's own start-page panels are kept or dropped deliberately (``arrange_panels``), so that nothing is listed
twice.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import GroupApprovalTask, Page, TaskState, WorkflowState

from inklusive_quartiere.cities.models import CityPage
from inklusive_quartiere.cities.permissions import cities_for, city_scope
from inklusive_quartiere.steckbriefe.models import SteckbriefPage

from .review import comparison

LIST_LIMIT = 20  # entries per list; the rest is counted ("… und 3 weitere")

# Wagtail's default panels (wagtail/admin/views/home.py), by their ``name``.
WAGTAIL_AWAITING_REVIEW = "workflow_objects_to_moderate"  # "Ihre Überprüfung steht aus"
WAGTAIL_OWN_IN_WORKFLOW = "user_objects_in_workflow_moderation"  # "Ihre Seiten und Schnipsel in einem Workflow"
WAGTAIL_RECENT_EDITS = "recent_edits"  # "Ihre letzten Änderungen"
# "locked_pages" ("Ihre gesperrten Seiten") stays for everybody: no other panel lists locks.


def is_reviewer(user) -> bool:
    """May this person decide in a review (a group of an approval task in an active workflow, or a superuser)?"""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    return GroupApprovalTask.objects.filter(
        active=True, workflow_tasks__workflow__active=True, groups__in=user.groups.all()
    ).exists()


def review_due_before(today: datetime.date) -> datetime.date:
    """Steckbriefe last reviewed before this day (more than twelve months ago) are due for review."""
    try:
        return today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        return today.replace(year=today.year - 1, day=28)


def _days_since(moment) -> int | None:
    if moment is None:
        return None
    if isinstance(moment, datetime.datetime):
        moment = timezone.localdate(moment)
    return (timezone.localdate() - moment).days


def _edit_url(page_id: int) -> str:
    return reverse("wagtailadmin_pages:edit", args=(page_id,))


def _page_type(page: Page) -> str:
    specific_class = page.specific_class
    return str(specific_class.get_verbose_name()) if specific_class else ""


class _CityFinder:
    """The city page a page belongs to (itself or an ancestor), from one query over the 16 city pages."""

    def __init__(self):
        self.titles = dict(CityPage.objects.values_list("path", "title"))

    def __call__(self, page: Page) -> str:
        for depth in range(len(page.path) // Page.steplen, 0, -1):
            title = self.titles.get(page.path[: depth * Page.steplen])
            if title:
                return title
        return ""


@dataclass
class Entry:
    """One line of a list: a page, the editor link and what the list says about it."""

    page: Page
    edit_url: str
    page_type: str = ""
    city: str = ""
    when: datetime.datetime | datetime.date | None = None
    days: int | None = None
    person: object = None
    note: str = ""
    never_published: bool = False
    compare_url: str | None = None
    no_compare_reason: str = ""


@dataclass
class EntryList:
    entries: list[Entry] = field(default_factory=list)
    total: int = 0

    @property
    def more(self) -> int:
        return self.total - len(self.entries)


def _limited(entries: list[Entry]) -> EntryList:
    return EntryList(entries=entries[:LIST_LIMIT], total=len(entries))


# -- the city editor ------------------------------------------------------------------------------------


def city_overview(user, today: datetime.date | None = None) -> dict:
    """Everything the city editor's panels show, for the cities she works for (never another city's pages)."""
    today = today or timezone.localdate()
    cities = list(cities_for(user))
    if not cities:
        return {"cities": []}
    area = Q()
    for city in cities:
        area |= Q(path__startswith=city.path)
    pages = Page.objects.filter(area)
    page_ids = [str(pk) for pk in pages.values_list("pk", flat=True)]
    states = list(
        WorkflowState.objects.active()
        .filter(base_content_type=ContentType.objects.get_for_model(Page), object_id__in=page_ids)
        .select_related(
            "requested_by",
            "current_task_state",
            "current_task_state__finished_by",
            "current_task_state__revision__user",
        )
    )
    pages_by_id = Page.objects.select_related("content_type").in_bulk([int(state.object_id) for state in states])
    in_review, returned = [], []
    for state in states:
        page = pages_by_id.get(int(state.object_id))
        task_state = state.current_task_state
        if page is None or task_state is None:
            continue
        if state.status == WorkflowState.STATUS_IN_PROGRESS:
            when = task_state.started_at  # a resubmission starts a new task state
            in_review.append(
                Entry(
                    page,
                    _edit_url(page.pk),
                    _page_type(page),
                    when=when,
                    days=_days_since(when),
                    person=task_state.revision.user or state.requested_by,  # as in the office's list
                )
            )
        else:  # needs changes: the office gave it back
            returned.append(
                Entry(
                    page,
                    _edit_url(page.pk),
                    _page_type(page),
                    when=task_state.finished_at,
                    days=_days_since(task_state.finished_at),
                    person=task_state.finished_by,
                    note=task_state.get_comment(),
                )
            )
    in_review.sort(key=lambda entry: entry.when)
    returned.sort(key=lambda entry: entry.when or timezone.now())

    waiting_ids = [int(state.object_id) for state in states]
    drafts = [
        Entry(
            page,
            _edit_url(page.pk),
            _page_type(page),
            when=page.latest_revision_created_at,
            person=page.latest_revision.user if page.latest_revision else None,
            never_published=page.first_published_at is None,
        )
        for page in pages.filter(has_unpublished_changes=True)
        .exclude(pk__in=waiting_ids)
        .select_related("content_type", "latest_revision", "latest_revision__user")
        .order_by(F("latest_revision_created_at").desc(nulls_last=True), "pk")
    ]

    cutoff = review_due_before(today)
    due = [
        Entry(page, _edit_url(page.pk), when=page.last_reviewed)
        for page in SteckbriefPage.objects.live()
        .filter(area)
        .filter(Q(last_reviewed__lt=cutoff) | Q(last_reviewed__isnull=True))
        .order_by(F("last_reviewed").asc(nulls_first=True), "title", "pk")
    ]
    return {
        "cities": [
            {
                "city": city,
                "add_url": reverse("wagtailadmin_pages:add", args=("steckbriefe", "steckbriefpage", city.pk)),
            }
            for city in cities
            if city.permissions_for_user(user).can_add_subpage()
        ],
        "city_names": ", ".join(city.title for city in cities),
        "drafts": _limited(drafts),
        "in_review": _limited(in_review),
        "returned": _limited(returned),
        "due": _limited(due),
        "due_before": cutoff,
    }


class CityEditorPanels(Component):
    """The city editor's start page: the add button(s) and her four lists (one panel each)."""

    name = "city_editor"
    order = 10  # above everything else
    template_name = "members/admin/city_editor_panels.html"

    class Media:
        css = {"all": ["members/admin/dashboard.css"]}

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        return city_overview(self.user)


# -- the editorial office -------------------------------------------------------------------------------


def review_queue(user) -> list[Entry]:
    """Every page waiting for this reviewer's decision, the longest-waiting first."""
    page_type = ContentType.objects.get_for_model(Page)
    task_states = list(
        TaskState.objects.reviewable_by(user)
        .filter(status=TaskState.STATUS_IN_PROGRESS, workflow_state__status=WorkflowState.STATUS_IN_PROGRESS)
        .filter(workflow_state__base_content_type=page_type)  # the workflow is assigned to pages only
        .select_related("revision", "revision__user", "workflow_state", "workflow_state__requested_by")
        .order_by("started_at", "pk")
    )
    pages = Page.objects.select_related("content_type").in_bulk(
        [int(task_state.workflow_state.object_id) for task_state in task_states]
    )
    city_of = _CityFinder()
    queue = []
    for task_state in task_states:
        page = pages.get(int(task_state.workflow_state.object_id))
        if page is None:
            continue
        compare_url, reason = comparison(page.pk, task_state.revision_id)
        queue.append(
            Entry(
                page,
                _edit_url(page.pk),
                _page_type(page),
                city=city_of(page),
                when=task_state.started_at,
                days=_days_since(task_state.started_at),
                # who saved the submitted revision ("Zur Prüfung einreichen" saves it); else who started the workflow
                person=task_state.revision.user or task_state.workflow_state.requested_by,
                never_published=page.first_published_at is None,
                compare_url=compare_url,
                no_compare_reason=reason,
            )
        )
    return queue


class ReviewQueuePanel(Component):
    """ "Wartet auf Ihre Prüfung" — replaces Wagtail's "Ihre Überprüfung steht aus" (see ``arrange_panels``)."""

    name = "review_queue"
    order = 20
    template_name = "members/admin/review_queue_panel.html"

    class Media:
        css = {"all": ["members/admin/dashboard.css"]}

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        return {"queue": review_queue(self.user)}


# -- which panels whom ----------------------------------------------------------------------------------


def arrange_panels(request, panels) -> None:
    """``construct_homepage_panels``: our panels in, Wagtail's duplicates out.

    - Reviewers (the office): "Wartet auf Ihre Prüfung" replaces Wagtail's "Ihre Überprüfung steht aus" (the same
      pages, but newest first, without city and page type, with a comparison against the *latest* revision).
      Wagtail's "Ihre Seiten und Schnipsel in einem Workflow" goes too: what the office owns or submitted and is in
      review is in its own queue already. "Ihre letzten Änderungen" stays (her own edits, listed nowhere else).
    - City editors: our panels replace "Ihre Seiten und Schnipsel in einem Workflow" (only pages she owns or
      submitted, without the office's note; ours show the whole city) and "Ihre letzten Änderungen" (she cannot
      publish, so each page she edited is already a draft, in review or back with notes — or done). Wagtail's
      "Ihre Überprüfung steht aus" is empty for her (she reviews nothing) and goes as well.
    - Everybody keeps "Ihre gesperrten Seiten" (no other panel shows locks) and the site summary above the panels
      (page, image and document counts that lead to the page tree and the media of her area).
    - Anybody else (no review, no city) keeps Wagtail's defaults.
    """
    user = request.user
    if is_reviewer(user):
        drop = {WAGTAIL_AWAITING_REVIEW, WAGTAIL_OWN_IN_WORKFLOW}
        add = ReviewQueuePanel(user)
    elif city_scope(user).city_ids and not city_scope(user).network:
        drop = {WAGTAIL_AWAITING_REVIEW, WAGTAIL_OWN_IN_WORKFLOW, WAGTAIL_RECENT_EDITS}
        add = CityEditorPanels(user)
    else:
        return
    panels[:] = [panel for panel in panels if getattr(panel, "name", None) not in drop]
    panels.append(add)
