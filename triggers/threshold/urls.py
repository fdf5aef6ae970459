"""The threshold stage's pages: acknowledging the application, the bodies' checks, and
recording the decision."""

from django.urls import path

from triggers.threshold import views

CASE = "cases/<slug:area>/<str:reference>/"

urlpatterns = [
    path(f"{CASE}acknowledge/", views.acknowledge, name="case_acknowledge"),
    path(f"{CASE}threshold/", views.decide_threshold, name="case_threshold"),
    path(
        f"{CASE}threshold/check/",
        views.decision_check,
        name="case_threshold_decision_check",
    ),
    path("checks/<int:check_id>/", views.threshold_check, name="threshold_check"),
    path(
        "checks/<int:check_id>/suggestions/",
        views.check_suggestion,
        name="threshold_check_suggestion",
    ),
]
