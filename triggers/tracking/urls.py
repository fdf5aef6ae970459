"""The applicant's private link: follow the case, read the letters. No account needed."""

from django.urls import path

from triggers.tracking import views

app_name = "track"

urlpatterns = [
    path("", views.case, name="case"),
    path("letters/<int:letter_id>/", views.letter, name="letter"),
    # Before the link itself, so that these words are never read as a token.
    path("review/", views.track_involvement, name="involvement"),
    path("review/plan/", views.track_plan, name="plan"),
    path("review/meeting.ics", views.meeting_calendar, name="meeting_calendar"),
    path("withdraw/", views.track_withdraw, name="withdraw"),
    path("<str:token>/", views.open_link, name="open"),
]
