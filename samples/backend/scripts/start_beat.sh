#!/bin/sh
# Celery beat (periodic task scheduler). Run exactly ONE of these: two beats send every
# periodic task twice. Its schedule file goes to the temp directory (see
# CELERY_BEAT_SCHEDULE_FILENAME in backend/settings/base.py), the only writable place.
set -e

exec celery -A backend.celery_app:app beat --loglevel "${CELERY_LOG_LEVEL:-INFO}"
