"""The catalogue listing: reading the filters from the URL, asking the engine, preparing the template.

Used by the catalogue page, its category routes and the city pages: one implementation.

The visitor's visibility mask is computed once per request and drives everything shown: results, counts, the
filter values offered (``Engine.facet_values``) and the hints. A filter value in the URL that the visitor may not
see is reported as unknown, exactly like a value that does not exist.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from django.http import QueryDict
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.models import Site

from inklusive_quartiere.core.pagination import PAGE_PARAM, page_number, paginate
from inklusive_quartiere.core.visibility import hidden_among
from inklusive_quartiere.querylog.models import Channel
from inklusive_quartiere.querylog.recording import record_search
from inklusive_quartiere.search.analyzer import analyze_query
from inklusive_quartiere.search.highlight import highlight
from inklusive_quartiere.search.query import clean_query
from inklusive_quartiere.steckbriefe.models import SteckbriefPage
from inklusive_quartiere.taxonomy.models import first_pictogram

from .did_you_mean import did_you_mean
from .engine import STECKBRIEF, get_engine
from .facets import FACETS, FACETS_BY_PARAM, SORTS, STUMBLING_LABEL
from .querying import query_words

PAGE_SIZE = 20


@dataclass
class CatalogueQuery:
    text: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)  # param → value slugs
    sort: str = ""  # the order applied
    chosen_sort: str = ""  # the order the visitor asked for ("" = the default)
    has_words: bool = False  # the text holds searchable words (not only stop words)
    page: int = 1
    messages: list[str] = field(default_factory=list)


FacetValues = dict[str, list[tuple[int, str, str]]]  # param → (code, slug, label) the visitor may be offered


def offered_values(engine, visible) -> FacetValues:
    return {facet.param: engine.facet_values(facet.param, visible) for facet in FACETS}


def parse(get: QueryDict, values: FacetValues, fixed: dict[str, list[str]] | None = None) -> CatalogueQuery:
    query = CatalogueQuery()
    query.text, message = clean_query(get.get("q", ""))
    if message:
        query.messages.append(message)
    for facet in FACETS:
        known = {slug for _code, slug, _label in values[facet.param]}
        chosen = []
        for raw in get.getlist(facet.param)[:50]:
            value = raw.strip()[:80]
            if value in known and value not in chosen:
                chosen.append(value)
            elif value:
                query.messages.append(
                    _("Der Filterwert „%(value)s“ (%(facet)s) ist unbekannt und wurde nicht berücksichtigt.")
                    % {"value": value, "facet": facet.label}
                )
        query.filters[facet.param] = chosen
    for param, fixed_values in (fixed or {}).items():
        query.filters[param] = fixed_values
    sort = get.get("sortierung", "")
    if sort and sort not in SORTS:
        query.messages.append(_("Die gewählte Sortierung gibt es nicht; sortiert wird nach Standard."))
        sort = ""
    query.has_words = bool(analyze_query(query.text))
    if query.text and not any(ch.isalnum() for ch in query.text):  # only emoji, signs: say why all are shown
        query.messages.append(
            _("Ihr Suchbegriff enthält keine Buchstaben oder Ziffern; gezeigt werden alle Steckbriefe.")
        )
    if sort == "relevanz" and not query.has_words:
        sort = ""  # relevance needs search words: without them the default order applies (and is shown)
    query.chosen_sort = sort
    query.sort = sort or ("relevanz" if query.has_words else "neueste")
    query.page, page_message = page_number(get.get(PAGE_PARAM))
    if page_message:
        query.messages.append(page_message)
    return query


def _site_root_path(request) -> str:
    """The url_path of the site's root page (cached by Wagtail), to turn url_paths into relative URLs."""
    site = Site.find_for_request(request)
    for root in Site.get_site_root_paths():
        if site is not None and root.site_id == site.pk:
            return root.root_path
    return "/"


def _url(base_url: str, get: QueryDict, **changes) -> str:
    params = get.copy()
    params.pop(PAGE_PARAM, None)
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        elif isinstance(value, tuple):  # (param, value) to remove one value of a multi-value parameter
            params.setlist(key, [v for v in params.getlist(key) if v != value[1]])
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"{base_url}?{encoded}" if encoded else base_url


def city_listing_context(city, request) -> dict:
    """The listing on a city page: the catalogue with the city fixed, same filters, counts and search as
    /steckbriefe/ (registered for ``cities.CityPage`` in ``CatalogueConfig.ready``)."""
    return catalogue_context(request, base_url=city.url, fixed={"stadt": [city.slug]})


