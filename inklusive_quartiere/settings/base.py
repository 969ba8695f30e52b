"""Settings shared by every environment. Everything configurable comes from environment variables."""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from .env import cache_config, database_config, env_bool, env_int, env_list, env_str

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env_str("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "inklusive_quartiere.core",
    "inklusive_quartiere.taxonomy",
    "inklusive_quartiere.thesaurus",
    "inklusive_quartiere.querylog",
    "inklusive_quartiere.cities",
    "inklusive_quartiere.steckbriefe",
    "inklusive_quartiere.catalogue",
    "inklusive_quartiere.search",
    "inklusive_quartiere.films",
    "inklusive_quartiere.events",
    "inklusive_quartiere.news",
    "inklusive_quartiere.members",
    "inklusive_quartiere.accessibility",
    "inklusive_quartiere.feedback",
    "inklusive_quartiere.operations",
    "wagtail_2fa",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "wagtailmedia",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # Database deadlines for the whole request (the 503 itself comes from core.views.server_error).
    "inklusive_quartiere.operations.database.DatabaseFaultMiddleware",
    "inklusive_quartiere.core.middleware.HeaderNulMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The one place for Cache-Control, and where anonymous pages enter the page cache (core/page_cache.py): it must
    # see every cookie the session, CSRF and message middleware set, and leave WhiteNoise's static headers alone.
    "inklusive_quartiere.core.page_cache.PageCacheMiddleware",
    "inklusive_quartiere.core.middleware.SessionMiddleware",  # Django's, minus renewals by background requests
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Two-factor authentication for everybody with editing rights (wagtail-2fa on django-otp).
    "inklusive_quartiere.members.middleware.VerifyUserMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "inklusive_quartiere.core.middleware.ResponsePolicyMiddleware",
    # Counts searches served from the page cache (querylog/recording.py); must see the cache's answers.
    "inklusive_quartiere.querylog.recording.QueryLogMiddleware",
    # Answers anonymous visitors from the page cache (after authentication and messages: it must know who asks).
    "inklusive_quartiere.core.page_cache.FetchFromPageCacheMiddleware",
    # Files served by Wagtail's document view are handed out inert, as core.media does for /media/.
    "inklusive_quartiere.core.media.DocumentFileMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Pages: the site and its root page from the cache instead of two queries per page view (core/routing.py).
    "inklusive_quartiere.core.routing.SiteRootMiddleware",
    # Brute-force protection on every login form (must come last).
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "inklusive_quartiere.urls"
WSGI_APPLICATION = "inklusive_quartiere.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Embedded default: a SQLite file under var/. Production: DATABASE_URL=postgres://…
if not env_str("DATABASE_URL"):
    VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
# A database that is down or frozen answers 503 within seconds (operations/database.py). Connecting gives up after
# DATABASE_CONNECT_TIMEOUT s (PostgreSQL, min. 2); in a request every statement after DATABASE_STATEMENT_TIMEOUT s
# (0 = none; production: 4), cut on the client side half a second later if the server does not answer at all;
# after a failure a process waits DATABASE_RETRY_INTERVAL s before it connects again.
DATABASE_CONNECT_TIMEOUT = env_int("DATABASE_CONNECT_TIMEOUT", 3)
DATABASE_STATEMENT_TIMEOUT = env_int("DATABASE_STATEMENT_TIMEOUT", 0)
DATABASE_RETRY_INTERVAL = env_int("DATABASE_RETRY_INTERVAL", 5)
DATABASES["default"] = database_config(DATABASES["default"], DATABASE_CONNECT_TIMEOUT)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": cache_config(env_str("CACHE_URL", env_str("REDIS_URL", "")))}
# Anonymous page cache (core/page_cache.py): pages kept in the default cache for PAGE_CACHE_TIMEOUT s (invalidated
# precisely on every change they show); nginx or a CDN may keep them PAGE_CACHE_SECONDS s (s-maxage).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 60)
PAGE_CACHE_TIMEOUT = env_int("PAGE_CACHE_TIMEOUT", 60 * 60)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("Deutsch"))]
LOCALE_PATHS = [PROJECT_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
# Built front-end assets (KERN UX CSS, fonts, scripts, Leaflet: `npm run build`; the PDF's TrueType fonts: `make
# frontend`), inside the package so that they travel in the wheel (`pip install .`); never committed.
FRONTEND_BUILD_DIR = PROJECT_DIR / "built"
STATICFILES_DIRS = [FRONTEND_BUILD_DIR / "static"]
MEDIA_URL = env_str("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# S3-compatible object storage for media when a bucket is configured (django-storages).
if env_str("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL") or None,
            "region_name": env_str("AWS_S3_REGION_NAME") or None,
            "custom_domain": env_str("AWS_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }

# E-mail: console in the embedded mode; SMTP when EMAIL_HOST is set.
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if env_str("EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Inklusive Quartiere <no-reply@localhost>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# A stuck mail server must not hold a visitor's request for long (the barrier report is saved first anyway).
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 15)
# Password reset mails leave from a background thread, so that the answer takes as long for unknown addresses
# (core/background_mail.py); the tests send at once.
MAIL_IN_BACKGROUND = env_bool("MAIL_IN_BACKGROUND", True)
# Where "Barriere melden" reports go; empty: the e-mail of the site's "Kontakt und Pflichtseiten" settings.
FEEDBACK_EMAIL = env_str("FEEDBACK_EMAIL", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
    "loggers": {"django.request": {"handlers": ["console"], "level": "WARNING", "propagate": False}},
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Idle timeout: a session ends SESSION_COOKIE_AGE seconds after the last request (default one hour), because
# every request of a signed-in person renews it. Anonymous visitors get no session at all.
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60)
SESSION_SAVE_EVERY_REQUEST = True
CSRF_FAILURE_VIEW = "inklusive_quartiere.core.views.csrf_failure"

# Accounts: the site's own sign-in page; invitations and reset links are valid for three days, once.
LOGIN_URL = "members:login"
LOGIN_REDIRECT_URL = "members:my_area"
WAGTAIL_FRONTEND_LOGIN_URL = "/anmelden/"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24 * 3
# Reverse proxies in front of the app whose X-Forwarded-For entries are trusted: addresses or CIDR networks,
# "unix" for a unix socket; empty: trust nobody, the client address is REMOTE_ADDR (core/client_ip.py).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", [])

# Brute-force protection (django-axes): 5 failures for the same username from the same address lock that
# combination for 30 minutes; the message never says whether the account exists.
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = 0.5  # hours
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "members/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "inklusive_quartiere.core.client_ip.axes_client_ip"
# Only our function decides (axes asks it first); should django-ipware ever be installed, it too would read
# REMOTE_ADDR alone and no proxy header.
AXES_IPWARE_META_PRECEDENCE_ORDER = ("REMOTE_ADDR",)
AXES_IPWARE_PROXY_COUNT = None
AXES_IPWARE_PROXY_TRUSTED_IPS = None
# Failures are counted in the database (axes' default AXES_HANDLER), shared by all workers and independent of
# the cache.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_VERBOSE = False

# Two-factor authentication (TOTP) is required for every account that can open the editor.
WAGTAIL_2FA_REQUIRED = True
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views override this to SAMEORIGIN themselves.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Wagtail
WAGTAIL_SITE_NAME = "Inklusive Quartiere"  # the one source of the site name: templates use {% site_name %}
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
# At most 50 million pixels (e.g. 8660 × 5773): below Pillow's decompression-bomb warning (89.5 million), so every
# accepted image decodes, and a rendition needs at most about 150 MB of memory. The upload form (core/uploads.py)
# also refuses files Pillow will not open or cannot decode completely, with a German message instead of an error.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "inklusive_quartiere.core.uploads.SiteImageForm"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "csv", "txt", "zip"]
# Uploads are checked by content as well as by name (core/upload_types.py): a PDF must be a PDF, an office file a
# ZIP archive of that kind, a text file text without HTML or script; videos and audio real media containers.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "inklusive_quartiere.core.uploads.SiteDocumentForm"
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("DOCUMENTS_MAX_UPLOAD_SIZE", 50 * 1024 * 1024)
WAGTAILMEDIA = {
    "MEDIA_FORM_BASE": "inklusive_quartiere.core.uploads.SiteMediaForm",
    # The same lists as core.upload_types (VIDEO_EXTENSIONS, AUDIO_EXTENSIONS); core/tests check that they agree.
    "VIDEO_EXTENSIONS": ["mp4", "m4v", "mov", "webm", "mkv", "ogv"],
    "AUDIO_EXTENSIONS": ["mp3", "m4a", "ogg", "oga", "wav"],
}
MEDIA_MAX_UPLOAD_SIZE = env_int("MEDIA_MAX_UPLOAD_SIZE", 500 * 1024 * 1024)
# Documents are always streamed through Django so that privacy rules apply to every download.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Autosave is off: every revision is one an editor saved on purpose ("Entwurf speichern", "Zur Prüfung einreichen"),
# so the reviewer's comparison shows what the city submitted, not the last keystrokes, and a new page exists only
# once its author saves it. The browser still warns before leaving a form with unsaved changes, and the editing
# session ping (every 10 s) keeps the one-hour idle session alive while someone writes. docs/authoring.md
WAGTAIL_AUTOSAVE_INTERVAL = 0
# Avatars come from gravatar.com by default: a request to another host, which the admin's policy refuses (broken
# images) and privacy law forbids. Wagtail's built-in default avatar or an uploaded one instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# Wagtail's sign-in form with a German label on the password field (Wagtail's has none: "Password").
WAGTAILADMIN_USER_LOGIN_FORM = "inklusive_quartiere.members.forms.EditorLoginForm"
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = [("de", "Deutsch")]
# Only what an accessible page needs; no embeds (they would call third-party hosts). Headings: never h1 (the page
# title) nor h5/h6; a rich-text field or block that offers h3/h4 must also validate its outline with
# core.a11y_checks.HeadingOutlineValidator (core/tests/test_a11y_checks.py walks every field and block).
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]},
    }
}

# The content security policy sent with every public page (see core.middleware).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; media-src 'self'; style-src 'self'; script-src 'self'; "
    "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; "
    "object-src 'none'"
)

# The interactive city map (Leaflet) is offered only when a tile server is configured, and loads tiles only after
# the visitor's consent; without one, the pages show the self-contained SVG map. Example:
# MAP_TILE_URL="https://tile.openstreetmap.de/{z}/{x}/{y}.png" MAP_TILE_ATTRIBUTION="© OpenStreetMap-Mitwirkende"
MAP_TILE_URL = env_str("MAP_TILE_URL", "")
MAP_TILE_ATTRIBUTION = env_str("MAP_TILE_ATTRIBUTION", "© OpenStreetMap-Mitwirkende")

# Uploaded media always pass through core.media.serve_media, which asks the visibility rule first. Behind nginx,
# set MEDIA_ACCEL_REDIRECT to an `internal` location (e.g. /protected-media/) so that nginx sends the bytes.
MEDIA_ACCEL_REDIRECT = env_str("MEDIA_ACCEL_REDIRECT", "")
# Static files come straight from the finders in the embedded mode (no collectstatic needed).
WHITENOISE_USE_FINDERS = env_bool("WHITENOISE_USE_FINDERS", True)
