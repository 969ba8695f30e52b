"""Which tags of the anonymous page cache a change bumps (the tag model: core/page_cache.py).

The same events the search index and the content token follow (catalogue/signals.py), seen from the page cache:
pages saved live, published, unpublished, moved and deleted; view restrictions of pages and collections; sites
and site settings; snippets, images, documents and videos that pages show. Who shows what comes from Wagtail's
reference index (foreign keys, StreamField blocks, rich text, child objects), from many-to-many fields of page
models (taxonomies) and from snippets' own foreign keys to pages (a city's neighbourhoods). Connected once by
``CoreConfig.ready``.
"""

from __future__ import annotations

from functools import lru_cache

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction, ReferenceIndex, Site
from wagtail.signals import post_page_move

from . import page_cache
from .models import SiteSettings

PRINT_FIELDS = ("title", "url_path", "live", "show_in_menus")


def _print(page) -> tuple:
    return tuple(getattr(page, name) for name in PRINT_FIELDS)


def _is_page(model) -> bool:
    return isinstance(model, type) and issubclass(model, Page)


def _quiet(update_fields) -> bool:
    return update_fields is not None and set(update_fields) <= page_cache.QUIET_PAGE_FIELDS


def _quiet_file(update_fields) -> bool:
    return update_fields is not None and set(update_fields) <= page_cache.QUIET_FILE_FIELDS


@lru_cache(maxsize=1)
def _file_models() -> frozenset:
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtailmedia import get_media_model

    return frozenset({get_image_model(), get_document_model(), get_media_model()})


def _is_settings(model) -> bool:
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    return isinstance(model, type) and issubclass(model, (BaseSiteSetting, BaseGenericSetting))


def _label(content_type_id) -> str:
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return model._meta.label_lower if model is not None else "wagtailcore.page"


# -- who shows what -------------------------------------------------------------------------------------------
Row = tuple  # (pk, path, content_type_id) of a page


def _pages(ids) -> list[Row]:
    ids = {int(pk) for pk in ids}
    if not ids:
        return []
    return list(Page.objects.filter(pk__in=ids).values_list("pk", "path", "content_type_id"))


def _referring_pages(content_type, ids) -> list[Row]:
    """Pages whose live content refers to these objects (Wagtail's reference index)."""
    ids = [str(pk) for pk in ids]
    if not ids:
        return []
    page_type = ContentType.objects.get_for_model(Page)
    sources = ReferenceIndex.objects.filter(
        to_content_type=content_type, to_object_id__in=ids, base_content_type=page_type
    ).values_list("object_id", flat=True)
    return _pages(sources)


def _base_content_type(instance):
    parents = instance._meta.get_parent_list()
    return ContentType.objects.get_for_model(parents[-1] if parents else type(instance), for_concrete_model=False)


@lru_cache(maxsize=64)
def _many_to_many_fields(model) -> tuple:
    """(page model, field name) of every many-to-many field of a page model pointing at ``model``."""
    found = []
    for page_model in apps.get_models():
        if not issubclass(page_model, Page):
            continue
        for field in page_model._meta.get_fields():
            if field.many_to_many and not field.auto_created and field.related_model is model:
                found.append((page_model, field.name))
    return tuple(found)


def _pages_listing(instance) -> list[Row]:
    """Pages that show this object: referring pages, pages choosing it in a many-to-many field, and the pages it
    points to itself (a neighbourhood's city lists it)."""
    rows = _referring_pages(_base_content_type(instance), [instance.pk])
    for page_model, name in _many_to_many_fields(type(instance)):
        rows += list(page_model.objects.filter(**{name: instance.pk}).values_list("pk", "path", "content_type_id"))
    pointed = [
        getattr(instance, field.attname)
        for field in instance._meta.concrete_fields
        if field.many_to_one and field.related_model is not None and _is_page(field.related_model)
    ]
    return rows + _pages([pk for pk in pointed if pk])


def _tags_for(rows, with_listings: bool) -> set[str]:
    step = Page.steplen
    tags = set()
    for _pk, path, content_type_id in rows:
        tags.add(f"page:{path}")
        if with_listings:
            tags.update({f"children:{path[:-step]}", f"kind:{_label(content_type_id)}", "kind:*"})
    return tags


def _menu_depths() -> set[int]:
    return {depth + k for depth in Site.objects.values_list("root_page__depth", flat=True) for k in (1, 2)}


def _settings_page_ids() -> set[int]:
    names = [
        field.attname
        for field in SiteSettings._meta.concrete_fields
        if field.many_to_one and field.related_model is not None and _is_page(field.related_model)
    ]
    return {pk for row in SiteSettings.objects.values_list(*names) for pk in row if pk}


