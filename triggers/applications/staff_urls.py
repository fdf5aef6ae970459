"""Staff recording an application made by phone, on paper, in person or by referral.

Views live in staff_views.py beside it. Mounted at /cases/new/, before the case pages, so
that "new" is never read as an area's slug.
"""

from django.urls import path

from triggers.applications import staff_views

app_name = "record"

urlpatterns = [
    path("", staff_views.start, name="start"),
    path("who/", staff_views.who, name="who"),
    path("on-behalf/", staff_views.on_behalf, name="on_behalf"),
    path("on-behalf/contact/", staff_views.victim, name="victim"),
    path("reports/", staff_views.complaints, name="complaints"),
    # One name, two addresses: without an id it adds a report, with an id it changes one.
    path("reports/add/", staff_views.complaint, name="complaint"),
    path("reports/<slug:report>/change/", staff_views.complaint, name="complaint"),
    path("reports/<slug:report>/remove/", staff_views.complaint_remove, name="complaint_remove"),
    path("impact/", staff_views.impact, name="impact"),
    path("contact/", staff_views.contact, name="contact"),
    path("check/", staff_views.check, name="check"),
    path("discard/", staff_views.discard, name="discard"),
]
