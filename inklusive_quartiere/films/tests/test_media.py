"""Video, thumbnail and caption files under /media/: served after the visibility check, right types, ranges."""

import pytest
from django.test import Client

from .helpers import make_film, member_client, members_film, private, public_film, streamed

pytestmark = pytest.mark.django_db


def test_public_video_thumbnail_and_captions_are_served_to_anonymous_visitors(client, demo):
    film = public_film()
    video = client.get(film.video.url)
    assert video.status_code == 200
    assert video["Content-Type"] == "video/mp4"
    assert video["Accept-Ranges"] == "bytes"
    assert "public" in video["Cache-Control"]
    assert streamed(video)[4:8] == b"ftyp"  # an MP4 container

    captions = client.get(film.captions.url)
    assert captions.status_code == 200
    assert captions["Content-Type"] == "text/vtt; charset=utf-8"
    assert streamed(captions).startswith(b"WEBVTT")
    assert "public" in captions["Cache-Control"]

    thumbnail = client.get(film.video.thumbnail.url)
    assert thumbnail.status_code == 200
    assert thumbnail["Content-Type"] == "image/jpeg"


def test_byte_ranges_for_seeking(client, demo):
    url = public_film().video.url
    whole = streamed(client.get(url))
    part = client.get(url, HTTP_RANGE="bytes=100-199")
    assert part.status_code == 206
    assert part["Content-Range"] == f"bytes 100-199/{len(whole)}"
    assert part["Content-Length"] == "100"
    assert streamed(part) == whole[100:200]
    tail = client.get(url, HTTP_RANGE="bytes=-10")
    assert streamed(tail) == whole[-10:]
    open_ended = client.get(url, HTTP_RANGE=f"bytes={len(whole) - 5}-")
    assert streamed(open_ended) == whole[-5:]
    unsatisfiable = client.get(url, HTTP_RANGE=f"bytes={len(whole)}-")
    assert unsatisfiable.status_code == 416
    assert unsatisfiable["Content-Range"] == f"bytes */{len(whole)}"
    ignored = client.get(url, HTTP_RANGE="bytes=0-1,5-6")  # multiple ranges: the whole file
    assert ignored.status_code == 200


@pytest.mark.parametrize("kind", ["page", "video", "thumbnail", "captions"])
def test_members_only_film_refused_for_anonymous_and_private_for_members(demo, kind):
    film = members_film()
    url = {
        "page": film.url,
        "video": film.video.url,
        "thumbnail": film.video.thumbnail.url,
        "captions": film.captions.url,
    }[kind]
    anonymous = Client().get(url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/anmelden/")

    response = member_client().get(url)
    assert response.status_code == 200
    assert private(response), response.get("Cache-Control")
    if kind == "captions":
        assert response["Content-Type"] == "text/vtt; charset=utf-8"
        assert streamed(response).startswith(b"WEBVTT")
    if kind == "video":
        assert response["Content-Type"] == "video/mp4"


def test_unknown_and_orphan_files_are_404(client, demo):
    assert client.get("/media/media/gibt-es-nicht.mp4").status_code == 404
    assert client.get("/media/media_thumbnails/gibt-es-nicht.jpg").status_code == 404
    assert client.get("/media/films/captions/gibt-es-nicht.vtt").status_code == 404
    assert client.get("/media/films/captions/../../etc/passwd").status_code == 404


def test_captions_of_an_unpublished_film_are_not_served(client, demo):
    film = make_film("zurueckgezogen")
    url = film.captions.url
    assert client.get(url).status_code == 200
    film.unpublish()
    assert client.get(url).status_code == 302  # not visible: sent to sign-in like any hidden file


def test_video_metadata_is_read_from_the_file_when_missing(demo):
    """Running time and size come from the media item; ffmpeg fills them in when the editor left them empty."""
    from django.core.files.base import ContentFile
    from wagtail.models import Collection
    from wagtailmedia import get_media_model

    source = public_film().video
    with source.file.open("rb") as handle:
        data = handle.read()
    media = get_media_model()(title="Ohne Laufzeit", type="video", collection=Collection.get_first_root_node())
    media.file.save("ohne-laufzeit.mp4", ContentFile(data), save=False)
    media.save()
    media.refresh_from_db()
    assert media.duration == pytest.approx(6.0, abs=0.2)
    assert (media.width, media.height) == (640, 360)
