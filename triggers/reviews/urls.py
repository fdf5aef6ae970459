"""URLs of this part of the portal; config/urls.py includes them at the site root."""

from django.urls import path

from triggers import review_views

CASE = "cases/<slug:area>/<str:reference>/"

urlpatterns = [
    path(f"{CASE}review/", review_views.record, name="case_review_record"),
    path(f"{CASE}review/victim/", review_views.involvement, name="case_review_involvement"),
    path(f"{CASE}review/pack/", review_views.meeting_pack, name="case_review_pack"),
    path(f"{CASE}review/plan/finalise/", review_views.finalise_plan, name="case_plan_finalise"),
    path(f"{CASE}review/outcome/", review_views.send_outcome, name="case_outcome_send"),
    path(f"{CASE}close/", review_views.close, name="case_close"),
    path("actions/", review_views.action_list, name="actions"),
    path("actions/<int:action_id>/", review_views.action_detail, name="action_detail"),
]
