"""The portal's URLs plus the two bare views the pages are compared with."""

from django.http import HttpResponse
from django.urls import include, path

from agencies.access import area_ids_for
from audit import services as audit
from audit.models import AccessRecord


def bare(request):
    """What Django itself costs: the whole middleware stack, no database, "ok"."""
    return HttpResponse("ok", content_type="text/plain")


def signed_in(request):
    """What any staff case list costs before it reads a case: the session, the user and their
    second factor (read by the middleware for every signed-in request), their areas, and the
    access audit's row. No case, no template: "ok"."""
    areas = area_ids_for(request.user)
    audit.record(
        AccessRecord.Action.VIEW,
        request=request,
        url_name="bench_signed_in",
        object_type="case list",
        area_id=next(iter(areas)) if len(areas) == 1 else None,
    )
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("bench/bare/", bare, name="bench_bare"),
    path("bench/signed-in/", signed_in, name="bench_signed_in"),
    path("", include("config.urls")),
]

handler404 = "config.views.page_not_found"
handler500 = "config.views.server_error"
