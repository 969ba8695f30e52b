"""Uploaded files under MEDIA_URL, served only after the visibility rule has been asked.

Every file under MEDIA_ROOT belongs to a Wagtail object: an original image, one of its renditions, a
document, a video or audio item of wagtailmedia (or its thumbnail), or a file field of a page (film captions). The view
finds that object, asks ``core.visibility`` whether the visitor may see it, and only then hands out the bytes:

- ``documents/…``: never served from here; redirected to Wagtail's document view, which runs the same check
  (and counts the download). A guessed file path therefore reveals nothing.
- ``images/…`` (renditions) and ``original_images/…``: served when the image's collection is visible.
- ``media/…`` and ``media_thumbnails/…`` (wagtailmedia): served when the media item's collection is visible.
- prefixes the apps above core register (``core/registry.py``), such as ``films/captions/…`` (WebVTT captions of
  a film page or the sign language page, films app): served when the app's lookup allows it, for files of pages
  when the page is visible (``page_file_access``).
- anything else: 404.

How the bytes travel is configuration: in the embedded mode Django streams the file (byte ranges included,
which browsers need to seek in videos); behind nginx (``MEDIA_ACCEL_REDIRECT=/protected-media/``) the
response carries ``X-Accel-Redirect`` and nginx sends the file from an ``internal`` location. Members-only
files are sent with ``private, no-store``.

Every file is handed out inert (``core.upload_types.protect_file_response``): nosniff, a content security policy
that forbids everything and sandboxes the document, and a download of type application/octet-stream for anything a
browser would render as active content (HTML, SVG, XML, script) — also for a file stored before uploads were
checked by content. ``DocumentFileMiddleware`` does the same for the files of Wagtail's document view.
"""

from __future__ import annotations

import mimetypes
import posixpath
import re
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.views.decorators.http import require_safe
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from . import registry
from .upload_types import protect_file_response
from .visibility import can_view_collection, is_members_only_collection, visible_pages

# Content types that the platform's Python may not know on every system.
CONTENT_TYPES = {".vtt": "text/vtt; charset=utf-8", ".mp4": "video/mp4", ".m4v": "video/mp4"}
RANGE_HEADER = re.compile(r"^bytes=(\d*)-(\d*)$")
CHUNK_SIZE = 64 * 1024


@dataclass
class Access:
    """The visibility rule's answer for one stored file."""

    allowed: bool
    members_only: bool


def _collection_access(user, collection) -> Access:
    return Access(can_view_collection(user, collection), is_members_only_collection(collection))


def _document(user, name: str):
    """Documents: always the serve view (a redirect), never bytes from here."""
    document = get_document_model().objects.filter(file=name).first()
    if document is None:
        raise Http404
    return redirect(document.url)


def _original_image(user, name: str) -> Access:
    image = get_image_model().objects.filter(file=name).select_related("collection").first()
    if image is None:
        raise Http404
    return _collection_access(user, image.collection)


def _rendition(user, name: str) -> Access:
    rendition_model = get_image_model().get_rendition_model()
    rendition = rendition_model.objects.filter(file=name).select_related("image__collection").first()
    if rendition is None:
        raise Http404
    return _collection_access(user, rendition.image.collection)


def _media_item(user, name: str) -> Access:
    """wagtailmedia: the video/audio file and its thumbnail follow the media item's collection."""
    from wagtailmedia import get_media_model

    field = "thumbnail" if name.startswith("media_thumbnails/") else "file"
    item = get_media_model().objects.filter(**{field: name}).select_related("collection").first()
    if item is None:
        raise Http404
    return _collection_access(user, item.collection)


def page_file_access(user, owners) -> Access:
    """A file stored in a file field of pages (``owners``, the pages whose field holds it): visible with the page
    (live, and no view restriction the visitor fails)."""
    if not owners.exists():
        raise Http404
    return Access(
        allowed=visible_pages(user, owners).exists(),
        members_only=not visible_pages(AnonymousUser(), owners).exists(),
    )


