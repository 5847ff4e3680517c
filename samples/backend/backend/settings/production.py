"""Production settings: the containers on AWS (web, Celery worker and beat, release tasks).

Behind an Application Load Balancer (and possibly CloudFront). PostgreSQL on RDS, Redis on
ElastiCache, static and media files in one private S3 bucket.
"""
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool, env_domain, env_int, env_list, env_str

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is not set. On AWS it is injected from Secrets Manager; for local "
        "work use DJANGO_SETTINGS_MODULE=backend.settings.development."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")


# --- HTTPS behind a proxy ------------------------------------------------------------------
# HTTPS="1": the site is served over HTTPS (the construct was given a domain and a
# certificate); "0": plain HTTP on the load balancer's DNS name (DjangoEcsMinimal). Unset
# means HTTPS: an insecure mode is only ever chosen explicitly.
HTTPS = env_bool("HTTPS", True)

# TLS ends at the load balancer (or at CloudFront, which reaches the load balancer over HTTPS
# when the site has a domain). The ALB sets X-Forwarded-Proto to the scheme the client used,
# replacing any value the client sent, so Django may trust it. Over plain HTTP it says "http"
# and request.is_secure() is False, which is the truth.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Browsers drop Secure cookies set over http://, so with HTTPS=0 neither the session nor the
# CSRF cookie would stick and the admin login would fail.
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS

# Redirect http:// to https:// (the ALB already does on port 80; this covers any other way
# in). HealthCheckMiddleware runs before SecurityMiddleware, so the ALB's plain-HTTP health
# checks are not redirected. SECURE_SSL_REDIRECT=0 turns it off, for a proxy of your own
# that reaches Django over HTTP and says so in X-Forwarded-Proto (a redirect would loop).
SECURE_SSL_REDIRECT = HTTPS and env_bool("SECURE_SSL_REDIRECT", True)

# HSTS: browsers go straight to https:// for a year. Sent on HTTPS responses only. Not for
# subdomains, and no preload: the API's domain may be the zone apex, and those are the
# owner's decisions for the whole zone.
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = False
SECURE_HSTS_PRELOAD = False

# CSRF over plain HTTP needs nothing in CSRF_TRUSTED_ORIGINS: Django accepts an unsafe request
# whose Origin equals its own scheme and host (http://<ALB DNS name>, which is in
# ALLOWED_HOSTS), and checks the Referer only on secure requests. CSRF_TRUSTED_ORIGINS is for
# other origins, such as an SPA on another domain.


# --- Static and media files: one private S3 bucket (django-storages) -----------------------
# s3://<bucket>/static/  collectstatic (the release step); CloudFront serves it as /static/*
# s3://<bucket>/media/   uploads (FileField/ImageField);   CloudFront serves it as /media/*
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
# Lifetime of a signed URL.
AWS_QUERYSTRING_EXPIRE = 3600

# A CloudFront domain serving the bucket, one for each kind of file. Empty: the bucket stays
# private and Django links the files with signed S3 URLs, valid for an hour.
# ASSETS_DOMAIN: static files, at https://<ASSETS_DOMAIN>/static/..., unsigned.
# MEDIA_DOMAIN: uploads, at https://<MEDIA_DOMAIN>/media/..., unsigned, so anyone with the
# link can read them. Leave it empty to keep uploads private.
ASSETS_DOMAIN = env_domain("ASSETS_DOMAIN")
MEDIA_DOMAIN = env_domain("MEDIA_DOMAIN")

# Each storage gets its domain and signing in OPTIONS, not through the global
# AWS_S3_CUSTOM_DOMAIN / AWS_QUERYSTRING_AUTH: django-storages' static storage classes ignore
# AWS_QUERYSTRING_AUTH and default to unsigned URLs, which a private bucket refuses.
STORAGES = {
    "default": {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "location": "media",
            "custom_domain": MEDIA_DOMAIN or None,
            "querystring_auth": not MEDIA_DOMAIN,
            # Two uploads with the same name get distinct keys instead of replacing each other.
            "file_overwrite": False,
            # No Cache-Control: an upload may be replaced or deleted, so no long caching
            # (CloudFront's /media/* behaviour keeps objects a minute by default).
        },
    },
    "staticfiles": {
        # S3ManifestStaticStorage with per-file cache headers and working signed URLs; its
        # docstring says why, and why manifest_strict is off.
        "BACKEND": "backend.storage_backends.StaticStorage",
        "OPTIONS": {
            "location": "static",
            "custom_domain": ASSETS_DOMAIN or None,
            "querystring_auth": not ASSETS_DOMAIN,
            # A new release replaces the previous copy of a file under its original name.
            "file_overwrite": True,
            # For the content-hashed names only (the storage gives the others "no-cache"):
            # their content never changes, so browsers and CloudFront may keep them for a year.
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    },
}

# The storages build the URLs; these only matter to code that reads them directly.
if ASSETS_DOMAIN:
    STATIC_URL = f"https://{ASSETS_DOMAIN}/static/"
if MEDIA_DOMAIN:
    MEDIA_URL = f"https://{MEDIA_DOMAIN}/media/"