def catalogue_context(request, base_url: str, fixed: dict[str, list[str]] | None = None) -> dict:
    engine = get_engine(request)
    visible = engine.visible_mask(request.user)
    values = offered_values(engine, visible)
    query = parse(request.GET, values, fixed)
    words = query_words(engine, query.text, request)
    codes = {
        param: [engine.facets[param].code_of(v) for v in chosen] for param, chosen in query.filters.items() if chosen
    }
    result = engine.search(request.user, words, codes, query.sort, kinds=[STECKBRIEF], visible=visible)
    rewritten = did_you_mean(
        engine, request, query.text, words, result, filters=codes, sort=query.sort, kinds=[STECKBRIEF], visible=visible
    )

    page_obj = paginate(result.order, PAGE_SIZE, query.page)
    query.page = page_obj.number
    record_search(request, query.text, result.total, Channel.KATALOG, page=query.page)  # anonymous, page 1, with words
    ids = [int(engine.page_ids[i]) for i in page_obj.object_list]
    items = _load_items(engine, request.user, ids, result.terms, _site_root_path(request), skip=set(fixed or {}))

    fixed = fixed or {}
    facet_groups = []
    for facet in FACETS:
        if facet.param in fixed:
            continue
        chosen = set(query.filters.get(facet.param, []))
        counts = result.counts.get(facet.param, [])
        options = [
            {
                "value": slug,
                "label": STUMBLING_LABEL if facet.param == "stolpersteine" else label,
                "count": counts[code] if code < len(counts) else 0,
                "checked": slug in chosen,
                # Numbered by position, not by code: gaps would count the values the visitor may not see.
                "id": f"f-{facet.param}-{position}",
            }
            for position, (code, slug, label) in enumerate(values[facet.param])
        ]
        facet_groups.append(
            {
                "param": facet.param,
                "label": facet.label,
                "options": options,
                "options_html": _options_html(facet.param, options),
                "active": bool(chosen),
            }
        )

    active = []
    for facet in FACETS:
        if facet.param in fixed:
            continue
        labels = {slug: label for _code, slug, label in values[facet.param]}
        for value in query.filters.get(facet.param, []):  # parse() kept only values offered to this visitor
            label = STUMBLING_LABEL if facet.param == "stolpersteine" else labels[value]
            active.append(
                {
                    "facet": facet.label,
                    "label": label,
                    "remove_url": _url(base_url, request.GET, **{facet.param: (facet.param, value)}),
                }
            )
    suggestions = []
    if result.total == 0:
        suggestions = _suggestions(request, engine, visible, values, query, words, codes, base_url, fixed)
    return {
        "catalogue": {
            "query": query,
            "items": items,
            "total": result.total,
            "page_obj": page_obj,
            "facets": facet_groups,
            "active": active,
            "sorts": sort_options(query),
            "messages": query.messages,
            "corrections": result.corrections,
            "did_you_mean": rewritten and {"text": rewritten, "url": _url(base_url, request.GET, q=rewritten)},
            "unmatched": result.unmatched,
            "suggestions": suggestions,
            "reset_url": base_url,
            "base_url": base_url,
            # How many Steckbriefe only members may see (a number, never a title or a filter value), for the
            # notice how a municipality gets access; on the plain catalogue only, not per category or city.
            "members_only_count": 0 if fixed else int(np.count_nonzero(engine.is_steckbrief & ~visible)),
        }
    }


def sort_options(query: CatalogueQuery) -> list[dict]:
    """The sort select: "Relevanz" only with search words, the order applied shown as selected.

    The default order's option submits an empty value unless the visitor chose it: a search typed into the form
    of the unsorted listing then gets the default for searches (relevance) instead of "Neueste zuerst", while an
    order the visitor did choose stays when the words change."""
    options = []
    for key, label in SORTS.items():
        if key == "relevanz" and not query.has_words:
            continue
        value = key
        if key == query.sort and not query.chosen_sort:
            value = ""  # the default: it follows whether there are words
        options.append({"value": value, "label": label, "selected": key == query.sort})
    return options


