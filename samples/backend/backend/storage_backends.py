"""The storage behind STORAGES["staticfiles"] in production (see backend/settings/production.py)."""
import re
from urllib.parse import urldefrag

from django.conf import settings
from storages.backends.s3 import S3ManifestStaticStorage, S3StaticStorage

# A name holding Django's content hash, "<root>.<12 hex digits><ext>":
# "admin/css/base.5af66c1b1797.css".
HASHED_NAME = re.compile(r"\.[0-9a-f]{12}(\.[^./]+)?$")


class StaticStorage(S3ManifestStaticStorage):
    """collectstatic's target, s3://<bucket>/static/: every file is also stored under a name that
    holds a hash of its content, staticfiles.json maps one to the other, and {% static %} links
    the hashed name. A new release therefore links new names, and nothing cached (CloudFront,
    browsers) can serve an old file in its place.

    What this adds to django-storages' S3ManifestStaticStorage:

    - Cache headers per file. Hashed names get the storage's object_parameters (the settings
      give them "public, max-age=31536000, immutable"). Every other name gets "no-cache":
      the original names (collectstatic still uploads them; DEBUG=1 links them; CSS may
      reference them by an absolute /static/ path) and staticfiles.json change content under
      the same name, so they must not be cached for a year.
    - Signed URLs that work (querystring_auth, when there is no ASSETS_DOMAIN). Django's
      HashedFilesMixin percent-decodes the URL it builds, which turns the %2B of the task
      role's session token into a "+" that S3 reads as a space: S3 would refuse every signed
      static URL. url() signs the hashed name itself instead.
    - No signatures inside files. collectstatic rewrites the url(...) references in CSS to
      hashed names, taking the last segment of the storage's URL. Signed, that segment carries
      a query string that changes with every signature, so the files never settle
      (collectstatic fails: "Max post-process passes exceeded"), and would expire an hour
      later anyway. Post-processing builds unsigned URLs.
    - manifest_strict = False, see below.
    """

    # What happens when {% static %} names a file missing from the loaded manifest.
    # Strict (Django's default) raises, and the page is a 500. Not strict, the file is looked up
    # and hashed from the bucket (two S3 requests per use), and only a file missing from the
    # bucket too raises ("could not be found"). We choose not strict: a process reads the
    # manifest once, when it first links a static file, so during a rolling deploy a process
    # of the old release doing that after the release step's collectstatic gets the NEW
    # manifest; a file that the new release renamed or removed is absent from it but still in
    # the bucket (collectstatic never deletes), and the old page keeps working instead of
    # failing. Typos still fail: such a file is in no manifest and not in the bucket.
    # (References in CSS to files that do not exist are another matter: they make
    # collectstatic itself fail, whatever manifest_strict says. That is wanted: the release
    # step fails and the deployment rolls back before any new task serves.)
    manifest_strict = False

    revalidate_cache_control = "no-cache"

    def get_object_parameters(self, name):
        params = super().get_object_parameters(name)
        if not HASHED_NAME.search(name):
            params["CacheControl"] = self.revalidate_cache_control
        return params

    def url(self, name, force=False):
        if not self.querystring_auth:
            return super().url(name, force)
        path, fragment = urldefrag(name)
        if path and not path.endswith("/") and (force or not settings.DEBUG):
            path = self.stored_name(path)
        url = S3StaticStorage.url(self, path)
        return f"{url}#{fragment}" if fragment else url

    def post_process(self, *args, **kwargs):
        signed, self.querystring_auth = self.querystring_auth, False
        try:
            yield from super().post_process(*args, **kwargs)
        finally:
            self.querystring_auth = signed
