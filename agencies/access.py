"""The one place that decides what a user may see.

Every view, API endpoint and selector gets case data through these querysets, so an object
outside them is simply not found (404), never "forbidden": we do not confirm that another
area's case exists. The table (ARCHITECTURE.md, "Tenancy and access"):

| role              | sees                                                             |
|-------------------|------------------------------------------------------------------|
| case officer      | every case of their own area(s)                                  |
| area admin        | every case of their own area(s), and the area's configuration   |
| agency responder  | every application of areas where their agency is a relevant body |
|                   | (from receipt, to check it), and cases with its requests/actions |
| review chair      | the cases they chair                                            |
| PCC officer       | cases of their force area with an appeal or PCC review their     |
|                   | office hears (read-only); every appeal of it in the figures     |
| appeal panel      | cases of their named area(s) whose appeal the area's independent |
|                   | panel hears (read-only)                                          |
| platform admin    | configuration, not case content                                 |

Models of later apps are looked up through the app registry, not imported, so that this
module stays at the bottom of the dependency order (agencies <- triggers <- appeals).
"""

from __future__ import annotations

from django.apps import apps
from django.db.models import Q, QuerySet

from .models import Area, AreaMembership, ForceArea, RoleAssignment

# Applicants have no account, only a private link: what it opens is decided in
# agencies/private_links.py, and asked here like everything else.
from .private_links import (  # noqa: F401 -- re-exported
    APPLICANT_LINK_KEY,
    APPLICANT_SESSION_KEY,
    case_for_applicant,
    case_for_tracking_token,
    party_for_applicant,
    tracking_party,
)

Role = RoleAssignment.Role
PCC_HEARS = Area.AppealBody.PCC_OFFICE
PANEL_HEARS = Area.AppealBody.INDEPENDENT_PANEL


