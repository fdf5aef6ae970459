"""How django-axes sees a sign-in attempt, and what a locked-out person is told."""

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext

from .forms import SignInForm


def attempted_email(request, credentials) -> str:
    """The account tried, spelt one way: "Officer@…" and "officer@…" are the same account."""
    source = credentials or getattr(request, "POST", {})
    return (source.get("username") or "").strip().lower()


def locked_out(request, response=None, credentials=None):
    """The sign-in page, with a message that says what happened and what to do."""
    minutes = round(settings.AXES_COOLOFF_TIME * 60)
    message = gettext(
        "You have entered the wrong password too many times, so signing in is locked for "
        "%(minutes)s minutes. Try again later, or ask your area admin for help."
    ) % {"minutes": minutes}
    return render(
        request,
        "agencies/signin.html",
        {"form": SignInForm(request), "lockout_message": message},
        status=429,
    )
