"""The platform's roles as Django groups with Wagtail page and collection permissions.

- "Redaktion" (editorial office): everything in the editor — all pages incl. publishing, all collections,
  taxonomy, settings, redirects, workflows, users, the "Barriere melden" reports.
- "Stadtredaktion <city>": create and edit the city page and its Steckbriefe (the city's subtree only),
  submit for review, never publish; its own collection "Stadt <city>" (with a members-only sub-collection)
  for images and documents; choosing files from other cities' collections is impossible.
- "Netzwerk" (members): may read members-only content (page and collection privacy name this group).

``ensure_roles()`` is idempotent: it runs after every ``migrate`` (groups, workflow) and whenever a city page
is created (its group and collections). ``manage.py setup_roles`` runs it by hand.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Task,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from inklusive_quartiere.cities.models import CityPage
from inklusive_quartiere.core import audiences
from inklusive_quartiere.core.audiences import EDITORIAL, MEMBERS, city_collection_name, members_only_child

from .models import ReviewTask

# The names live in core.audiences (apps below members use them); these two stay importable from here as well.
MEMBERS_COLLECTION = audiences.MEMBERS_COLLECTION
city_collection = audiences.city_collection
CITY_PREFIX = audiences.CITY_GROUP_PREFIX
WORKFLOW_NAME = "Prüfung durch die Redaktion"
TASK_NAME = "Freigabe durch die Redaktion"

PAGE_EDITORIAL = ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"]
PAGE_CITY = ["add_page", "change_page"]
FILES_ALL = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.delete_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.delete_document",
    "wagtaildocs.choose_document",
    "wagtailmedia.add_media",
    "wagtailmedia.change_media",
    "wagtailmedia.delete_media",
]
FILES_CITY = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
    "wagtailmedia.add_media",
    "wagtailmedia.change_media",
]
# Model permissions of the editorial office (app_label → models; add/change/delete/view of each).
EDITORIAL_MODELS = {
    "taxonomy": ["category", "targetgroup", "fundingprogramme", "contactperson"],
    "thesaurus": ["thesaurusentry"],  # the search terms ("Suchbegriffe")
    "cities": ["neighbourhood"],
    "news": ["newscategory"],
    "core": ["sitesettings"],
    "wagtailredirects": ["redirect"],
    "wagtailcore": ["collection", "workflow", "task"],
    "wagtailforms": ["formsubmission"],
    "auth": ["user", "group"],
    "feedback": ["barrierreport"],  # "Barriere melden" reports (personal data: editorial office only)
}
# Read-only for the editorial office: the "Suchanfragen" report (querylog.SearchQueryCount has only "view").
EDITORIAL_READS = {"querylog": ["searchquerycount"]}
# City editors: their city's contact persons and neighbourhoods (narrowed to their city by cities.permissions).
CITY_MODELS = {"taxonomy": ["contactperson"], "cities": ["neighbourhood"]}


def _perm(dotted: str) -> Permission:
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _model_perms(spec: dict[str, list[str]], actions=("add", "change", "delete", "view")) -> list[Permission]:
    codenames = [f"{action}_{model}" for models in spec.values() for model in models for action in actions]
    return list(Permission.objects.filter(content_type__app_label__in=spec.keys(), codename__in=codenames))


def _grant_pages(group: Group, page: Page, codenames: list[str]) -> None:
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=_perm(f"wagtailcore.{codename}"))


def _grant_collection(group: Group, collection: Collection, dotted: list[str]) -> None:
    for name in dotted:
        GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=_perm(name))


def _child_collection(parent: Collection, name: str) -> Collection:
    existing = parent.get_children().filter(name=name).first()
    return existing or parent.add_child(name=name)


# The root collection holds the network's public files (each city has its own collection below it).


@transaction.atomic
def ensure_base_roles() -> dict[str, Group]:
    """Redaktion, Netzwerk, the members-only collection and the review workflow."""
    access_admin = _perm("wagtailadmin.access_admin")
    editorial, _created = Group.objects.get_or_create(name=EDITORIAL)
    members, _created = Group.objects.get_or_create(name=MEMBERS)
    editorial.permissions.add(access_admin, *_model_perms(EDITORIAL_MODELS), *_model_perms(EDITORIAL_READS, ("view",)))
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    if root_page is not None:
        _grant_pages(editorial, root_page, PAGE_EDITORIAL)
    if root_collection is not None:
        if root_collection.name == "Root":  # Wagtail's English name, shown in every upload form
            root_collection.name = audiences.ROOT_COLLECTION_NAME
            root_collection.save(update_fields=["name"])
        _grant_collection(editorial, root_collection, FILES_ALL)
        members_only_child(root_collection)
    if root_page is not None:
        ensure_workflow(editorial, root_page)
    return {EDITORIAL: editorial, MEMBERS: members}


def ensure_workflow(editorial: Group, root_page: Page) -> Workflow:
    """One workflow for the whole tree: every change by a city editor waits for the editorial office."""
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    task = ensure_review_task()
    task.groups.add(editorial)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    assignment = WorkflowPage.objects.filter(page=root_page).first()
    if assignment is None:
        WorkflowPage.objects.create(page=root_page, workflow=workflow)
    elif assignment.workflow_id != workflow.pk:
        previous = assignment.workflow
        assignment.workflow = workflow
        assignment.save()
        if previous.name == "Moderators approval" and not previous.workflow_pages.exists():
            previous.active = False  # Wagtail's default workflow: replaced, kept for its history
            previous.save(update_fields=["active"])
    return workflow


def ensure_review_task() -> ReviewTask:
    """The review task (members.models.ReviewTask). A plain GroupApprovalTask of the same name — from before the
    platform had its own task type; migration 0002 converts it, this is the fallback — becomes one in place."""
    task = ReviewTask.objects.filter(name=TASK_NAME).first()
    if task is not None:
        return task
    legacy = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if legacy is None:
        return ReviewTask.objects.create(name=TASK_NAME)
    ReviewTask(groupapprovaltask_ptr_id=legacy.pk).save_base(raw=True)  # the child row only; the task row stays
    Task.objects.filter(pk=legacy.pk).update(content_type=ContentType.objects.get_for_model(ReviewTask))
    return ReviewTask.objects.get(pk=legacy.pk)


@transaction.atomic
def ensure_city_role(city) -> Group:
    """The group "Stadtredaktion <city>" with its subtree and its collection (and members-only sub-collection)."""
    ensure_base_roles()
    group, _created = Group.objects.get_or_create(name=f"{CITY_PREFIX}{city.title}"[:150])
    group.permissions.add(_perm("wagtailadmin.access_admin"), *_model_perms(CITY_MODELS, ("add", "change", "view")))
    _grant_pages(group, city, PAGE_CITY)
    root_collection = Collection.get_first_root_node()
    collection = _child_collection(root_collection, city_collection_name(city))
    _grant_collection(group, collection, FILES_CITY)
    members_only_child(collection)
    return group


def ensure_roles() -> list[Group]:
    groups = list(ensure_base_roles().values())
    for city in CityPage.objects.order_by("path"):
        groups.append(ensure_city_role(city))
    return groups


def city_group_for(city) -> Group | None:
    return Group.objects.filter(name=f"{CITY_PREFIX}{city.title}"[:150]).first()
