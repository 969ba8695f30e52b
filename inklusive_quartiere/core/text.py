import re

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


_SENTENCE_END = re.compile(r"[.!?…](?=[\s\"“”»)]|$)")


def shorten(text: str, limit: int = 160) -> str:
    """``text`` cut to at most ``limit`` characters without breaking a sentence or a word.

    Whole sentences when the first one fits (no ellipsis: nothing is cut mid-sentence); otherwise the words that fit,
    followed by "…". Text within the limit comes back unchanged (whitespace collapsed)."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    ends = [match.end() for match in _SENTENCE_END.finditer(text) if match.end() <= limit]
    if ends:
        return text[: ends[-1]]
    cut = text[: limit - 1]
    if " " in cut and not text[limit - 1].isspace():
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–-") + "…"
