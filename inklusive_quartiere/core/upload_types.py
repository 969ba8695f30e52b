"""What editors may upload, by kind, and how stored files are handed out again: the one place for both.

Uploads are judged by their CONTENT, not only by their name. A file is accepted when its extension is on the kind's
list AND its first bytes are the container that extension promises:

- media (wagtailmedia; the films' videos and audio): MP4/M4V/MOV/M4A (ISO base media, an ``ftyp`` box), WebM/MKV
  (EBML), Ogg (``OggS``), MP3 (an ID3 tag or an MPEG layer III frame), WAV (``RIFF…WAVE``). The extension also
  decides whether the item is a video or an audio file; it must fit the kind the editor chose.
- thumbnails of media items: raster images Pillow opens as PNG, JPEG, GIF or WebP (never SVG).
- documents: the extensions of ``WAGTAILDOCS_EXTENSIONS``; a PDF starts with ``%PDF-``, office files and ZIP archives
  are ZIP archives (office files with the part that names them), CSV and text files are text without HTML or script.
- images: Wagtail's own checks (format read by Willow, pixel count) plus ``core.uploads``; SVG is not on the list.

Every file under /media/ and /documents/ is then served inert (``protect_file_response``): ``nosniff``, a content
security policy that forbids everything and sandboxes the document, and — for anything a browser would not simply
show as a picture, a video, a PDF or plain text — ``Content-Disposition: attachment``. HTML, SVG, XML and script
types are always downloads labelled ``application/octet-stream``, so a file that slipped in before these checks (or
through the shell) still cannot run script on the site's origin.
"""

from __future__ import annotations

import codecs
import posixpath
import re
import struct
import urllib.parse
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

HEAD_BYTES = 64

# -- media (wagtailmedia) -----------------------------------------------------------------------------------------
# extension → container (see ``sniff_container``). ``settings.WAGTAILMEDIA`` lists the same extensions, so that
# wagtailmedia's own extension check and the file picker's ``accept`` attribute agree (core/tests check it).
VIDEO_EXTENSIONS = {"mp4": "isobmff", "m4v": "isobmff", "mov": "isobmff", "webm": "ebml", "mkv": "ebml", "ogv": "ogg"}
AUDIO_EXTENSIONS = {"mp3": "mp3", "m4a": "isobmff", "ogg": "ogg", "oga": "ogg", "wav": "wav"}
MEDIA_EXTENSIONS = {"video": VIDEO_EXTENSIONS, "audio": AUDIO_EXTENSIONS}

# Thumbnails of media items: extension → the format Pillow must find (wagtailmedia checks only the extension).
THUMBNAIL_FORMATS = {"png": "PNG", "jpg": "JPEG", "jpeg": "JPEG", "gif": "GIF", "webp": "WEBP"}

# -- documents ----------------------------------------------------------------------------------------------------
# extension → what the content must be. Every extension of WAGTAILDOCS_EXTENSIONS needs an entry (core/tests).
DOCUMENT_CONTENT = {
    "pdf": "pdf",
    "docx": "ooxml",
    "xlsx": "ooxml",
    "pptx": "ooxml",
    "odt": "odf",
    "ods": "odf",
    "odp": "odf",
    "zip": "zip",
    "csv": "text",
    "txt": "text",
}
# Markers of active content in a text file (compared in lower case).
ACTIVE_MARKERS = (b"<script", b"<html", b"<svg", b"<iframe", b"<object", b"<embed", b"<!doctype", b"<body", b"<?xml")
TEXT_SCAN_CHUNK = 1024 * 1024

# -- serving ------------------------------------------------------------------------------------------------------
# Shown in the browser (inline). Video and audio types are inline too; everything else is a download.
INLINE_CONTENT_TYPES = {
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
    "image/avif",
    "application/pdf",
    "text/vtt",
    "text/plain",
}
# Downloads that keep their own type (the documents' formats). Any other type is sent as application/octet-stream.
DOWNLOAD_CONTENT_TYPES = {
    "application/zip",
    "text/csv",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.oasis.opendocument.presentation",
}
# Every user file forbids all loads and runs as a sandboxed document (no script, no forms, a unique origin) when it
# is opened directly. PDFs get the same policy without ``sandbox``: browsers refuse to start their PDF viewer in a
# sandboxed document, and a PDF cannot run script on the site's origin.
FILE_CSP = "default-src 'none'; sandbox"
PDF_CSP = "default-src 'none'"
OCTET_STREAM = "application/octet-stream"


