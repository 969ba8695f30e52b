"""The translation catalogues behind the editor: which third-party strings have German, and where.

Editors see strings from Wagtail, wagtail-2fa, wagtailmedia and django-otp. Some of them have no German in their
own package; the project's catalogue (``inklusive_quartiere/locale/de/LC_MESSAGES/django.po``) fills those gaps.
Used by ``test_locale.py`` (every string covered, the .mo up to date) and ``test_editor_language.py`` (no English
string on an editor page).
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import polib
from django.conf import settings

# The packages whose strings appear in the editor (every catalogue below them: wagtail/admin, wagtail/images, …).
ADMIN_PACKAGES = ("wagtail", "wagtail_2fa", "wagtailmedia", "django_otp")
DOMAINS = ("django", "djangojs")


def project_catalogue(domain: str = "django", suffix: str = "po") -> Path:
    return Path(settings.LOCALE_PATHS[0]) / "de" / "LC_MESSAGES" / f"{domain}.{suffix}"


@dataclass(frozen=True)
class Message:
    catalogue: str  # e.g. "wagtail/admin"
    domain: str  # "django" or "djangojs"
    msgctxt: str | None
    msgid: str
    msgid_plural: str

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)


def _package_root(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.origin, f"package {name} is not installed"
    return Path(spec.origin).parent


def _locale_dirs(package: str) -> Iterator[tuple[str, Path]]:
    root = _package_root(package)
    for locale_dir in sorted(root.rglob("locale")):
        if locale_dir.is_dir() and any(locale_dir.glob("*/LC_MESSAGES/*.po")):
            yield f"{package}/{locale_dir.parent.relative_to(root)}".rstrip("/."), locale_dir


def is_translated(entry) -> bool:
    """A usable translation: not fuzzy, not obsolete, every plural form filled in."""
    if entry.obsolete or "fuzzy" in entry.flags:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def translated_keys(path: Path) -> set[tuple[str | None, str]]:
    if not path.exists():
        return set()
    catalogue = polib.mofile(str(path)) if path.suffix == ".mo" else polib.pofile(str(path))
    return {(entry.msgctxt, entry.msgid) for entry in catalogue if entry.msgid and is_translated(entry)}


def _source_entries(locale_dir: Path, domain: str) -> list:
    """The package's own strings: its English catalogue, or (django-otp has none) the union of its translations."""
    english = locale_dir / "en" / "LC_MESSAGES" / f"{domain}.po"
    paths = [english] if english.exists() else sorted(locale_dir.glob(f"*/LC_MESSAGES/{domain}.po"))
    entries = {}
    for path in paths:
        for entry in polib.pofile(str(path)):
            if entry.msgid and not entry.obsolete:
                entries.setdefault((entry.msgctxt, entry.msgid), entry)
    return list(entries.values())


@cache
def admin_messages() -> tuple[tuple[Message, bool], ...]:
    """Every string of the admin packages' catalogues, with whether the package itself has German for it."""
    found = []
    for package in ADMIN_PACKAGES:
        for label, locale_dir in _locale_dirs(package):
            for domain in DOMAINS:
                entries = _source_entries(locale_dir, domain)
                if not entries:
                    continue
                german_dir = locale_dir / "de" / "LC_MESSAGES"
                compiled = german_dir / f"{domain}.mo"
                german = translated_keys(compiled if compiled.exists() else german_dir / f"{domain}.po")
                for entry in entries:
                    message = Message(label, domain, entry.msgctxt, entry.msgid, entry.msgid_plural or "")
                    found.append((message, message.key in german))
    return tuple(found)


def messages_without_german() -> list[Message]:
    """The admin packages' strings that have German neither in their own package nor in the project's catalogue."""
    ours = {domain: translated_keys(project_catalogue(domain)) for domain in DOMAINS}
    return [
        message
        for message, has_german in admin_messages()
        if not has_german and message.key not in ours[message.domain]
    ]


# -- English strings as they would appear on a page ----------------------------------------------------------------

_PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")
_TAG = re.compile(r"<[^>]+>")


def visible_form(msgid: str) -> str:
    """The msgid as a reader would see it: tags removed, whitespace collapsed (placeholders kept)."""
    return " ".join(_TAG.sub(" ", msgid).split())


def phrase_pattern(msgid: str) -> re.Pattern | None:
    """A pattern that finds the msgid, its placeholders filled in, in visible text; None for strings too short or
    too common to tell English from German (single words such as "Name", "Status", "Workflow")."""
    text = visible_form(msgid)
    parts = [part.strip() for part in _PLACEHOLDER.split(text)]
    literal = " ".join(part for part in parts if part)
    if len(literal.split()) < 2 or not re.search(r"[A-Za-z]{3}", literal):
        return None
    body = r".{1,80}?".join(r"\s+".join(map(re.escape, part.split())) for part in parts if part)
    return re.compile(r"(?<![\w-])" + body + r"(?![\w-])")
