"""The content token now belongs to core (core.0006): the catalogue's IndexState leaves the state, its table and
row stay. Its content type is carried over in place (``catalogue.indexstate`` → ``core.contenttoken``, with the
permission code names), so nothing that refers to it by id changes and no stale content type is left behind.
"""

from django.db import migrations

ACTIONS = ("add", "change", "delete", "view")


def _carry_over(apps, schema_editor, old, new, verbose_name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    (old_label, old_model), (new_label, new_model) = old, new
    if ContentType.objects.filter(app_label=new_label, model=new_model).exists():
        return  # content types created after the move: nothing to carry over
    content_type = ContentType.objects.filter(app_label=old_label, model=old_model).first()
    if content_type is None:
        return  # a new database: post_migrate creates the content type
    content_type.app_label, content_type.model = new_label, new_model
    content_type.save(update_fields=["app_label", "model"])
    for action in ACTIONS:
        Permission.objects.filter(content_type=content_type, codename=f"{action}_{old_model}").update(
            codename=f"{action}_{new_model}", name=f"Can {action} {verbose_name}"
        )
    # The running process caches content types by id and natural key; a stale entry would name the old label.
    from django.contrib.contenttypes.models import ContentType as CurrentContentType

    CurrentContentType.objects.clear_cache()


def forwards(apps, schema_editor):
    _carry_over(apps, schema_editor, ("catalogue", "indexstate"), ("core", "contenttoken"), "Inhaltsstand")


def backwards(apps, schema_editor):
    _carry_over(apps, schema_editor, ("core", "contenttoken"), ("catalogue", "indexstate"), "Indexstand")


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('auth', '0012_alter_user_first_name_max_length'),
        ('catalogue', '0001_initial'),
        ('core', '0006_content_token'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # State only: the table and its row stay (now core.ContentToken).
            state_operations=[
                migrations.DeleteModel(name='IndexState'),
            ],
        ),
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
