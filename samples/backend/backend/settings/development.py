"""Local development settings.

Uses PostgreSQL and Redis when POSTGRES_SERVICE_HOST / REDIS_SERVICE_HOST are set (as in
docker-compose.yml), otherwise SQLite, an in-process cache and eager Celery tasks, so that
`python manage.py runserver` works with nothing else running. Files are stored on local disk.
"""
import os

from .base import *  # noqa: F403
from .base import BASE_DIR, env_bool, env_list, env_str

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("DJANGO_SECRET_KEY", "django-insecure-development-only-never-use-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

if not env_str("POSTGRES_SERVICE_HOST"):
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": BASE_DIR / "db.sqlite3",
        }
    }

if not env_str("REDIS_SERVICE_HOST"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    # No broker: run tasks inline when they are sent.
    CELERY_TASK_ALWAYS_EAGER = True
    CELERY_BROKER_URL = "memory://localhost/"
    CELERY_RESULT_BACKEND = "cache+memory://"

MEDIA_ROOT = env_str("MEDIA_ROOT") or os.fspath(BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
