"""The project's German catalogue: complete for the editor's third-party strings, compiled, and in use."""

import re

import polib
import pytest
from django.conf import settings
from django.utils import translation

from .catalogues import is_translated, messages_without_german, project_catalogue

LOCALE_DIR = settings.LOCALE_PATHS[0]
SOURCES = sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po"))
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")


def _entries(catalogue) -> dict:
    """{(msgctxt, msgid): what a reader gets} for the usable entries of a .po or .mo file."""
    found = {}
    for entry in catalogue:
        if entry.msgid and is_translated(entry):
            translation_ = tuple(sorted(entry.msgstr_plural.items())) if entry.msgid_plural else entry.msgstr
            found[(entry.msgctxt, entry.msgid)] = (entry.msgid_plural or "", translation_)
    return found


def test_the_catalogue_exists_where_the_settings_look():
    assert project_catalogue().exists(), f"{project_catalogue()} is missing"
    assert project_catalogue().parent.parent.parent == LOCALE_DIR


@pytest.mark.parametrize("source", SOURCES, ids=lambda path: str(path.relative_to(LOCALE_DIR)))
def test_compiled_catalogue_is_up_to_date(source):
    compiled = source.with_suffix(".mo")
    assert compiled.exists(), f"{compiled} is missing: run `make messages` and commit the .mo file"
    po, mo = polib.pofile(str(source)), polib.mofile(str(compiled))
    expected, actual = _entries(po), _entries(mo)
    stale = sorted((key[1] for key in expected.keys() | actual.keys() if expected.get(key) != actual.get(key)), key=str)
    assert not stale, (
        f"{compiled.name} does not match {source.name} for {len(stale)} string(s), e.g. {stale[:5]!r}: "
        "run `make messages` and commit the .mo file"
    )
    assert po.metadata.get("Plural-Forms") == mo.metadata.get("Plural-Forms")


@pytest.mark.parametrize("source", SOURCES, ids=lambda path: str(path.relative_to(LOCALE_DIR)))
def test_translations_keep_their_placeholders(source):
    wrong = []
    for entry in polib.pofile(str(source)):
        if not is_translated(entry):
            continue
        pairs = (
            [(entry.msgid, entry.msgstr_plural[0]), (entry.msgid_plural, entry.msgstr_plural[1])]
            if entry.msgid_plural
            else [(entry.msgid, entry.msgstr)]
        )
        for original, german in pairs:
            theirs, ours = PLACEHOLDER.findall(original), PLACEHOLDER.findall(german)
            # A named placeholder may be left out (on purpose, with a comment in the .po); nothing may be added, and
            # unnamed ones ("%s") are filled in by position, so they must stay as they are.
            named_ok = set(ours) <= set(theirs)
            unnamed_ok = [p for p in theirs if "(" not in p] == [p for p in ours if "(" not in p]
            if not (named_ok and unnamed_ok):
                wrong.append(original)
    assert not wrong, f"placeholders differ between English and German in {source.name}: {wrong!r}"


def test_every_editor_string_of_third_party_packages_has_german():
    """Wagtail, wagtail-2fa, wagtailmedia and django-otp: every string of theirs has German, in the package or in
    ours. After an upgrade, this lists the new strings to translate in inklusive_quartiere/locale/de/…/django.po
    (djangojs.po for the "djangojs" ones)."""
    missing = messages_without_german()
    assert not missing, f"{len(missing)} string(s) without German:\n" + "\n".join(
        f"  {message.catalogue} ({message.domain}): {message.msgid!r}" for message in missing
    )


def test_the_project_catalogue_is_used():
    with translation.override("de"):
        assert translation.gettext("Currently idle") == "Zurzeit inaktiv"
        assert translation.gettext("Enter your two-factor authentication code") == "Einmalcode eingeben"
        assert translation.ngettext(
            '<span>%(total)s</span> Media file <span class="visuallyhidden w-sr-only">created in %(site_name)s</span>',
            '<span>%(total)s</span> Media files <span class="visuallyhidden w-sr-only">created in %(site_name)s</span>',
            1,
        ).startswith("<span>%(total)s</span> Mediendatei ")
