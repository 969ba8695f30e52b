"""Give every neighbourhood a place (sort_order) in the order the editor and the city pages show them (city, then
name); new ones are numbered on save (Neighbourhood.save). Unnumbered rows sorted differently on SQLite and
PostgreSQL and could not be moved by the listing's drag-and-drop ordering."""

from django.db import migrations


def number_neighbourhoods(apps, schema_editor):
    Neighbourhood = apps.get_model("cities", "Neighbourhood")
    if not Neighbourhood.objects.filter(sort_order__isnull=True).exists():
        return
    rows = list(Neighbourhood.objects.select_related("city"))
    rows.sort(key=lambda row: (row.city.title, row.sort_order is None, row.sort_order or 0, row.name, row.pk))
    for position, row in enumerate(rows):
        if row.sort_order != position:
            row.sort_order = position
            row.save(update_fields=["sort_order"])


class Migration(migrations.Migration):

    dependencies = [
        ("cities", "0004_neighbourhood_snippet"),
    ]

    operations = [migrations.RunPython(number_neighbourhoods, migrations.RunPython.noop)]
