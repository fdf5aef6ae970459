"""The officer's case list and the case page, with what hangs off the case as a whole: its
letters, the subject access export and the applicant's private link."""

from django.urls import path

from triggers.cases import export, saved_filters, subject_access, views
from triggers.tracking import private_link

CASE = "cases/<slug:area>/<str:reference>/"

urlpatterns = [
    path("cases/", views.home, name="home"),
    path("cases/export.csv", export.export, name="case_list_export"),
    path("cases/saved-filters/new/", saved_filters.new, name="saved_filter_new"),
    path(
        "cases/saved-filters/<int:saved_filter_id>/",
        saved_filters.open_filter,
        name="saved_filter",
    ),
    path(
        "cases/saved-filters/<int:saved_filter_id>/delete/",
        saved_filters.delete,
        name="saved_filter_delete",
    ),
    path(CASE, views.case_detail, name="case_detail"),
    path(f"{CASE}letters/<int:letter_id>/", views.letter, name="case_letter"),
    path(f"{CASE}subject-access/", subject_access.subject_access, name="case_subject_access"),
    path(
        f"{CASE}subject-access/<slug:fmt>/",
        subject_access.subject_access_file,
        name="case_subject_access_file",
    ),
    path(f"{CASE}private-link/", private_link.private_link, name="case_private_link"),
]
