"""Checks for what editors upload or enter on a film page: WebVTT captions and YouTube addresses."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

CAPTIONS_MAX_BYTES = 1024 * 1024

# A WebVTT timestamp: optional hours (two or more digits), minutes, seconds and exactly three fractional digits.
_TIMESTAMP = r"(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})"
TIMING_LINE = re.compile(rf"^{_TIMESTAMP}[ \t]+-->[ \t]+{_TIMESTAMP}(?:[ \t]+\S.*)?$")

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtube-nocookie.com", "www.youtube-nocookie.com"}


def _seconds(hours, minutes, seconds, millis) -> float:
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000


def _read_bytes(value, limit: int) -> bytes:
    """Up to ``limit`` bytes of an uploaded file or of a file already in storage, leaving it rewound."""
    if getattr(value, "_committed", False):
        with value.storage.open(value.name, "rb") as handle:
            return handle.read(limit)
    handle = getattr(value, "file", value)
    handle.seek(0)
    data = handle.read(limit)
    handle.seek(0)
    return data


def parse_webvtt(text: str) -> list[tuple[float, float, str]]:
    """The cues of a WebVTT text as (start, end, text); raises ValidationError with a German message."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    header = lines[0] if lines else ""
    if not (header == "WEBVTT" or header.startswith(("WEBVTT ", "WEBVTT\t"))):
        raise ValidationError(
            _(
                "Das ist keine WebVTT-Datei: Die erste Zeile muss „WEBVTT“ lauten. Bitte exportieren Sie die "
                "Untertitel aus Ihrem Untertitel-Programm im Format WebVTT (.vtt)."
            ),
            code="not_webvtt",
        )
    cues = []
    index = 1
    while index < len(lines):
        line = lines[index].strip()
        if "-->" in line:
            match = TIMING_LINE.match(line)
            if match is None:
                raise ValidationError(
                    _(
                        "Zeile %(number)d der Untertiteldatei hat keine gültige Zeitangabe: „%(line)s“. "
                        "Erwartet wird zum Beispiel „00:00:01.000 --> 00:00:04.500“."
                    ),
                    code="bad_timing",
                    params={"number": index + 1, "line": line[:80]},
                )
            start = _seconds(*match.groups()[:4])
            end = _seconds(*match.groups()[4:])
            if end <= start:
                raise ValidationError(
                    _("Zeile %(number)d der Untertiteldatei: Das Ende liegt nicht nach dem Anfang („%(line)s“)."),
                    code="bad_timing",
                    params={"number": index + 1, "line": line[:80]},
                )
            text_lines = []
            index += 1
            while index < len(lines) and lines[index].strip():
                text_lines.append(lines[index].strip())
                index += 1
            if text_lines:
                cues.append((start, end, "\n".join(text_lines)))
            continue
        index += 1
    if not cues:
        raise ValidationError(
            _(
                "Die Untertiteldatei enthält keinen Untertitel. Jeder Eintrag braucht eine Zeitangabe wie "
                "„00:00:01.000 --> 00:00:04.500“ und darunter den Text."
            ),
            code="no_cues",
        )
    return cues


def validate_webvtt(value) -> None:
    """Validator for the captions file field: UTF-8 text in WebVTT format with at least one timed cue."""
    if not value:
        return
    try:
        data = _read_bytes(value, CAPTIONS_MAX_BYTES + 1)
    except (OSError, ValueError):
        raise ValidationError(_("Die Untertiteldatei konnte nicht gelesen werden."), code="unreadable") from None
    if len(data) > CAPTIONS_MAX_BYTES:
        raise ValidationError(_("Die Untertiteldatei ist größer als 1 MB – das ist für Untertitel zu groß."))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ValidationError(
            _("Die Untertiteldatei muss als UTF-8 gespeichert sein (Umlaute sonst unlesbar)."), code="encoding"
        ) from None
    parse_webvtt(text.removeprefix("\ufeff"))


def youtube_id(url: str | None) -> str | None:
    """The video id of a YouTube address, or None when the address is not a recognisable YouTube video."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https"):
        return None
    host = (parts.hostname or "").lower()
    path_parts = [part for part in parts.path.split("/") if part]
    candidate = None
    if host == "youtu.be" and len(path_parts) == 1:
        candidate = path_parts[0]
    elif host in YOUTUBE_HOSTS:
        if path_parts == ["watch"]:
            values = parse_qs(parts.query).get("v", [])
            candidate = values[0] if len(values) == 1 else None
        elif len(path_parts) == 2 and path_parts[0] in ("embed", "shorts", "live", "v"):
            candidate = path_parts[1]
    if candidate and YOUTUBE_ID.match(candidate):
        return candidate
    return None


def validate_youtube_url(value: str) -> None:
    if value and youtube_id(value) is None:
        raise ValidationError(
            _(
                "Diese Adresse ist kein YouTube-Video. Erwartet wird eine Adresse wie "
                "„https://www.youtube.com/watch?v=…“ oder „https://youtu.be/…“."
            ),
            code="not_youtube",
        )
