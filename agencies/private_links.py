"""What a private link opens: the applicant's or the victim's own case, with no account.

Part of `agencies.access` (which re-exports every name here, so callers keep using
`access.case_for_applicant`): split out only because access.py had grown past 450 lines.
"""

from __future__ import annotations

from django.apps import apps
from django.db.models import Q

APPLICANT_SESSION_KEY = "tracking_case"
# The hash of the link that opened the session: a replaced link ends the sessions it opened.
APPLICANT_LINK_KEY = "tracking_link"


def case_for_tracking_token(token: str):
    """The case a private link opens, or None. Only the token's hash is stored.

    The lookup is by the hash, and the hash is compared again in constant time, so neither
    the database index nor string comparison leaks how much of a guess was right.
    """
    import hashlib

    case_model = apps.get_model("triggers", "Case")
    if not token or len(token) > 100:
        return None
    digest = hashlib.sha256(token.encode()).hexdigest()
    # The applicant's link, or the victim's own (DOMAIN.md §5.9): `tracking_party` says whose.
    case = (
        case_model.objects.filter(
            Q(tracking_token_hash=digest, tracking_revoked=False)
            | Q(victim_tracking_token_hash=digest, victim_tracking_revoked=False)
        )
        .select_related("area")
        .first()
    )
    if case is None or tracking_party(case, digest) is None:
        return None
    return None if _link_expired(case) else case


def tracking_party(case, link_hash: str) -> str | None:
    """Whose private link `link_hash` is on this case: "applicant", "victim", or None when it
    is neither's (or theirs was switched off). Compared in constant time."""
    import hmac

    if not link_hash:
        return None
    if not case.tracking_revoked and hmac.compare_digest(case.tracking_token_hash, link_hash):
        return "applicant"
    victim_hash = case.victim_tracking_token_hash
    victim_open = bool(victim_hash) and not case.victim_tracking_revoked
    if victim_open and hmac.compare_digest(victim_hash, link_hash):
        return "victim"
    return None


def _link_expired(case) -> bool:
    """A private link lasts as long as the case is kept: its area's retention after closure."""
    if case.closed_at is None:
        return False
    from dateutil.relativedelta import relativedelta
    from django.utils import timezone

    return timezone.now() > case.closed_at + relativedelta(years=case.area.retention_years)


def case_for_applicant(request):
    """The case whose private link this browser session opened, or None."""
    case_id = request.session.get(APPLICANT_SESSION_KEY)
    if not case_id:
        return None
    case_model = apps.get_model("triggers", "Case")
    case = case_model.objects.filter(pk=case_id).select_related("area", "assigned_officer").first()
    if case is None or party_for_applicant(request, case) is None:
        return None
    return None if _link_expired(case) else case


def party_for_applicant(request, case) -> str | None:
    """Whose link opened this browser session: "applicant" or "victim" (a replaced or
    switched-off link ends the sessions it opened)."""
    return tracking_party(case, request.session.get(APPLICANT_LINK_KEY, ""))
