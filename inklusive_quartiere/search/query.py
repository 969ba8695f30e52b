"""Cleaning what a visitor typed: printable characters only, capped length, a message when cut."""

from django.utils.translation import gettext as _

MAX_QUERY_LENGTH = 200


def clean_query(raw: str) -> tuple[str, str | None]:
    message = None
    query = " ".join("".join(ch if ch.isprintable() else " " for ch in raw).split())
    if len(query) > MAX_QUERY_LENGTH:
        query = query[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0] or query[:MAX_QUERY_LENGTH]
        message = _("Ihr Suchbegriff war sehr lang und wurde auf %(n)d Zeichen gekürzt.") % {"n": MAX_QUERY_LENGTH}
    return query, message
