"""The visitor's address, also behind a reverse proxy (used by the login lock-out and rate limits)."""

from django.conf import settings


def client_ip(request) -> str:
    """REMOTE_ADDR, or — with TRUSTED_PROXY_COUNT=n — the address n hops from the right of X-Forwarded-For.

    Only the entries appended by our own proxies can be trusted; anything further left came from the client.
    """
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    remote = request.META.get("REMOTE_ADDR", "")
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) >= count:
        return forwarded[-count]
    return remote


def axes_client_ip(request) -> str:
    return client_ip(request)
