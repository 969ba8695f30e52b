"""The reviewer's one set of actions, the note it asks for, and the comparison with the live version
(members/models.py ReviewTask, members/review.py)."""

import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import translation
from wagtail.models import GroupApprovalTask, Task, TaskState, Workflow, WorkflowState

from inklusive_quartiere.cities.models import CityPage
from inklusive_quartiere.members.models import ReviewTask
from inklusive_quartiere.members.roles import EDITORIAL, MEMBERS, TASK_NAME, WORKFLOW_NAME, ensure_roles
from inklusive_quartiere.steckbriefe.models import SteckbriefPage
from inklusive_quartiere.steckbriefe.tests.factories import make_steckbrief
from inklusive_quartiere.testing.accounts import login_verified, user_in_groups
from inklusive_quartiere.testing.forms import steckbrief_form

pytestmark = pytest.mark.django_db

THE_SET = [
    ("approve", "Freigeben und veröffentlichen"),
    ("approve", "Freigeben mit Anmerkung und veröffentlichen"),
    ("reject", "Zurück an die Stadt (mit Anmerkung)"),
    ("action-save-draft", "Entwurf speichern"),
]


@pytest.fixture
def office(demo):
    return user_in_groups("pruefer", EDITORIAL, MEMBERS)


@pytest.fixture
def ulm_editor(demo):
    return user_in_groups("stadt-ulm", "Stadtredaktion Ulm", MEMBERS)


@pytest.fixture
def in_review(ulm_editor):
    """A live Ulm Steckbrief whose change the city editor submitted."""
    page = SteckbriefPage.objects.live().child_of(CityPage.objects.get(title="Ulm")).order_by("pk").first()
    draft = page.get_latest_revision_as_object()
    draft.title = "Quartierskonferenz (überarbeitet)"
    draft.save_revision(user=ulm_editor)
    Workflow.objects.get(name=WORKFLOW_NAME).start(draft, ulm_editor)
    return SteckbriefPage.objects.get(pk=page.pk)


def footer(client, page) -> tuple[list[tuple[str, str]], str]:
    """(name, label) of every footer action, the main one first, and the edit view's HTML."""
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    menu = response.context["action_menu"]
    with translation.override("de"):
        items = [(item.name, str(item.label)) for item in [menu.default_item, *menu.menu_items]]
    return items, response.content.decode()


def test_workflow_uses_the_review_task(demo):
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    tasks = [task.specific for task in workflow.tasks.all()]
    assert len(tasks) == 1 and isinstance(tasks[0], ReviewTask) and tasks[0].name == TASK_NAME
    assert list(tasks[0].groups.values_list("name", flat=True)) == [EDITORIAL]


def test_reviewer_sees_exactly_one_set_of_actions(client, office, in_review):
    login_verified(client, office)
    items, html = footer(client, in_review)
    assert items == THE_SET  # "Freigeben und veröffentlichen" is the main button
    for hidden in ('name="action-publish"', 'name="action-unpublish"', 'name="action-cancel-workflow"'):
        assert hidden not in html
    for wagtail_word in ("genehmigen", "Änderungen anfordern", "und Veröffentlichen", "Workflow abbrechen"):
        assert wagtail_word not in html
    assert "Freigeben mit Anmerkung und veröffentlichen" in html


def test_pages_not_in_review_keep_wagtails_menu(client, office, in_review):
    login_verified(client, office)
    other = SteckbriefPage.objects.live().exclude(pk=in_review.pk).first()
    items, _html = footer(client, other)
    names = [name for name, _label in items]
    assert "action-publish" in names and "approve" not in names


def test_city_editor_gets_no_review_actions(client, ulm_editor, in_review):
    login_verified(client, ulm_editor)
    items, _html = footer(client, in_review)
    assert not {name for name, _label in items} & {"approve", "reject", "action-publish"}


def test_the_notes_dialogs_use_the_same_words(client, office, in_review):
    login_verified(client, office)
    task_state = in_review.current_workflow_task_state
    base = f"/admin/pages/workflow/collect_action_data/{in_review.pk}"
    ajax = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}

    back = client.get(f"{base}/reject/{task_state.pk}/", **ajax)
    assert back.status_code == 200
    body = json.loads(back.content)["html"]
    assert "Zurück an die Stadt (mit Anmerkung)" in body and "Anmerkung für die Stadtredaktion" in body
    refused = client.post(f"{base}/reject/{task_state.pk}/", {"comment": ""}, **ajax)
    assert "Bitte schreiben Sie, was die Stadt ändern soll." in json.loads(refused.content)["html"]

    approve = json.loads(client.get(f"{base}/approve/{task_state.pk}/", **ajax).content)["html"]
    assert "Freigeben mit Anmerkung und veröffentlichen" in approve and "Anmerkung" in approve


