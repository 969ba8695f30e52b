"""The people who ask the site for things, each once: who they are, which groups they are in, how they sign in.

| persona | account | signs in |
|---|---|---|
| visitor | none | – |
| member | "Netzwerk" | password (members need no second factor) |
| non_member | no group | password |
| city_editor | "Stadtredaktion Ulm" (city A) and "Netzwerk" | password and second factor |
| other_city_editor | "Stadtredaktion Konstanz" (city B) and "Netzwerk" | password and second factor |
| office | "Redaktion" (the editorial office, moderates) and "Netzwerk" | password and second factor |
| admin | superuser | password and second factor |

Every city editor and the office are members of the network, as the roles in ``members/roles.py`` intend.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, User
from django.test import Client

from inklusive_quartiere.members.roles import CITY_PREFIX, EDITORIAL, MEMBERS
from inklusive_quartiere.testing.accounts import login_verified

PASSWORD = "x" * 16
CITY_A = "Ulm"
CITY_B = "Konstanz"

PERSONAS = ("visitor", "member", "non_member", "city_editor", "other_city_editor", "office", "admin")
#: Who may read members-only content.
READERS = frozenset({"member", "city_editor", "other_city_editor", "office", "admin"})


def make_user(username: str, *groups: str, superuser: bool = False, **fields) -> User:
    """An account in the named groups (group names as in ``members/roles.py``)."""
    fields.setdefault("email", f"{username}@example.org")
    if superuser:
        user = User.objects.create_superuser(username, password=PASSWORD, **fields)
    else:
        user = User.objects.create_user(username, password=PASSWORD, **fields)
    user.groups.add(*(Group.objects.get(name=name) for name in groups))
    return user


def make_member(username: str = "mitglied", **fields) -> User:
    return make_user(username, MEMBERS, **fields)


def make_non_member(username: str = "angemeldet", **fields) -> User:
    return make_user(username, **fields)


def make_city_editor(city: str = CITY_A, username: str | None = None, *, member: bool = True, **fields) -> User:
    groups = [CITY_PREFIX + city] + ([MEMBERS] if member else [])
    return make_user(username or f"stadtredaktion-{city.lower()}", *groups, **fields)


def make_office_user(username: str = "redaktion", *, member: bool = True, **fields) -> User:
    return make_user(username, EDITORIAL, *([MEMBERS] if member else []), **fields)


def make_admin(username: str = "admin-persona", **fields) -> User:
    return make_user(username, superuser=True, **fields)


def needs_second_factor(user: User) -> bool:
    """Editing accounts (editor access) sign in with a second factor; members and plain accounts do not."""
    return user.is_superuser or user.groups.exclude(name=MEMBERS).exists()


def signed_in(user: User | None, client: Client | None = None) -> Client:
    """A client signed in as ``user`` the way that user signs in (with the second factor where needed)."""
    client = client or Client()
    if user is None:
        return client
    if needs_second_factor(user):
        login_verified(client, user)
    else:
        client.force_login(user)
    return client


@dataclass
class Persona:
    name: str
    user: User | None
    client: Client = field(repr=False)

    @property
    def reads_members_only(self) -> bool:
        return self.name in READERS

    @property
    def signed_in(self) -> bool:
        return self.user is not None

    def __str__(self) -> str:
        return self.name


def make_persona(name: str) -> Persona:
    """The persona ``name`` (one of ``PERSONAS``) with a fresh account and a signed-in client."""
    builders = {
        "visitor": lambda: None,
        "member": lambda: make_member("persona-mitglied"),
        "non_member": lambda: make_non_member("persona-angemeldet"),
        "city_editor": lambda: make_city_editor(CITY_A, "persona-stadtredaktion-a"),
        "other_city_editor": lambda: make_city_editor(CITY_B, "persona-stadtredaktion-b"),
        "office": lambda: make_office_user("persona-redaktion"),
        "admin": lambda: make_admin("persona-admin"),
    }
    user = builders[name]()
    return Persona(name, user, signed_in(user))