def _options_html(param: str, options: list[dict]) -> str:
    """The checkboxes of one filter. Built here rather than in a template loop: ~70 of them per page made the
    loop the most expensive part of rendering the catalogue. Every value is escaped by format_html."""
    hits = _("Treffer")
    return format_html_join(
        "\n",
        '<div class="kern-form-check"><input class="kern-form-check__checkbox" type="checkbox" id="{}" name="{}" '
        'value="{}"{}><label class="kern-label" for="{}">{} <span class="iq-count">({}<span class="kern-sr-only"> '
        "{}</span>)</span></label></div>",
        (
            (
                o["id"],
                param,
                o["value"],
                mark_safe(" checked") if o["checked"] else "",
                o["id"],
                o["label"],
                o["count"],
                hits,
            )
            for o in options
        ),
    )


def _load_items(
    engine, user, ids: list[int], terms: set[str], site_root_path: str = "/", skip: set[str] = frozenset()
) -> list[dict]:
    """The result cards: one query for the texts, everything else (city, status, categories) from the engine."""
    rows = list(
        SteckbriefPage.objects.filter(pk__in=ids, live=True)
        .annotate(pictogram=first_pictogram())  # the card's pictogram, in the same query
        .values_list("id", "url_path", "title", "summary", "path", "pictogram")
    )
    # The visibility rule once more on the rows shown: a stale engine can never show what it should not.
    hidden = hidden_among(user, [row[4] for row in rows])
    by_id = {row[0]: row for row in rows if row[4] not in hidden}
    facets = engine.facets
    items = []
    for page_id in ids:
        row = by_id.get(page_id)
        if row is None:
            continue
        _pk, url_path, title, summary, _path, pictogram = row
        i = engine.index_of[page_id]
        items.append(
            {
                "url": url_path[len(site_root_path) - 1 :] if url_path.startswith(site_root_path) else url_path,
                "title": highlight(title, terms),
                "summary": highlight(summary, terms),
                "meta": steckbrief_meta(engine, i, skip),
                "categories": [facets["kategorie"].values[c][1] for c in np.flatnonzero(facets["kategorie"].matrix[i])],
                "members_only": engine.is_restricted(page_id),
                "pictogram": pictogram,
            }
        )
    return items


META_FACETS = ("stadt", "status", "kosten", "personal")


def steckbrief_meta(engine, i: int, skip: set[str] = frozenset()) -> list[dict]:
    """City, status, costs and staff effort of the Steckbrief at engine index ``i``, for the metadata line of a
    result (read from the engine: no query). Values the Steckbrief does not state are left out, and so are the
    facets in ``skip`` (the city on its own city page)."""
    meta = []
    for param in META_FACETS:
        if param in skip:
            continue
        value = _label(engine.facets[param], i)
        if value:
            meta.append({"label": FACETS_BY_PARAM[param].label, "value": value})
    return meta


def _label(data, i: int) -> str:
    code = int(data.codes[i])
    return data.values[code][1] if code >= 0 else ""


def _suggestions(request, engine, visible, values, query, words, codes, base_url, fixed) -> list[dict]:
    """For an empty result: what removing one filter or one word would give (counting visible Steckbriefe)."""
    suggestions = []
    labels = {param: {slug: label for _code, slug, label in offered} for param, offered in values.items()}
    for param, chosen in query.filters.items():
        if param in fixed:
            continue
        for value in chosen:
            reduced = {
                p: [c for c in cs if not (p == param and engine.facets[p].code_of(value) == c)]
                for p, cs in codes.items()
            }
            total = engine.search(
                request.user, words, reduced, query.sort, kinds=[STECKBRIEF], with_counts=False, visible=visible
            ).total
            if total:
                label = labels[param][value]
                if param == "stolpersteine":
                    label = STUMBLING_LABEL
                suggestions.append(
                    {
                        "text": _("Ohne den Filter „%(label)s“ (%(facet)s): %(n)d Steckbriefe")
                        % {"label": label, "facet": FACETS_BY_PARAM[param].label, "n": total},
                        "url": _url(base_url, request.GET, **{param: (param, value)}),
                    }
                )
    if len(words) > 1:
        for word in words:
            rest = [w for w in words if w is not word]
            total = engine.search(
                request.user, rest, codes, query.sort, kinds=[STECKBRIEF], with_counts=False, visible=visible
            ).total
            if total:
                remaining = " ".join(w.text for w in rest)
                suggestions.append(
                    {
                        "text": _("Ohne das Wort „%(word)s“: %(n)d Steckbriefe") % {"word": word.text, "n": total},
                        "url": _url(base_url, request.GET, q=remaining),
                    }
                )
    return suggestions
