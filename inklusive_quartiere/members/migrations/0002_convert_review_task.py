from django.db import migrations

# members.roles.TASK_NAME at the time of writing (a migration must not follow later renames).
TASK_NAME = "Freigabe durch die Redaktion"


def to_review_task(apps, schema_editor):
    """The existing GroupApprovalTask becomes a ReviewTask in place: a row in the new table pointing at it, and the
    task's content type switched, so that the workflow, its task states and the history keep their ids."""
    group_task_model = apps.get_model("wagtailcore", "GroupApprovalTask")
    task_model = apps.get_model("wagtailcore", "Task")
    review_task_model = apps.get_model("members", "ReviewTask")
    content_type_model = apps.get_model("contenttypes", "ContentType")
    review_type, _created = content_type_model.objects.get_or_create(app_label="members", model="reviewtask")
    for task in group_task_model.objects.filter(name=TASK_NAME):
        if review_task_model.objects.filter(pk=task.pk).exists():
            continue
        # raw: insert only the child row; the parent rows (name, groups) stay as they are.
        review_task_model(groupapprovaltask_ptr_id=task.pk).save_base(raw=True)
        task_model.objects.filter(pk=task.pk).update(content_type=review_type)


def to_group_approval_task(apps, schema_editor):
    """Backwards: the task is a plain GroupApprovalTask again (0001's reversal drops the child table)."""
    task_model = apps.get_model("wagtailcore", "Task")
    review_task_model = apps.get_model("members", "ReviewTask")
    content_type_model = apps.get_model("contenttypes", "ContentType")
    group_type, _created = content_type_model.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    ids = list(review_task_model.objects.values_list("pk", flat=True))
    task_model.objects.filter(pk__in=ids).update(content_type=group_type)


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0001_review_task"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(to_review_task, to_group_approval_task)]
