"""Staff recording an application made by phone, on paper, in person or by referral.

Views live in triggers/record_views.py. Mounted at /cases/new/, before the case pages, so
that "new" is never read as an area's slug.
"""

from django.urls import path

from triggers import record_views

app_name = "record"

urlpatterns = [
    path("", record_views.start, name="start"),
    path("who/", record_views.who, name="who"),
    path("on-behalf/", record_views.on_behalf, name="on_behalf"),
    path("reports/", record_views.complaints, name="complaints"),
    # One name, two addresses: without an id it adds a report, with an id it changes one.
    path("reports/add/", record_views.complaint, name="complaint"),
    path("reports/<slug:report>/change/", record_views.complaint, name="complaint"),
    path("reports/<slug:report>/remove/", record_views.complaint_remove, name="complaint_remove"),
    path("impact/", record_views.impact, name="impact"),
    path("contact/", record_views.contact, name="contact"),
    path("check/", record_views.check, name="check"),
    path("discard/", record_views.discard, name="discard"),
]