def _roles(user) -> list[RoleAssignment]:
    """The user's role assignments, read once per request and kept on the user object."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    cached = getattr(user, "_role_cache", None)
    if cached is None:
        cached = list(RoleAssignment.objects.filter(user=user).select_related("area"))
        user._role_cache = cached
    return cached


def has_role(user, *roles: str) -> bool:
    return any(r.role in roles for r in _roles(user))


def area_ids_for(user, roles=RoleAssignment.AREA_ROLES) -> set[int]:
    """The areas where the user holds one of `roles` (case officer or area admin by default)."""
    return {r.area_id for r in _roles(user) if r.role in roles and r.area_id}


def areas_for(user) -> QuerySet[Area]:
    """Areas whose cases the user works on as an officer or admin."""
    return Area.objects.filter(pk__in=area_ids_for(user)).select_related("force_area")


def own_areas(user) -> list[Area]:
    """The same areas, by name, from the roles already read (no query)."""
    found = {r.area_id: r.area for r in _roles(user) if r.role in RoleAssignment.AREA_ROLES}
    return sorted((a for a in found.values() if a), key=lambda a: a.name)


def administered_areas_for(user) -> QuerySet[Area]:
    """Areas whose configuration and failed messages the user may manage."""
    return Area.objects.filter(pk__in=area_ids_for(user, roles=(Role.AREA_ADMIN,)))


def pcc_force_areas_for(user) -> QuerySet[ForceArea]:
    """Force areas whose appeals the user handles: the force area of their PCC office (the
    role first, so that nobody else's agency row is read)."""
    agency = getattr(user, "agency", None) if has_role(user, Role.PCC_OFFICER) else None
    if agency is None or agency.kind != "pcc_office":
        return ForceArea.objects.none()
    return ForceArea.objects.filter(pk=agency.force_area_id)


def _case_filter(user) -> Q | None:
    """A filter on Case for everything the user may see, or None when they may see nothing."""
    clauses = [c for c in [_officer_clause(user)] if c]
    if has_role(user, Role.AGENCY_RESPONDER) and user.agency_id:
        clauses.extend(_responder_clauses(user.agency_id))
    if has_role(user, Role.REVIEW_CHAIR):
        clauses.extend(_chair_clauses(user))
    if has_role(user, Role.PCC_OFFICER):
        clauses.extend(_pcc_clauses(user))
    if has_role(user, Role.APPEAL_PANEL):
        clauses.extend(_panel_clauses(user))
    return _any(clauses)


def _any(clauses: list[Q]) -> Q | None:
    """OR the clauses together; None when there are none (the user may see nothing)."""
    if not clauses:
        return None
    combined = clauses[0]
    for clause in clauses[1:]:
        combined |= clause
    return combined


def _model_exists(app_label: str, model_name: str) -> bool:
    try:
        apps.get_model(app_label, model_name)
    except LookupError:
        return False
    return True


def _responder_clauses(agency_id: int) -> list[Q]:
    clauses = []
    # Every application is passed on to every relevant body on receipt (s104(3)(b)), and to
    # each co-opted housing provider a complaint was reported to (our rule, see
    # triggers.threshold.checks.relevant_bodies): the body's threshold check, made with the
    # case, lets its responders see it from then on.
    if _model_exists("triggers", "ThresholdCheck"):
        clauses.append(Q(threshold_checks__agency_id=agency_id))
    if _model_exists("triggers", "InformationRequest"):
        clauses.append(Q(information_requests__agency_id=agency_id))
    if _model_exists("triggers", "Action"):
        clauses.append(Q(actions__owner_agency_id=agency_id))
    return clauses


def _chair_clauses(user) -> list[Q]:
    if _model_exists("triggers", "ReviewMeeting"):
        return [Q(review_meetings__chair=user)]
    return []


def _pcc_clauses(user) -> list[Q]:
    force_ids = list(pcc_force_areas_for(user).values_list("pk", flat=True))
    if not force_ids or not _model_exists("appeals", "Appeal"):
        return []
    return [Q(area__force_area_id__in=force_ids, appeals__body=PCC_HEARS)]


def panel_area_ids_for(user) -> set[int]:
    """The areas whose appeals the user hears as an independent appeal panel member."""
    return area_ids_for(user, roles=(Role.APPEAL_PANEL,))


def _panel_clauses(user) -> list[Q]:
    areas = panel_area_ids_for(user)
    if not areas or not _model_exists("appeals", "Appeal"):
        return []
    return [Q(area_id__in=areas, appeals__body=PANEL_HEARS)]


def cases_for(user) -> QuerySet:
    """Every case the user may see. Start every read of case data here."""
    case_model = apps.get_model("triggers", "Case")
    condition = _case_filter(user)
    if condition is None:
        return case_model.objects.none()
    if sees_by_area_only(user):
        # Officers and admins only: a direct area filter, which the list's indexes serve.
        return case_model.objects.filter(condition)
    ids = case_model.objects.filter(condition).values("pk")
    # Filtering on the ids keeps the outer query free of joins that would repeat rows.
    return case_model.objects.filter(pk__in=ids)


def sees_by_area_only(user) -> bool:
    """The user's cases are exactly those of their areas (officers, admins, nothing else)."""
    officer = _officer_clause(user)
    return officer is not None and _case_filter(user) == officer


def _officer_clause(user) -> Q | None:
    return Q(area_id__in=area_ids_for(user)) if area_ids_for(user) else None


def case_areas_for(user) -> QuerySet[Area]:
    """Areas the user works in, including through a responder's or PCC officer's agency."""
    ids = set(area_ids_for(user)) | panel_area_ids_for(user)
    if has_role(user, Role.AGENCY_RESPONDER) and getattr(user, "agency_id", None):
        found = AreaMembership.objects.filter(agency_id=user.agency_id)  # not the agency row
        ids |= set(found.values_list("area_id", flat=True))
    force_ids = pcc_force_areas_for(user).values_list("pk", flat=True)
    return Area.objects.filter(Q(pk__in=ids) | Q(force_area_id__in=force_ids)).distinct()


def case_areas_by_name(user) -> list[Area]:
    """case_areas_for, as a list by name. An officer's or admin's are their roles' areas,
    already read with the roles: no query (issue #18)."""
    if has_role(user, Role.AGENCY_RESPONDER, Role.PCC_OFFICER, Role.APPEAL_PANEL):
        return list(case_areas_for(user).order_by("name"))
    return own_areas(user)


def member_areas_for(user) -> QuerySet[Area]:
    """Every area the user belongs to: where they hold a role, where their agency is a member,
    and their PCC office's force area. Their areas' policies (API token lifetime) apply to
    them, and those areas' admins may send them a set-up link for their second factor."""
    agency_id = getattr(user, "agency_id", None)
    clause = Q(pk__in=case_areas_for(user).values("pk"))
    if agency_id and _roles(user):
        clause |= Q(memberships__agency_id=agency_id)
    return Area.objects.filter(clause).distinct()


def can_work_on(user, case) -> bool:
    """May the user change this case (officers and admins of its area only)."""
    return case.area_id in area_ids_for(user)


# --- Partner agencies' information requests ------------------------------------------------


def _agency_or_areas(user, model_name: str, agency_field: str = "agency_id") -> QuerySet:
    """Rows of `model_name` the user may open: their own agency's (responders), or every row
    of their areas (officers and admins). Another agency's row is not found."""
    model = apps.get_model("triggers", model_name)
    clauses = []
    officer_areas = area_ids_for(user)
    if officer_areas:
        clauses.append(Q(area_id__in=officer_areas))
    if has_role(user, Role.AGENCY_RESPONDER) and user.agency_id:
        clauses.append(Q(**{agency_field: user.agency_id}))
    condition = _any(clauses)
    return model.objects.filter(condition) if condition else model.objects.none()


def information_requests_for(user) -> QuerySet:
    """Requests the user may open: their agency's (responders), or their areas' (officers)."""
    return _agency_or_areas(user, "InformationRequest")


def threshold_checks_for(user) -> QuerySet:
    """Threshold checks the user may open: their agency's (responders), or their areas'."""
    return _agency_or_areas(user, "ThresholdCheck")


def sees_every_return(user, case) -> bool:
    """Officers of the area, the case's chair and PCC staff see every agency's return;
    a responder sees only their own agency's (ARCHITECTURE.md, tenancy)."""
    if can_work_on(user, case):
        return True
    chairs_it = (
        has_role(user, Role.REVIEW_CHAIR)
        and _model_exists("triggers", "ReviewMeeting")
        and case.review_meetings.filter(chair=user).exists()
    )
    if chairs_it or case.area_id in panel_area_ids_for(user):
        return True
    return pcc_force_areas_for(user).filter(pk=case.area.force_area_id).exists()


def sees_contact_details(user, case) -> bool:
    """The partner view: who sees the email and phone of the people in a case, and the
    letters addressed to them. Officers of the area, the case's chair and PCC staff do;
    partner agencies see names, addresses and postcodes only, to find the people in their own
    records (ARCHITECTURE.md, Tenancy). triggers/people.py applies it to pages, the API,
    letters and packs alike."""
    return sees_every_return(user, case)


def documents_for(user, case) -> QuerySet:
    """Documents of a case the user may download."""
    documents = case.documents.all()
    if sees_every_return(user, case):
        return documents
    agency_id = getattr(user, "agency_id", None)
    return (
        documents.filter(information_request__agency_id=agency_id)
        if agency_id
        else documents.none()
    )


# --- The PLEDGE self-assessment -----------------------------------------------------------
# A council's organisation is its area (its area admins assess); a partner's is its agency
# (its staff assess). PCC officers read, never write, those of their force area.


def pledge_areas_for(user, *, read: bool = False) -> QuerySet[Area]:
    """Areas whose PLEDGE the user assesses (area admins), or with `read`, may also read."""
    clause = Q(pk__in=area_ids_for(user, roles=(Role.AREA_ADMIN,)))
    if read:
        clause |= Q(force_area__in=pcc_force_areas_for(user))
    return Area.objects.filter(clause)


def pledge_agencies_for(user, *, read: bool = False) -> QuerySet:
    """Partner agencies whose PLEDGE the user assesses (their own, if they hold a role there),
    or with `read`, may also read. Councils take the pledge as their area, not as an agency."""
    from .models import Agency

    clauses = []
    agency_id = getattr(user, "agency_id", None)
    if agency_id and _roles(user):
        clauses.append(Q(pk=agency_id))
    if read:
        clauses.append(Q(force_area__in=pcc_force_areas_for(user)))
    condition = _any(clauses)
    if condition is None:
        return Agency.objects.none()
    return Agency.objects.filter(condition).exclude(kind=Agency.Kind.COUNCIL)


def assessments_for(user, *, read: bool = True) -> QuerySet:
    """PLEDGE assessments the user may read (default) or, with read=False, fill in and sign."""
    assessment_model = apps.get_model("pledge", "Assessment")
    areas = pledge_areas_for(user, read=read).values("pk")
    agencies = pledge_agencies_for(user, read=read).values("pk")
    return assessment_model.objects.filter(Q(area__in=areas) | Q(agency__in=agencies))


# --- The review: meeting pack and action plan ----------------------------------------------


def actions_for(user) -> QuerySet:
    """Actions the user may open and update: their own agency's (responders), or every action
    of their areas' cases (officers and admins). Another agency's action is not found."""
    return _agency_or_areas(user, "Action", "owner_agency_id")


def recommendations_for(user) -> QuerySet:
    """Recommendations the user may answer or read: those to their own agency (responders),
    or every recommendation of their areas' cases (officers and admins). A recommendation to
    a named body outside the membership is answered through its private link instead."""
    return _agency_or_areas(user, "Recommendation")


def letters_to_post_for(user, area=None) -> QuerySet:
    """Copies of letters waiting in a print queue (to be posted, or for an address) that the
    user may see: those of their areas, for officers and admins only (DOMAIN.md §5.8)."""
    delivery_model = apps.get_model("triggers", "LetterDelivery")
    ids = area_ids_for(user)
    if area is not None:
        ids &= {area.pk}
    return delivery_model.objects.filter(area_id__in=ids, status__in=("queued", "cannot_send"))


def may_read_meeting_pack(user, case, meeting) -> bool:
    """The meeting pack is for the people invited: the area's officers, the meeting's chair,
    and responders of the agencies invited to it (who can already see the case)."""
    if can_work_on(user, case):
        return True
    if meeting is None:
        return False
    if meeting.chair_id == user.pk:
        return True
    return bool(
        has_role(user, Role.AGENCY_RESPONDER)
        and user.agency_id
        and meeting.invited_agencies.filter(pk=user.agency_id).exists()
    )


# --- Appeals: the PCC's office or the area's independent panel (DOMAIN.md §5.7) -------------


def appeals_for(user) -> QuerySet:
    """Appeals the user may open: those their PCC office hears, from every area of its force
    area (PCC officers; PCC reviews always); those the independent panel of their named area
    hears (panel members); or every appeal of their own areas (the council's officers and
    admins, who must answer what the body decides)."""
    appeal_model = apps.get_model("appeals", "Appeal")
    clauses = []
    officer_areas = area_ids_for(user)
    if officer_areas:
        clauses.append(Q(area_id__in=officer_areas))
    force_ids = list(pcc_force_areas_for(user).values_list("pk", flat=True))
    if force_ids:
        clauses.append(Q(area__force_area_id__in=force_ids, body=PCC_HEARS))
    panel_areas = panel_area_ids_for(user)
    if panel_areas:
        clauses.append(Q(area_id__in=panel_areas, body=PANEL_HEARS))
    condition = _any(clauses)
    if condition is None:
        return appeal_model.objects.none()
    return appeal_model.objects.filter(condition)


def appeal_figures_for(user) -> QuerySet:
    """Appeals the user's figures count: every appeal of their force area, whoever heard it
    (PCC officers), or of their own areas. Counts only, never an appeal's content."""
    appeal_model = apps.get_model("appeals", "Appeal")
    force_ids = pcc_force_areas_for(user).values_list("pk", flat=True)
    return appeal_model.objects.filter(
        Q(area_id__in=area_ids_for(user)) | Q(area__force_area_id__in=force_ids)
    )


def decides_appeal(user, appeal) -> bool:
    """May the user decide this appeal: a PCC officer of its force area when the PCC's office
    hears it, a panel member named for its area when the area's independent panel does."""
    if appeal.body == PANEL_HEARS:
        return appeal.area_id in panel_area_ids_for(user)
    return pcc_force_areas_for(user).filter(pk=appeal.case.area.force_area_id).exists()


# --- Figures (statutory counts, timeliness) -------------------------------------------------


def figures_areas_for(user) -> QuerySet[Area]:
    """Areas whose figures the user may watch: their own (case officers, area admins), and
    every area of their force area (PCC officers). Counts only, never case content."""
    force_ids = pcc_force_areas_for(user).values_list("pk", flat=True)
    return Area.objects.filter(
        Q(pk__in=area_ids_for(user)) | Q(force_area_id__in=force_ids)
    ).select_related("force_area")
