"""The meeting stage's pages: scheduling the review meeting, cancelling it, and its pack."""

from django.urls import path

from triggers.meetings import views

CASE = "cases/<slug:area>/<str:reference>/"

urlpatterns = [
    path(f"{CASE}meeting/", views.schedule, name="case_meeting_schedule"),
    path(f"{CASE}meeting/cancel/", views.cancel, name="case_meeting_cancel"),
    path(f"{CASE}review/pack/", views.meeting_pack, name="case_review_pack"),
    path(
        "areas/<slug:area>/independent-chairs/",
        views.independent_chairs,
        name="area_independent_chairs",
    ),
]
