"""Appeals to the Police and Crime Commissioner; config/urls.py includes them at /appeals/."""

from django.urls import path

from . import views

app_name = "appeals"

urlpatterns = [
    path("", views.appeal_list, name="list"),
    path("figures/", views.figures, name="figures"),
    path("track/", views.track_lodge, name="track_lodge"),
    path("<int:appeal_id>/", views.appeal_detail, name="detail"),
    path("<int:appeal_id>/decide/", views.decide, name="decide"),
    path("<int:appeal_id>/documents/<int:document_id>/", views.document, name="document"),
    path("cases/<slug:area>/<str:reference>/record/", views.record, name="record"),
]
