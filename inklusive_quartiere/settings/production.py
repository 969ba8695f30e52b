"""Production: PostgreSQL, Redis, object storage, HTTPS behind nginx. Refuses to start without a secret key, with
a mail backend that sends nothing, or with a cache of its own in every worker."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_list, env_str

DEBUG = False
# Persistent database connections (a new PostgreSQL connection per request costs several milliseconds).
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60)  # noqa: F405
# A frozen database answers 503 within about 4.5 s (operations/database.py); management commands have no limit.
DATABASE_STATEMENT_TIMEOUT = env_int("DATABASE_STATEMENT_TIMEOUT", 4)
SECRET_KEY = env_str("SECRET_KEY")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 50 characters in production "
        "(python -c 'import secrets; print(secrets.token_urlsafe(64))')."
    )

# nginx terminates TLS and sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Health and readiness probes talk plain HTTP to gunicorn, without nginx's X-Forwarded-Proto (operations/health.py).
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
}
WHITENOISE_USE_FINDERS = False

# The client address (lock-out and rate limits) is REMOTE_ADDR unless the proxy in front is named, e.g.
# TRUSTED_PROXIES=127.0.0.1 for nginx on the same host (or "unix" when gunicorn listens on a unix socket), with
#     proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
#     proxy_set_header X-Forwarded-Proto $scheme;
# in nginx. Empty (the default) trusts no X-Forwarded-For at all (core/client_ip.py).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", [])

# Mail must really leave: password reset links and invitations in a log file would be readable by whoever reads
# the logs, and nobody would get them. Only an explicit ALLOW_CONSOLE_EMAIL=true permits a local backend.
_LOCAL_EMAIL_BACKENDS = {
    f"django.core.mail.backends.{name}.EmailBackend" for name in ("console", "dummy", "locmem", "filebased")
}
if EMAIL_BACKEND in _LOCAL_EMAIL_BACKENDS and not env_bool("ALLOW_CONSOLE_EMAIL"):  # noqa: F405
    raise ImproperlyConfigured(
        f"EMAIL_BACKEND is {EMAIL_BACKEND!r}: mails (password reset links, invitations) would not be sent in "  # noqa: F405
        "production. Set EMAIL_HOST (and EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD) for SMTP, or "
        "ALLOW_CONSOLE_EMAIL=true to accept this on purpose."
    )

# Rate limits (password reset mails, barrier reports) and cached pages must be shared by all gunicorn workers: with
# a process-local cache every worker counts for itself and the limits multiply by the number of workers. Only an
# explicit ALLOW_LOCAL_CACHE=true (one worker, or a test) accepts it.
if CACHES["default"]["BACKEND"].endswith("LocMemCache") and not env_bool("ALLOW_LOCAL_CACHE"):  # noqa: F405
    raise ImproperlyConfigured(
        "CACHE_URL (or REDIS_URL) must name a Redis server in production (redis://127.0.0.1:6379/0): a cache in "
        "each worker would count rate limits per worker. Set ALLOW_LOCAL_CACHE=true to accept this on purpose."
    )
