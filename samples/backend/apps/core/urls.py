from django.urls import path

from . import views

# Mounted under /api/ by backend/urls.py.
urlpatterns = [
    path("health-check/", views.health_check, name="health-check"),
    path("posts/", views.post_list, name="post-list"),
]
