from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from inklusive_quartiere.core import registry
from inklusive_quartiere.core.page_cache import register_page_type


class FilmsConfig(AppConfig):
    name = "inklusive_quartiere.films"
    label = "films"
    verbose_name = _("Filme")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # deferred: ready() runs once every app's models are loaded; these modules import models
        from . import signals
        from .captioned import CAPTIONS_UPLOAD_TO, captions_access
        from .home import film_section

        signals.connect()
        registry.add_media_lookup(CAPTIONS_UPLOAD_TO, captions_access)
        registry.add_home_section("film", film_section)  # the home page's film (core/home_sections.py)

        # What the anonymous page cache evicts when something changes (core/page_cache.py).
        register_page_type("films.FilmIndexPage")
        register_page_type("films.FilmPage")
        # A city page plays whichever film names the city ({% city_film %}): every film change may concern it.
        register_page_type("cities.CityPage", "films.FilmPage")
        register_page_type("films.SignLanguagePage")
        register_page_type("core.HomePage", "films.FilmPage")  # the home page shows a chosen or the newest film
