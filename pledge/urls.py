"""URLs of this part of the portal; config/urls.py includes them at /pledge/."""

from django.urls import path

from . import views

app_name = "pledge"

urlpatterns = [
    path("", views.home, name="home"),
    path("register/", views.register, name="register"),
    path("assessments/<int:assessment_id>/", views.assessment, name="assessment"),
    path("assessments/<int:assessment_id>/results/", views.results, name="results"),
    path("assessments/<int:assessment_id>/report.pdf", views.report, name="report"),
    path(
        "assessments/<int:assessment_id>/plan/<int:item_id>/",
        views.improvement,
        name="improvement",
    ),
    path("<str:kind>/<slug:slug>/", views.organisation, name="organisation"),
    path("<str:kind>/<slug:slug>/start/", views.start, name="start"),
    path("<str:kind>/<slug:slug>/sign/", views.sign, name="sign"),
]
