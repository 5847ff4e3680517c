from django.urls import path

from . import views

# Mounted under /api/ by backend/urls.py. The health check is routed there too, at
# settings.HEALTH_CHECK_PATH, which need not be under /api/.
urlpatterns = [
    path("posts/", views.post_list, name="post-list"),
]