# -- sniffing -----------------------------------------------------------------------------------------------------
def _is_mp3_frame(head: bytes) -> bool:
    """An MPEG audio layer III frame header: 11 sync bits, a valid version, layer III, a valid bit rate and sample
    rate (this refuses, among others, the UTF-16 byte order mark FF FE that an HTML file may start with)."""
    if len(head) < 4 or head[0] != 0xFF or head[1] & 0xE0 != 0xE0:
        return False
    version, layer = (head[1] >> 3) & 0b11, (head[1] >> 1) & 0b11
    bitrate, sample_rate = head[2] >> 4, (head[2] >> 2) & 0b11
    return version != 0b01 and layer == 0b01 and bitrate not in (0b0000, 0b1111) and sample_rate != 0b11


def sniff_container(head: bytes) -> str | None:
    """The container a file's first bytes announce, or None: isobmff, ebml, ogg, mp3, wav, pdf, zip."""
    if len(head) >= 12 and head[4:8] == b"ftyp" and 8 <= struct.unpack(">I", head[:4])[0] <= 4096:
        return "isobmff"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "ebml"
    if head.startswith(b"OggS"):
        return "ogg"
    if head.startswith(b"ID3") or _is_mp3_frame(head):
        return "mp3"
    if head.startswith(b"RIFF") and head[8:12] == b"WAVE":
        return "wav"
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    return None


def extension_of(name: str) -> str:
    return posixpath.splitext(name or "")[1].lstrip(".").lower()


def _read_head(upload, size: int = HEAD_BYTES) -> bytes:
    upload.seek(0)
    head = upload.read(size)
    upload.seek(0)
    return head


def _chunks(upload, size: int = TEXT_SCAN_CHUNK):
    upload.seek(0)
    try:
        while chunk := upload.read(size):
            yield chunk
    finally:
        upload.seek(0)


