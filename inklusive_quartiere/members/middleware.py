"""Two-factor authentication for editors (wagtail-2fa), aware of the site's own account pages."""

from wagtail_2fa.middleware import VerifyUserMiddleware as BaseVerifyUserMiddleware


class VerifyUserMiddleware(BaseVerifyUserMiddleware):
    """wagtail-2fa's rule: an account that can open the editor must confirm a TOTP code before anything
    else — on the public site too, since it can see unpublished previews through the editor. The site's
    own sign-out and password pages stay reachable, so nobody is trapped halfway."""

    _allowed_url_names = [
        *BaseVerifyUserMiddleware._allowed_url_names,
        "logout",
        "password_reset",
        "password_reset_done",
        "password_reset_confirm",
        "password_reset_complete",
        # Health and readiness checks (operations/health.py) answer whoever asks, a session cookie or not.
        "healthz",
        "readyz",
    ]
