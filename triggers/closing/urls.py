"""Closing and withdrawing a case; triggers/urls.py includes them at the site root (the
applicant's request to withdraw is on the private link: triggers/tracking/urls.py)."""

from django.urls import path

from triggers.closing import views

CASE = "cases/<slug:area>/<str:reference>/"

urlpatterns = [
    path(f"{CASE}close/", views.close, name="case_close"),
    path(f"{CASE}withdraw/", views.withdraw, name="case_withdraw"),
    path(f"{CASE}withdraw/check/", views.withdraw_check, name="case_withdraw_check"),
]
