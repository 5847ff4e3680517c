#!/bin/sh
# Celery worker process (same image as the web process, different command).
set -e

exec celery -A backend.celery_app:app worker --loglevel "${CELERY_LOG_LEVEL:-INFO}"
