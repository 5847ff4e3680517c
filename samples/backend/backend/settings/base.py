"""Settings shared by every environment.

Everything that varies between deployments is read from environment variables, whose names
are a contract with the CDK construct that deploys this app (see README.md). This module
reads them and rejects malformed values; production.py decides what is mandatory.
"""
import os
import ssl
import tempfile
import warnings
from pathlib import Path
from urllib.parse import quote, urlsplit

from django.core.exceptions import ImproperlyConfigured

# samples/backend/ (the directory holding manage.py)
BASE_DIR = Path(__file__).resolve().parent.parent.parent


# --- Environment helpers -------------------------------------------------------------------
# A variable that is set but empty counts as unset: the construct may pass
# CSRF_TRUSTED_ORIGINS="" or FRONTEND_URL="".


def env_str(name: str, default: str = "") -> str:
    value = os.environ.get(name, "").strip()
    return value or default


def env_bool(name: str, default: bool = False) -> bool:
    """True for 1/true/yes/on, False for 0/false/no/off. Anything else is an error, so that a
    typo in a flag such as HTTPS or REDIS_TLS never silently turns a protection off."""
    value = env_str(name).lower()
    if not value:
        return default
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} is {value!r}; use 1 or 0 (or true/false, yes/no, on/off).")


def env_int(name: str, default: int) -> int:
    value = env_str(name)
    return int(value) if value else default


def env_list(name: str, default: str = "") -> list[str]:
    """A comma-separated variable as a list, without blanks: "a.com, b.com," -> ["a.com", "b.com"]."""
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


def env_domain(name: str) -> str:
    """A bare domain name: "https://d111.cloudfront.net/" -> "d111.cloudfront.net"."""
    return env_str(name).removeprefix("https://").removeprefix("http://").rstrip("/")


# --- Core ----------------------------------------------------------------------------------

DEBUG = env_bool("DEBUG", False)

# The SPA's URL, when there is one. Only used to send people there (see apps.core.views.index);
# the API is not opened to it with CORS.
FRONTEND_URL = env_str("FRONTEND_URL").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "apps.core",
]

# The path the load balancer checks (DjangoEcsProps.HealthCheckPath). HealthCheckMiddleware
# answers it, and backend/urls.py routes it, from this one value.
HEALTH_CHECK_PATH = urlsplit(env_str("HEALTH_CHECK_PATH", "/api/health-check/")).path
if not HEALTH_CHECK_PATH.startswith("/"):
    raise ImproperlyConfigured(
        f"HEALTH_CHECK_PATH is {HEALTH_CHECK_PATH!r}; it must be a path starting with '/', "
        "such as /api/health-check/."
    )

MIDDLEWARE = [
    # Must stay FIRST: it answers the load balancer's health checks before any other middleware
    # validates the Host header against ALLOWED_HOSTS. See apps/core/middleware.py.
    "apps.core.middleware.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "backend.urls"
WSGI_APPLICATION = "backend.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Overridden with S3 (and possibly CloudFront) locations in production.py.
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "media/"
MEDIA_ROOT = BASE_DIR / "media"


# --- PostgreSQL ----------------------------------------------------------------------------
# POSTGRES_PASSWORD is injected from Secrets Manager. DB_SECRET_NAME names that secret; it is
# informational here: after a rotation, restarting the tasks picks up the new password.
DB_SECRET_NAME = env_str("DB_SECRET_NAME")

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "HOST": env_str("POSTGRES_SERVICE_HOST", "localhost"),
        "PORT": env_str("POSTGRES_SERVICE_PORT", "5432"),
        "NAME": env_str("POSTGRES_NAME", "postgres"),
        "USER": env_str("POSTGRES_USERNAME", "postgres"),
        # Not stripped: a password is taken as it is.
        "PASSWORD": os.environ.get("POSTGRES_PASSWORD", ""),
        # Reuse a connection across requests (saves a TLS handshake to RDS per request) and
        # check it is still alive before reusing it.
        "CONN_MAX_AGE": env_int("POSTGRES_CONN_MAX_AGE", 60),
        "CONN_HEALTH_CHECKS": True,
        # "prefer" uses TLS whenever the server offers it (RDS does, and may require it).
        "OPTIONS": {"sslmode": env_str("POSTGRES_SSLMODE", "prefer")},
    }
}