# -- checks (each raises ValidationError with a German message) -------------------------------------------------
def check_size(upload, limit: int | None) -> None:
    if limit is not None and upload.size is not None and upload.size > limit:
        raise ValidationError(
            _("Die Datei ist zu groß (%(size)s). Erlaubt sind höchstens %(limit)s."),
            code="file_too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )


def _not_what_it_claims(extension: str) -> ValidationError:
    return ValidationError(
        _(
            "Der Inhalt der Datei passt nicht zur Dateiendung „%(extension)s“. Bitte laden Sie die Datei so hoch, wie "
            "das Programm sie gespeichert hat; Webseiten, Skripte und Programme werden nicht angenommen."
        ),
        code="content_mismatch",
        params={"extension": extension},
    )


def media_type_for(name: str, requested: str | None) -> str:
    """The media type (video or audio) the file name stands for, checked against the kind the editor chose."""
    extension = extension_of(name)
    if requested in MEDIA_EXTENSIONS:
        allowed = MEDIA_EXTENSIONS[requested]
        if extension not in allowed:
            message = (
                _("Als Video sind nur diese Dateiendungen erlaubt: %(allowed)s.")
                if requested == "video"
                else _("Als Audiodatei sind nur diese Dateiendungen erlaubt: %(allowed)s.")
            )
            raise ValidationError(message, code="invalid_extension", params={"allowed": ", ".join(allowed)})
        return requested
    for media_type, allowed in MEDIA_EXTENSIONS.items():
        if extension in allowed:
            return media_type
    raise ValidationError(
        _("Als Video oder Audiodatei sind nur diese Dateiendungen erlaubt: %(allowed)s."),
        code="invalid_extension",
        params={"allowed": ", ".join([*VIDEO_EXTENSIONS, *AUDIO_EXTENSIONS])},
    )


def check_media_file(upload, requested_type: str | None) -> str:
    """A video or audio upload: size, extension for the chosen kind, container by content. Returns the type."""
    check_size(upload, settings.MEDIA_MAX_UPLOAD_SIZE)
    media_type = media_type_for(upload.name, requested_type)
    extension = extension_of(upload.name)
    if sniff_container(_read_head(upload)) != MEDIA_EXTENSIONS[media_type][extension]:
        raise _not_what_it_claims(extension)
    return media_type


def check_thumbnail(upload) -> None:
    """A media item's thumbnail: a raster image of the format its extension names, not too big, not a bomb."""
    from PIL import Image as PILImage

    check_size(upload, settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)
    extension = extension_of(upload.name)
    expected = THUMBNAIL_FORMATS.get(extension)
    if expected is None:
        raise ValidationError(
            _("Als Vorschaubild sind nur diese Dateiendungen erlaubt: %(allowed)s."),
            code="invalid_extension",
            params={"allowed": ", ".join(THUMBNAIL_FORMATS)},
        )
    too_many_pixels = _("Das Vorschaubild hat zu viele Pixel (%(pixels)s). Erlaubt sind höchstens %(limit)s.")
    limit = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    try:
        upload.seek(0)
        with PILImage.open(upload) as image:  # reads the header only; nothing is decoded
            found = image.format
            pixels = image.width * image.height
    except PILImage.DecompressionBombError as error:  # far more pixels than Pillow opens at all
        counted = re.search(r"\((\d+) pixels\)", str(error))
        pixels = counted[1] if counted else "?"
        raise ValidationError(
            too_many_pixels, code="file_too_many_pixels", params={"pixels": pixels, "limit": limit}
        ) from error
    except Exception as error:  # noqa: BLE001 - whatever else Pillow raises, it is no usable image
        raise _not_what_it_claims(extension) from error
    finally:
        upload.seek(0)
    if found != expected:
        raise _not_what_it_claims(extension)
    if pixels > limit:
        raise ValidationError(too_many_pixels, code="file_too_many_pixels", params={"pixels": pixels, "limit": limit})


def _zip_names(upload) -> list[str] | None:
    """The member names of a ZIP archive (its directory only; nothing is unpacked), or None if it is none."""
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None
    finally:
        upload.seek(0)


def _looks_like_markup(upload) -> bool:
    """Text that starts like markup (after a byte order mark and white space), or that contains HTML or script
    anywhere (checked in overlapping chunks, case-insensitively, also in UTF-16)."""
    head = _read_head(upload, 4096)
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if head.startswith(bom):
            text = head[len(bom) :].decode(encoding, errors="ignore")
            break
    else:
        text = head.decode("utf-8", errors="ignore")
    if text.lstrip().startswith("<"):
        return True
    overlap = max(len(marker) for marker in ACTIVE_MARKERS)
    previous = b""
    for chunk in _chunks(upload):
        window = (previous + chunk).lower()
        squeezed = window.replace(b"\x00", b"")  # UTF-16 text: the markers with their zero bytes removed
        if any(marker in window or marker in squeezed for marker in ACTIVE_MARKERS):
            return True
        previous = window[-overlap:]
    return False


def check_document(upload) -> None:
    """A document upload: the content its extension promises (the size is Wagtail's WAGTAILDOCS_MAX_UPLOAD_SIZE)."""
    extension = extension_of(upload.name)
    expected = DOCUMENT_CONTENT.get(extension)
    if expected is None:
        return  # Wagtail refuses the extension itself (WAGTAILDOCS_EXTENSIONS), with its own message
    if expected == "text":
        if _looks_like_markup(upload):
            raise ValidationError(
                _(
                    "Die Datei „%(name)s“ enthält HTML oder ein Skript. Als .%(extension)s-Datei nehmen wir nur "
                    "reinen Text an; bitte speichern Sie das Dokument zum Beispiel als PDF."
                ),
                code="active_content",
                params={"name": posixpath.basename(upload.name), "extension": extension},
            )
        return
    container = sniff_container(_read_head(upload))
    if expected == "pdf":
        if container != "pdf":
            raise _not_what_it_claims(extension)
        return
    if container != "zip":
        raise _not_what_it_claims(extension)
    names = _zip_names(upload)
    if names is None:
        raise _not_what_it_claims(extension)
    if expected == "ooxml" and "[Content_Types].xml" not in names:
        raise _not_what_it_claims(extension)
    if expected == "odf" and "mimetype" not in names:
        raise _not_what_it_claims(extension)


# -- serving ------------------------------------------------------------------------------------------------------
def serving_policy(content_type: str) -> tuple[str, bool]:
    """(content type to send, shown inline?) for a stored file of this content type."""
    base = (content_type or "").split(";", 1)[0].strip().lower()
    if base in INLINE_CONTENT_TYPES or base.startswith(("video/", "audio/")):
        return content_type, True
    if base in DOWNLOAD_CONTENT_TYPES:
        return content_type, False
    return OCTET_STREAM, False


def _attachment(filename: str) -> str:
    quoted = urllib.parse.quote(filename)
    ascii_name = re.sub(r"[^A-Za-z0-9._-]", "_", filename) or "download"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quoted}"


def protect_file_response(response, filename: str):
    """Make a response that hands out a user file inert (see the module's docstring). Behind nginx
    (``X-Accel-Redirect``), nginx keeps Content-Type and Content-Disposition of this response but drops the other
    headers: its ``internal`` location must add nosniff and the content security policy itself
    (``add_header … always``)."""
    content_type, inline = serving_policy(response.get("Content-Type", ""))
    response["Content-Type"] = content_type
    if not inline:
        response["Content-Disposition"] = _attachment(posixpath.basename(filename))
    base = content_type.split(";", 1)[0].strip().lower()
    response["Content-Security-Policy"] = PDF_CSP if base == "application/pdf" and inline else FILE_CSP
    response["X-Content-Type-Options"] = "nosniff"
    return response
