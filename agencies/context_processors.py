"""Values every page needs: the service name, phase and the signed-in user's areas."""

from django.conf import settings

from . import access


def portal(request):
    user = getattr(request, "user", None)
    areas = []
    if user is not None and user.is_authenticated:
        areas = [a.name for a in access.case_areas_for(user).order_by("name")]
    return {
        "service_name": settings.SERVICE_NAME,
        "phase": settings.PHASE,
        "user_areas": areas,
    }
