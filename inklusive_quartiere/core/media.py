"""Uploaded files under MEDIA_URL, served only after the visibility rule has been asked.

Every file under MEDIA_ROOT belongs to a Wagtail object: an original image, one of its renditions, or a
document. The view finds that object, asks ``core.visibility`` whether the visitor may see its collection,
and only then hands out the bytes:

- ``documents/…``: never served from here; redirected to Wagtail's document view, which runs the same check
  (and counts the download). A guessed file path therefore reveals nothing.
- ``images/…`` (renditions) and ``original_images/…``: served when the image's collection is visible.
- anything else: 404.

How the bytes travel is configuration: in the embedded mode Django streams the file; behind nginx
(``MEDIA_ACCEL_REDIRECT=/protected-media/``) the response carries ``X-Accel-Redirect`` and nginx sends the
file from an ``internal`` location. Files of members-only collections are sent with ``private, no-store``.
"""

from __future__ import annotations

import mimetypes
import posixpath

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.decorators.http import require_safe
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from .visibility import can_view_collection, is_members_only_collection


def _owner_collection(name: str):
    """(collection, redirect URL or None) of the Wagtail object the stored file ``name`` belongs to."""
    if name.startswith("documents/"):
        document = get_document_model().objects.filter(file=name).select_related("collection").first()
        if document is None:
            raise Http404
        return document.collection, document.url
    image_model = get_image_model()
    if name.startswith("original_images/"):
        image = image_model.objects.filter(file=name).select_related("collection").first()
    elif name.startswith("images/"):
        rendition = (
            image_model.get_rendition_model().objects.filter(file=name).select_related("image__collection").first()
        )
        image = rendition.image if rendition else None
    else:
        image = None
    if image is None:
        raise Http404
    return image.collection, None


@require_safe
def serve_media(request, path: str):
    name = posixpath.normpath(path).lstrip("/")
    if name.startswith("..") or name != path.lstrip("/"):
        raise Http404
    collection, redirect_url = _owner_collection(name)
    if redirect_url:
        return redirect(redirect_url)
    if not can_view_collection(request.user, collection):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return HttpResponse(status=403)
    accel_prefix = getattr(settings, "MEDIA_ACCEL_REDIRECT", "")
    if accel_prefix:
        response = HttpResponse(content_type=mimetypes.guess_type(name)[0] or "application/octet-stream")
        response["X-Accel-Redirect"] = accel_prefix.rstrip("/") + "/" + name
    else:
        try:
            response = FileResponse(default_storage.open(name), content_type=mimetypes.guess_type(name)[0])
        except FileNotFoundError:
            raise Http404 from None
    if is_members_only_collection(collection):
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
    else:
        patch_cache_control(response, public=True, max_age=60 * 60 * 24)
    return response
