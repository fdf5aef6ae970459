"""The public application journey (no sign-in). Views live in triggers/apply_views.py."""

from django.urls import path

from triggers import apply_views

app_name = "apply"

urlpatterns = [
    path("", apply_views.start, name="start"),
    path("who/", apply_views.who, name="who"),
    path("on-behalf/", apply_views.on_behalf, name="on_behalf"),
    path("reports/", apply_views.complaints, name="complaints"),
    # One name, two addresses: reverse("apply:complaint") adds a report, with an id changes it.
    path("reports/add/", apply_views.complaint, name="complaint"),
    path("reports/<slug:report>/change/", apply_views.complaint, name="complaint"),
    path("reports/<slug:report>/remove/", apply_views.complaint_remove, name="complaint_remove"),
    path("impact/", apply_views.impact, name="impact"),
    path("contact/", apply_views.contact, name="contact"),
    path("check/", apply_views.check, name="check"),
    path("done/", apply_views.done, name="done"),
]
