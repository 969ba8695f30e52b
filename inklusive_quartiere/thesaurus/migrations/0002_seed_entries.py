"""The seed list (``seed/thesaurus.txt``) on a fresh install; terms the office already has are left alone."""

from django.db import migrations


def load_seed(apps, schema_editor):
    from inklusive_quartiere.thesaurus.seed import seed_entries  # the file as it is when the migration runs

    entry_model = apps.get_model("thesaurus", "ThesaurusEntry")
    existing = {term.lower() for term in entry_model.objects.values_list("term", flat=True)}
    entry_model.objects.bulk_create(
        [entry_model(**entry) for entry in seed_entries() if entry["term"].lower() not in existing]
    )


class Migration(migrations.Migration):
    dependencies = [("thesaurus", "0001_thesaurus_entry")]

    operations = [migrations.RunPython(load_seed, migrations.RunPython.noop)]
