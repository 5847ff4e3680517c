"""The production settings against the DjangoCdk environment contract.

No database server, Redis or AWS account is needed: the settings module is evaluated with a
given environment, Django runs in-process (SQLite in memory stands in for PostgreSQL where a
test needs a database), and S3 is either not called or, for collectstatic, mocked with moto.

Run from samples/backend (see README.md, "Test the settings"):

    python3 -m unittest discover -s tests -t . -v

Needs Django >= 4.2, django-storages >= 1.14 with boto3, and celery importable (backend/__init__.py
imports the Celery app). The collectstatic test also needs moto and is skipped without it.
"""
import importlib
import json
import os
import ssl
import sys
import unittest
from contextlib import contextmanager
from pathlib import Path
from unittest import mock
from urllib.parse import parse_qs, urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent
if str(BASE_DIR) not in sys.path:
    sys.path.insert(0, str(BASE_DIR))

import django  # noqa: E402
from django import conf  # noqa: E402  (not `settings` itself: unittest's loader would touch it)
from django.core.exceptions import ImproperlyConfigured  # noqa: E402
from django.core.files.base import ContentFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client, SimpleTestCase, TransactionTestCase, override_settings  # noqa: E402
from django.urls import clear_url_caches, reverse  # noqa: E402
from django.utils.module_loading import import_string  # noqa: E402

try:
    import boto3
    from moto import mock_aws
except ImportError:  # moto is optional: only the collectstatic test needs it
    mock_aws = None

ALB_HOST = "Djang-WebLB-1A2B3C4D5E6F-1234567890.eu-west-1.elb.amazonaws.com"
TASK_IP_HOST = "10.0.3.17:8000"  # what the ALB's health checks send as Host
BUCKET = "ublog-assets-test"
# Temporary credentials, as the ECS task role gets them: the session token holds "+" and "/".
AWS_TEST_CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "ASIATESTTESTTESTTEST",
    "AWS_SECRET_ACCESS_KEY": "test-secret-access-key",
    "AWS_SESSION_TOKEN": "IQoJb3JpZ2luX2VjE+test/session+token==",
    "AWS_DEFAULT_REGION": "eu-west-1",
}

# What DjangoEcs sets in every container, for a site with a domain (HTTPS).
CONTRACT = {
    "DJANGO_SETTINGS_MODULE": "backend.settings.production",
    "DEBUG": "0",
    "DJANGO_SECRET_KEY": "k" * 64,
    "ALLOWED_HOSTS": "api.example.com",
    "CSRF_TRUSTED_ORIGINS": "https://api.example.com",
    "FRONTEND_URL": "",
    "POSTGRES_SERVICE_HOST": "db.abc123.eu-west-1.rds.amazonaws.com",
    "POSTGRES_SERVICE_PORT": "5432",
    "POSTGRES_NAME": "django",
    "POSTGRES_USERNAME": "django",
    "POSTGRES_PASSWORD": "pg password",
    "DB_SECRET_NAME": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:DatabaseSecret-AbCdEf",
    "REDIS_SERVICE_HOST": "master.cache.abc123.euw1.cache.amazonaws.com",
    "REDIS_SERVICE_PORT": "6379",
    "REDIS_PASSWORD": "p@ss/w+rd",
    "REDIS_TLS": "1",
    "S3_BUCKET_NAME": BUCKET,
    "AWS_STORAGE_BUCKET_NAME": BUCKET,
    "AWS_S3_REGION_NAME": "eu-west-1",
    "ASSETS_DOMAIN": "",
    "MEDIA_DOMAIN": "",
    "HTTPS": "1",
    "HEALTH_CHECK_PATH": "/api/health-check/",
    # Not part of the contract: keeps the 400s these tests provoke out of the output.
    "LOG_LEVEL": "CRITICAL",
}

