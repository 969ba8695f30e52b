"""Signals of the films app."""

from django.db.models.signals import post_save
from wagtailmedia import get_media_model

from .probe import fill_video_metadata


def on_media_saved(sender, instance, **kwargs):
    fill_video_metadata(instance)


def connect():
    post_save.connect(on_media_saved, sender=get_media_model(), dispatch_uid="films-fill-video-metadata")
