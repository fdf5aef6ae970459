"""The bodies' incident feeds: pages under /incidents/, the batch API under /api/v1/."""

from django.urls import path

from . import api, views

app_name = "incidents"

urlpatterns = [
    path("incidents/", views.feeds, name="feeds"),
    path("incidents/upload/", views.upload, name="upload"),
    path("incidents/feeds/<int:feed_id>/", views.feed_detail, name="feed_detail"),
    path("incidents/feeds/<int:feed_id>/columns/", views.feed_columns, name="feed_columns"),
    path("incidents/records/", views.records, name="records"),
    path("incidents/records/<int:record_id>/", views.record_detail, name="record_detail"),
    path("areas/<slug:area>/linking/", views.linking_model, name="linking_model"),
    path(
        "api/v1/incidents/<str:area>/records/",
        api.IncidentBatchView.as_view(),
        name="api_batch",
    ),
]
