"""A pictogram per category; the eleven seeded categories (steckbriefe.0002) get their own drawing by slug."""

from django.db import migrations, models


SEEDED = {
    "einstieg-in-die-quartiersentwicklung": "einstieg",
    "beteiligungskultur": "beteiligung",
    "innovation": "innovation",
    "inklusion": "inklusion",
    "gutes-aelterwerden-im-quartier": "aelterwerden",
    "digitalisierung": "digitalisierung",
    "buergerengagement": "engagement",
    "mobilitaet-und-klimaschutz": "mobilitaet",
    "strategie": "strategie",
    "orte-der-begegnung": "begegnung",
    "verantwortungspartnerschaften": "partnerschaft",
}


def set_seeded(apps, schema_editor):
    category = apps.get_model("taxonomy", "Category")
    for slug, pictogram in SEEDED.items():
        category.objects.filter(slug=slug, pictogram="generic").update(pictogram=pictogram)


class Migration(migrations.Migration):
    dependencies = [
        ("taxonomy", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="category",
            name="pictogram",
            field=models.CharField(
                choices=[
                    ("generic", "Allgemein (Häuser)"),
                    ("einstieg", "Wegweiser (Einstieg)"),
                    ("beteiligung", "Sprechblasen (Beteiligung)"),
                    ("innovation", "Glühbirne (Innovation)"),
                    ("inklusion", "Menschen im Kreis (Inklusion)"),
                    ("aelterwerden", "Person mit Gehstock (Älterwerden)"),
                    ("digitalisierung", "Bildschirm mit Funk (Digitalisierung)"),
                    ("engagement", "Herz in der Hand (Engagement)"),
                    ("mobilitaet", "Fahrrad und Blatt (Mobilität und Klima)"),
                    ("strategie", "Weg zum Ziel (Strategie)"),
                    ("begegnung", "Bank unter Baum (Begegnung)"),
                    ("partnerschaft", "Verbundene Ringe (Partnerschaft)"),
                ],
                default="generic",
                help_text="Das Bildzeichen der Kategorie: neben ihrem Namen, auf Steckbrief-Karten und als Bild eines Steckbriefs ohne eigenes Foto.",
                max_length=30,
                verbose_name="Piktogramm",
            ),
        ),
        migrations.RunPython(set_seeded, migrations.RunPython.noop),
    ]
