"""The home page's sections: blocks the editorial office arranges in the home page's body (``HomeStreamBlock``).

Search, topics, Steckbriefe (newest or chosen), next events, latest news and a film, next to the ordinary text
blocks. core names no feature app (inklusive_quartiere/layers.py): each section's content comes from the app that
owns it, registered with ``registry.add_home_section(kind, provider)`` in its ``AppConfig.ready()``; page choosers
name their page type as a string. A section whose provider has nothing to show for this visitor renders nothing —
no heading over an empty list. Every provider passes its pages through ``core.visibility`` (the one rule).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import Site

from . import chrome, registry
from .blocks import BodyStreamBlock
from .text import german_slug

GROUP = _("Startseite")
COUNT_MAX = 12


COUNT_LABEL = _("Anzahl")


def _count_block(default: int, label=COUNT_LABEL) -> blocks.IntegerBlock:
    return blocks.IntegerBlock(label=label, default=default, min_value=1, max_value=COUNT_MAX)


class SectionBlock(blocks.StructBlock):
    """A home-page section with a heading (an h2) over what a feature app provides (``kind``)."""

    kind = ""
    # The section's heading is an h2: an h3 heading block after it is in order (BodyStreamBlock's outline check).
    renders_section_heading = True

    heading = blocks.CharBlock(label=_("Überschrift"), max_length=80)

    class Meta:
        group = GROUP

    def section(self, value, context) -> dict | None:
        request = (context or {}).get("request")
        if request is None:
            return None
        return registry.home_section(self.kind, request, value)

    def render(self, value, context=None):
        section = self.section(value, context)
        if not section or not section.get("items"):
            return ""
        new_context = self.get_context(value, parent_context=dict(context or {}))
        new_context["section"] = section
        # Stable across renders (the page's ETag is a hash of its body): from the kind and the heading.
        new_context["heading_id"] = f"startseite-{self.kind}-{german_slug(value.get('heading') or '')[:40]}"
        return mark_safe(render_to_string(self.meta.template, new_context))  # noqa: S308 (an autoescaped template)


class SearchSectionBlock(blocks.StructBlock):
    """The search field (the site search, /suche/). Put it first: it is what most visitors came for."""

    renders_section_heading = True

    heading = blocks.CharBlock(label=_("Überschrift (Beschriftung des Suchfelds)"), max_length=80)
    intro = blocks.TextBlock(
        label=_("Hinweis"),
        required=False,
        max_length=200,
        help_text=_("Ein kurzer Satz, wonach man suchen kann, z. B. „Maßnahme, Stadt oder Thema“."),
    )

    class Meta:
        group = GROUP
        icon = "search"
        label = _("Suche")
        template = "core/home/search.html"
        description = _("Das Suchfeld der Website mit Überschrift und kurzem Hinweis.")


class TopicsSectionBlock(SectionBlock):
    kind = "topics"

    intro = blocks.TextBlock(label=_("Einleitung"), required=False, max_length=200)

    class Meta:
        icon = "folder-open-inverse"
        label = _("Themen")
        template = "core/home/topics.html"
        description = _("Die Kategorien der Steckbriefe als Kacheln; jede führt zum gefilterten Katalog.")


NEWEST, FEATURED = "newest", "featured"


class SteckbriefeSectionBlock(SectionBlock):
    kind = "steckbriefe"

    mode = blocks.ChoiceBlock(
        label=_("Auswahl"),
        choices=[(NEWEST, _("Die neuesten Steckbriefe")), (FEATURED, _("Von der Redaktion ausgewählt"))],
        default=NEWEST,
    )
    pages = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="steckbriefe.SteckbriefPage", label=_("Steckbrief"), required=False),
        label=_("Ausgewählte Steckbriefe"),
        required=False,
        default=[],
        help_text=_(
            "Nur bei „Von der Redaktion ausgewählt“, in dieser Reihenfolge. Steckbriefe nur für Mitglieder sehen "
            "nur angemeldete Mitglieder."
        ),
    )
    count = _count_block(3, _("Höchstens so viele zeigen"))

    class Meta:
        icon = "doc-full"
        label = _("Steckbriefe")
        template = "core/home/steckbriefe.html"
        description = _("Die neuesten oder von der Redaktion ausgewählte Steckbriefe als Karten.")

    def clean(self, value):
        value = super().clean(value)
        if value.get("mode") == FEATURED and not [page for page in value.get("pages") or [] if page]:
            raise StructBlockValidationError(
                block_errors={"pages": ValidationError(_("Bitte wählen Sie mindestens einen Steckbrief aus."))}
            )
        return value


class EventsSectionBlock(SectionBlock):
    kind = "events"

    count = _count_block(3)

    class Meta:
        icon = "date"
        label = _("Nächste Termine")
        template = "core/home/events.html"
        description = _("Die nächsten Termine, der früheste zuerst. Ohne kommende Termine erscheint nichts.")


class NewsSectionBlock(SectionBlock):
    kind = "news"

    count = _count_block(3)

    class Meta:
        icon = "info-circle"
        label = _("Neuigkeiten")
        template = "core/home/news.html"
        description = _("Die neuesten Meldungen, die neueste zuerst.")


class FilmSectionBlock(SectionBlock):
    kind = "film"

    film = blocks.PageChooserBlock(
        page_type="films.FilmPage",
        label=_("Film"),
        required=False,
        help_text=_(
            "Leer lassen: der zuletzt veröffentlichte Film. Wer den gewählten Film nicht sehen darf (nur für "
            "Mitglieder), sieht den neuesten Film, den er sehen darf."
        ),
    )

    class Meta:
        icon = "media"
        label = _("Film")
        template = "core/home/film.html"
        description = _("Ein Film mit Vorschaubild und Kurzbeschreibung: ausgewählt oder der neueste.")


class HomeStreamBlock(BodyStreamBlock):
    """The home page's body: the text blocks of every content page plus the sections."""

    search = SearchSectionBlock()
    topics = TopicsSectionBlock()
    steckbriefe = SteckbriefeSectionBlock()
    events = EventsSectionBlock()
    news = NewsSectionBlock()
    film = FilmSectionBlock()


def index_url(request, model) -> str:
    """The address of the first live page of ``model`` (an overview such as the events or news page), or ''. The
    same for every visitor; kept per request and content token (``core.chrome``)."""

    def compute():
        page = model.objects.live().order_by("path").first()
        return page.get_url(request) if page is not None else ""

    site = Site.find_for_request(request)
    return chrome.shared(request, f"index-url:{model._meta.label_lower}", str(site.pk if site else 0), compute)


def home_parts(body) -> list[tuple[bool, list]]:
    """The body as (is_section, blocks) runs: each section alone, consecutive text blocks together (a heading and
    its paragraphs form one part of the page, under one rule)."""
    parts: list[tuple[bool, list]] = []
    for child in body:
        is_section = bool(getattr(child.block, "renders_section_heading", False))
        if is_section or not parts or parts[-1][0]:
            parts.append((is_section, [child]))
        else:
            parts[-1][1].append(child)
    return parts
