# Load the Celery app whenever Django starts (web process, manage.py, worker), so that
# @shared_task functions bind to it and .delay() sends to the configured broker.
from .celery_app import app as celery_app

__all__ = ("celery_app",)
