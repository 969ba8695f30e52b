"""Settings for the test suite: the database comes from DATABASE_URL (SQLite by default), fast hashing."""

from .base import *  # noqa: F403
from .env import env_str

SECRET_KEY = env_str("SECRET_KEY", "test-only-insecure-key")
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MAIL_IN_BACKGROUND = False  # tests read mail.outbox right after the request
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
TESTING = True

# Tests never write into the developer's var/ (demo password file, uploads).
if not env_str("VAR_DIR"):
    import atexit
    import shutil
    import tempfile
    from pathlib import Path

    VAR_DIR = Path(tempfile.mkdtemp(prefix="iq-test-"))
    MEDIA_ROOT = VAR_DIR / "media"
    atexit.register(shutil.rmtree, VAR_DIR, ignore_errors=True)

# The site's URLs plus the test-only page of component examples (tests/urls.py).
ROOT_URLCONF = "inklusive_quartiere.tests.urls"
