"""The review stage's pages: the victim's part, the record and plan, the outcome and the
owner agencies' actions. triggers/urls.py includes them at the site root."""

from django.urls import path

from triggers.reviews import views

CASE = "cases/<slug:area>/<str:reference>/"

urlpatterns = [
    path(f"{CASE}review/", views.record, name="case_review_record"),
    path(f"{CASE}review/victim/", views.involvement, name="case_review_involvement"),
    path(f"{CASE}review/plan/finalise/", views.finalise_plan, name="case_plan_finalise"),
    path(f"{CASE}review/outcome/", views.send_outcome, name="case_outcome_send"),
    path("actions/", views.action_list, name="actions"),
    path("actions/<int:action_id>/", views.action_detail, name="action_detail"),
    path(
        "recommendations/<int:recommendation_id>/",
        views.recommendation_respond,
        name="recommendation_respond",
    ),
    # A named body's private link (single use, expiring; only its hash is kept).
    path("respond/<str:token>/", views.recommendation_answer, name="recommendation_answer"),
]
