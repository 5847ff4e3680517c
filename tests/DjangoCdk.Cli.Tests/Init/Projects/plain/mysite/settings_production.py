from mysite.settings import *  # noqa: F401,F403

DEBUG = False

CELERY_BROKER_URL = os.getenv("REDIS_URL")
CELERY_TASK_DEFAULT_QUEUE = "default"

SENTRY_DSN = os.environ.get("SENTRY_DSN")
AWS_ACCESS_KEY_ID = os.environ.get("AWS_ACCESS_KEY_ID")
REPORTS_BUCKET = os.environ.get(
    "REPORTS_BUCKET",
    "mysite-reports",
)
