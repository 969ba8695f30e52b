"""Keep the search index and its version in step with publishing, privacy and taxonomy changes."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .indexing import index_page
from .models import IndexState, SearchDocument


def _bump():
    # In the same transaction as the change: other processes see the new token only with the new data.
    IndexState.bump()


@receiver(page_published)
def on_published(sender, instance, **kwargs):
    index_page(instance)
    _bump()


@receiver(page_unpublished)
def on_unpublished(sender, instance, **kwargs):
    SearchDocument.objects.filter(page_id=instance.pk).delete()
    _bump()


@receiver(post_page_move)
def on_moved(sender, instance, **kwargs):
    _bump()


@receiver(post_delete)
def on_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page | PageViewRestriction):
        _bump()


@receiver(post_save, sender=PageViewRestriction)
def on_restriction_saved(sender, **kwargs):
    _bump()


@receiver(m2m_changed, sender=PageViewRestriction.groups.through)
def on_restriction_groups(sender, **kwargs):
    _bump()


def _related_changed(sender, **kwargs):
    _bump()


def connect_related():
    """Taxonomy (facet values), and what the cached page chrome shows: sites and the site settings' links."""
    from wagtail.models import Site

    from inklusive_quartiere.core.models import SiteSettings
    from inklusive_quartiere.taxonomy.models import Category, FundingProgramme, TargetGroup

    for model in (Category, TargetGroup, FundingProgramme, SiteSettings, Site):
        post_save.connect(_related_changed, sender=model, dispatch_uid=f"catalogue-{model.__name__}-save")
        post_delete.connect(_related_changed, sender=model, dispatch_uid=f"catalogue-{model.__name__}-delete")


connect_related()
