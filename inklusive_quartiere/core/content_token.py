"""The content token: one value that changes with every change a visitor could notice.

A single row whose random ``token`` is replaced (and whose ``version`` grows) in the same transaction as the change,
so another process sees the new token only together with the new data. Whatever is computed from content and kept
across requests carries the token in its key and is never stale: the cached page chrome (``core.chrome``) and the
catalogue's in-memory search engine, which reloads when the token moved.

Core bumps it for what every page shows: publishing, unpublishing, moving and deleting pages, view restrictions,
sites and the site settings (``connect``, from ``CoreConfig.ready``). Apps above core bump it for their own
content through ``bump_content_token`` (the catalogue for the taxonomies its filters offer and after rebuilding
its index).

The table keeps the name it had when the row lived in the catalogue app (``catalogue_indexstate``).

``structure`` is the ``version`` of the last change other than publishing or unpublishing a page. A process that
keeps something built from content (the catalogue engine) can tell from it whether only publications happened since
it built its copy — which it may then apply one by one (``catalogue.incremental``) — or anything else, which means
starting afresh. Every bump is structural unless the caller says otherwise.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move


class ContentToken(models.Model):
    version = models.PositiveBigIntegerField(default=0)
    # A fresh random token per change: unlike the counter it never repeats, even after a rollback.
    token = models.CharField(max_length=32, default="initial")
    structure = models.PositiveBigIntegerField(default=0)  # the version of the last change other than a publication
    # The token of that structural change: versions repeat when a transaction that bumped them is rolled back, this
    # random value does not, so an engine built on a state that never committed cannot pass as current.
    lineage = models.CharField(max_length=32, blank=True, default="")

    class Meta:
        db_table = "catalogue_indexstate"
        verbose_name = _("Inhaltsstand")

    def __str__(self):
        return str(self.version)

    @classmethod
    def current(cls) -> str:
        return cls.objects.filter(pk=1).values_list("token", flat=True).first() or "empty"

    @classmethod
    def state(cls) -> tuple[str, int, int]:
        """(token, version, structure) in one read."""
        row = cls.objects.filter(pk=1).values_list("token", "version", "structure").first()
        return row or ("empty", 0, 0)

    @classmethod
    def lineage_now(cls) -> str:
        """The token of the last structural change (see ``lineage``)."""
        return cls.objects.filter(pk=1).values_list("lineage", flat=True).first() or ""

    @classmethod
    def bump(cls, structural: bool = True) -> None:
        """Replace the token. ``structural=False`` only for publishing or unpublishing pages (see above)."""
        token = uuid.uuid4().hex
        changes = {"version": models.F("version") + 1, "token": token}
        if structural:
            changes["structure"] = models.F("version") + 1
            changes["lineage"] = token
        updated = cls.objects.filter(pk=1).update(**changes)
        if not updated:
            cls.objects.get_or_create(pk=1, defaults={"version": 1, "token": token, "structure": 1, "lineage": token})


def bump_content_token(*args, **kwargs) -> None:
    """Replace the content token (usable as a signal receiver)."""
    ContentToken.bump()


def _on_publication(*args, **kwargs) -> None:
    ContentToken.bump(structural=False)


def _on_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page | PageViewRestriction):
        ContentToken.bump()


def connect() -> None:
    from .models import SiteSettings  # deferred: core.models imports this module for the model

    page_published.connect(_on_publication, dispatch_uid="content-token-published")
    page_unpublished.connect(_on_publication, dispatch_uid="content-token-unpublished")
    post_page_move.connect(bump_content_token, dispatch_uid="content-token-moved")
    post_delete.connect(_on_deleted, dispatch_uid="content-token-deleted")
    post_save.connect(bump_content_token, sender=PageViewRestriction, dispatch_uid="content-token-restriction")
    m2m_changed.connect(
        bump_content_token, sender=PageViewRestriction.groups.through, dispatch_uid="content-token-restriction-groups"
    )
    for model in (SiteSettings, Site):
        post_save.connect(bump_content_token, sender=model, dispatch_uid=f"content-token-{model.__name__}-save")
        post_delete.connect(bump_content_token, sender=model, dispatch_uid=f"content-token-{model.__name__}-delete")
