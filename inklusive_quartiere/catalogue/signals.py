"""Keep the search index in step with publishing, and the content token with what the catalogue's filters offer.

Core replaces the content token for every change a page shows (``core.content_token``): moves, deletions, view
restrictions, sites and settings. Here the token is replaced again once the index rows of a published or
unpublished page are written, so an engine that reloaded in between cannot keep a token that hides the new rows,
and whenever a taxonomy term changes (the facet values). Publishing and unpublishing are recorded as a
``SearchChange`` with the new version, so the engines apply just that page (``catalogue.incremental``).
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from inklusive_quartiere.core.content_token import bump_content_token
from inklusive_quartiere.taxonomy.models import Category, FundingProgramme, TargetGroup

from .incremental import record_change
from .indexing import index_page
from .models import SearchDocument


@receiver(page_published)
def on_published(sender, instance, **kwargs):
    with transaction.atomic():
        index_page(instance)
        record_change(instance.pk)


@receiver(page_unpublished)
def on_unpublished(sender, instance, **kwargs):
    with transaction.atomic():
        SearchDocument.objects.filter(page_id=instance.pk).delete()
        record_change(instance.pk)


def connect_related():
    """Taxonomy terms are facet values: a change alters what the filters offer."""
    for model in (Category, TargetGroup, FundingProgramme):
        post_save.connect(bump_content_token, sender=model, dispatch_uid=f"catalogue-{model.__name__}-save")
        post_delete.connect(bump_content_token, sender=model, dispatch_uid=f"catalogue-{model.__name__}-delete")


connect_related()
