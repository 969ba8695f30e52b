"""The visitor's address, also behind a reverse proxy (used by the login lock-out and the rate limits).

settings.TRUSTED_PROXIES (env ``TRUSTED_PROXIES``, comma-separated) lists the proxies in front of the app as
addresses or CIDR networks; "unix" stands for a peer on a unix socket (gunicorn reports an empty REMOTE_ADDR
there). Default: empty, trust nobody, the address is REMOTE_ADDR and X-Forwarded-For is ignored.

Only when the connection comes from a trusted proxy is X-Forwarded-For read, from the right: each entry was
appended by the hop to its right, so entries of further trusted proxies are skipped and the right-most untrusted
entry is the client. Everything left of it came from the client and may be forged. An entry that is not an
address ends the walk, and the last trusted hop counts (never a value left of garbage).

nginx on the same host (gunicorn on 127.0.0.1:8000 → TRUSTED_PROXIES=127.0.0.1; on a unix socket → "unix"):

    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto $scheme;
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

UNIX_SOCKET = "unix"

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


@lru_cache(maxsize=8)
def _trusted(entries: tuple[str, ...]) -> tuple[tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...], bool]:
    networks, unix = [], False
    for entry in entries:
        entry = entry.strip()
        if entry.lower() == UNIX_SOCKET:
            unix = True
            continue
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            raise ImproperlyConfigured(
                f"TRUSTED_PROXIES: {entry!r} is neither an IP address, a CIDR network nor 'unix'."
            ) from None
    return tuple(networks), unix


def _address(value: str) -> Address | None:
    try:
        address = ipaddress.ip_address(value.strip())
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def client_ip(request) -> str:
    """REMOTE_ADDR, or behind trusted proxies the right-most address in X-Forwarded-For that is not one of them."""
    configured = getattr(settings, "TRUSTED_PROXIES", ())
    if isinstance(configured, str):
        configured = configured.split(",")
    networks, unix = _trusted(tuple(configured))
    remote = request.META.get("REMOTE_ADDR", "") or ""
    remote_address = _address(remote)

    def trusted(address: Address) -> bool:
        return any(address in network for network in networks)

    if remote_address is None:
        if not (unix and remote == ""):
            return remote
        client = remote
    elif not trusted(remote_address):
        return str(remote_address)
    else:
        client = str(remote_address)

    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for entry in reversed(forwarded.split(",") if forwarded.strip() else []):
        address = _address(entry)
        if address is None:
            break  # garbage: the last trusted hop's view counts
        client = str(address)
        if not trusted(address):
            break
    return client


def axes_client_ip(request) -> str:
    """settings.AXES_CLIENT_IP_CALLABLE: django-axes asks only this function (never django-ipware)."""
    return client_ip(request)