# Path prefix (the model's upload_to) → lookup. The first match decides; anything else is a 404. Apps add the
# prefixes of their own file fields through the registry (films: films/captions/, core/registry.py).
LOOKUPS = (
    ("documents/", _document),
    ("original_images/", _original_image),
    ("images/", _rendition),
    ("media/", _media_item),
    ("media_thumbnails/", _media_item),
)


def _content_type(name: str) -> str:
    extension = posixpath.splitext(name)[1].lower()
    return CONTENT_TYPES.get(extension) or mimetypes.guess_type(name)[0] or "application/octet-stream"


def _file_part(handle, start: int, length: int):
    try:
        handle.seek(start)
        remaining = length
        while remaining > 0:
            chunk = handle.read(min(CHUNK_SIZE, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            yield chunk
    finally:
        handle.close()


def _stream(request, name: str, content_type: str) -> HttpResponse:
    """The file's bytes from storage, honouring a single byte range (video players seek with them)."""
    try:
        handle = default_storage.open(name)
    except FileNotFoundError:
        raise Http404 from None
    match = RANGE_HEADER.match(request.headers.get("Range", "").strip())
    size = handle.size if match else None
    if not match or not size:
        response = FileResponse(handle, content_type=content_type)
        response["Accept-Ranges"] = "bytes"
        return response
    first, last = match.groups()
    if first:
        start, end = int(first), min(int(last), size - 1) if last else size - 1
    elif last:
        start, end = max(size - int(last), 0), size - 1
    else:
        start, end = 0, -1
    if start > end or start >= size:
        handle.close()
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return response
    response = StreamingHttpResponse(_file_part(handle, start, end - start + 1), status=206, content_type=content_type)
    response["Content-Length"] = str(end - start + 1)
    response["Content-Range"] = f"bytes {start}-{end}/{size}"
    response["Accept-Ranges"] = "bytes"
    return response


@require_safe
def serve_media(request, path: str):
    name = posixpath.normpath(path).lstrip("/")
    if name.startswith("..") or name != path.lstrip("/"):
        raise Http404
    lookups = (*LOOKUPS, *registry.media_lookups())
    lookup = next((lookup for prefix, lookup in lookups if name.startswith(prefix)), None)
    if lookup is None:
        raise Http404
    access = lookup(request.user, name)
    if isinstance(access, HttpResponse):
        return access
    if not access.allowed:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return registry.members_only_response(request)
    content_type = _content_type(name)
    accel_prefix = getattr(settings, "MEDIA_ACCEL_REDIRECT", "")
    if accel_prefix:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = accel_prefix.rstrip("/") + "/" + name
    else:
        response = _stream(request, name, content_type)
    # Behind nginx the headers are set here all the same. nginx keeps Content-Type and Content-Disposition of this
    # response when it follows X-Accel-Redirect, but drops all other headers of it: the `internal` location must add
    # X-Content-Type-Options and Content-Security-Policy itself (`add_header … always`) and must never set another
    # Content-Type or Content-Disposition (no `default_type`/`types` override in that location).
    protect_file_response(response, name)
    if access.members_only:
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
    else:
        patch_cache_control(response, public=True, max_age=60 * 60 * 24)
    return response


class DocumentFileMiddleware:
    """The file responses of Wagtail's document view (``/documents/<id>/<name>``) get the same inert headers as
    ``serve_media``. Wagtail already sends nosniff and ``default-src 'none'``, and an attachment for everything but
    PDFs; this adds the sandbox and turns HTML, SVG, XML and script types into octet-stream downloads, whatever the
    stored file's name. Wagtail's password form under the same prefix is left alone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if match is not None and match.url_name == "wagtaildocs_serve" and response.status_code in (200, 206):
            protect_file_response(response, match.args[1] if len(match.args) > 1 else "download")
        return response