# Stand-ins for the servers, used by the in-process Django; never compared with the contract.
TEST_ONLY = {
    "DATABASES": {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
    "CACHES": {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
    "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
}

IMMUTABLE = "public, max-age=31536000, immutable"
HASHED_CSS = "admin/css/base.0123456789ab.css"
MANIFEST = json.dumps({"version": "1.1", "hash": "0", "paths": {"admin/css/base.css": HASHED_CSS}})


def load_settings(**env):
    """The upper-case names of backend.settings.production, evaluated in CONTRACT updated with
    env (a value of None unsets that variable)."""
    environ = {name: value for name, value in {**CONTRACT, **env}.items() if value is not None}
    with mock.patch.dict(os.environ, environ, clear=True):
        for module in ("backend.settings.production", "backend.settings.base"):
            sys.modules.pop(module, None)
        production = importlib.import_module("backend.settings.production")
    return {name: getattr(production, name) for name in dir(production) if name.isupper()}


@contextmanager
def scenario(**env):
    """Django's settings as the production settings would be in that environment."""
    values = {name: value for name, value in load_settings(**env).items() if name not in TEST_ONLY}
    with override_settings(**values):
        # backend/urls.py reads HEALTH_CHECK_PATH when it is imported.
        sys.modules.pop("backend.urls", None)
        clear_url_caches()
        try:
            yield conf.settings
        finally:
            sys.modules.pop("backend.urls", None)
            clear_url_caches()


def build_storage(alias):
    """A new instance of STORAGES[alias] under the current settings."""
    config = conf.settings.STORAGES[alias]
    return import_string(config["BACKEND"])(**config.get("OPTIONS", {}))


def setUpModule():
    conf.settings.configure(**{**load_settings(), **TEST_ONLY})
    django.setup()
    call_command("migrate", verbosity=0, interactive=False)


class HttpsFlagTests(unittest.TestCase):
    def test_https_unset_or_1_gives_secure_cookies_redirect_and_hsts(self):
        for value in (None, "", "1", "true"):
            with self.subTest(HTTPS=value):
                s = load_settings(HTTPS=value)
                self.assertTrue(s["HTTPS"])
                self.assertTrue(s["SESSION_COOKIE_SECURE"])
                self.assertTrue(s["CSRF_COOKIE_SECURE"])
                self.assertTrue(s["SECURE_SSL_REDIRECT"])
                self.assertEqual(s["SECURE_HSTS_SECONDS"], 31536000)
                self.assertEqual(s["SECURE_PROXY_SSL_HEADER"], ("HTTP_X_FORWARDED_PROTO", "https"))

    def test_https_0_turns_off_secure_cookies_redirect_and_hsts(self):
        s = load_settings(HTTPS="0", ALLOWED_HOSTS=ALB_HOST, CSRF_TRUSTED_ORIGINS="")
        self.assertFalse(s["HTTPS"])
        self.assertFalse(s["SESSION_COOKIE_SECURE"])
        self.assertFalse(s["CSRF_COOKIE_SECURE"])
        self.assertFalse(s["SECURE_SSL_REDIRECT"])
        self.assertEqual(s["SECURE_HSTS_SECONDS"], 0)
        self.assertEqual(s["CSRF_TRUSTED_ORIGINS"], [])

    def test_secure_ssl_redirect_can_only_be_turned_off(self):
        self.assertFalse(load_settings(HTTPS="1", SECURE_SSL_REDIRECT="0")["SECURE_SSL_REDIRECT"])
        self.assertFalse(load_settings(HTTPS="0", SECURE_SSL_REDIRECT="1")["SECURE_SSL_REDIRECT"])

    def test_a_misspelt_flag_is_an_error_not_a_silent_off(self):
        for name in ("HTTPS", "REDIS_TLS", "DEBUG"):
            with self.subTest(name=name), self.assertRaisesRegex(ImproperlyConfigured, name):
                load_settings(**{name: "ture"})


class StorageSettingsTests(unittest.TestCase):
    def test_without_domains_static_and_media_are_signed_s3_urls(self):
        storages = load_settings()["STORAGES"]
        self.assertEqual(storages["default"]["BACKEND"], "storages.backends.s3.S3Storage")
        self.assertEqual(
            storages["default"]["OPTIONS"],
            {
                "location": "media",
                "custom_domain": None,
                "querystring_auth": True,
                "file_overwrite": False,
            },
        )
        self.assertEqual(
            storages["staticfiles"]["BACKEND"], "backend.storage_backends.StaticStorage"
        )
        self.assertEqual(
            storages["staticfiles"]["OPTIONS"],
            {
                "location": "static",
                "custom_domain": None,
                "querystring_auth": True,
                "file_overwrite": True,
                "object_parameters": {"CacheControl": IMMUTABLE},
            },
        )

    def test_assets_domain_serves_static_files_only(self):
        s = load_settings(ASSETS_DOMAIN="https://app.example.com/")
        static, media = s["STORAGES"]["staticfiles"]["OPTIONS"], s["STORAGES"]["default"]["OPTIONS"]
        self.assertEqual(
            (static["custom_domain"], static["querystring_auth"]), ("app.example.com", False)
        )
        self.assertEqual((media["custom_domain"], media["querystring_auth"]), (None, True))
        self.assertEqual(s["STATIC_URL"], "https://app.example.com/static/")
        self.assertEqual(s["MEDIA_URL"], "media/")

    def test_media_domain_makes_uploads_public_through_it(self):
        s = load_settings(MEDIA_DOMAIN="media.example.com")
        media = s["STORAGES"]["default"]["OPTIONS"]
        self.assertEqual(
            (media["custom_domain"], media["querystring_auth"]), ("media.example.com", False)
        )
        self.assertNotIn("object_parameters", media)  # no long caching for uploads
        self.assertEqual(s["MEDIA_URL"], "https://media.example.com/media/")
        self.assertTrue(s["STORAGES"]["staticfiles"]["OPTIONS"]["querystring_auth"])

    def test_the_staticfiles_storage_is_a_manifest_storage(self):
        from storages.backends.s3 import S3ManifestStaticStorage

        from backend.storage_backends import StaticStorage

        self.assertTrue(issubclass(StaticStorage, S3ManifestStaticStorage))
        self.assertFalse(StaticStorage.manifest_strict)

    def test_bucket_comes_from_either_name(self):
        self.assertEqual(
            load_settings(AWS_STORAGE_BUCKET_NAME=None)["AWS_STORAGE_BUCKET_NAME"], BUCKET
        )
        with self.assertRaises(ImproperlyConfigured):
            load_settings(AWS_STORAGE_BUCKET_NAME=None, S3_BUCKET_NAME=None)


class ContractTests(unittest.TestCase):
    def test_health_check_path_defaults_and_follows_the_variable(self):
        self.assertEqual(
            load_settings(HEALTH_CHECK_PATH=None)["HEALTH_CHECK_PATH"], "/api/health-check/"
        )
        self.assertEqual(
            load_settings(HEALTH_CHECK_PATH="/healthz")["HEALTH_CHECK_PATH"], "/healthz"
        )
        with self.assertRaises(ImproperlyConfigured):
            load_settings(HEALTH_CHECK_PATH="healthz")

    def test_redis_over_tls_with_the_auth_token(self):
        s = load_settings()
        self.assertEqual(
            s["CACHES"]["default"]["LOCATION"],
            "rediss://:p%40ss%2Fw%2Brd@master.cache.abc123.euw1.cache.amazonaws.com:6379/1",
        )
        self.assertTrue(s["CELERY_BROKER_URL"].startswith("rediss://:p%40ss%2Fw%2Brd@"))
        self.assertTrue(s["CELERY_BROKER_URL"].endswith(":6379/0"))
        self.assertEqual(s["CELERY_RESULT_BACKEND"], s["CELERY_BROKER_URL"])
        self.assertEqual(s["CELERY_BROKER_USE_SSL"], {"ssl_cert_reqs": ssl.CERT_REQUIRED})
        self.assertEqual(s["CELERY_REDIS_BACKEND_USE_SSL"], {"ssl_cert_reqs": ssl.CERT_REQUIRED})

    def test_redis_without_tls(self):
        s = load_settings(REDIS_TLS="0", REDIS_PASSWORD=None)
        self.assertEqual(
            s["CELERY_BROKER_URL"], "redis://master.cache.abc123.euw1.cache.amazonaws.com:6379/0"
        )
        self.assertNotIn("CELERY_BROKER_USE_SSL", s)

    def test_postgres(self):
        db = load_settings()["DATABASES"]["default"]
        self.assertEqual(db["ENGINE"], "django.db.backends.postgresql")
        self.assertEqual(
            (db["HOST"], db["PORT"], db["NAME"], db["USER"], db["PASSWORD"]),
            ("db.abc123.eu-west-1.rds.amazonaws.com", "5432", "django", "django", "pg password"),
        )

    def test_secret_key_is_required(self):
        self.assertEqual(load_settings()["SECRET_KEY"], "k" * 64)
        with self.assertRaises(ImproperlyConfigured):
            load_settings(DJANGO_SECRET_KEY=None)

    def test_hosts_origins_and_frontend_url(self):
        s = load_settings(
            ALLOWED_HOSTS="api.example.com, app.example.com,",
            CSRF_TRUSTED_ORIGINS="https://api.example.com,https://app.example.com",
            FRONTEND_URL="https://app.example.com/",
        )
        self.assertEqual(s["ALLOWED_HOSTS"], ["api.example.com", "app.example.com"])
        self.assertEqual(
            s["CSRF_TRUSTED_ORIGINS"], ["https://api.example.com", "https://app.example.com"]
        )
        self.assertEqual(s["FRONTEND_URL"], "https://app.example.com")

    def test_sentry_dsn_is_optional(self):
        self.assertEqual(load_settings(SENTRY_DSN=None)["SENTRY_DSN"], "")
        # An SSM parameter cannot be empty: a placeholder turns reporting off.
        self.assertEqual(load_settings(SENTRY_DSN="none")["SENTRY_DSN"], "")

    def test_sentry_dsn_without_sentry_sdk_warns(self):
        with mock.patch.dict(sys.modules, {"sentry_sdk": None}), self.assertWarnsRegex(
            UserWarning, "sentry-sdk"
        ):
            s = load_settings(SENTRY_DSN="https://key@o0.ingest.sentry.io/0")
        self.assertEqual(s["SENTRY_DSN"], "https://key@o0.ingest.sentry.io/0")

    def test_sentry_dsn_with_sentry_sdk_initialises_it(self):
        sentry_sdk = mock.Mock()
        with mock.patch.dict(sys.modules, {"sentry_sdk": sentry_sdk}):
            load_settings(SENTRY_DSN="https://key@o0.ingest.sentry.io/0")
        sentry_sdk.init.assert_called_once_with(
            dsn="https://key@o0.ingest.sentry.io/0", send_default_pii=False
        )


class HealthCheckTests(SimpleTestCase):
    """SimpleTestCase fails any database query: the health check must not make one."""

    def test_custom_path_is_answered_for_the_task_ip_host(self):
        with scenario(HEALTH_CHECK_PATH="/healthz/"):
            client = Client(HTTP_HOST=TASK_IP_HOST)
            for path in ("/healthz/", "/healthz"):
                with self.subTest(path=path):
                    response = client.get(path)
                    self.assertEqual(response.status_code, 200)
                    self.assertEqual(response.json(), {"status": "ok"})
            self.assertEqual(client.head("/healthz/").status_code, 200)

    def test_the_default_path_is_no_longer_special_when_a_custom_one_is_set(self):
        with scenario(HEALTH_CHECK_PATH="/healthz/"):
            self.assertEqual(
                Client(HTTP_HOST=TASK_IP_HOST).get("/api/health-check/").status_code, 400
            )

    def test_default_path_is_answered(self):
        with scenario(HEALTH_CHECK_PATH=None):
            self.assertEqual(
                Client(HTTP_HOST=TASK_IP_HOST).get("/api/health-check/").status_code, 200
            )

    def test_other_paths_still_validate_the_host(self):
        with scenario():
            self.assertEqual(Client(HTTP_HOST=TASK_IP_HOST).get("/api/posts/").status_code, 400)

    def test_health_check_over_plain_http_is_not_redirected_when_https(self):
        with scenario(HTTPS="1"):
            # The ALB's health check: plain HTTP, no X-Forwarded-Proto.
            self.assertEqual(
                Client(HTTP_HOST=TASK_IP_HOST).get("/api/health-check/").status_code, 200
            )
            response = Client(HTTP_HOST="api.example.com").get("/admin/")
            self.assertEqual(response.status_code, 301)
            self.assertEqual(response["Location"], "https://api.example.com/admin/")

    def test_the_url_route_follows_the_custom_path(self):
        with scenario(HEALTH_CHECK_PATH="/healthz/"):
            self.assertEqual(reverse("health-check"), "/healthz/")
            client = Client(HTTP_HOST="api.example.com", HTTP_X_FORWARDED_PROTO="https")
            # POST passes the middleware and reaches the view, which only allows GET/HEAD.
            self.assertEqual(client.post("/healthz/").status_code, 405)


class AdminLoginTests(TransactionTestCase):
    databases = {"default"}

    def setUp(self):
        from django.contrib.auth import get_user_model

        get_user_model().objects.create_superuser("admin", "admin@example.com", "a-long-password")

    @contextmanager
    def site(self, **env):
        with scenario(**env) as s:
            # The admin's templates link static files; S3 is not reachable here.
            local_static = {
                **s.STORAGES,
                "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
            }
            with override_settings(STORAGES=local_static):
                yield

    def log_in(self, client, origin):
        response = client.get("/admin/login/")
        self.assertEqual(response.status_code, 200)
        csrf_cookie = response.cookies["csrftoken"]
        response = client.post(
            "/admin/login/?next=/admin/",
            {
                "username": "admin",
                "password": "a-long-password",
                "csrfmiddlewaretoken": csrf_cookie.value,
                "next": "/admin/",
            },
            HTTP_ORIGIN=origin,
        )
        return csrf_cookie, response

    def test_admin_login_works_over_plain_http_on_the_alb_name(self):
        # DjangoEcsMinimal: no domain, so no CSRF_TRUSTED_ORIGINS.
        with self.site(HTTPS="0", ALLOWED_HOSTS=ALB_HOST, CSRF_TRUSTED_ORIGINS=""):
            client = Client(
                enforce_csrf_checks=True, HTTP_HOST=ALB_HOST, HTTP_X_FORWARDED_PROTO="http"
            )
            csrf_cookie, response = self.log_in(client, origin=f"http://{ALB_HOST}")
            self.assertEqual(response.status_code, 302, response.content[:500])
            self.assertEqual(response["Location"], "/admin/")
            # Django's test client would send Secure cookies over http; a browser would not.
            self.assertFalse(csrf_cookie["secure"])
            self.assertFalse(response.cookies["sessionid"]["secure"])
            self.assertEqual(client.get("/admin/").status_code, 200)

    def test_admin_login_over_https_sets_secure_cookies(self):
        with self.site(HTTPS="1"):
            client = Client(
                enforce_csrf_checks=True,
                HTTP_HOST="api.example.com",
                HTTP_X_FORWARDED_PROTO="https",
            )
            csrf_cookie, response = self.log_in(client, origin="https://api.example.com")
            self.assertEqual(response.status_code, 302, response.content[:500])
            self.assertTrue(csrf_cookie["secure"])
            self.assertTrue(response.cookies["sessionid"]["secure"])
            self.assertIn("max-age=31536000", client.get("/admin/")["Strict-Transport-Security"])

    def test_a_foreign_origin_is_refused(self):
        with self.site(HTTPS="0", ALLOWED_HOSTS=ALB_HOST, CSRF_TRUSTED_ORIGINS=""):
            client = Client(
                enforce_csrf_checks=True, HTTP_HOST=ALB_HOST, HTTP_X_FORWARDED_PROTO="http"
            )
            _, response = self.log_in(client, origin="http://evil.example.com")
            self.assertEqual(response.status_code, 403)


@mock.patch.dict(os.environ, AWS_TEST_CREDENTIALS)
class StorageUrlTests(SimpleTestCase):
    """URLs and upload parameters, without calling S3 (the manifest is given)."""

    def static_storage(self, **env):
        with scenario(**env), mock.patch(
            "backend.storage_backends.StaticStorage.read_manifest", return_value=MANIFEST
        ):
            return build_storage("staticfiles")

    def media_storage(self, **env):
        with scenario(**env):
            return build_storage("default")

    def assert_signed(self, url, path):
        parts = urlsplit(url)
        self.assertEqual(parts.scheme, "https")
        self.assertIn("amazonaws.com", parts.netloc)
        self.assertIn(parts.path, (f"/{path}", f"/{BUCKET}/{path}"))
        query = parse_qs(parts.query)
        self.assertIn("X-Amz-Signature", query)
        # The token must arrive intact: a "+" left unencoded would reach S3 as a space.
        self.assertEqual(query["X-Amz-Security-Token"], [AWS_TEST_CREDENTIALS["AWS_SESSION_TOKEN"]])

    def test_static_url_is_signed_and_hashed_without_assets_domain(self):
        self.assert_signed(self.static_storage().url("admin/css/base.css"), f"static/{HASHED_CSS}")

    def test_static_url_is_plain_on_the_assets_domain(self):
        storage = self.static_storage(ASSETS_DOMAIN="app.example.com")
        self.assertEqual(
            storage.url("admin/css/base.css"), f"https://app.example.com/static/{HASHED_CSS}"
        )

    def test_a_file_missing_from_the_manifest_is_hashed_from_the_bucket(self):
        storage = self.static_storage(ASSETS_DOMAIN="app.example.com")
        with mock.patch.object(storage, "exists", return_value=True), mock.patch.object(
            storage, "_open", return_value=ContentFile(b"body {}")
        ):
            url = storage.url("new/site.css")
        self.assertRegex(url, r"^https://app\.example\.com/static/new/site\.[0-9a-f]{12}\.css$")
        with mock.patch.object(storage, "exists", return_value=False), self.assertRaisesRegex(
            ValueError, "could not be found"
        ):
            storage.url("typo.css")

    def test_media_url_is_signed_without_media_domain(self):
        self.assert_signed(
            self.media_storage(ASSETS_DOMAIN="app.example.com").url("posts/a.jpg"),
            "media/posts/a.jpg",
        )

    def test_media_url_is_plain_on_the_media_domain(self):
        storage = self.media_storage(MEDIA_DOMAIN="media.example.com")
        self.assertEqual(storage.url("posts/a.jpg"), "https://media.example.com/media/posts/a.jpg")

    def test_only_hashed_static_files_are_cached_for_a_year(self):
        storage = self.static_storage()
        self.assertEqual(
            storage.get_object_parameters(f"static/{HASHED_CSS}"), {"CacheControl": IMMUTABLE}
        )
        for name in ("static/admin/css/base.css", "static/staticfiles.json"):
            with self.subTest(name=name):
                self.assertEqual(storage.get_object_parameters(name), {"CacheControl": "no-cache"})
        self.assertEqual(self.media_storage().get_object_parameters("media/posts/a.jpg"), {})


@unittest.skipIf(mock_aws is None, "moto is not installed")
@mock.patch.dict(os.environ, AWS_TEST_CREDENTIALS)
class CollectstaticTests(SimpleTestCase):
    """collectstatic --no-input into a mocked bucket, as the release step runs it."""

    def setUp(self):
        self.aws = mock_aws()
        self.aws.start()
        self.addCleanup(self.aws.stop)
        self.s3 = boto3.client("s3", region_name="eu-west-1")
        self.s3.create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}
        )

    def object(self, key):
        return self.s3.get_object(Bucket=BUCKET, Key=key)

    def test_collectstatic_writes_hashed_files_and_the_manifest(self):
        with scenario():  # no ASSETS_DOMAIN: the hardest case, signed URLs
            call_command("collectstatic", interactive=False, verbosity=0)
            manifest = json.loads(self.object("static/staticfiles.json")["Body"].read())
            hashed_css = manifest["paths"]["admin/css/base.css"]
            self.assertRegex(hashed_css, r"^admin/css/base\.[0-9a-f]{12}\.css$")

            self.assertEqual(self.object(f"static/{hashed_css}")["CacheControl"], IMMUTABLE)
            self.assertEqual(self.object("static/admin/css/base.css")["CacheControl"], "no-cache")
            self.assertEqual(self.object("static/staticfiles.json")["CacheControl"], "no-cache")

            css = self.object(f"static/{hashed_css}")["Body"].read().decode()
            self.assertRegex(css, r"url\(\"?\.\./img/icon-yes\.[0-9a-f]{12}\.svg")
            self.assertNotIn("X-Amz", css)  # no expiring signature written into the file

            # A second release step finds the manifest and files in place.
            call_command("collectstatic", interactive=False, verbosity=0)

            # A new process reads the manifest from the bucket and links the hashed name.
            url = build_storage("staticfiles").url("admin/css/base.css")
            self.assertEqual(urlsplit(url).path.rsplit("/", 1)[-1], hashed_css.rsplit("/", 1)[-1])
            self.assertIn("X-Amz-Signature", url)

    def test_a_site_served_through_cloudfront_links_hashed_names_on_its_domain(self):
        with scenario(ASSETS_DOMAIN="app.example.com"):
            call_command("collectstatic", interactive=False, verbosity=0)
            url = build_storage("staticfiles").url("admin/js/core.js")
            self.assertRegex(
                url, r"^https://app\.example\.com/static/admin/js/core\.[0-9a-f]{12}\.js$"
            )


if __name__ == "__main__":
    unittest.main()
