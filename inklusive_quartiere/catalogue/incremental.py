"""Incremental index updates: which pages changed since an engine was built, and recording a change.

Publishing or unpublishing a page writes its index rows, replaces the content token without marking a structural
change (``ContentToken.bump(structural=False)``) and records a ``SearchChange`` with the new version, all in one
transaction. The token row's lock orders the versions as the transactions commit: whoever reads version V sees every
change up to V. An engine built at version V₀ whose token moved asks ``changes_since``: when no structural change
happened after V₀ it applies just the changed pages (``Engine.applied``); anything else — view restrictions, moves,
deletions, taxonomies, sites, a rebuild of the index — is structural and means a full rebuild.
"""

from __future__ import annotations

from inklusive_quartiere.core.content_token import ContentToken

from .models import SearchChange


def record_change(page_id: int) -> None:
    """Call inside the transaction that wrote or removed the page's index rows."""
    ContentToken.bump(structural=False)
    token, version, structure = ContentToken.state()
    SearchChange.objects.create(version=version, page_id=page_id, token=token)
    # No engine can use changes at or below the last structural change: it rebuilds from scratch instead.
    SearchChange.objects.filter(version__lte=structure).delete()


def changes_since(version: int, structure: int, token: str) -> tuple[tuple[str, int, int], list[int] | None]:
    """The current (token, version, structure) and the pages changed after ``version``; None when something
    structural changed since an engine at (``version``, ``structure``, ``token``) was built (then it must rebuild),
    or when the engine's state is not in the history: a transaction that bumped the version was rolled back, so the
    same version number now stands for other changes (versions repeat, random tokens do not)."""
    state = ContentToken.state()
    _token, current, current_structure = state
    if current_structure != structure or current < version:
        return state, None
    if version == structure:  # built right at the structural change: its token is the lineage
        in_history = ContentToken.lineage_now() == token
    else:
        in_history = SearchChange.objects.filter(version=version, token=token).exists()
    if not in_history:
        return state, None
    page_ids = SearchChange.objects.filter(version__gt=version, version__lte=current).values_list("page_id", flat=True)
    return state, sorted(set(page_ids))
