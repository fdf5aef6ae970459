"""Where each member of staff starts their day (issue #17).

Sign-in sends everyone to the case list; people whose work is elsewhere are passed on to it,
unless they asked for the case list itself (``?cases=1``, or any filter or page of it).
It lives with the roles (agencies) so that both the home view and the header's "Cases" link
follow the one rule; the pages are looked up by name only, so nothing here imports the apps
above.
"""

from django.urls import reverse

from . import access

# The case list's own address, for the people who land somewhere else.
CASE_LIST_QUERY = "cases=1"


def landing_for(user) -> str | None:
    """The page this user's work starts on, or None for the case list.

    Officers work cases, so they stay on the list even when they also hold another role;
    among the rest the role with the most urgent work wins."""
    Role = access.Role
    if access.has_role(user, Role.CASE_OFFICER):
        return None
    if access.has_role(user, Role.AREA_ADMIN):
        return reverse("attention")
    if access.has_role(user, Role.PCC_OFFICER, Role.APPEAL_PANEL):
        return reverse("appeals:list")  # "Appeals to decide", due soonest first
    if access.has_role(user, Role.AGENCY_RESPONDER):
        return reverse("inbox")
    return None


def landing_redirect(request) -> str | None:
    """Where to send a request for the bare case list; None to show the list."""
    if request.GET:
        return None
    return landing_for(request.user)


def case_list_url(user) -> str:
    """The "Cases" link: explicit for those who would otherwise be passed on."""
    home = reverse("home")
    return f"{home}?{CASE_LIST_QUERY}" if landing_for(user) else home
