"""The one rule that decides which pages a visitor may see.

Every channel that lists, counts, searches, links, feeds or exports pages asks this module, never
Wagtail's ``.public()`` directly: ``.public()`` hides members-only pages from members too, and a
hand-written filter in one channel is how sites leak. Wagtail's page privacy (``PageViewRestriction``)
is the source of truth; this module evaluates it for a user without a request round-trip.

The rule, per restriction on a page (it covers the page and all its descendants):
- "login": passed by every signed-in user;
- "groups": passed by superusers and by members of one of the restriction's groups;
- "password": never passed in listings (the page itself asks for the password).

It exists in two encodings, kept side by side and tested for agreement: ``user_passes`` (Python, used by
the catalogue's in-memory engine) and ``failed_restrictions_q`` (SQL, used by ``visible_pages``).
"""

from __future__ import annotations

from django.db.models import CharField, Exists, Expression, OuterRef, Q
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction, Page, PageViewRestriction

# Deeper page trees than this are not supported by the rule's SQL encoding (a test guards the demo tree).
MAX_DEPTH = 16


def user_group_ids(user) -> frozenset[int]:
    if user is None or not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_iq_group_ids", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("pk", flat=True))
        user._iq_group_ids = cached
    return cached


def user_passes(restriction_type: str, restriction_groups, user, group_ids: frozenset[int]) -> bool:
    if restriction_type == BaseViewRestriction.LOGIN:
        return bool(user is not None and user.is_authenticated)
    if restriction_type == BaseViewRestriction.GROUPS:
        if user is None or not user.is_authenticated:
            return False
        return user.is_superuser or bool(group_ids.intersection(restriction_groups))
    return False  # password: reachable only through its own form, never through a listing


def failed_restrictions_q(user, model=PageViewRestriction) -> Q:
    """Restrictions (rows of ``model``) this user does not pass: the SQL encoding of the rule.

    ``model`` is PageViewRestriction (pages) or CollectionViewRestriction (documents and images)."""
    if user is None or not user.is_authenticated:
        return Q()  # every restriction
    failed = Q(restriction_type=BaseViewRestriction.PASSWORD)
    if not user.is_superuser:
        through = model.groups.through
        passed_groups = through.objects.filter(
            **{f"{model._meta.model_name}_id": OuterRef("pk"), "group_id__in": list(user_group_ids(user))}
        )
        failed |= Q(restriction_type=BaseViewRestriction.GROUPS) & ~Exists(passed_groups)
    return failed


class PathPrefixes(Expression):
    """``path[:steplen]``, ``path[:2 * steplen]`` … ``path[:MAX_DEPTH * steplen]`` as the list of an SQL ``IN (…)``:
    the same SQL as ``[Substr(path, 1, steplen * n) for n in 1..MAX_DEPTH]``, but compiled once instead of
    MAX_DEPTH times (the rule is part of every listing; the list cost about 4 ms of Python per query)."""

    def __init__(self, expression, steplen: int):
        super().__init__(output_field=CharField())
        self.source = expression
        self.steplen = steplen

    def get_source_expressions(self):
        return [self.source]

    def set_source_expressions(self, expressions):
        (self.source,) = expressions

    def as_sql(self, compiler, connection, function="SUBSTRING"):
        sql, params = compiler.compile(self.source)
        parts = [f"{function}({sql}, 1, {self.steplen * level})" for level in range(1, MAX_DEPTH + 1)]
        return ", ".join(parts), tuple(params) * MAX_DEPTH

    def as_sqlite(self, compiler, connection):
        return self.as_sql(compiler, connection, function="SUBSTR")


def hidden_q(user) -> Q:
    """A Q on pages: true for every page inside a section this user may not see."""
    # A restriction covers a page when it sits on the page itself or on one of its ancestors, i.e. when the
    # restricted page's path is a prefix of the page's path. The prefixes are listed explicitly so that the
    # database can use the unique index on path instead of comparing against every restriction.
    prefixes = PathPrefixes(OuterRef("path"), Page.steplen)
    covering = PageViewRestriction.objects.filter(failed_restrictions_q(user)).filter(page__path__in=prefixes)
    return Q(Exists(covering))


def visible_pages(user, queryset=None):
    """Live pages the user may see. ``queryset`` narrows the set (e.g. ``SomePage.objects.all()``)."""
    qs = queryset if queryset is not None else Page.objects.all()
    return qs.live().exclude(hidden_q(user))


