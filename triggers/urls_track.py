"""The applicant's private link: follow the case, read the letters. No account needed."""

from django.urls import path

from . import track_views

app_name = "track"

urlpatterns = [
    path("", track_views.case, name="case"),
    path("letters/<int:letter_id>/", track_views.letter, name="letter"),
    path("<str:token>/", track_views.open_link, name="open"),
]
