"""Production settings: the containers on AWS (web, Celery worker and beat, release tasks).

Behind an Application Load Balancer (and possibly CloudFront). PostgreSQL on RDS, Redis on
ElastiCache, static and media files in one private S3 bucket.
"""
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DEBUG, env_bool, env_list, env_str

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is not set. On AWS it is injected from Secrets Manager; for local "
        "work use DJANGO_SETTINGS_MODULE=backend.settings.development."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")


# --- HTTPS behind a proxy ------------------------------------------------------------------
# TLS ends at the load balancer (or CloudFront), which tells the app the original scheme.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
# Off by default: redirecting to HTTPS is the load balancer's job, and when CloudFront talks
# to the ALB over HTTP, X-Forwarded-Proto says "http" and a redirect here would loop.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)


# --- Static and media files: one private S3 bucket (django-storages) -----------------------
# No AWS keys here on purpose: boto3's default credential chain uses the ECS task role.
# Never put AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY into the task's environment.
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME") or env_str("S3_BUCKET_NAME")
if not AWS_STORAGE_BUCKET_NAME:
    raise ImproperlyConfigured("AWS_STORAGE_BUCKET_NAME (or S3_BUCKET_NAME) is not set.")
AWS_S3_REGION_NAME = env_str("AWS_S3_REGION_NAME") or None
AWS_S3_SIGNATURE_VERSION = "s3v4"
AWS_S3_ADDRESSING_STYLE = "virtual"
# The bucket has ACLs disabled (BucketOwnerEnforced) and blocks public access: uploading with
# any ACL (e.g. "public-read") is refused by S3, which is what broke media uploads before.
# None = send no ACL at all.
AWS_DEFAULT_ACL = None
# Two uploads with the same name get distinct keys instead of replacing each other.
AWS_S3_FILE_OVERWRITE = False

# Optional CloudFront distribution serving /static/* and /media/* from the bucket. With it,
# URLs point there and are not signed; without it the bucket stays private and every URL is
# a pre-signed, expiring S3 URL.
ASSETS_DOMAIN = env_str("ASSETS_DOMAIN").removeprefix("https://").removeprefix("http://").rstrip("/")
AWS_S3_CUSTOM_DOMAIN = ASSETS_DOMAIN or None
AWS_QUERYSTRING_AUTH = not ASSETS_DOMAIN
AWS_QUERYSTRING_EXPIRE = 3600

STORAGES = {
    # Uploaded files (FileField/ImageField): s3://<bucket>/media/...
    "default": {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"location": "media"},
    },
    # collectstatic (run by the release step): s3://<bucket>/static/...
    "staticfiles": {
        "BACKEND": "storages.backends.s3.S3Storage",
        # Unlike uploads, a new release must replace the previous version of a static file.
        "OPTIONS": {"location": "static", "file_overwrite": True},
    },
}

if ASSETS_DOMAIN:
    STATIC_URL = f"https://{ASSETS_DOMAIN}/static/"
    MEDIA_URL = f"https://{ASSETS_DOMAIN}/media/"
