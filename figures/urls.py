"""URLs of this part of the portal; config/urls.py includes them at /figures/."""

from django.urls import path

from . import views

app_name = "figures"

urlpatterns = [
    path("", views.index, name="index"),
    # Staff pages come before the area pages, so their names are never read as an area's slug.
    path("dashboard/", views.dashboard_page, name="dashboard"),
    path("return.csv", views.figures_return, {"fmt": "csv"}, name="return_csv"),
    path("return.json", views.figures_return, {"fmt": "json"}, name="return_json"),
    path("<slug:area>/", views.area_page, name="area"),
    path("<slug:area>/figures.csv", views.area_csv, name="area_csv"),
    path("<slug:area>/figures.json", views.area_json, name="area_json"),
    path("<slug:area>/publish/", views.publish, name="publish"),
]
