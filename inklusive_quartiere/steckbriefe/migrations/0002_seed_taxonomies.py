"""The eleven Steckbrief categories of the network and the standard target groups (editable afterwards)."""

from django.db import migrations
from django.utils.text import slugify

CATEGORIES = [
    "Einstieg in die Quartiersentwicklung", "Beteiligungskultur", "Innovation", "Inklusion",
    "Gutes Älterwerden im Quartier", "Digitalisierung", "Bürgerengagement", "Mobilität und Klimaschutz",
    "Strategie", "Orte der Begegnung", "Verantwortungspartnerschaften",
]
TARGET_GROUPS = [
    "Ältere Menschen", "Menschen mit Behinderungen", "Kinder und Jugendliche", "Familien",
    "Menschen mit Migrationsgeschichte", "Ehrenamtliche", "Alle Bewohnerinnen und Bewohner",
    "Verwaltung und Fachkräfte",
]


def _slug(name):
    return slugify(name.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("Ä", "Ae")
                   .replace("Ö", "Oe").replace("Ü", "Ue").replace("ß", "ss"))


def seed(apps, schema_editor):
    for model_name, names in (("Category", CATEGORIES), ("TargetGroup", TARGET_GROUPS)):
        model = apps.get_model("steckbriefe", model_name)
        for order, name in enumerate(names):
            model.objects.get_or_create(name=name, defaults={"slug": _slug(name), "sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("steckbriefe", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
