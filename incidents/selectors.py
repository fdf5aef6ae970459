"""Who may read the bodies' incident records: the rule, starting from agencies.access.

A body's records are its own (issue #20). They are read by the officers of the area they were
sent to (the single point of contact, who links them across bodies to offer case reviews) and
by the responders of the body that sent them; never by another body, nor by another area: to
everyone else a record is simply not found (404). Every view and API endpoint of this app gets
records and feeds through these querysets only.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from agencies.access import _any, area_ids_for, has_role
from agencies.models import AreaMembership, RoleAssignment

from .models import IncidentFeed, IncidentRecord, LinkedPair

Role = RoleAssignment.Role
# The bodies that hold records the law lets the area ask for (s104, Sch 4 para 5 and 7).
INCIDENT_BODY_ROLES = (AreaMembership.Role.RELEVANT_BODY, AreaMembership.Role.CO_OPTED_HOUSING)


def _incident_filter(user) -> Q | None:
    clauses = []
    officer_areas = area_ids_for(user)
    if officer_areas:
        clauses.append(Q(area_id__in=officer_areas))
    if has_role(user, Role.AGENCY_RESPONDER) and getattr(user, "agency_id", None):
        clauses.append(Q(body_id=user.agency_id))
    return _any(clauses)


def records_for(user) -> QuerySet[IncidentRecord]:
    """Records the user may read: their areas' (officers), their own body's (responders)."""
    condition = _incident_filter(user)
    if condition is None:
        return IncidentRecord.objects.none()
    return IncidentRecord.objects.filter(condition).select_related("area", "body")


def feeds_for(user) -> QuerySet[IncidentFeed]:
    """Feeds (uploads and API batches) the user may read, by the same rule as the records."""
    condition = _incident_filter(user)
    if condition is None:
        return IncidentFeed.objects.none()
    return IncidentFeed.objects.filter(condition).select_related("area", "body")


def feed_targets_for(user) -> QuerySet[AreaMembership]:
    """Where the user may send their own body's records: areas in which their agency is a
    relevant body or a co-opted housing provider, when they respond for it, or are an officer
    of that area (a council's officers send the council's records)."""
    agency_id = getattr(user, "agency_id", None)
    if not agency_id or not getattr(user, "is_authenticated", False):
        return AreaMembership.objects.none()
    memberships = AreaMembership.objects.filter(agency_id=agency_id, role__in=INCIDENT_BODY_ROLES)
    if has_role(user, Role.AGENCY_RESPONDER):
        return memberships.select_related("area", "agency")
    return memberships.filter(area_id__in=area_ids_for(user)).select_related("area", "agency")


def pairs_of(records) -> list[LinkedPair]:
    """The scored pairs between the given records (the evidence that they are one person)."""
    ids = [r.pk for r in records]
    return list(
        LinkedPair.objects.filter(left_id__in=ids, right_id__in=ids).select_related(
            "left__body", "right__body"
        )
    )
