"""Input rules of the report form that do not depend on Django: text clean-up, the site-URL check, link count."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

# Characters that are never part of a report: control characters (except line break and tab) and the
# invisible bidirectional overrides that can make a text read differently from what it contains.
_BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_LINK = re.compile(r"https?://|www\.|\[url[=\]]|<a\s", re.IGNORECASE)


def clean_text(value: str, multiline: bool = False) -> str:
    """Line breaks normalised; control characters and bidi overrides removed (single-line: also breaks/tabs)."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    kept = []
    for char in value:
        if char in "\n\t":
            kept.append(char if multiline else " ")
        elif char in _BIDI_CONTROLS or unicodedata.category(char) == "Cc":
            continue
        else:
            kept.append(char)
    return "".join(kept)


def link_count(text: str) -> int:
    return len(_LINK.findall(text))


def host_of(hostport: str) -> str:
    """'Example.org:8000' → 'example.org' (also for bracketed IPv6 addresses)."""
    hostport = hostport.strip().lower()
    if hostport.startswith("["):
        return hostport.split("]", 1)[0] + "]"
    return hostport.rsplit(":", 1)[0] if hostport.count(":") == 1 else hostport


def is_local_path(value: str) -> bool:
    """A path on this site: '/…', never '//host' or a backslash trick, no scheme, no whitespace."""
    if not value.startswith("/") or value.startswith("//") or "\\" in value:
        return False
    if any(char.isspace() for char in value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return not parts.scheme and not parts.netloc


def is_site_url(value: str, hosts: set[str]) -> bool:
    """A local path, or an http(s) URL whose host is one of ``hosts`` (lower-case, without port)."""
    if is_local_path(value):
        return True
    if "\\" in value or any(char.isspace() for char in value):
        return False
    try:
        parts = urlsplit(value)
        port_ok = parts.port is None or 0 < parts.port < 65536  # .port raises ValueError when malformed
    except ValueError:
        return False
    if parts.scheme not in ("http", "https") or not parts.netloc or not port_ok:
        return False
    if "@" in parts.netloc:  # user info: "https://our-host@other-host/" goes to other-host
        return False
    return host_of(parts.netloc) in hosts
