"""Response headers decided in one place: content security policy and cache rules."""

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers

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

        # Anything shown to a signed-in person, and the editor, is never kept by a shared cache.
        user = getattr(request, "user", None)
        if is_admin or (user is not None and user.is_authenticated):
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        patch_vary_headers(response, ["Cookie"])
        return response
