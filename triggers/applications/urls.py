"""The public application journey (no sign-in). Views live in views.py beside it."""

from django.urls import path

from triggers.applications import views

app_name = "apply"

urlpatterns = [
    path("", views.start, name="start"),
    path("who/", views.who, name="who"),
    path("on-behalf/", views.on_behalf, name="on_behalf"),
    path("on-behalf/contact/", views.victim, name="victim"),
    path("reports/", views.complaints, name="complaints"),
    # One name, two addresses: reverse("apply:complaint") adds a report, with an id changes it.
    path("reports/add/", views.complaint, name="complaint"),
    path("reports/<slug:report>/change/", views.complaint, name="complaint"),
    path("reports/<slug:report>/remove/", views.complaint_remove, name="complaint_remove"),
    path("impact/", views.impact, name="impact"),
    path("contact/", views.contact, name="contact"),
    path("check/", views.check, name="check"),
    path("done/", views.done, name="done"),
]
