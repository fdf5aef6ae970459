"""Settings for the ASB Case Review portal, all read from the environment.

One module for every place it runs. Nothing here is secret: secrets and anything that differs
between a laptop, CI and production come from environment variables (or a `.env` file beside
this project, which git ignores). The defaults are the embedded set-up that `make run` uses:
a SQLite file, no Redis (Celery runs tasks in-process), email to the console.
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

from config.schedule import BEAT_SCHEDULE
from config.senders import default_sender

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)

# The public default key only exists so that `make run` works on a fresh clone (DEBUG on).
# With DEBUG off there is no default: a key everyone can read would let anyone forge sessions
# and password-reset links, so the portal refuses to start instead. The test suite runs with
# DEBUG off and gets a throwaway key from tests/settings.py. config.checks also refuses the
# public default should someone set it on purpose.
INSECURE_DEFAULT_KEY = "django-insecure-development-only-never-use-in-production"
SECRET_KEY = env("SECRET_KEY", default=INSECURE_DEFAULT_KEY if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. With DEBUG off (production) the portal needs its own key: set "
        "SECRET_KEY to a long random value, or DEBUG=true on a development machine."
    )

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Full-text and trigram search of the case list on PostgreSQL (its lookups; harmless on
    # SQLite, where the case list falls back to plain `icontains`).
    "django.contrib.postgres",
    "rest_framework",
    # Hashed, expiring API tokens. Its model is swapped for agencies.ApiToken (named, scoped,
    # created by their owner only); DRF's own authtoken app is not installed at all: it kept
    # keys in plain text and let the Django admin mint them for anyone.
    "knox",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "crispy_forms",
    "crispy_forms_gds",
    "simple_history",
    "django_celery_beat",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "agencies",
    "audit",
    "notifications",
    "incidents",
    "triggers",
    "appeals",
    "figures",
    "pledge",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # DEBUG only: links in messages queued during a request use the address it came in on.
    "agencies.site.ServedOnMiddleware",
    # Before anything that reads the body: an oversized request is refused unread (413).
    "agencies.request_limits.RequestSizeLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "agencies.session_activity.SlidingSessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Resolves an API token before anything else reads request.user, so the second-factor
    # check, history and the access audit all see the token's owner (and its name).
    "agencies.api_auth.ApiTokenMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "agencies.second_factor.RequireSecondFactorMiddleware",
    "agencies.ratelimit.RateLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After sessions and sign-in: Welsh only on a Welsh area's pages, or for staff who chose it.
    "agencies.language.LanguageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "audit.middleware.AccessAuditMiddleware",
    # Last, as django-axes asks: it turns a lockout into the sign-in page's message.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            # GOV.UK style times in every template, emails included (issue #17).
            "builtins": ["agencies.templatetags.govuk"],
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "agencies.context_processors.portal",
            ],
        },
    },
    {
        # Plain-text emails and texts: nothing in them is HTML, so nothing is escaped
        # ("Brighton & Hove", not "Brighton &amp; Hove"). notifications.services uses it.
        "NAME": "text",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {"autoescape": False, "builtins": ["agencies.templatetags.govuk"]},
    },
]

# --- Data ---------------------------------------------------------------------------------
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Persistent connections (issue #18): opening one costs about 4 ms, on every request with 0.
# The health check makes a connection that died while idle a fresh one, not an error.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", default="")


def redis_cache(url: str) -> dict:
    """The cache on Redis. It only counts requests for the rate limits, so while Redis is
    unreachable it answers as an empty cache (agencies.cache) instead of failing the request,
    and short socket timeouts keep an unanswering Redis from holding every request up."""
    return {
        "BACKEND": "agencies.cache.FailOpenRedisCache",
        "LOCATION": url,
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }


if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL)}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Celery: a real broker when REDIS_URL is set, otherwise tasks run in-process -------------
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "Europe/London"
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Queuing a message happens inside a web request, after its transaction. With the broker down
# the message simply waits in the outbox for the beat task (notifications.services), so the
# request should find out quickly rather than retry for seconds.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_max": 0.5}

# --- Email --------------------------------------------------------------------------------
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
# Development backends write whole emails to a terminal or a directory: ours redact the
# applicant's private link first (consolemail://, filemail://).
DEV_EMAIL_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend": "notifications.backends.ConsoleBackend",
    "django.core.mail.backends.filebased.EmailBackend": "notifications.backends.FileBackend",
}
EMAIL_CONFIG["EMAIL_BACKEND"] = DEV_EMAIL_BACKENDS.get(
    EMAIL_CONFIG["EMAIL_BACKEND"], EMAIL_CONFIG["EMAIL_BACKEND"]
)
# A hung SMTP server must not hold a delivery batch (and its claimed messages) forever.
EMAIL_CONFIG.setdefault("EMAIL_TIMEOUT", env.int("EMAIL_TIMEOUT", default=30))
vars().update(EMAIL_CONFIG)
# DEFAULT_FROM_EMAIL and SERVER_EMAIL come from SITE_URL's domain: see "Product" below.

# --- People -------------------------------------------------------------------------------
AUTH_USER_MODEL = "agencies.User"
LOGIN_URL = "signin"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "signin"
# django-axes checks every sign-in attempt first, so a locked-out pair never reaches a password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# The demo's shared password; only `manage.py load_demo` reads it.
DEMO_PASSWORD = env("DEMO_PASSWORD", default="community-trigger-demo")

# --- Locale -------------------------------------------------------------------------------
LANGUAGE_CODE = "en-gb"
# Welsh for the pages, forms and messages of areas in Wales (DOMAIN.md §5.12, issue #19);
# agencies.language decides where. The catalogue is locale/cy/LC_MESSAGES/django.po, compiled
# by `manage.py compile_catalogues` (babel: no GNU gettext needed).
LANGUAGES = [("en-gb", "English"), ("cy", "Cymraeg")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"

# --- Static files: GOV.UK Frontend is built into var/frontend by `make assets` -------------
STATIC_URL = "/static/"
STATIC_MANIFEST = env.bool("STATIC_MANIFEST", default=False)
# Collected files exist only where `collectstatic` ran (the production image); elsewhere
# WhiteNoise serves straight from the finders.
STATIC_ROOT = BASE_DIR / "staticfiles" if STATIC_MANIFEST else None
STATICFILES_DIRS = [BASE_DIR / "static", VAR_DIR / "frontend"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if STATIC_MANIFEST
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
# Uploads are private: kept outside the web root and only ever served through a view that
# checks access.
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "uploads")
# Never routed: uploads are served only by views that check access.
MEDIA_URL = "/private-uploads/"
# Request sizes (issue #15, finding 12). The largest legitimate request is an information
# return or an appeal: up to 10 documents of under 10 MB each (triggers/uploads.py), plus the
# form. Anything declaring more is refused before it is read (agencies.request_limits), as the
# proxy does (deploy/nginx.conf, client_max_body_size 110m).
MAX_REQUEST_BODY_BYTES = env.int("MAX_REQUEST_BODY_BYTES", default=110 * 1024 * 1024)
# Form fields and JSON bodies, files not counted: the longest forms are free text, far below.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# Files above this go to a temporary file rather than memory, so ten large documents do not
# sit in a worker's memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# The forms take 10 files and say so when there are more; past 20 it is not a person.
DATA_UPLOAD_MAX_NUMBER_FILES = 20

# --- Forms --------------------------------------------------------------------------------
CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

# --- API ----------------------------------------------------------------------------------
REST_FRAMEWORK = {
    # The token first: a token request must never fall into the session class, which would
    # ask it for a CSRF token.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "agencies.api_auth.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
        "agencies.api_auth.TokenScope",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_THROTTLE_RATES": {"eligibility": env("ELIGIBILITY_RATE", default="60/min")},
}
# Each worker keeps the areas the public eligibility check reads this long (agencies.area_cache).
AREA_CACHE_SECONDS = env.int("AREA_CACHE_SECONDS", default=60)
# How long a dashboard's added-up summary rows are remembered (figures.remembered): only with
# a cache the workers share (Redis); a change to the rows forgets them at once.
FIGURES_CACHE_SECONDS = env.int("FIGURES_CACHE_SECONDS", default=300 if REDIS_URL else 0)
SPECTACULAR_SETTINGS = {
    "TITLE": "ASB Case Review (Community Trigger) API",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "DESCRIPTION": "The public eligibility check (is the case review threshold met?) and the "
    "staff and partner API for cases. Staff sign in with a session or a token they created "
    "themselves at /account/api-tokens/ (`Authorization: Token <token>`); a read-only token "
    "gets 403 on any change.",
    # Separate request and response components, so read-only fields are not asked for.
    "COMPONENT_SPLIT_REQUEST": True,
    # Served from drf-spectacular-sidecar, our own origin: the CSP allows no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {  # the applicant's and the victim's choice sets: one name each
        f"{name}Enum": f"triggers.models.case.{name}" for name in ("ContactMethod", "Language")
    },
}

# API tokens (agencies.ApiToken on django-rest-knox): stored as SHA-512 digests, each with the
# expiry its owner's area policy gives (Area.api_token_days); never renewed by use.
# A model name, not a secret (bandit and ruff take it for a password).
KNOX_TOKEN_MODEL = "agencies.ApiToken"  # noqa: S105  # nosec B105
# knox's own AuthToken is swapped out for ours, but its migrations would still create its
# table, with a key to the users that nothing empties: PostgreSQL then refuses to truncate the
# users (tests' flush). Without migrations, a swapped model gets no table at all.
MIGRATION_MODULES = {"knox": None}
# The tokens' public prefix lets secret scanners spot a leaked token; it is not a secret.
API_TOKEN_PREFIX = "asb_"  # noqa: S105  # nosec B105
REST_KNOX = {
    "TOKEN_PREFIX": API_TOKEN_PREFIX,
    "AUTO_REFRESH": False,
    "AUTH_HEADER_PREFIX": "Token",
}

# --- Security -----------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=30 * 60)
# Expiry counts from the last request (an inactivity timeout), but the session is rewritten at
# most once a SESSION_REFRESH_SECONDS, not on every request (agencies.session_activity).
SESSION_SAVE_EVERY_REQUEST = False
SESSION_REFRESH_SECONDS = env.int("SESSION_REFRESH_SECONDS", default=60)
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
# Behind a TLS proxy, HTTPS is the proxy's X-Forwarded-Proto. Such a proxy also sets
# X-Forwarded-For, so TRUSTED_PROXY_COUNT must say how many (config.checks refuses 0).
BEHIND_TLS_PROXY = env.bool("BEHIND_TLS_PROXY", default=False)
if BEHIND_TLS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "celery.app.trace": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
# Private-link tokens never reach a log line, whoever writes it (runserver's request log too).
LOGGING["filters"] = {"no_tokens": {"()": "agencies.log_filters.RedactPrivateLinks"}}
LOGGING["handlers"]["console"]["filters"] = ["no_tokens"]
# runserver's request log has its own handler by default; send it through ours.
LOGGING["loggers"]["django.server"] = {"handlers": ["console"], "level": "INFO", "propagate": False}

# --- Product ------------------------------------------------------------------------------
SERVICE_NAME = "ASB Case Review (Community Trigger)"
# Where links in emails and letters point (agencies.site.site_url). With DEBUG on, a message
# queued during a request uses that request's address instead (`make run` serves anywhere).
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")

# GOV.UK Notify (issue #16): an area may send through its own Notify service instead of SMTP.
# Each area's API key is entered on its settings page and kept sealed with a key derived from
# NOTIFY_KEY_SECRET (or SECRET_KEY when unset). The base URL is for tests' fake server only.
NOTIFY_KEY_SECRET = env("NOTIFY_KEY_SECRET", default="")
NOTIFY_BASE_URL = env("NOTIFY_BASE_URL", default="https://api.notifications.service.gov.uk")
NOTIFY_TIMEOUT = env.int("NOTIFY_TIMEOUT", default=30)
# Messages come from the site's own domain unless set; `check --deploy` refuses a local one
# (portal.E003).
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default=default_sender(SITE_URL))
SERVER_EMAIL = DEFAULT_FROM_EMAIL
PHASE = env("PHASE", default="beta")

# What runs when (beat, through django-celery-beat): the reminders, closing, retention and
# the outbox's requeue, each with its reason (config/schedule.py).
CELERY_BEAT_SCHEDULE = dict(BEAT_SCHEDULE)

# --- Staff sign-in: second factor, lockout, client address (issue #8) ----------------------
# Every staff page and the staff API need a session verified with a second factor (TOTP app,
# or a one-time backup code). `make run` and the tests turn it off; production keeps it on.
REQUIRE_2FA = env.bool("REQUIRE_2FA", default=True)
OTP_TOTP_ISSUER = SERVICE_NAME
# How many proxies in front of us append to X-Forwarded-For. 0: the client is REMOTE_ADDR,
# and a header the client sends is ignored (it could say anything). Every use of the client's
# address (lockouts, rate limits, the API throttle, the audit) goes through
# agencies.client_ip, which reads this.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
REST_FRAMEWORK["NUM_PROXIES"] = TRUSTED_PROXY_COUNT
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.int("LOGIN_LOCKOUT_MINUTES", default=30) / 60  # hours
# Account and address together: a stranger's wrong passwords lock the account only from the
# stranger's address, never a colleague out of their own account.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "agencies.client_ip.client_ip"
AXES_LOCKOUT_CALLABLE = "agencies.lockout.locked_out"
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "agencies.lockout.attempted_email"
AXES_VERBOSE = False  # its log lines name the account; the attempts table is enough
# Public forms and the private link: requests in a window (seconds), "count/seconds"
# (agencies/ratelimit.py). The application form is counted per browser session and, more
# generously, per client address (a library or council office sends many people's
# applications from one address); a signed-in member of staff has their own allowance. One
# application takes 10 to 20 posts.
RATE_LIMITS = {
    "apply_session": env("APPLY_SESSION_RATE", default="100/3600"),
    "apply": env("APPLY_RATE", default="2000/3600"),
    "apply_staff": env("APPLY_STAFF_RATE", default="1000/3600"),
    "track": env("TRACK_RATE", default="20/3600"),
}

# Where incident records are linked (issue #20): "duckdb" in this process (the default), or
# "spark" when an area outgrows one machine (pyspark from requirements-spark.lock). Anything
# else is refused by a system check (incidents.checks).
INCIDENT_LINKING_BACKEND = env("INCIDENT_LINKING_BACKEND", default="duckdb")
