"""The review stage's pages: the victim's part, the record and plan, the outcome and the
owner agencies' actions. triggers/urls.py includes them at the site root."""

from django.urls import path

from triggers.reviews import confirm, plan_response, views

CASE = "cases/<slug:area>/<str:reference>/"

urlpatterns = [
    path(f"{CASE}review/", views.record, name="case_review_record"),
    path(f"{CASE}review/victim/", views.involvement, name="case_review_involvement"),
    # Check before you commit (issue #17): each GET shows what the step does; POST confirms.
    path(f"{CASE}review/plan/comments/", plan_response.record_response, name="case_plan_response"),
    path(f"{CASE}review/plan/finalise/", confirm.finalise_plan, name="case_plan_finalise"),
    path(f"{CASE}review/outcome/", confirm.send_outcome, name="case_outcome_send"),
    path(
        f"{CASE}review/outcome/preview.pdf",
        confirm.outcome_letter_pdf,
        name="case_outcome_letter_preview",
    ),
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
