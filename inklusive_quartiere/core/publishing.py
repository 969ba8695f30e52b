"""What a page needs before it goes live, checked on every way of publishing.

The edit form checks these rules when an editor presses "Veröffentlichen" or submits for review. Wagtail's bulk
action "Veröffentlichen" in the page listing publishes the latest revision without any form, so a draft saved
with deferred validation (an image without alt text, a film without captions, a statement without its known
barriers) would go live unchecked. ``publication_problems`` validates the revision as publishing would: the
model's full validation (required fields and StreamField blocks, not deferred) plus the form-level rules a page
type declares in ``publication_errors()``.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError


def _messages(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        return [str(message) for messages in error.message_dict.values() for message in messages]
    return [str(message) for message in error.messages]


def publication_problems(page) -> list[str]:
    """German messages on why the page's latest revision may not be published; empty when it may."""
    page = page.specific
    revision = page.get_latest_revision()
    candidate = revision.as_object() if revision is not None else page
    problems: list[str] = []
    try:
        candidate.full_clean()
    except ValidationError as error:
        problems.extend(_messages(error))
    extra_rules = getattr(candidate, "publication_errors", None)
    if extra_rules is not None:
        problems.extend(str(message) for message in extra_rules().values())
    return list(dict.fromkeys(problems))  # each message once
