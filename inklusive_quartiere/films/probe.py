"""Running time and frame size of an uploaded video, read with the ffmpeg binary of imageio-ffmpeg."""

from __future__ import annotations

import logging

logger = logging.getLogger(__name__)


def probe_video(path: str) -> dict | None:
    """{'duration': seconds, 'width': px, 'height': px} of a local video file, or None if ffmpeg cannot tell."""
    try:
        import imageio_ffmpeg

        frames = imageio_ffmpeg.read_frames(path)
        try:
            meta = next(frames)
        finally:
            frames.close()
    except Exception:  # noqa: BLE001 - a broken or exotic file must never break the upload
        logger.warning("Videodatei %s konnte nicht untersucht werden", path, exc_info=True)
        return None
    width, height = meta.get("size") or (None, None)
    duration = meta.get("duration") or 0
    return {"duration": float(duration) if duration else 0, "width": width, "height": height}


def fill_video_metadata(media) -> None:
    """Fill in running time and size of a wagtailmedia video when the editor left them empty (local storage)."""
    if media.type != "video" or not media.file or (media.duration and media.width and media.height):
        return
    try:
        path = media.file.path
    except (NotImplementedError, ValueError):
        return  # object storage: the editor enters the values by hand
    info = probe_video(path)
    if not info:
        return
    updates = {}
    if not media.duration and info["duration"]:
        updates["duration"] = round(info["duration"], 2)
    if not media.width and info["width"]:
        updates["width"] = info["width"]
    if not media.height and info["height"]:
        updates["height"] = info["height"]
    if updates:
        type(media).objects.filter(pk=media.pk).update(**updates)
        for name, value in updates.items():
            setattr(media, name, value)
