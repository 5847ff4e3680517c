from django.conf import settings
from django.http import JsonResponse


class HealthCheckMiddleware:
    """Answer the load balancer's health checks before Django validates the Host header.

    The ALB sends its health checks straight to each task, with the task's private IP address
    as the Host header (e.g. "10.0.3.17:8000"). That address is not in ALLOWED_HOSTS and
    changes with every task, so the first middleware that calls request.get_host()
    (CommonMiddleware, CSRF, ...) would reject the check with a 400 and the ALB would mark
    every healthy task as unhealthy. This middleware is first in MIDDLEWARE and answers
    before any of them (and before SecurityMiddleware's HTTPS redirect: the ALB checks over
    plain HTTP), without touching the database (the check runs every few seconds).

    The path is settings.HEALTH_CHECK_PATH (the HEALTH_CHECK_PATH variable, default
    /api/health-check/), with or without its trailing slash. Only GET/HEAD are short-circuited;
    the same URL is still routed to apps.core.views.health_check for everything else.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        path = settings.HEALTH_CHECK_PATH
        bare = path.rstrip("/")
        self.paths = {path, bare, bare + "/"} - {""}

    def __call__(self, request):
        # request.path and request.method do not validate the host; request.get_host() would.
        if request.method in ("GET", "HEAD") and request.path in self.paths:
            return JsonResponse({"status": "ok"})
        return self.get_response(request)
