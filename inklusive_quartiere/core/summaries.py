"""The short text under a page's title in lists (search results, teasers), read with the page in one query.

Each page type keeps its summary in its own table (``summary``, ``teaser`` or ``intro``). ``.specific()`` on a
mixed list costs one query per page type in it, so the number of queries would depend on which kinds of page a
list happens to hold. ``with_summaries`` instead joins every page type's table (LEFT JOIN on the page's id, at most
one matches) and coalesces the columns: one query, whatever the mix.
"""

from __future__ import annotations

from functools import lru_cache

from django.apps import apps
from django.db.models import F, TextField, Value
from django.db.models.functions import Coalesce
from wagtail.models import Page

SUMMARY_FIELDS = ("summary", "teaser")  # the first a page type has is its summary
INTRO_FIELD = "intro"


@lru_cache(maxsize=1)
def _sources() -> tuple[list[str], list[str], frozenset]:
    """(summary lookups, intro lookups, page models covered): for every direct subclass of ``Page``."""
    summaries, intros, covered = [], [], set()
    for model in apps.get_models():
        if not issubclass(model, Page) or Page not in model._meta.parents:
            continue
        covered.add(model)
        link = model._meta.parents[Page].related_query_name()
        local = {field.name for field in model._meta.local_concrete_fields}
        summary = next((name for name in SUMMARY_FIELDS if name in local), None)
        if summary:
            summaries.append(f"{link}__{summary}")
        if INTRO_FIELD in local:
            intros.append(f"{link}__{INTRO_FIELD}")
    return summaries, intros, frozenset(covered)


def _coalesce(lookups):
    if not lookups:
        return Value("", output_field=TextField())
    return Coalesce(*[F(lookup) for lookup in lookups], Value(""), output_field=TextField())


def with_summaries(queryset):
    """The queryset (of ``Page``) with ``iq_summary`` and ``iq_intro`` on every page."""
    summaries, intros, _covered = _sources()
    return queryset.annotate(iq_summary=_coalesce(summaries), iq_intro=_coalesce(intros))


def summary_of(page) -> str:
    """The page's summary, else its introduction, else its search description (from ``with_summaries``)."""
    if page.specific_class not in _sources()[2]:  # a deeper page type: read it from its own object
        specific = page.specific
        return getattr(specific, "summary", "") or getattr(specific, "intro", "") or page.search_description or ""
    return page.iq_summary or page.iq_intro or page.search_description or ""
