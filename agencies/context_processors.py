"""Values every page needs: the service name, phase and the signed-in user's areas."""

from django.conf import settings
from django.urls import reverse

from . import access


def portal(request):
    user = getattr(request, "user", None)
    areas, nav = [], []
    if user is not None and user.is_authenticated:
        areas = [a.name for a in access.case_areas_for(user).order_by("name")]
        nav = _navigation(user)
    return {
        "service_name": settings.SERVICE_NAME,
        "phase": settings.PHASE,
        "user_areas": areas,
        "navigation": nav,
    }


def _navigation(user) -> list[tuple[str, str]]:
    """The header links for the roles the user holds."""
    Role = access.Role
    links = [(reverse("home"), "Cases")]
    if access.has_role(user, Role.AGENCY_RESPONDER, Role.CASE_OFFICER, Role.AREA_ADMIN):
        links.append((reverse("inbox"), "Requests"))
    if access.has_role(user, Role.AREA_ADMIN):
        links.append((reverse("messages_failed"), "Messages not sent"))
    if access.has_role(user, Role.CASE_OFFICER, Role.AREA_ADMIN, Role.PCC_OFFICER):
        links.append((reverse("figures:dashboard"), "Figures"))
    return links
