"""One settings module, configured by environment variables (see README: 配置).

SQLite in ./var unless DATABASE_URL says otherwise; a bad value fails at start-up.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    try:
        return int(value) if value else default
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from exc


DATA_DIR = Path(os.environ.get("GONGKAI_DATA_DIR", BASE_DIR / "var")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    if key := os.environ.get("GONGKAI_SECRET_KEY"):
        return key
    # No secret in the repo: a key is made once per installation and kept beside the data.
    path = DATA_DIR / "secret.key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("GONGKAI_DEBUG", False)
ALLOWED_HOSTS = [
    h for h in os.environ.get("GONGKAI_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h
]
CSRF_TRUSTED_ORIGINS = [
    o for o in os.environ.get("GONGKAI_CSRF_TRUSTED_ORIGINS", "").split(",") if o
]
SITE_URL = os.environ.get("GONGKAI_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_NAME = os.environ.get("GONGKAI_SITE_NAME", "基层政务公开专区")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "js_lib_htmx",
    "django_tasks",
    "django_tasks_db",
    "gongkai.orgs",
    "gongkai.audit",
    "gongkai.catalog",
    "gongkai.documents",
    "gongkai.info_requests",
    "gongkai.reports",
    "gongkai.supervision",
    "gongkai.participation",
    "gongkai.search",
    "gongkai.portal",
    "gongkai.workspace",
    "gongkai.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "gongkai.urls"
WSGI_APPLICATION = "gongkai.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "gongkai" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "gongkai.portal.context.site",
            ],
        },
    },
]

try:
    DATABASES = {
        "default": dj_database_url.parse(
            os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'gongkai.sqlite3'}",
            conn_max_age=env_int("GONGKAI_DB_CONN_MAX_AGE", 0),
        )
    }
except ValueError as exc:
    raise ImproperlyConfigured(f"DATABASE_URL is not a database address: {exc}") from exc
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# "pages" holds rendered public pages (gongkai/portal/page_cache.py). It must be shared by every
# app process, so that publishing in one invalidates the copies of all: files beside the data,
# or Redis when there is one.
PAGE_CACHE_SECONDS = env_int("GONGKAI_PAGE_CACHE_SECONDS", 600)
if redis_url := os.environ.get("GONGKAI_REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "pages",
            "TIMEOUT": PAGE_CACHE_SECONDS,
        },
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(DATA_DIR / "cache" / "pages"),
            "TIMEOUT": PAGE_CACHE_SECONDS,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }

# "embedded": a tantivy index beside the data; "database": the database's own full-text search,
# the default on PostgreSQL (tsvector with a RUM or GIN index; no tantivy index is built then).
_POSTGRESQL = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
GONGKAI_SEARCH_BACKEND = os.environ.get("GONGKAI_SEARCH_BACKEND") or (
    "database" if _POSTGRESQL else "embedded"
)
if GONGKAI_SEARCH_BACKEND not in {"embedded", "database"}:
    raise ImproperlyConfigured("GONGKAI_SEARCH_BACKEND must be embedded or database")

TASKS = {
    "default": {
        "BACKEND": os.environ.get("GONGKAI_TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "workspace:login"
LOGIN_REDIRECT_URL = "workspace:home"
LOGOUT_REDIRECT_URL = "portal:home"

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

DATA_UPLOAD_MAX_MEMORY_SIZE = 25 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
UPLOAD_MAX_BYTES = env_int("GONGKAI_UPLOAD_MAX_BYTES", 20 * 1024 * 1024)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("GONGKAI_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

EMAIL_BACKEND = os.environ.get(
    "GONGKAI_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "loggers": {
        "gongkai": {"handlers": ["console"], "level": os.environ.get("GONGKAI_LOG_LEVEL", "INFO")},
    },
}
