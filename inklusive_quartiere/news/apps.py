from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from inklusive_quartiere.core import registry
from inklusive_quartiere.core.page_cache import register_page_type, register_shown_model


class NewsConfig(AppConfig):
    name = "inklusive_quartiere.news"
    label = "news"
    verbose_name = _("Neuigkeiten")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # deferred: ready() runs once every app's models are loaded; the section imports them
        from .home import news_section

        registry.add_home_section("news", news_section)  # the home page's latest news (core/home_sections.py)
        # What the anonymous page cache evicts when something changes (core/page_cache.py).
        register_page_type("news.NewsIndexPage")
        register_page_type("news.NewsPage")
        register_page_type("core.HomePage", "news.NewsPage")  # the home page lists the latest news
        register_shown_model("news.NewsCategory")
