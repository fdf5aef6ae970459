"""Values every page needs: the service name, phase, the signed-in user's areas, and whether
the header carries the staff's case search."""

from functools import cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import gettext, gettext_noop

from . import access, landing, public_pages
from .enrolment import is_platform_admin

# The service's default name, in the catalogue so that a Welsh page names it in Welsh.
DEFAULT_SERVICE_NAME = gettext_noop("ASB Case Review (Community Trigger)")

# Signing in is a staff page, but no place to search cases from.
SIGNING_IN = "signin"


def portal(request):
    user = getattr(request, "user", None)
    areas, nav = [], []
    # The language switch: on public pages where agencies.language allowed it; for staff, when
    # they work for an area in Wales (read with the areas the header names: no extra query).
    welsh_offered = getattr(request, "welsh_offered", False)
    public = public_pages.is_public(request)
    if user is not None and user.is_authenticated:
        found = access.case_areas_by_name(user)
        areas = [a.name for a in found]
        nav = _navigation(user)
        if not public:
            welsh_offered = any(a.in_wales for a in found)
    return {
        "service_name": gettext(settings.SERVICE_NAME),
        "phase": settings.PHASE,
        "user_areas": areas,
        "navigation": nav,
        "welsh_offered": welsh_offered,
        # Never on the public's pages (agencies.public_pages), even for staff looking at one.
        "header_search": bool(nav) and not public and not _signing_in(request),
    }


@cache
def _url_of(name: str, prefix: str, urlconf: str) -> str:
    return reverse(name, urlconf=urlconf)


def _url(name: str) -> str:
    """reverse(name), once a process for each script prefix and URLconf: the header's links
    are the same on every page, and a dozen look-ups a page were a cost of each (issue #18)."""
    return _url_of(name, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)


def _signing_in(request) -> bool:
    match = public_pages.match_of(request)
    return match is not None and (match.url_name or "").startswith(SIGNING_IN)


def _navigation(user) -> list[tuple[str, str]]:
    """The header links for the roles the user holds."""
    Role = access.Role
    # The service name leads each role to its start page; "Cases" always to the case list.
    links = [(landing.case_list_url(user), "Cases")]
    if access.has_role(user, Role.AGENCY_RESPONDER, Role.CASE_OFFICER, Role.AREA_ADMIN):
        links.append((_url("inbox"), "Requests"))
    if access.area_ids_for(user):
        links.append(_print_queue_link(user))
        # People the bodies' linked records show meeting the threshold (issue #20).
        links.append((_url("possible_reviews"), "Possible reviews"))
    if access.has_role(user, Role.AGENCY_RESPONDER, Role.CASE_OFFICER, Role.AREA_ADMIN):
        links.append((_url("incidents:feeds"), "Incident records"))
    if access.has_role(user, Role.AGENCY_RESPONDER):
        # The action plan's actions their agency owns (issue #17).
        links.append((_url("actions"), "Actions"))
    if access.has_role(user, Role.AREA_ADMIN):
        links.append((_url("messages_failed"), "Messages not sent"))
        links.append((_url("audit_log"), "Access audit"))
    # Council staff take the pledge as their area (admins only): no query for officers.
    if access.has_role(user, Role.AREA_ADMIN, Role.PCC_OFFICER) or (
        not access.area_ids_for(user) and access.pledge_agencies_for(user).exists()
    ):
        links.append((_url("pledge:home"), "PLEDGE"))
    if access.has_role(user, Role.PCC_OFFICER, Role.APPEAL_PANEL):
        links.append((_url("appeals:list"), "Appeals"))
    if access.has_role(user, Role.PCC_OFFICER):
        links.append((_url("appeals:figures"), "Appeal figures"))
    if access.has_role(user, Role.CASE_OFFICER, Role.AREA_ADMIN, Role.PCC_OFFICER):
        links.append((_url("figures:dashboard"), "Figures"))
    if access.has_role(user, Role.AREA_ADMIN):
        links.append((_url("enrolment_staff"), "Staff set-up links"))
    # Every member of staff may make tokens for themselves, and only for themselves.
    links.append((_url("api_tokens"), "API tokens"))
    if settings.DEBUG and is_platform_admin(user):
        links.append((_url("demo_mailbox"), "Demo mailbox"))
    return links


def _print_queue_link(user) -> tuple[str, str]:
    """Letters waiting to be posted (or for an address) in the user's areas, counted."""
    waiting = access.letters_to_post_for(user).count()
    return _url("print_queue"), f"Print queue ({waiting})" if waiting else "Print queue"
