"""The JSON API, version 1 (mounted at /api/v1/; the schema is at /api/schema/)."""

from django.urls import path

from triggers import api

app_name = "api"

urlpatterns = [
    path("eligibility/", api.EligibilityView.as_view(), name="eligibility"),
    path("cases/", api.CaseListView.as_view(), name="case_list"),
    path("cases/<slug:area>/<str:reference>/", api.CaseDetailView.as_view(), name="case_detail"),
    path("applications/", api.ApplicationCreateView.as_view(), name="application_create"),
]
