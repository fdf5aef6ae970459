"""The portal's URLs plus the bare view the pages are compared with."""

from django.http import HttpResponse
from django.urls import include, path


def bare(request):
    """What Django itself costs: the whole middleware stack, no database, "ok"."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("bench/bare/", bare, name="bench_bare"),
    path("", include("config.urls")),
]

handler404 = "config.views.page_not_found"
handler500 = "config.views.server_error"
