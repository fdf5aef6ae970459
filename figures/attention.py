"""The area admin's start page: what needs attention in their areas (issue #17).

It gathers what other pages already show, each as a panel with a link to the page where the
work is done: messages that could not be sent, letters waiting in the print queue, figures
falling due for publication (s104(10)), and cases past a deadline. It lives here because
figures sit above the case and the outbox."""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from agencies import access
from notifications.models import Message
from triggers.workflow import OPEN_STATUSES

from . import selectors

# Enough overdue cases to act on today; the case list has the rest.
OVERDUE_SHOWN = 10


@dataclass(frozen=True)
class Panels:
    failed_messages: int
    letters_to_post: int
    figures_due: list  # PublicationDue, soonest first
    overdue_cases: list
    overdue_count: int
    new_count: int


def panels_for(user) -> Panels:
    """Counts and the first few rows, in a fixed number of queries whatever the data."""
    today = timezone.localdate()
    areas = list(access.administered_areas_for(user))
    failed = Message.objects.filter(area__in=areas, status=Message.Status.FAILED).count()
    dues = sorted(
        (due for due in selectors.publication_dues(areas).values() if due.is_close(today)),
        key=lambda due: due.due,
    )
    cases = access.cases_for(user).filter(area__in=areas, status__in=OPEN_STATUSES)
    overdue = cases.filter(next_due__lt=today)
    first_overdue = overdue.select_related("area").order_by("next_due", "pk")[:OVERDUE_SHOWN]
    return Panels(
        failed_messages=failed,
        letters_to_post=access.letters_to_post_for(user).filter(area__in=areas).count(),
        figures_due=dues,
        overdue_cases=list(first_overdue),
        overdue_count=overdue.count(),
        new_count=cases.filter(status="submitted").count(),
    )


@login_required
def attention(request):
    if not access.has_role(request.user, access.Role.AREA_ADMIN):
        raise Http404
    home = reverse("home")
    return render(
        request,
        "figures/attention.html",
        {
            "panels": panels_for(request.user),
            "today": timezone.localdate(),
            "overdue_url": f"{home}?overdue=on&apply=1",
            "new_url": f"{home}?status=submitted&apply=1",
            "cases_url": f"{home}?cases=1",
        },
    )
