"""The embedded default for a developer or a demo: SQLite, local files, local-memory cache, console e-mail."""

from .base import *  # noqa: F403
from .env import env_str

DEBUG = True
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
INTERNAL_IPS = ["127.0.0.1"]
