from django.urls import path

from . import views

urlpatterns = [
    path("", views.log, name="audit_log"),
    path("export.csv", views.export, name="audit_export"),
]
