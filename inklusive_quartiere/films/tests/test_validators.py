"""WebVTT and YouTube address checks."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from inklusive_quartiere.films.validators import parse_webvtt, validate_webvtt, youtube_id


def test_parses_cues_with_and_without_hours_and_settings():
    cues = parse_webvtt(
        "WEBVTT - Titel\n\nNOTE Kommentar\n\n1\n00:01.000 --> 00:02.500 align:start\nEins\nZwei\n\n"
        "01:00:00.000 --> 01:00:01.000\nDrei\n"
    )
    assert cues == [(1.0, 2.5, "Eins\nZwei"), (3600.0, 3601.0, "Drei")]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "WEBVTTX\n\n00:00.000 --> 00:01.000\nA\n",
        "WEBVTT\n\n00:00.000 --> 00:01.000\n",
        "WEBVTT\n\n00:00.00 --> 00:01.000\nA\n",
        "WEBVTT\n\n00:61.000 --> 00:62.000\nA\n",
    ],
    ids=["empty", "bad-header", "cue-without-text", "two-digit-fraction", "seconds-over-59"],
)
def test_rejects_what_is_not_webvtt(text):
    with pytest.raises(ValidationError):
        parse_webvtt(text)


def test_validator_accepts_bom_and_crlf_and_rejects_latin1():
    validate_webvtt(SimpleUploadedFile("a.vtt", "\ufeffWEBVTT\r\n\r\n00:00.000 --> 00:01.000\r\nÄ\r\n".encode()))
    with pytest.raises(ValidationError, match="UTF-8"):
        validate_webvtt(SimpleUploadedFile("a.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\nÄ\n".encode("latin-1")))


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.youtube.com/watch?v=Xx0Beispiel", "Xx0Beispiel"),
        ("https://youtu.be/Xx0Beispiel", "Xx0Beispiel"),
        ("https://www.youtube-nocookie.com/embed/Xx0Beispiel", "Xx0Beispiel"),
        ("https://m.youtube.com/watch?v=Xx0Beispiel&t=10", "Xx0Beispiel"),
        ("https://www.youtube.com/shorts/Xx0Beispiel", "Xx0Beispiel"),
        ("https://www.youtube.com/watch?v=zu-kurz", None),
        ("https://www.youtube.com/watch?v=Xx0Beispiel%22%3E", None),
        ("https://youtube.evil.example/watch?v=Xx0Beispiel", None),
        ("javascript:alert(1)//youtu.be/Xx0Beispiel", None),
        ("https://youtu.be/Xx0Beispiel/extra", None),
        ("", None),
    ],
)
def test_youtube_id(url, expected):
    assert youtube_id(url) == expected
