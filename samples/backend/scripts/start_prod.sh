#!/bin/sh
# Web process: gunicorn serving the Django WSGI application.
#
# It deliberately does NOT run migrations or collectstatic: with several web tasks starting
# at once they would race each other. The deployment runs them once, as a separate release
# step (python manage.py migrate --no-input; python manage.py collectstatic --no-input).
#
# --forwarded-allow-ips='*': the container only receives traffic from the load balancer,
# whose address is not known in advance; trust its X-Forwarded-* headers.
set -e

exec gunicorn backend.wsgi:application \
    --bind "0.0.0.0:${PORT:-8000}" \
    --workers "${GUNICORN_WORKERS:-3}" \
    --timeout "${GUNICORN_TIMEOUT:-30}" \
    --access-logfile - \
    --error-logfile - \
    --forwarded-allow-ips='*'