def hidden_among(user, paths) -> set[str]:
    """Which of these page paths lie in a section the user may not see.

    The rule's Python encoding on restrictions fetched by exact path (one indexed query, two when the user
    belongs to groups): cheaper than ``visible_pages`` for a short list of rows already loaded.
    """
    paths = list(paths)
    prefixes = {path[: Page.steplen * k] for path in paths for k in range(1, len(path) // Page.steplen + 1)}
    restrictions = list(
        PageViewRestriction.objects.filter(page__path__in=prefixes).values_list("pk", "restriction_type", "page__path")
    )
    if not restrictions:
        return set()
    groups: dict[int, set[int]] = {}
    if user is not None and user.is_authenticated:
        for restriction_id, group_id in PageViewRestriction.groups.through.objects.filter(
            pageviewrestriction_id__in=[r[0] for r in restrictions]
        ).values_list("pageviewrestriction_id", "group_id"):
            groups.setdefault(restriction_id, set()).add(group_id)
    group_ids = user_group_ids(user)
    failing = [path for pk, kind, path in restrictions if not user_passes(kind, groups.get(pk, set()), user, group_ids)]
    return {path for path in paths if any(path.startswith(prefix) for prefix in failing)}


def can_view(user, page: Page) -> bool:
    """Whether the user may see this one page (same rule as ``visible_pages``).

    A page being served already holds the restrictions on it and its ancestors (``core.routing``: by path
    prefix, as here); then the rule's Python encoding decides without another query."""
    restrictions = page.__dict__.get("_iq_view_restrictions")
    if restrictions is None:
        return visible_pages(user, Page.objects.filter(pk=page.pk)).exists()
    if not page.live:
        return False
    group_ids = user_group_ids(user)
    return all(user_passes(r.restriction_type, {g.pk for g in r.groups.all()}, user, group_ids) for r in restrictions)


# -- collections: documents and images ----------------------------------------------------------------------
# Wagtail's collection privacy (CollectionViewRestriction) is the source of truth for files. The same rule
# applies: a restriction on a collection covers the collection and all collections below it.


def hidden_collections_q(user, prefix: str = "") -> Q:
    """A Q on collections (or, with ``prefix="collection__"``, on documents/images): true where the visitor
    may not see the files."""
    prefixes = PathPrefixes(OuterRef(f"{prefix}path"), Collection.steplen)
    covering = CollectionViewRestriction.objects.filter(failed_restrictions_q(user, CollectionViewRestriction))
    return Q(Exists(covering.filter(collection__path__in=prefixes)))


def visible_collections(user, queryset=None):
    qs = queryset if queryset is not None else Collection.objects.all()
    return qs.exclude(hidden_collections_q(user))


def visible_files(user, queryset):
    """Documents or images (any model with a ``collection``) whose collection the visitor may see."""
    return queryset.exclude(hidden_collections_q(user, prefix="collection__"))


def hidden_collection_ids(user) -> frozenset[int]:
    """The collections whose files this user may not see (collections are few: one query for all)."""
    return frozenset(Collection.objects.filter(hidden_collections_q(user)).values_list("pk", flat=True))


def hidden_collection_ids_for(request, *, as_anonymous: bool = False) -> frozenset[int]:
    """``hidden_collection_ids`` of the request's visitor (or, with ``as_anonymous``, of a visitor who is not signed
    in: the "Nur für Mitglieder" label), computed once per request. Not cached across requests: moving a collection
    (treebeard's ``move``) sends no signal that could invalidate such a cache."""
    from django.contrib.auth.models import AnonymousUser

    user = getattr(request, "user", None) if request is not None else None
    signed_in = user is not None and user.is_authenticated
    if request is None:
        return hidden_collection_ids(AnonymousUser() if as_anonymous or not signed_in else user)
    # A visitor who is not signed in sees exactly what an anonymous visitor sees: one value serves both questions.
    key = "public" if as_anonymous and signed_in else "visitor"
    memo = request.__dict__.setdefault("_iq_hidden_collections", {})
    if key not in memo:
        memo[key] = hidden_collection_ids(AnonymousUser() if key == "public" else user)
    return memo[key]


def can_view_collection(user, collection) -> bool:
    return visible_collections(user, Collection.objects.filter(pk=collection.pk)).exists()


def is_members_only_collection(collection) -> bool:
    return CollectionViewRestriction.objects.filter(
        collection__path__in=[collection.path[: Collection.steplen * n] for n in range(1, collection.depth + 1)]
    ).exists()


def is_members_only(page: Page) -> bool:
    """True when the page lies in a section with any view restriction (shown as a label to members)."""
    return bool(page.get_view_restrictions())
