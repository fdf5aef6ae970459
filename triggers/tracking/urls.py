"""The applicant's private link: follow the case, read the letters. No account needed."""

from django.urls import path

from triggers import review_views, track_views

app_name = "track"

urlpatterns = [
    path("", track_views.case, name="case"),
    path("letters/<int:letter_id>/", track_views.letter, name="letter"),
    # Before the link itself, so that these words are never read as a token.
    path("review/", review_views.track_involvement, name="involvement"),
    path("review/plan/", review_views.track_plan, name="plan"),
    path("<str:token>/", track_views.open_link, name="open"),
]
