from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_safe

from .models import Post


@require_safe
def health_check(request):
    """Liveness for the load balancer: no database or cache query, it is called very often.

    Routed at settings.HEALTH_CHECK_PATH. GET/HEAD requests are normally answered by
    HealthCheckMiddleware before they get here (see apps/core/middleware.py); this view keeps
    the URL routable and reversible.
    """
    return JsonResponse({"status": "ok"})


@require_safe
def index(request):
    """Send visitors of the API's root to the SPA when there is one, else to the admin."""
    return redirect(settings.FRONTEND_URL or "admin:index")


@require_safe
def post_list(request):
    """The latest posts, with the URL of their file (pre-signed S3 or CloudFront in production)."""
    posts = Post.objects.all()[:20]
    return JsonResponse(
        {
            "results": [
                {
                    "id": post.id,
                    "title": post.title,
                    "body": post.body,
                    "image": post.image.url if post.image else None,
                    "created_at": post.created_at.isoformat(),
                }
                for post in posts
            ]
        }
    )
