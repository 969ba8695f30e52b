"""Signals of the films app."""

from django.db.models.signals import post_save
from wagtailmedia import get_media_model

from .probe import fill_video_metadata


def on_media_saved(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata (restore): the row is stored exactly as it was backed up
        return
    fill_video_metadata(instance)


def connect():
    post_save.connect(on_media_saved, sender=get_media_model(), dispatch_uid="films-fill-video-metadata")
