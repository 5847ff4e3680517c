from .base import *  # noqa: F403
from .base import env

ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Storage: django-storages on S3. The keys are optional: without them boto3 uses the instance role.
AWS_ACCESS_KEY_ID = env("DJANGO_AWS_ACCESS_KEY_ID", default=None)
AWS_SECRET_ACCESS_KEY = env("DJANGO_AWS_SECRET_ACCESS_KEY", default=None)
AWS_STORAGE_BUCKET_NAME = env("DJANGO_AWS_STORAGE_BUCKET_NAME")
STORAGES = {
    "default": {"BACKEND": "storages.backends.s3.S3Storage"},
    "staticfiles": {"BACKEND": "storages.backends.s3.S3ManifestStaticStorage"},
}

# Payments and mail.
STRIPE_API_KEY = env.str(
    "STRIPE_API_KEY"
)
EMAIL_HOST = env('EMAIL_HOST', default="smtp.example.com")
EMAIL_HOST_PASSWORD = env('EMAIL_HOST_PASSWORD', default="")
