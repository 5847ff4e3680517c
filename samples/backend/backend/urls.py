from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from apps.core.views import health_check, index

urlpatterns = [
    # HEALTH_CHECK_PATH (default /api/health-check/): GET/HEAD are answered earlier by
    # HealthCheckMiddleware; this route keeps the URL reversible and answers other methods (405).
    path(settings.HEALTH_CHECK_PATH.removeprefix("/"), health_check, name="health-check"),
    path("", index, name="index"),
    path("api/", include("apps.core.urls")),
    path("admin/", admin.site.urls),
]

# Local development only: serve uploaded files from MEDIA_ROOT. static() returns no pattern
# when DEBUG is off or MEDIA_URL is absolute (S3/CloudFront), so production is unaffected.
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
