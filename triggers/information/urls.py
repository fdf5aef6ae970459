"""The information stage's pages: asking the bodies, and their inbox, requests and documents."""

from django.urls import path

from triggers.information import views

CASE = "cases/<slug:area>/<str:reference>/"

urlpatterns = [
    path(f"{CASE}notify/", views.notify_agencies, name="case_notify"),
    path("requests/", views.inbox, name="inbox"),
    path("requests/<int:request_id>/", views.request_detail, name="request_detail"),
    path("documents/<int:document_id>/", views.document, name="document"),
]
