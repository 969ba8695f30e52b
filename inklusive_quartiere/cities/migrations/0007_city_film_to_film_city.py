"""One relation for "the city's film": the film names its city (``FilmPage.city``); ``CityPage.film`` goes (0008).

A city that chose a film which does not name it yet hands the choice over: the film gets the city, in its row and
in its latest and live revisions, so that the next publish from the editor keeps it. A film that already names
another city keeps that city: the film owns the relation.
"""

from django.db import migrations


def city_film_to_film_city(apps, schema_editor):
    CityPage = apps.get_model("cities", "CityPage")
    FilmPage = apps.get_model("films", "FilmPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    for city_id, film_id in CityPage.objects.filter(film__isnull=False).values_list("pk", "film_id"):
        film = FilmPage.objects.filter(pk=film_id, city__isnull=True).first()
        if film is None:
            continue  # already mirrored, or another city's film
        FilmPage.objects.filter(pk=film_id).update(city_id=city_id)
        revision_ids = {film.latest_revision_id, film.live_revision_id} - {None}
        for revision in Revision.objects.filter(pk__in=revision_ids):
            if not revision.content.get("city"):
                revision.content["city"] = city_id
                revision.save(update_fields=["content"])


def film_city_to_city_film(apps, schema_editor):
    """Backwards: each city without a chosen film gets the first film (by position) that names it."""
    CityPage = apps.get_model("cities", "CityPage")
    FilmPage = apps.get_model("films", "FilmPage")
    for film_id, city_id in FilmPage.objects.filter(city__isnull=False).order_by("path").values_list("pk", "city_id"):
        CityPage.objects.filter(pk=city_id, film__isnull=True).update(film_id=film_id)


class Migration(migrations.Migration):

    dependencies = [
        ('cities', '0006_contact_in_taxonomy'),
        ('films', '0002_signlanguagepage'),
        ('wagtailcore', '0097_baselogentry_uuid_action_timestamp_indexes'),
    ]

    operations = [
        migrations.RunPython(city_film_to_film_city, film_city_to_city_film, elidable=False),
    ]
