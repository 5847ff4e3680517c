"""Celery application.

Worker: celery -A backend.celery_app:app worker --loglevel INFO
Beat:   celery -A backend.celery_app:app beat --loglevel INFO

(The module is not called ``celery.py`` so that it can never shadow the celery package.)
"""
import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings.production")

app = Celery("backend")

# Every Celery option is read from the Django settings, as CELERY_<OPTION NAME IN CAPITALS>
# (e.g. CELERY_BROKER_URL -> broker_url): see the "Celery" section of backend/settings/base.py.
app.config_from_object("django.conf:settings", namespace="CELERY")

# Find tasks.py in every installed app (apps/core/tasks.py).
app.autodiscover_tasks()