# --- Redis: cache, Celery broker and results -------------------------------------------------
# ElastiCache with in-transit encryption sets REDIS_TLS=1 and an AUTH token (REDIS_PASSWORD,
# from Secrets Manager). Locally both may be absent.
REDIS_TLS = env_bool("REDIS_TLS", False)


def redis_url(db: int) -> str:
    host = env_str("REDIS_SERVICE_HOST", "localhost")
    port = env_str("REDIS_SERVICE_PORT", "6379")
    password = os.environ.get("REDIS_PASSWORD", "")
    scheme = "rediss" if REDIS_TLS else "redis"
    # Percent-encode the token: it may contain characters that have a meaning in a URL.
    auth = f":{quote(password, safe='')}@" if password else ""
    return f"{scheme}://{auth}{host}:{port}/{db}"


CACHES = {
    "default": {
        # Django's own Redis backend (no django-redis needed). For rediss:// URLs redis-py
        # verifies the server certificate by default.
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": redis_url(1),
        "KEY_PREFIX": "backend",
        # A cache outage should slow a request down, not hang it.
        "OPTIONS": {"socket_connect_timeout": 5, "socket_timeout": 5},
    }
}

# Celery (read by backend/celery_app.py: CELERY_FOO here is Celery's "foo" option).
CELERY_BROKER_URL = redis_url(0)
CELERY_RESULT_BACKEND = redis_url(0)
if REDIS_TLS:
    # Verify ElastiCache's certificate. (Celery's Redis result backend refuses a rediss:// URL
    # that does not say how to check the certificate.)
    CELERY_BROKER_USE_SSL = {"ssl_cert_reqs": ssl.CERT_REQUIRED}
    CELERY_REDIS_BACKEND_USE_SSL = {"ssl_cert_reqs": ssl.CERT_REQUIRED}
# Keep retrying while Redis is not reachable yet when a worker starts.
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_TRACK_STARTED = True
CELERY_RESULT_EXPIRES = 24 * 3600
# Beat keeps its state in a local file. The image's code directory is read-only to the app
# user, so the file goes to the temp directory (losing it on restart is harmless).
CELERY_BEAT_SCHEDULE_FILENAME = env_str(
    "CELERY_BEAT_SCHEDULE_FILENAME", os.path.join(tempfile.gettempdir(), "celerybeat-schedule")
)
CELERY_BEAT_SCHEDULE = {
    # An example periodic task, so that beat has something to do.
    "debug-task-hourly": {"task": "apps.core.tasks.debug_task", "schedule": 3600.0},
}


# --- Logging: everything to stdout (CloudWatch Logs via the awslogs driver) -------------------
LOG_LEVEL = env_str("LOG_LEVEL", "INFO").upper()

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "plain",
        },
    },
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    "loggers": {
        # Django's default config only logs to the console when DEBUG is on; errors of
        # django.request (500s) must reach the logs in production too.
        "django": {"handlers": ["stdout"], "level": LOG_LEVEL, "propagate": False},
    },
}


# --- Error reporting (optional) --------------------------------------------------------------
# DjangoEcsComplete passes SENTRY_DSN as a secret (SSM SecureString /ublog/sentry-dsn). The
# sample does not ship sentry-sdk: add it to requirements.txt and errors are reported;
# without it the value is read and ignored, with a warning. An SSM parameter cannot hold an
# empty string, so any value that is not an http(s) URL (e.g. "none") counts as unset.
SENTRY_DSN = env_str("SENTRY_DSN")
if not SENTRY_DSN.startswith(("https://", "http://")):
    SENTRY_DSN = ""
if SENTRY_DSN:
    try:
        import sentry_sdk
    except ImportError:
        warnings.warn("SENTRY_DSN is set but sentry-sdk is not installed: errors are not reported.")
    else:
        # The Django and Celery integrations are enabled automatically when those are installed.
        sentry_sdk.init(dsn=SENTRY_DSN, send_default_pii=False)
