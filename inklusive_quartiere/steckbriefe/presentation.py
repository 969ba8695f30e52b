"""What the detail page and the PDF show, computed once with a fixed number of queries."""

from __future__ import annotations

import json

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from inklusive_quartiere.core.numbers import format_number
from inklusive_quartiere.core.visibility import is_members_only


def month_year(value):
    return date_format(value, "F Y") if value else ""


def period_label(page) -> str:
    start = month_year(page.start_date)
    if page.end_date:
        return _("%(start)s bis %(end)s") % {"start": start, "end": month_year(page.end_date)}
    return _("seit %(start)s (laufend)") % {"start": start}


def status_label(page, since) -> str:
    if since:
        return _("%(status)s (seit %(date)s)") % {
            "status": page.get_status_display(),
            "date": date_format(since, "j. F Y"),
        }
    return page.get_status_display()


def population_label(city) -> str:
    """ "ca. 126 000 Einwohnerinnen und Einwohner" for the city a Steckbrief belongs to; empty when unknown."""
    inhabitants = getattr(city, "inhabitants", None)
    if not inhabitants:
        return ""
    return _("ca. %(number)s Einwohnerinnen und Einwohner") % {"number": format_number(inhabitants)}


def key_facts(page, city, categories, target_groups, status_since=None):
    facts = [
        (_("Stadt"), city.title if city else ""),
        (_("Status"), status_label(page, status_since)),
        (_("Zeitraum"), period_label(page)),
        (_("Kategorien"), ", ".join(c.name for c in categories)),
        (_("Zielgruppen"), ", ".join(t.name for t in target_groups) or _("nicht angegeben")),
        (_("Kosten"), page.get_cost_band_display()),
        (_("Personalaufwand"), page.get_staff_effort_display()),
        (_("Dauer"), page.get_duration_display()),
        (_("Größe der Stadt"), population_label(city)),
    ]
    return [(label, value) for label, value in facts if value]


def json_ld(page, request, city, categories) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": page.title,
        "description": page.summary,
        "inLanguage": "de",
        "url": page.get_full_url(request),
        "about": [c.name for c in categories],
        "license": page.licence_url or page.get_licence_display(),
        "isAccessibleForFree": True,
    }
    if page.first_published_at:
        data["datePublished"] = page.first_published_at.date().isoformat()
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.date().isoformat()
    if city:
        data["spatialCoverage"] = {
            "@type": "Place",
            "name": city.title,
            "address": {
                "@type": "PostalAddress",
                "addressLocality": city.title,
                "addressRegion": "Baden-Württemberg",
                "addressCountry": "DE",
            },
        }
    # "</" must never close the surrounding <script> element.
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


TAXONOMY_FIELDS = ("categories", "target_groups", "funding_programmes", "neighbourhoods")


def prefetch_taxonomies(page) -> None:
    """Categories, target groups, funding programmes and neighbourhoods of a saved page in one query (UNION ALL,
    each in its model's order), put where ``page.<field>.all()`` finds them (Django's prefetch cache). Relations the
    page holds in memory (preview, revision) are left alone; they need no query anyway."""
    from django.db.models import CharField, F, IntegerField, Value

    if page.pk is None:
        return
    in_memory = getattr(page, "_cluster_related_objects", {})
    prefetched = page.__dict__.setdefault("_prefetched_objects_cache", {})
    names = [name for name in TAXONOMY_FIELDS if name not in in_memory and name not in prefetched]
    if not names:
        return
    branches = []
    for kind, name in enumerate(names):
        model = page._meta.get_field(name).related_model
        has_city = any(f.name == "city" for f in model._meta.concrete_fields)
        has_slug = any(f.name == "slug" for f in model._meta.concrete_fields)
        has_pictogram = any(f.name == "pictogram" for f in model._meta.concrete_fields)  # categories
        branches.append(
            getattr(page, name)
            .get_live_queryset()
            .order_by()
            .annotate(
                iq_kind=Value(kind, output_field=IntegerField()),
                iq_city=F("city__title") if has_city else Value("", output_field=CharField()),
                iq_sort=F("sort_order"),
                iq_name=F("name"),
                iq_id=F("pk"),
                iq_slug=F("slug") if has_slug else Value("", output_field=CharField()),
                iq_pictogram=F("pictogram") if has_pictogram else Value("", output_field=CharField()),
            )
            .values_list("iq_kind", "iq_city", "iq_sort", "iq_name", "iq_id", "iq_slug", "iq_pictogram")
        )
    rows = branches[0].union(*branches[1:], all=True).order_by("iq_kind", "iq_city", "iq_sort", "iq_name")
    found: dict[int, list] = {kind: [] for kind in range(len(names))}
    for kind, _city, sort_order, item_name, pk, slug, pictogram in rows:
        model = page._meta.get_field(names[kind]).related_model
        data = {"id": pk, "sort_order": sort_order, "name": item_name, "slug": slug, "pictogram": pictogram}
        fields = [f.attname for f in model._meta.concrete_fields if f.attname in data]
        found[kind].append(model.from_db(rows.db, fields, [data[f] for f in fields]))
    for kind, name in enumerate(names):
        queryset = getattr(page, name).get_live_queryset()
        queryset._result_cache = found[kind]
        queryset._prefetch_done = True
        prefetched[name] = queryset


def detail_context(page, request) -> dict:
    prefetch_taxonomies(page)
    city = page.city
    categories = list(page.categories.all())
    target_groups = list(page.target_groups.all())
    history = sorted(page.status_history.all(), key=lambda e: (e.date, e.sort_order or 0))
    related = page.visible_related_steckbriefe(request.user)  # in the editor's order
    sections = page.sections()
    status_since = max((e.date for e in history if e.status == page.status), default=None)
    return {
        "city": city,
        "categories": categories,
        "target_groups": target_groups,
        "neighbourhoods": list(page.neighbourhoods.all()),
        "funding_programmes": list(page.funding_programmes.all()),
        "history": history,
        "status_since": status_since,
        "related": related,
        "sections": sections,
        "show_toc": len(sections) >= 4,
        "key_facts": key_facts(page, city, categories, target_groups, status_since),
        "json_ld": json_ld(page, request, city, categories),
        "members_only": is_members_only(page),
        "period": period_label(page),
    }
