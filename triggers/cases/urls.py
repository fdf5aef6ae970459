"""The officer's case list and the case page, with what hangs off the case as a whole: its
letters, the subject access export and the applicant's private link."""

from django.urls import path

from triggers.applications import staff_views as applications
from triggers.cases import subject_access, views
from triggers.tracking import private_link

CASE = "cases/<slug:area>/<str:reference>/"

urlpatterns = [
    path("cases/", views.home, name="home"),
    path(CASE, views.case_detail, name="case_detail"),
    path(f"{CASE}letters/<int:letter_id>/", views.letter, name="case_letter"),
    path(f"{CASE}subject-access/", subject_access.subject_access, name="case_subject_access"),
    path(
        f"{CASE}subject-access/<slug:fmt>/",
        subject_access.subject_access_file,
        name="case_subject_access_file",
    ),
    path(f"{CASE}private-link/", private_link.private_link, name="case_private_link"),
    path(f"{CASE}victim/", applications.case_victim, name="case_victim"),
]
