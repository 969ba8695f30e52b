"""The model moves of issue 15 lose nothing: the taxonomies (steckbriefe → taxonomy), the content token
(catalogue.IndexState → core.ContentToken) and the city's film (CityPage.film → FilmPage.city, one relation).

A database at the state before the moves gets a category, a contact person, a Steckbrief using both, a group
holding the category's permission, a reference index row and the content token's row, written with the historical
models of that state. Migrating forward must leave every row where it was: the same ids, the same content type rows
(renamed to their new labels), the permission still granted through the group, the reference still found.

The migrations run on a fresh SQLite file that stands in for the default connection during the test, so the
session's test database (with the demo content) is untouched.
"""

import datetime
import uuid

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.db import connections
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import ReferenceIndex, Revision

from inklusive_quartiere.cities.models import CityPage
from inklusive_quartiere.core.content_token import ContentToken
from inklusive_quartiere.films.models import FilmPage
from inklusive_quartiere.steckbriefe.models import SteckbriefPage
from inklusive_quartiere.taxonomy.models import Category, ContactPerson

BEFORE_THE_MOVE = [
    ("steckbriefe", "0003_city_lanes_related_links"),
    ("cities", "0005_number_neighbourhoods"),
    ("events", "0002_related_steckbrief_links"),
    ("catalogue", "0001_initial"),
    ("core", "0005_alt_text_image_block"),
    ("films", "0002_signlanguagepage"),
]
MOVED = ("category", "targetgroup", "fundingprogramme", "contactperson")


@pytest.fixture
def scratch_database(tmp_path, django_db_blocker):
    """An empty SQLite database serving as the default connection for the test's duration."""
    original = connections["default"]
    settings_dict = {**original.settings_dict, "NAME": str(tmp_path / "before-the-move.sqlite3")}
    scratch = original.__class__(settings_dict, alias="default")
    connections["default"] = scratch
    ContentType.objects.clear_cache()
    try:
        with django_db_blocker.unblock():
            yield scratch
    finally:
        scratch.close()
        connections["default"] = original
        ContentType.objects.clear_cache()


