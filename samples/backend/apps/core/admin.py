from django.contrib import admin

from .models import Post


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    list_display = ("title", "created_at", "image")
    search_fields = ("title", "body")
    readonly_fields = ("created_at",)
