"""Refuse a request body over MAX_REQUEST_BODY_BYTES before anything reads it.

gunicorn has no body limit, and Django's own limits count only the form fields
(DATA_UPLOAD_MAX_MEMORY_SIZE) and the number of files, not the bytes of the files, which it
streams to disk. Without this an upload of any size fills the disk and holds a worker. The
proxy in front (deploy/nginx.conf, client_max_body_size) refuses the same first; this is the
same rule where there is no proxy, or a proxy without it.

Only Content-Length is checked: Django reads no more than Content-Length bytes of a body, and
none at all without it (a chunked body reaches a view as empty).
"""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render


def declared_length(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0  # Django reads such a body as empty


def too_large(request):
    megabytes = settings.MAX_REQUEST_BODY_BYTES // (1024 * 1024)
    if request.path_info.startswith("/api/"):
        return JsonResponse(
            {"detail": f"The request is too large: send at most {megabytes} MB."}, status=413
        )
    return render(request, "413.html", {"megabytes": megabytes}, status=413)


class RequestSizeLimitMiddleware:
    """Placed before any middleware that could read the body (sessions, CSRF, the views)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if declared_length(request) > settings.MAX_REQUEST_BODY_BYTES:
            return too_large(request)
        return self.get_response(request)
