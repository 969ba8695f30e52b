"""Bad uploads by a city editor, through every way into the editor's image and document libraries (the add view,
the drag-and-drop multiple upload and the chooser's upload tab): each answers with a German message on the form,
never a 500, and stores nothing. A good file through the same channel is the positive control."""

from __future__ import annotations

import io
import json
import re
import struct
import zlib
from dataclasses import dataclass
from html import unescape

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from inklusive_quartiere.testing.accounts import login_verified, user_in_groups

pytestmark = pytest.mark.django_db


# -- the files -----------------------------------------------------------------------------------------------------


def png(size=(64, 48), noise=False) -> bytes:
    """A PNG; with noise, one that does not compress to almost nothing (so cutting it off loses pixel rows)."""
    from PIL import Image as PILImage

    out = io.BytesIO()
    image = PILImage.effect_noise(size, 60).convert("RGB") if noise else PILImage.new("RGB", size, (200, 80, 40))
    image.save(out, format="PNG")
    return out.getvalue()


def jpeg(size=(64, 48)) -> bytes:
    from PIL import Image as PILImage

    out = io.BytesIO()
    PILImage.effect_noise(size, 60).convert("RGB").save(out, format="JPEG", quality=90)
    return out.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def bomb_png(width=20_000, height=20_000) -> bytes:
    """A valid one-bit PNG of width × height white pixels (400 million by default), about 50 KB on disk; the rows
    are compressed one by one, so the 50 MB of pixel data never sit in memory."""
    row = b"\x00" + b"\xff" * ((width + 7) // 8)  # filter byte "none", then the row's bits
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # bit depth 1, greyscale
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", data) + _chunk(b"IEND", b"")


DAMAGED = "Die Datei ist beschädigt oder unvollständig"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'


def oversized_png(path) -> bytes:
    """A file one byte over the upload limit that starts like a PNG. The rest is a hole in a sparse file, so the
    disk holds almost nothing; the test client reads it once into memory (15 MB) to send it."""
    limit = settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    with open(path, "wb") as handle:
        handle.write(png())
        handle.truncate(limit + 1)
    with open(path, "rb") as handle:
        return handle.read()


@dataclass
class Bad:
    name: str
    content: bytes
    message: str  # a German message the editor gets (part of it)


BAD_IMAGES = {
    "svg": Bad("grafik.svg", SVG, "Nicht unterstütztes Bildformat. Unterstützte Bildformate: AVIF, GIF, JPG"),
    "text-as-jpg": Bad("foto.jpg", b"Nur Text, kein Foto.\n" * 20, "Bitte ein gültiges Bild hochladen."),
    "png-as-jpg": Bad("foto.jpg", b"", "Kein gültiges .jpeg-Bild"),  # content: png()
    "truncated-png": Bad("abgeschnitten.png", b"", DAMAGED),  # content: png() cut off
    "truncated-jpeg": Bad("abgeschnitten.jpg", b"", DAMAGED),  # content: jpeg() cut off
    "png-header-only": Bad("kaputt.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, DAMAGED),
    "decompression-bomb": Bad("bombe.png", b"", "Dieses Bild hat zu viele Pixel (400000000)"),  # bomb_png()
    "too-many-pixels": Bad("riesig.png", b"", "Dieses Bild hat zu viele Pixel (60000000)"),  # bomb_png(10000, 6000)
    "oversized": Bad("gross.png", b"", "Die Datei ist zu groß (15,0"),  # oversized_png()
}


def _upload(case: str, bad: Bad, tmp_path) -> SimpleUploadedFile:
    made = {
        "oversized": lambda: oversized_png(tmp_path / "gross.png"),
        "decompression-bomb": bomb_png,
        "too-many-pixels": lambda: bomb_png(10_000, 6_000),
        "png-as-jpg": png,
        "truncated-png": lambda: png((400, 300), noise=True)[:-2000],
        "truncated-jpeg": lambda: jpeg((400, 300))[:-2000],
    }
    return SimpleUploadedFile(bad.name, made[case]() if case in made else bad.content)


# -- the clients and channels ------------------------------------------------------------------------------------------


@pytest.fixture
def ulm_editor(demo) -> Client:
    client = Client(raise_request_exception=False)  # a 500 is an answer to assert on, not an exception
    login_verified(client, user_in_groups("uploads-ulm", "Stadtredaktion Ulm"))
    return client


@pytest.fixture
def ulm_collection(demo):
    return Collection.objects.get(name="Stadt Ulm")


def _plain(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def post_image(client, channel: str, upload, collection) -> tuple[int, str]:
    """Upload through one channel; returns the status code and the text the editor reads."""
    if channel == "add":
        response = client.post(
            reverse("wagtailimages:add"), {"title": "Testbild", "file": upload, "collection": collection.pk}
        )
        return response.status_code, _plain(response.content.decode())
    if channel == "multiple":
        response = client.post(reverse("wagtailimages:add_multiple"), {"files[]": upload, "collection": collection.pk})
        if response.status_code != 200:
            return response.status_code, ""
        data = json.loads(response.content)
        return response.status_code, data.get("error_message", "") if not data["success"] else "OK"
    response = client.post(
        reverse("wagtailimages_chooser:create"),
        {
            "image-chooser-upload-title": "Testbild",
            "image-chooser-upload-file": upload,
            "image-chooser-upload-collection": collection.pk,
        },
    )
    if response.status_code != 200:
        return response.status_code, ""
    data = json.loads(response.content)
    return response.status_code, _plain(data.get("htmlFragment", "")) if data["step"] != "chosen" else "OK"


CHANNELS = ["add", "multiple", "chooser"]


@pytest.mark.parametrize("channel", CHANNELS)
def test_a_good_image_is_accepted(ulm_editor, ulm_collection, channel):
    before = get_image_model().objects.count()
    status, text = post_image(ulm_editor, channel, SimpleUploadedFile("gut.png", png()), ulm_collection)
    assert status in (200, 302)
    assert get_image_model().objects.count() == before + 1
    assert get_image_model().objects.latest("pk").collection == ulm_collection


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("case", list(BAD_IMAGES))
def test_a_bad_image_is_refused_with_a_german_message(ulm_editor, ulm_collection, tmp_path, monkeypatch, channel, case):
    # As after WeasyPrint rendered a PDF in this process: Pillow then tolerates truncated files everywhere.
    from PIL import ImageFile

    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    bad = BAD_IMAGES[case]
    before = get_image_model().objects.count()
    status, text = post_image(ulm_editor, channel, _upload(case, bad, tmp_path), ulm_collection)
    assert status == 200, f"{channel}/{case}: {status}"
    assert bad.message in text, text[:3000]
    assert get_image_model().objects.count() == before


def test_image_help_text_names_the_limits(ulm_editor):
    html = _plain(ulm_editor.get(reverse("wagtailimages:add")).content.decode())
    assert "Unterstützte Dateiformate: AVIF, GIF, JPG, JPEG, PNG, WEBP. Maximale Dateigröße: 15,0 MB." in html


# -- documents -----------------------------------------------------------------------------------------------------


def post_document(client, channel: str, upload, collection) -> tuple[int, str]:
    if channel == "add":
        response = client.post(
            reverse("wagtaildocs:add"), {"title": "Testdokument", "file": upload, "collection": collection.pk}
        )
        return response.status_code, _plain(response.content.decode())
    if channel == "multiple":
        response = client.post(reverse("wagtaildocs:add_multiple"), {"files[]": upload, "collection": collection.pk})
        if response.status_code != 200:
            return response.status_code, ""
        data = json.loads(response.content)
        return response.status_code, data.get("error_message", "") if not data["success"] else "OK"
    response = client.post(
        reverse("wagtaildocs_chooser:create"),
        {
            "document-chooser-upload-title": "Testdokument",
            "document-chooser-upload-file": upload,
            "document-chooser-upload-collection": collection.pk,
        },
    )
    if response.status_code != 200:
        return response.status_code, ""
    data = json.loads(response.content)
    return response.status_code, _plain(data.get("htmlFragment", "")) if data["step"] != "chosen" else "OK"


@pytest.mark.parametrize("channel", CHANNELS)
def test_a_good_document_is_accepted(ulm_editor, ulm_collection, channel):
    before = get_document_model().objects.count()
    upload = SimpleUploadedFile(
        "protokoll.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    )
    status, _text = post_document(ulm_editor, channel, upload, ulm_collection)
    assert status in (200, 302)
    assert get_document_model().objects.count() == before + 1


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("programm.exe", b"MZ\x90\x00\x03\x00\x00\x00"),
        ("seite.html", b"<html><script>alert(1)</script></html>"),
        ("bild.svg", SVG),
    ],
    ids=["exe", "html", "svg"],
)
def test_a_forbidden_document_type_is_refused_with_a_german_message(ulm_editor, ulm_collection, channel, name, content):
    before = get_document_model().objects.count()
    status, text = post_document(ulm_editor, channel, SimpleUploadedFile(name, content), ulm_collection)
    assert status == 200, status
    extension = name.rsplit(".", 1)[1]
    assert f"Dateiendung „{extension}“ ist nicht erlaubt" in text, text[:3000]
    assert get_document_model().objects.count() == before
