"""The JSON API, version 1 (mounted at /api/v1/; the schema is at /api/schema/)."""

from django.urls import path

from triggers.api import views

app_name = "api"

urlpatterns = [
    path("eligibility/", views.EligibilityView.as_view(), name="eligibility"),
    path("cases/", views.CaseListView.as_view(), name="case_list"),
    path("cases/<slug:area>/<str:reference>/", views.CaseDetailView.as_view(), name="case_detail"),
    path("applications/", views.ApplicationCreateView.as_view(), name="application_create"),
]
