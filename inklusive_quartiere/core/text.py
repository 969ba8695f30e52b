from django.utils.text import slugify


def german_slug(text: str) -> str:
    """A URL slug that spells umlauts and ß the German way (ä → ae, ß → ss)."""
    table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})
    return slugify(text.translate(table))


SUMMARY_MAX = 300


def summary_length_error(summary: str, maximum: int = SUMMARY_MAX) -> str | None:
    """The editor's message when a page's short summary is too long (shared by every page type with one)."""
    from django.utils.translation import gettext as _

    if summary and len(summary) > maximum:
        return _("Die Kurzbeschreibung darf höchstens %(max)d Zeichen lang sein (jetzt: %(n)d).") % {
            "max": maximum,
            "n": len(summary),
        }
    return None