def test_return_to_the_city_through_the_editor(client, ulm_editor, office):
    """End to end: the city submits in the editor, the office gives it back with a note, the city sees the note."""
    ulm = CityPage.objects.get(title="Ulm")
    form = steckbrief_form(title="Nachbarschaftsbank am Münsterplatz", slug="nachbarschaftsbank")
    login_verified(client, ulm_editor)
    response = client.post(f"/admin/pages/add/steckbriefe/steckbriefpage/{ulm.pk}/", {**form, "action-submit": "1"})
    assert response.status_code == 302
    page = SteckbriefPage.objects.get(slug="nachbarschaftsbank")

    login_verified(client, office)
    note = "Bitte ein Foto mit Alternativtext ergänzen."
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        {
            **form,
            "action-workflow-action": "1",
            "workflow-action-name": "reject",
            "workflow-action-extra-data": json.dumps({"comment": note}),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == note

    login_verified(client, ulm_editor)
    html = client.get("/admin/").content.decode()
    returned = html[html.index('id="city-returned-section"') :]
    assert note in returned and f'href="/admin/pages/{page.pk}/edit/"' in returned


def test_approve_with_note_publishes_and_keeps_the_note(office, in_review):
    task_state = in_review.current_workflow_task_state
    task_state.task.specific.on_action(task_state, office, "approve", comment="Danke, gut verständlich.")
    page = SteckbriefPage.objects.get(pk=in_review.pk)
    assert page.live and page.title == "Quartierskonferenz (überarbeitet)" and not page.has_unpublished_changes
    assert TaskState.objects.get(pk=task_state.pk).comment == "Danke, gut verständlich."


# -- comparing the submitted revision with the live one -----------------------------------------------


def test_editor_header_links_to_the_comparison_live_vs_submitted(client, office, in_review):
    submitted = in_review.current_workflow_task_state.revision_id
    login_verified(client, office)
    # the office corrects a typo afterwards: the comparison still shows what the city submitted
    corrected = in_review.get_latest_revision_as_object()
    corrected.title = "Quartierskonferenz (überarbeitet, korrigiert)"
    corrected.save_revision(user=office)
    _items, html = footer(client, in_review)
    compare = f"/admin/pages/{in_review.pk}/revisions/compare/{in_review.live_revision_id}...{submitted}/"
    assert f'href="{compare}"' in html
    assert "Mit veröffentlichter Fassung vergleichen" in html
    response = client.get(compare)
    assert response.status_code == 200
    compared = response.content.decode().split('<table class="listing', 1)[1]  # (headings name the latest draft)
    assert "überarbeitet" in compared and "korrigiert" not in compared  # the submitted revision, not the latest


def test_new_page_says_there_is_no_live_version(client, office, ulm_editor):
    page = make_steckbrief(CityPage.objects.get(title="Ulm"), publish=False, title="Ganz neu", slug="ganz-neu")
    page.get_latest_revision_as_object().save_revision(user=ulm_editor)
    state = Workflow.objects.get(name=WORKFLOW_NAME).start(page, ulm_editor)
    login_verified(client, office)
    _items, html = footer(client, page)
    assert "Neue Seite – noch keine veröffentlichte Fassung: eingereichte Fassung ansehen" in html
    view = f"/admin/pages/{page.pk}/revisions/{state.current_task_state.revision_id}/view/"
    assert f'href="{view}"' in html
    assert client.get(view).status_code == 200


def test_city_editor_header_has_no_review_link(client, ulm_editor, in_review):
    login_verified(client, ulm_editor)
    _items, html = footer(client, in_review)
    assert "Mit veröffentlichter Fassung vergleichen" not in html


# -- the task object ----------------------------------------------------------------------------------


def test_a_plain_group_approval_task_is_converted_in_place(in_review):
    """A database from before the platform's task type: ensure_roles turns the task into a ReviewTask, keeping
    its id, groups, workflow and the review in progress (migration 0002 does the same)."""
    task = ReviewTask.objects.get(name=TASK_NAME)
    Task.objects.filter(pk=task.pk).update(content_type=ContentType.objects.get_for_model(GroupApprovalTask))
    ReviewTask.objects.filter(pk=task.pk)._raw_delete("default")  # the child row only
    assert type(Task.objects.get(pk=task.pk).specific) is GroupApprovalTask

    counts = (Task.objects.count(), TaskState.objects.count())
    ensure_roles()
    ensure_roles()
    converted = Task.objects.get(pk=task.pk).specific
    assert type(converted) is ReviewTask
    assert list(converted.groups.values_list("name", flat=True)) == [EDITORIAL]
    assert (Task.objects.count(), TaskState.objects.count()) == counts
    assert [t.pk for t in Workflow.objects.get(name=WORKFLOW_NAME).tasks.all()] == [task.pk]
    assert in_review.current_workflow_task_state.task.specific == converted
