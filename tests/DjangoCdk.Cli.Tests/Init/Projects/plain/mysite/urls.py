from django.contrib import admin
from django.urls import path, re_path

from reports import views

urlpatterns = [
    re_path(r"^healthz/?$", views.healthz),
    path('admin/', admin.site.urls),
]
