"""Writing audit rows. Everything else only reads them."""

from __future__ import annotations

from agencies.client_ip import client_ip

from .models import AccessRecord

APPLICANT = "applicant (private link)"
SYSTEM = "system"


def record(
    action: str,
    *,
    request=None,
    user=None,
    who: str = "",
    area_id: int | None = None,
    case_id: int | None = None,
    case_reference: str = "",
    url_name: str = "",
    object_type: str = "",
    object_id: str = "",
) -> AccessRecord:
    if user is None and request is not None and request.user.is_authenticated:
        user = request.user
    # A token request is recorded as its owner (ApiTokenMiddleware resolved it before the
    # view), with the token's name, so the owner can tell which of their tokens read what.
    token = getattr(request, "api_token", None) if request is not None else None
    return AccessRecord.objects.create(
        method=request.method if request is not None else "",
        api_token=token.name[:60] if token is not None else "",
        action=action,
        user=user,
        who=who or (user.email if user is not None else SYSTEM),
        area_id=area_id,
        case_id=case_id,
        case_reference=case_reference[:20],
        url_name=url_name[:120],
        object_type=object_type[:60],
        object_id=str(object_id)[:40],
        ip_address=(client_ip(request) or None) if request is not None else None,
    )
