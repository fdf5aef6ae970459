"""Possible case reviews: the officer's list and each one's evidence and next steps."""

from django.urls import path

from triggers.proactive import views

ONE = "possible-reviews/<int:possible_review_id>/"

urlpatterns = [
    path("possible-reviews/", views.possible_reviews, name="possible_reviews"),
    path(ONE, views.possible_review, name="possible_review"),
    path(f"{ONE}offer/", views.offer, name="possible_review_offer"),
    path(f"{ONE}dismiss/", views.dismiss, name="possible_review_dismiss"),
    path(f"{ONE}start/", views.start, name="possible_review_start"),
    path(f"{ONE}letter/", views.letter, name="possible_review_letter"),
]
