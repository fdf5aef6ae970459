"""Every page of the case, stage by stage; config/urls.py includes this at the site root."""

from django.urls import include, path

from triggers.applications import check
from triggers.cases.urls import urlpatterns as case_pages
from triggers.closing.urls import urlpatterns as closing_pages
from triggers.information.urls import urlpatterns as information_pages
from triggers.meetings.urls import urlpatterns as meeting_pages
from triggers.post.urls import urlpatterns as post_pages
from triggers.proactive.urls import urlpatterns as proactive_pages
from triggers.reviews.urls import urlpatterns as review_pages
from triggers.threshold.urls import urlpatterns as threshold_pages

urlpatterns = [
    # First: the public eligibility check is the busiest URL, and Django tries the patterns
    # in order (some 300 calls for the sixty stage pages before it). No other pattern here
    # starts with "api/", so the order changes no match.
    path("api/v1/", include("triggers.api.urls")),
    path("check/", check.check, name="check"),
    path("apply/", include("triggers.applications.urls")),
    path("track/", include("triggers.tracking.urls")),
    # Before the case pages, so that "new" is never read as an area's slug.
    path("cases/new/", include("triggers.applications.staff_urls")),
    *case_pages,
    *threshold_pages,
    *information_pages,
    *meeting_pages,
    *review_pages,
    *closing_pages,
    *post_pages,
    *proactive_pages,
]
