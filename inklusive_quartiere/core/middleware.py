"""Response headers: content security policy here; cache rules in core/page_cache.py (``PageCacheMiddleware``); the
session middleware that lets background requests leave the idle timeout alone (``no_session_renewal``)."""

import functools

from django.conf import settings
from django.contrib.sessions.middleware import SessionMiddleware as DjangoSessionMiddleware

ADMIN_PREFIXES = ("/admin/",)


class HeaderNulMiddleware:
    """Drop NUL characters from request headers before anything stores them.

    PostgreSQL refuses NUL in text columns, and the login lock-out records the user agent and the Accept header of
    every failed sign-in: a header holding a NUL would turn a wrong password into a server error. Nothing a browser
    sends carries NUL, so removing it changes no real request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        meta = request.META
        for key, value in list(meta.items()):
            if key.startswith("HTTP_") and isinstance(value, str) and "\x00" in value:
                meta[key] = value.replace("\x00", "")
        return self.get_response(request)


class ResponsePolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        is_admin = request.path.startswith(ADMIN_PREFIXES)

        # The public site loads nothing from other hosts; the browser enforces it too.
        if not is_admin and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = settings.CONTENT_SECURITY_POLICY
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
        # Cache rules (private, no-store for signed-in visitors and the editor; public, s-maxage and ETag for pages
        # anonymous visitors may share; Vary: Cookie) are decided in one place: core.page_cache.PageCacheMiddleware,
        # which sits outside the session and CSRF middleware and so sees every cookie a response sets.
        return response


def no_session_renewal(view):
    """Mark a view whose requests do not renew a signed-in person's idle timeout (SESSION_SAVE_EVERY_REQUEST):
    requests a page makes in the background while someone types (search suggestions) are no sign of presence,
    and one session write per keystroke pause would cost more than the answer itself."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        request.session_renewal = False
        return view(request, *args, **kwargs)

    return wrapper


class SessionMiddleware(DjangoSessionMiddleware):
    """Django's session middleware, except that it leaves the session untouched after a view marked with
    ``no_session_renewal`` when that view did not change the session."""

    def process_response(self, request, response):
        session = getattr(request, "session", None)
        if getattr(request, "session_renewal", True) is False and session is not None and not session.modified:
            return response
        return super().process_response(request, response)
