"""What the overview and the event page show. Every list passes the visibility rule (core/visibility.py)."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Site

from inklusive_quartiere.catalogue.models import CataloguePage
from inklusive_quartiere.core import chrome
from inklusive_quartiere.core.files import image_of_figure, shown_files
from inklusive_quartiere.core.pagination import paginate_request
from inklusive_quartiere.core.visibility import hidden_among, is_members_only, visible_pages

from . import dates
from .models import EventPage

PAGE_SIZE = 10


def _items(events, request, members_only: set[str]) -> list[dict]:
    return [
        {
            "page": event,
            "url": event.get_url(request),
            "date": dates.display(event),
            "place": dates.place_text(event),
            "members_only": event.path in members_only,
        }
        for event in events
    ]


def index_context(index_page, request) -> dict:
    """Upcoming events (not over yet, soonest first) and past events (newest first, paginated)."""
    today = timezone.localdate()
    events = visible_pages(request.user, EventPage.objects.child_of(index_page)).select_related("topic")
    upcoming = events.filter(last_day__gte=today).order_by(
        "start_date", F("start_time").asc(nulls_first=True), "title", "pk"
    )
    past = events.filter(last_day__lt=today).order_by(
        "-start_date", F("start_time").desc(nulls_last=True), "title", "pk"
    )

    pagination = paginate_request(request, past, PAGE_SIZE)
    past_page, message, number = pagination.page_obj, pagination.message, pagination.number
    upcoming = list(upcoming) if number == 1 else []
    past = list(past_page.object_list)
    # The "Nur für Mitglieder" labels of both lists in one query.
    members_only = hidden_among(AnonymousUser(), [event.path for event in upcoming + past])
    return {
        "message": message,
        "upcoming": _items(upcoming, request, members_only),
        "show_upcoming": number == 1,
        "past": _items(past, request, members_only),
        "past_page": past_page,
        "ical_url": index_page.ical_url(request),
    }


# -- the event page ---------------------------------------------------------------------------------------
def _downloads(page, request) -> list:
    """The page's documents this visitor may see, in order, members-only ones flagged for the label
    (core/files.py, the same for every page that lists files)."""
    return shown_files(request, [block.value for block in page.downloads])


def _gallery(page, request) -> list:
    """The gallery's figures whose image this visitor may see (an image in a members-only collection is left
    out for everybody else: its alt text and caption would describe it)."""
    return shown_files(request, list(page.gallery), image_of_figure)


def _related(page, user) -> list[dict]:
    steckbriefe = page.visible_related_steckbriefe(user)  # in the editor's order
    members_only = hidden_among(AnonymousUser(), [s.path for s in steckbriefe])
    return [{"page": s, "members_only": s.path in members_only} for s in steckbriefe]


def _topic_url(topic, request) -> str:
    if topic is None:
        return ""

    def catalogue_url():  # the same for every visitor; changes only with a publish (core.chrome)
        catalogue = CataloguePage.objects.live().first()
        return catalogue.get_url(request) if catalogue is not None else ""

    site = Site.find_for_request(request)
    base = chrome.shared(request, "catalogue-url", str(site.pk if site else 0), catalogue_url)
    return base + CataloguePage.get_resolver().reverse("category", slug=topic.slug) if base else ""


def detail_context(page, request) -> dict:
    user = request.user
    related = _related(page, user)
    downloads = _downloads(page, request)
    gallery = _gallery(page, request)
    topic = page.topic
    candidates = [
        ("programm", _("Programm"), bool(page.programme)),
        ("inputs", _("Inputs und Referierende"), bool(page.inputs)),
        ("dokumentation", _("Dokumentation"), bool(page.documentation)),
        ("erkenntnisse", _("Erkenntnisse"), bool(page.findings)),
        ("bilder", _("Bilder"), bool(gallery)),
        ("downloads", _("Downloads"), bool(downloads)),
        ("steckbriefe", _("Passende Steckbriefe"), bool(related)),
    ]
    sections = [(anchor, heading) for anchor, heading, present in candidates if present]
    return {
        "date": dates.display(page),
        "place": dates.place_text(page),
        "topic": topic,
        "topic_url": _topic_url(topic, request),
        "members_only": is_members_only(page),
        "ical_url": page.ical_url(request) if page.in_calendar else "",
        "index_page": page.get_parent(),
        "downloads": downloads,
        "gallery": gallery,
        "related": related,
        "sections": sections,
        "show_toc": len(sections) >= 4,
    }
