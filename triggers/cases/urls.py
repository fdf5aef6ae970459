"""The officer's case list and the case page, with what hangs off the case as a whole: its
letters, the subject access export and the applicant's private link."""

from django.urls import path

from triggers.applications import consent_views
from triggers.applications import staff_views as applications
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
    path(f"{CASE}letters/<int:letter_id>/view/", views.letter, name="case_letter_view"),
    path(f"{CASE}notes/new/", views.add_note, name="case_note_add"),
    path(f"{CASE}contacts/new/", views.add_note, {"kind": "contact"}, name="case_contact_add"),
    path(f"{CASE}hand-over/", views.hand_over, name="case_handover"),
    path(f"{CASE}meeting/calendar.ics", views.meeting_calendar, name="case_meeting_calendar"),
    path(f"{CASE}subject-access/", subject_access.subject_access, name="case_subject_access"),
    path(
        f"{CASE}subject-access/<slug:fmt>/",
        subject_access.subject_access_file,
        name="case_subject_access_file",
    ),
    path(f"{CASE}private-link/", private_link.private_link, name="case_private_link"),
    path(f"{CASE}victim/", applications.case_victim, name="case_victim"),
    path(f"{CASE}victim/consent/", consent_views.consent, name="case_victim_consent"),
    path(
        f"{CASE}victim/consent/check/",
        consent_views.consent_check,
        name="case_victim_consent_check",
    ),
]
