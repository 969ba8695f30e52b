"""Many realistic Steckbriefe at once, for the query-budget tests and the web benchmark.

``clone_steckbriefe(n)`` copies the live Steckbriefe round-robin, row by row in SQL, each clone under its
original's city: text sections, steps, gallery and downloads, categories, target groups, funding programmes,
neighbourhoods, status history, related Steckbriefe, contact, the search document (so the catalogue and the
site search find them), and the view restriction when the original is members-only. Wagtail's page API
(``add_child`` + revision + publish) would take minutes for a thousand pages; this takes about a second.

Only for throwaway databases: the clones have no revisions, so the editor shows them without history.
"""

from __future__ import annotations

import uuid
from collections import defaultdict

from django.db import connection, transaction

from inklusive_quartiere.catalogue.models import SearchDocument
from inklusive_quartiere.core.content_token import ContentToken
from inklusive_quartiere.steckbriefe.models import RelatedSteckbrief, StatusChange, SteckbriefPage

BATCH = 1000


def _copy_rows(cursor, model, key_column: str, pairs: list[tuple[int, int]]) -> None:
    """For each (new key, original key): copy the original's rows of ``model`` with ``key_column`` set to the new
    key (every other column as it is, except an auto-increment ``id``)."""
    if not pairs:
        return
    quote = connection.ops.quote_name
    columns = [
        f.column
        for f in model._meta.local_concrete_fields
        if f.column != key_column and not (f.primary_key and f.column == "id")
    ]
    column_list = ", ".join(quote(c) for c in columns)
    table = quote(model._meta.db_table)
    prefix = f"{column_list}, " if columns else ""
    select_list = f"{column_list}, " if columns else ""
    # Table and column names come from the models, never from input.
    sql = (
        f"INSERT INTO {table} ({prefix}{quote(key_column)}) "  # noqa: S608
        f"SELECT {select_list}%s FROM {table} WHERE {quote(key_column)} = %s"
    )
    cursor.executemany(sql, pairs)


def clone_steckbriefe(count: int, *, seed_suffix: str = "kopie") -> list[int]:
    """Create ``count`` published Steckbriefe as copies of the existing live ones; returns their page ids."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page, PageViewRestriction

    originals = list(Page.objects.type(SteckbriefPage).filter(live=True).order_by("path"))
    if not originals or count <= 0:
        return []
    content_type = ContentType.objects.get_for_model(SteckbriefPage)
    parent_paths = {page.path[: -Page.steplen] for page in originals}
    parents = {p.path: p for p in Page.objects.filter(path__in=parent_paths)}
    next_step = {}
    for path, parent in parents.items():
        last = Page.objects.filter(path__startswith=path, depth=parent.depth + 1).order_by("-path").first()
        next_step[path] = (Page._str2int(last.path[-Page.steplen :]) if last else 0) + 1
    restricted = defaultdict(list)  # original page id → [(restriction type, [group ids])]
    for restriction in PageViewRestriction.objects.filter(page__in=originals).prefetch_related("groups"):
        restricted[restriction.page_id].append(
            (restriction.restriction_type, restriction.password, [g.pk for g in restriction.groups.all()])
        )
    copied_fields = [
        f.attname
        for f in Page._meta.concrete_fields
        if f.attname
        not in {"id", "path", "depth", "numchild", "url_path", "slug", "title", "draft_title", "translation_key"}
        and f.attname not in {"latest_revision_id", "live_revision_id", "locked_by_id", "locked_at", "locked"}
    ]
    created: list[int] = []
    with transaction.atomic():
        for start in range(0, count, BATCH):
            pages, sources = [], []
            for number in range(start, min(count, start + BATCH)):
                original = originals[number % len(originals)]
                parent = parents[original.path[: -Page.steplen]]
                step = next_step[parent.path]
                next_step[parent.path] = step + 1
                slug = f"{original.slug}-{seed_suffix}-{number + 1}"
                title = f"{original.title} ({number + 1})"
                page = Page(
                    **{name: getattr(original, name) for name in copied_fields},
                    path=Page._get_path(parent.path, parent.depth + 1, step),
                    depth=parent.depth + 1,
                    numchild=0,
                    url_path=f"{parent.url_path}{slug}/",
                    slug=slug,
                    title=title,
                    draft_title=title,
                    translation_key=uuid.uuid4(),
                )
                page.content_type_id = content_type.pk
                pages.append(page)
                sources.append(original.pk)
            Page.objects.bulk_create(pages)
            pairs = [(page.pk, source) for page, source in zip(pages, sources, strict=True)]
            with connection.cursor() as cursor:
                _copy_rows(cursor, SteckbriefPage, SteckbriefPage._meta.pk.column, pairs)
                for field in ("categories", "target_groups", "neighbourhoods", "funding_programmes"):
                    m2m = SteckbriefPage._meta.get_field(field)
                    _copy_rows(cursor, m2m.remote_field.through, m2m.m2m_column_name(), pairs)
                _copy_rows(cursor, StatusChange, StatusChange._meta.get_field("page").column, pairs)
                _copy_rows(cursor, RelatedSteckbrief, RelatedSteckbrief._meta.get_field("page").column, pairs)
                _copy_rows(cursor, SearchDocument, SearchDocument._meta.get_field("page").column, pairs)
            restrictions, restriction_groups = [], []
            for page, source in zip(pages, sources, strict=True):
                for kind, password, groups in restricted.get(source, []):
                    restrictions.append(PageViewRestriction(page_id=page.pk, restriction_type=kind, password=password))
                    restriction_groups.append(groups)
            PageViewRestriction.objects.bulk_create(restrictions)
            through = PageViewRestriction.groups.through
            through.objects.bulk_create(
                [
                    through(pageviewrestriction_id=r.pk, group_id=g)
                    for r, groups in zip(restrictions, restriction_groups, strict=True)
                    for g in groups
                ]
            )
            created += [page.pk for page in pages]
        for parent in parents.values():
            Page.objects.filter(pk=parent.pk).update(
                numchild=Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).count()
            )
        ContentToken.bump()  # the catalogue engine and every cached page chrome start afresh
    return created


def keep_steckbriefe(count: int, keep_slugs=()) -> None:
    """Delete Steckbriefe until ``count`` are left, keeping those with the given slugs (and then the first ones in
    the page tree)."""
    from wagtail.models import Page

    keep = list(SteckbriefPage.objects.filter(slug__in=list(keep_slugs)).values_list("pk", flat=True))
    keep += list(
        SteckbriefPage.objects.exclude(pk__in=keep).order_by("path").values_list("pk", flat=True)[: count - len(keep)]
    )
    Page.objects.filter(pk__in=SteckbriefPage.objects.exclude(pk__in=keep).values("pk")).delete()
