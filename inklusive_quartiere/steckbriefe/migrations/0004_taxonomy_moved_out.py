"""Categories, target groups, funding programmes and contact persons now belong to the taxonomy app.

State only: the tables (``steckbriefe_category`` …), their rows and every foreign key stay as they are; the
Steckbrief's fields now point at the taxonomy models. The content types are renamed in place (app label
``steckbriefe`` → ``taxonomy``), so the rows that refer to them by id — permissions and the groups holding them,
revisions, log entries, Wagtail's reference index — keep pointing at the same objects.
"""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models

MOVED_MODELS = ("category", "targetgroup", "fundingprogramme", "contactperson")


def _rename_content_types(apps, old_label, new_label):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED_MODELS:
        if ContentType.objects.filter(app_label=new_label, model=model).exists():
            # Already there (a database whose content types were created after the move): nothing to carry over.
            continue
        ContentType.objects.filter(app_label=old_label, model=model).update(app_label=new_label)
    # The running process caches content types by id and natural key; a stale entry would name the old label.
    from django.contrib.contenttypes.models import ContentType as CurrentContentType

    CurrentContentType.objects.clear_cache()


def forwards(apps, schema_editor):
    _rename_content_types(apps, "steckbriefe", "taxonomy")


def backwards(apps, schema_editor):
    _rename_content_types(apps, "taxonomy", "steckbriefe")


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('steckbriefe', '0003_city_lanes_related_links'),
        ('taxonomy', '0001_initial'),
        # Every other field pointing at the moved models must follow before the old models leave the state.
        ('cities', '0006_contact_in_taxonomy'),
        ('events', '0003_topic_in_taxonomy'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # State only: the tables, their rows and foreign key constraints stay as they are.
            state_operations=[
                migrations.AlterField(
                    model_name='steckbriefpage',
                    name='categories',
                    field=modelcluster.fields.ParentalManyToManyField(help_text='Mindestens eine Kategorie.', related_name='steckbriefe', to='taxonomy.category', verbose_name='Kategorien'),
                ),
                migrations.AlterField(
                    model_name='steckbriefpage',
                    name='target_groups',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='steckbriefe', to='taxonomy.targetgroup', verbose_name='Zielgruppen'),
                ),
                migrations.AlterField(
                    model_name='steckbriefpage',
                    name='funding_programmes',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='steckbriefe', to='taxonomy.fundingprogramme', verbose_name='Förderprogramme'),
                ),
                migrations.AlterField(
                    model_name='steckbriefpage',
                    name='contact',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='steckbriefe', to='taxonomy.contactperson', verbose_name='Ansprechperson'),
                ),
                migrations.DeleteModel(name='Category'),
                migrations.DeleteModel(name='TargetGroup'),
                migrations.DeleteModel(name='FundingProgramme'),
                migrations.DeleteModel(name='ContactPerson'),
            ],
        ),
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