def _write_before_the_move(apps):
    """Rows as they looked while the taxonomies belonged to the steckbriefe app (historical models only)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    Locale = apps.get_model("wagtailcore", "Locale")
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    Category = apps.get_model("steckbriefe", "Category")
    ContactPerson = apps.get_model("steckbriefe", "ContactPerson")
    SteckbriefPage = apps.get_model("steckbriefe", "SteckbriefPage")

    types = {model: ContentType.objects.create(app_label="steckbriefe", model=model) for model in MOVED}
    page_type = ContentType.objects.create(app_label="steckbriefe", model="steckbriefpage")
    base_page_type = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")[0]

    category = Category.objects.create(name="Verschobene Kategorie", slug="verschobene-kategorie")
    contact = ContactPerson.objects.create(name="Erika Beispiel", organisation="Quartiersbüro")
    steckbrief = SteckbriefPage.objects.create(
        title="Ein Steckbrief von vorher",
        slug="steckbrief-von-vorher",
        path="00010099",
        depth=2,
        url_path="/steckbrief-von-vorher/",
        content_type=page_type,
        locale=Locale.objects.first(),
        summary="Kurz.",
        start_date=datetime.date(2024, 1, 1),
        cost_band="low",
        staff_effort="low",
        duration="short",
        contact=contact,
    )
    SteckbriefPage.categories.through.objects.create(steckbriefpage=steckbrief, category=category)

    change_category = Permission.objects.create(
        codename="change_category", name="Can change Kategorie", content_type=types["category"]
    )
    office = Group.objects.create(name="Redaktion vorher")
    office.permissions.add(change_category)
    ReferenceIndex.objects.create(
        content_type=page_type,
        base_content_type=base_page_type,
        object_id=str(steckbrief.pk),
        to_content_type=types["category"],
        to_object_id=str(category.pk),
        model_path="categories.item",
        content_path="categories.item",
        content_path_hash=uuid.uuid4(),
    )
    IndexState = apps.get_model("catalogue", "IndexState")
    IndexState.objects.create(pk=1, version=41, token="stand-vor-dem-umzug")
    token_type = ContentType.objects.create(app_label="catalogue", model="indexstate")
    Permission.objects.create(codename="view_indexstate", name="Can view Indexstand", content_type=token_type)
    # A city that chose a film which does not name it (the film's latest revision names no city either).
    CityPageBefore = apps.get_model("cities", "CityPage")
    FilmPageBefore = apps.get_model("films", "FilmPage")
    RevisionBefore = apps.get_model("wagtailcore", "Revision")
    film_type = ContentType.objects.create(app_label="films", model="filmpage")
    film = FilmPageBefore.objects.create(
        title="Film von vorher",
        slug="film-von-vorher",
        path="00010097",
        depth=2,
        url_path="/film-von-vorher/",
        content_type=film_type,
        locale=Locale.objects.first(),
        summary="Kurz.",
    )
    revision = RevisionBefore.objects.create(
        content_type=film_type,
        base_content_type=base_page_type,
        object_id=str(film.pk),
        content={"pk": film.pk, "title": film.title, "city": None},
        created_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC),
    )
    FilmPageBefore.objects.filter(pk=film.pk).update(latest_revision=revision)
    city = CityPageBefore.objects.create(
        title="Vorherstadt",
        slug="vorherstadt",
        path="00010098",
        depth=2,
        url_path="/vorherstadt/",
        content_type=ContentType.objects.create(app_label="cities", model="citypage"),
        locale=Locale.objects.first(),
        network="stadtlabor",
        district="Stadtkreis",
        regierungsbezirk="tuebingen",
        film=film,
    )
    return {
        "film": film.pk,
        "film_revision": revision.pk,
        "city": city.pk,
        "token_type": token_type.pk,
        "types": {model: ct.pk for model, ct in types.items()},
        "category": category.pk,
        "contact": contact.pk,
        "steckbrief": steckbrief.pk,
        "permission": change_category.pk,
        "group": office.pk,
    }


@pytest.mark.skipif(
    connections["default"].vendor != "sqlite",
    reason="migrates a scratch SQLite file swapped in for the default database",
)
def test_the_model_moves_keep_rows_content_types_permissions_and_references(scratch_database):
    executor = MigrationExecutor(scratch_database)
    executor.migrate(BEFORE_THE_MOVE)
    before = _write_before_the_move(executor.loader.project_state(BEFORE_THE_MOVE).apps)

    executor = MigrationExecutor(scratch_database)
    executor.migrate(executor.loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()

    category = Category.objects.get(pk=before["category"])
    assert category.slug == "verschobene-kategorie"
    steckbrief = SteckbriefPage.objects.get(pk=before["steckbrief"])
    assert list(steckbrief.categories.all()) == [category]
    assert steckbrief.contact == ContactPerson.objects.get(pk=before["contact"])

    # The same content type rows, now labelled taxonomy; none left (or made anew) under the old label.
    for model, pk in before["types"].items():
        assert ContentType.objects.get(pk=pk).app_label == "taxonomy", model
    assert ContentType.objects.get_for_model(Category).pk == before["types"]["category"]
    assert not ContentType.objects.filter(app_label="steckbriefe", model__in=MOVED).exists()

    # The group's grant is the same row and now reads as a taxonomy permission.
    assert Permission.objects.get(pk=before["permission"]) in Group.objects.get(pk=before["group"]).permissions.all()
    editor = User.objects.create_user("redaktion-vorher")
    editor.groups.add(before["group"])
    assert editor.has_perm("taxonomy.change_category")

    # Wagtail's reference index still finds the Steckbrief as a user of the category ("Verwendung").
    usages = ReferenceIndex.get_references_to(category)
    assert [(row.object_id, row.to_object_id) for row in usages] == [(str(steckbrief.pk), str(category.pk))]

    # The content token: the same row (table catalogue_indexstate), read through core; its content type carried over.
    assert ContentToken.current() == "stand-vor-dem-umzug"
    assert ContentToken.objects.get().version == 41
    assert ContentType.objects.get_for_model(ContentToken).pk == before["token_type"]
    assert Permission.objects.filter(content_type_id=before["token_type"]).get().codename == "view_contenttoken"
    assert not ContentType.objects.filter(app_label="catalogue", model="indexstate").exists()

    # The city's film: the film now names the city, in its row and in its latest revision; the city stores none.
    assert FilmPage.objects.get(pk=before["film"]).city == CityPage.objects.get(pk=before["city"])
    assert Revision.objects.get(pk=before["film_revision"]).content["city"] == before["city"]
    with scratch_database.cursor() as cursor:
        columns = {c.name for c in scratch_database.introspection.get_table_description(cursor, "cities_citypage")}
    assert "film_id" not in columns and "contact_id" in columns
