"""The leak assertions and the leak matrix runner, once for every app.

A leak test asks: does something members-only show where it must not? "It does not show" proves nothing on an
error page, an empty page or the wrong page, so every assertion here first checks the status it was told to
expect and a positive control (something that must be there), and only then the absence or presence.

The apps' leak modules hold their data (a ``secret`` fixture) and a table of ``Channel``s; ``channel_matrix``
turns the table into one test parametrised over channels × personas.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import pytest

SIGN_IN = "/anmelden/"
#: Visitor-facing label on members-only material (German UI).
MEMBERS_ONLY_LABEL = "Nur für Mitglieder"
#: On the 403 page a signed-in non-member gets (members/restricted.py), and nowhere else.
MEMBERS_ONLY_PAGE = "So werden Sie Mitglied"
#: The personas every leak matrix asks: outsiders (no account, an account outside the network) and insiders
#: (a member, a city editor of another city than the secret's).
LEAK_PERSONAS = ("visitor", "non_member", "member", "other_city_editor")
OUTSIDERS = frozenset({"visitor", "non_member"})


def text_of(response) -> str:
    """The response body as text (streamed bodies too; read once and kept on the response)."""
    cached = getattr(response, "_support_text", None)
    if cached is None:
        streaming = getattr(response, "streaming", False)
        body = b"".join(response.streaming_content) if streaming else response.content
        cached = body.decode(errors="replace")
        response._support_text = cached
    return cached


def is_private(response) -> bool:
    """Answers for signed-in readers are never stored by a shared cache."""
    cache_control = response.get("Cache-Control", "")
    return "private" in cache_control and "no-store" in cache_control


def _strings(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (str, bytes)):
        return [value]
    return list(value)


def _contains(text: str, needle) -> bool:
    return (needle.decode() if isinstance(needle, bytes) else needle) in text


def assert_status(response, status: int, *, location: str | None = None) -> None:
    """The status, and for a redirect where it leads (``location`` is a prefix of the target)."""
    assert response.status_code == status, f"expected {status}, got {response.status_code}"
    if location is not None:
        assert response["Location"].startswith(location), response["Location"]


def _assert_controls(response, control, status: int) -> str:
    text = text_of(response)
    controls = _strings(control)
    if status in (301, 302, 303, 307, 308):
        assert controls, "a redirect's positive control is where it leads"
        assert any(response["Location"].startswith(prefix) for prefix in controls), response["Location"]
        return text
    assert controls, "an absence means nothing without a positive control"
    for needle in controls:
        assert _contains(text, needle), f"positive control {needle!r} missing (status {response.status_code})"
    return text


def assert_absent(response, *secrets, status: int = 200, control) -> None:
    """``response`` has the ``status`` and shows the positive ``control`` (text that must be on the page, or the
    redirect target's prefix), and none of ``secrets``."""
    assert secrets, "say what must be absent"
    _assert_absent(response, secrets, status, control)


def _assert_absent(response, secrets, status, control) -> None:
    assert_status(response, status)
    text = _assert_controls(response, control, status)
    for secret in secrets:
        assert not _contains(text, secret), f"leaked: {secret!r}"


def assert_present(response, *evidence, status: int = 200, control=None, content_type: str | None = None) -> None:
    """``response`` has the ``status`` (and ``content_type``), shows ``control`` if given, and all of ``evidence``."""
    assert_status(response, status)
    if content_type is not None:
        assert response["Content-Type"].startswith(content_type), response["Content-Type"]
    text = text_of(response)
    for needle in [*_strings(control), *evidence]:
        assert _contains(text, needle), f"missing: {needle!r} (status {response.status_code})"


def assert_refused(response, persona, *secrets) -> None:
    """An outsider asked for members-only material: a visitor is sent to the sign-in page, a signed-in
    non-member gets the "Nur für Mitglieder" page (403); neither answer carries a secret."""
    if persona.signed_in:
        _assert_absent(response, secrets, 403, MEMBERS_ONLY_PAGE)
    else:
        _assert_absent(response, secrets, 302, SIGN_IN)


def _value(spec, secret) -> list:
    return _strings(spec(secret) if callable(spec) else spec)


@dataclass(frozen=True)
class Channel:
    """One way the site hands something out, as a row of a leak matrix.

    - ``fetch(client, secret)`` asks for it.
    - ``secrets`` (strings, or a function of the module's secret) must never reach an outsider.
    - ``control`` is what every persona gets on this channel (the positive control); for outsiders refused by
      the channel it is not used (the refusal has its own control).
    - ``evidence`` is what a reader gets (default: ``secrets``), ``content_type`` its type.
    - ``refuses`` names the personas the channel refuses outright (sign-in or 403) instead of leaving the secret
      out: a members-only page or file refuses every outsider, "Mein Bereich" only visitors.
    - ``readers_see=False``: nobody gets the secret on this channel (sitemap, feeds), readers included.
    - ``also_check(response, persona, secret)`` checks what else the channel promises.
    - ``labelled``: readers see the members-only label on it; ``private``: readers' answers are ``private,
      no-store``.
    """

    name: str
    fetch: Callable
    secrets: Callable | Sequence[str]
    control: Callable | Sequence[str] | str | None = None
    evidence: Callable | Sequence[str] | None = None
    content_type: str | None = None
    refuses: frozenset[str] = frozenset()
    readers_see: bool = True
    labelled: bool = False
    private: bool = True
    status: int = 200
    also_check: Callable | None = field(default=None, compare=False)

    def __str__(self) -> str:
        return self.name


def site_search_channel(marker: str, secrets, evidence, *, labelled: bool = False) -> Channel:
    """The site-wide search for the marker word. The page echoes the query, so ``secrets`` and ``evidence`` are
    what a hit shows (title, address), never the bare word; its control is the search box holding the query."""
    return Channel(
        "site-search",
        lambda client, secret: client.get("/suche/", {"q": marker}),
        secrets,
        control=['id="search-page-q"', f'value="{marker}"'],
        evidence=evidence,
        labelled=labelled,
    )


def sitemap_channel(secrets, control) -> Channel:
    """sitemap.xml: the same public list for everybody, members included; ``control`` is a public page in it."""
    return Channel(
        "sitemap", lambda client, secret: client.get("/sitemap.xml"), secrets, control=control, readers_see=False
    )


def check_channel(channel: Channel, persona, secret) -> None:
    """The leak rule for one channel and one persona."""
    response = channel.fetch(persona.client, secret)
    secrets = _value(channel.secrets, secret)
    if persona.reads_members_only and channel.readers_see:
        evidence = secrets if channel.evidence is None else _value(channel.evidence, secret)
        control = None if channel.content_type else _value(channel.control, secret)
        assert_present(response, *evidence, status=channel.status, control=control, content_type=channel.content_type)
        if channel.private:
            assert is_private(response), (channel.name, response.get("Cache-Control"))
        if channel.labelled:
            assert MEMBERS_ONLY_LABEL in text_of(response), channel.name
    elif persona.name in channel.refuses:
        assert_refused(response, persona, *secrets)
    else:
        assert_absent(response, *secrets, status=channel.status, control=_value(channel.control, secret))
    if channel.also_check is not None:
        channel.also_check(response, persona, secret)


def channel_matrix(channels: Iterable[Channel], personas: Sequence[str] = LEAK_PERSONAS):
    """One test over ``channels`` × ``personas``; the module provides the ``secret`` fixture.

    In a leak module: ``test_reader_channels = channel_matrix(CHANNELS)``."""
    channels = list(channels)
    names = [channel.name for channel in channels]
    assert len(set(names)) == len(names), f"channel names repeat: {names}"

    @pytest.mark.parametrize("persona", personas, indirect=True)
    @pytest.mark.parametrize("channel", channels, ids=names)
    def test_channel(persona, secret, channel):
        check_channel(channel, persona, secret)

    return test_channel