def _in_navigation(page, before, after) -> bool:
    in_menus = any(state is not None and state[3] for state in (before, after))
    return (in_menus and page.depth in _menu_depths()) or page.pk in _settings_page_ids()


# -- events ---------------------------------------------------------------------------------------------------
def page_changed(page, before, after) -> None:
    """A page's live state changed (``before``/``after``: its title, address, live state and menu flag; None when
    unknown or gone)."""
    step = Page.steplen
    path = page.path
    model = page.specific_class or type(page)
    tags = {f"page:{path}", f"children:{path[:-step]}", f"kind:{model._meta.label_lower}", "kind:*"}
    if before != after:
        tags.add(f"title:{path}")
        moved_or_hidden = before is None or after is None or before[1:3] != after[1:3]
        if (page.numchild and moved_or_hidden) or _in_navigation(page, before, after):
            tags.add("site")
    tags |= _tags_for(_referring_pages(ContentType.objects.get_for_model(Page), [page.pk]), with_listings=False)
    page_cache.bump(tags)


def object_changed(instance) -> None:
    """A snippet, image, document or video changed: the pages showing it, their listings, and the pages that show
    those pages (a city page plays its film)."""
    tags = {"site"} if instance._meta.label_lower in page_cache.NAV_MODELS else set()
    rows = _pages_listing(instance)
    second = _referring_pages(ContentType.objects.get_for_model(Page), [pk for pk, _path, _ct in rows])
    tags |= _tags_for(rows, with_listings=True) | _tags_for(second, with_listings=False)
    page_cache.bump(tags)


def _shown(model) -> bool:
    return model in _file_models() or model._meta.label_lower in page_cache.SHOWN_MODELS


def on_pre_save(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or instance.pk is None:
        return
    if _is_page(sender):
        if not _quiet(update_fields):
            fields = Page.objects.filter(pk=instance.pk).values_list(*PRINT_FIELDS).first()
            instance._iq_page_cache_before = tuple(fields) if fields else None
    elif sender in _file_models() and not _quiet_file(update_fields):
        instance._iq_page_cache_collection = (
            type(instance).objects.filter(pk=instance.pk).values_list("collection_id", flat=True).first()
        )


def on_post_save(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
    if raw:
        return
    if _is_page(sender):
        if _quiet(update_fields) or (created and not instance.live):
            return
        before = None if created else getattr(instance, "_iq_page_cache_before", None)
        instance._iq_page_cache_before = _print(instance)  # a second save of the same object compares with this
        page_changed(instance, before, _print(instance))
    elif sender in _file_models():
        if created or _quiet_file(update_fields):
            return  # no page shows it yet, or only its size or hash was filled in
        if getattr(instance, "_iq_page_cache_collection", instance.collection_id) != instance.collection_id:
            page_cache.bump({"site"})  # another collection may be members-only
        object_changed(instance)
    elif _shown(sender):
        object_changed(instance)
    elif sender in (PageViewRestriction, CollectionViewRestriction, Collection, Site) or _is_settings(sender):
        page_cache.bump({"site"})


def on_pre_delete(sender, instance, **kwargs):
    # Before the reference index forgets who referred to the object.
    if sender is Page:  # once per page: the base row is deleted with every specific page
        page_changed(instance, _print(instance), None)
    elif _shown(sender):
        object_changed(instance)


def on_post_delete(sender, instance, **kwargs):
    if sender in (PageViewRestriction, CollectionViewRestriction, Collection, Site) or _is_settings(sender):
        page_cache.bump({"site"})


def on_restriction_groups(sender, **kwargs):
    page_cache.bump({"site"})


def on_moved(sender, **kwargs):
    page_cache.bump({"site"})  # every address below changed, and every link to them


def connect() -> None:
    pre_save.connect(on_pre_save, dispatch_uid="page-cache-pre-save")
    post_save.connect(on_post_save, dispatch_uid="page-cache-post-save")
    pre_delete.connect(on_pre_delete, dispatch_uid="page-cache-pre-delete")
    post_delete.connect(on_post_delete, dispatch_uid="page-cache-post-delete")
    for model in (PageViewRestriction, CollectionViewRestriction):
        m2m_changed.connect(
            on_restriction_groups, sender=model.groups.through, dispatch_uid=f"page-cache-{model.__name__}-groups"
        )
    post_page_move.connect(on_moved, dispatch_uid="page-cache-move")

    from wagtail import hooks

    hooks.register("before_serve_page", page_cache.record_page, order=1000)
