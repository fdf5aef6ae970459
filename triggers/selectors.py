"""Reads of case data, always starting from agencies.access so they are tenant-scoped."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import DateField, F, Q, QuerySet, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext

from agencies import access
from audit import context as audit_context
from triggers import selectors
from triggers.models import Case, CaseNote, Document, Letter, ReturnedReport
from triggers.models.case import DEADLINE_KEY
from triggers.models.letters import appeal_deadline
from triggers.workflow import OPEN_STATUSES, Status

# The case list's sortable columns, each with the direction it sorts in first (issue #17).
# Only these fields are ever ordered on: a sort asked for by URL is looked up here.
SORT_FIELDS = {
    "reference": "reference",
    "applicant": "applicant_name",
    "place": "applicant_postcode",
    "area": "area__name",
    "received": "received_at",
    "status": "status",
    "deadline": "next_due",
    "officer": "assigned_officer__full_name",
}
FIRST_DIRECTION = {"received": "desc"}
# Older links and saved searches named these.
SORT_ALIASES = {"newest": ("received", "desc"), "oldest": ("received", "asc")}
DIRECTIONS = ("asc", "desc")


@dataclass(frozen=True)
class CaseFilters:
    status: str = ""
    overdue: bool = False
    officer: str = ""  # "", "me", "none" or a user id
    area: str = ""  # an area slug, for users working in several
    show_closed: bool = False
    sort: str = "deadline"
    direction: str = ""  # "asc", "desc", or "" for the column's own first direction
    q: str = ""  # search words (triggers.search)

    def ordering(self) -> tuple[str, str]:
        """The column and direction the list is sorted by, from the whitelist."""
        if self.sort in SORT_ALIASES:
            return SORT_ALIASES[self.sort]
        column = self.sort if self.sort in SORT_FIELDS else "deadline"
        direction = self.direction if self.direction in DIRECTIONS else ""
        return column, direction or FIRST_DIRECTION.get(column, "asc")


def sort_key(column: str, direction: str):
    """The expression the list sorts by first. Empty values (no deadline, no officer) go
    last either way: a missing deadline counts as the latest date ascending, the earliest
    descending, so the key is never null and pages can continue from it (triggers/listing.py).
    The ascending deadline is exactly the indexed DEADLINE_KEY."""
    if column == "deadline":
        if direction == "asc":
            return DEADLINE_KEY
        return Coalesce(F("next_due"), Value(date.min), output_field=DateField())
    return F(SORT_FIELDS[column])


def order_by(cases: QuerySet[Case], filters: CaseFilters) -> QuerySet[Case]:
    column, direction = filters.ordering()
    cases = cases.annotate(list_key=sort_key(column, direction))
    key = F("list_key")
    # Then newest first, then the id, so that pages never share or skip a row.
    first = key.desc(nulls_last=True) if direction == "desc" else key.asc(nulls_last=True)
    if column != "officer":
        # Never null: a plain direction, as the indexes are built.
        first = key.desc() if direction == "desc" else key.asc()
    return cases.order_by(first, "-received_at", "-pk")


def case_list(user, filters: CaseFilters) -> QuerySet[Case]:
    """The cases a user may see, searched, filtered and sorted for the case list: a query on
    triggers_case alone (the counts shown are stored on the case, triggers/counts.py)."""
    from triggers import search

    today = timezone.localdate()
    cases = access.cases_for(user)
    if filters.q:
        cases = search.matching(user, cases, filters.q)
    if filters.status:
        cases = cases.filter(status=filters.status)
    elif not (filters.show_closed or filters.q):
        # A search looks through closed cases too: the person asking may be back.
        cases = cases.filter(status__in=OPEN_STATUSES)
    if filters.overdue:
        cases = cases.filter(Q(next_due__lt=today) | Q(open_return_due__lt=today))
    if filters.officer == "me":
        cases = cases.filter(assigned_officer=user)
    elif filters.officer == "none":
        cases = cases.filter(assigned_officer__isnull=True)
    elif filters.officer.isdigit():
        cases = cases.filter(assigned_officer_id=int(filters.officer))
    if filters.area:
        cases = cases.filter(area__slug=filters.area)
    return order_by(cases, filters).select_related("area", "assigned_officer")


def case_detail(user, area_slug: str, reference: str) -> Case:
    """One case the user may see, or Http404."""
    from django.shortcuts import get_object_or_404

    cases = access.cases_for(user).select_related("area", "assigned_officer", "recorded_by")
    case = get_object_or_404(cases, area__slug=area_slug, reference=reference)
    # The access audit names this case too: it need not read it again.
    audit_context.note_case(
        pk=case.pk, area_id=case.area_id, area_slug=case.area.slug, reference=case.reference
    )
    return case


def document_for(user, cases, document_id: int):
    """A document the user may download, or None: its case must be visible to them, and a
    responder may open only their own agency's documents."""

    found = (
        Document.objects.filter(pk=document_id, case__in=cases).select_related("case__area").first()
    )
    if found is None or not access.documents_for(user, found.case).filter(pk=found.pk).exists():
        return None
    return found


def chronology(
    case, *, include_returns: bool, agency_id: int | None = None, notes=()
) -> list[dict]:
    """Complaints from the application, reports from the returns and the case's notes and
    contacts, merged by date.

    A responder sees the application's complaints and their own agency's reports only; the
    caller passes the notes the reader may see (`notes_for`, or `shared_notes` for a pack).
    """

    entries = [
        {
            "date": c.incident_date,
            "source": gettext("Application"),
            "text": c.description,
            "detail": gettext("Reported %(day)s to %(to)s")
            % {
                "day": date_format(c.reported_date, "d M Y"),
                "to": c.reported_to_name or gettext("not said"),
            },
        }
        for c in case.complaints.select_related("reported_to")
    ]
    reports = ReturnedReport.objects.filter(information_return__request__case=case)
    if not include_returns:
        reports = reports.filter(information_return__request__agency_id=agency_id)
    entries += [
        {
            "date": r.reported_on,
            "source": r.information_return.request.agency.name,
            "text": r.summary,
            "detail": r.reference and gettext("Ref %(ref)s") % {"ref": r.reference},
        }
        for r in reports.select_related("information_return__request__agency")
    ]
    entries += [_note_entry(note) for note in notes]
    return sorted(entries, key=lambda e: e["date"])


def _note_entry(note: CaseNote) -> dict:
    name = note.written_by.full_name if note.written_by else gettext("former staff")
    written = gettext("Written by %(name)s") % {"name": name}
    if note.kind == CaseNote.Kind.CONTACT:
        how = f"{note.get_channel_display()}, {note.get_direction_display().split(':')[0]}"
        return {
            "date": note.contact_on,
            "source": gettext("Contact with %(name)s") % {"name": note.contact_with},
            "text": note.text,
            "detail": f"{how.lower()}. {written}",
            "private": not note.shared,
        }
    return {
        "date": timezone.localtime(note.written_at).date(),
        "source": gettext("Note"),
        "text": note.text,
        "detail": written,
        "private": not note.shared,
    }


def notes_for(user, case: Case) -> QuerySet[CaseNote]:
    """The case's notes this user may read: every note for the area's officers and admins,
    the shared ones for everyone else who may open the case. Never a private note outside
    the area's staff, in pages, packs or exports alike."""
    if access.can_work_on(user, case):
        return case.notes.select_related("written_by")
    return shared_notes(case)


def shared_notes(case: Case) -> QuerySet[CaseNote]:
    """The notes everyone working on the case reads, and the only ones a meeting pack holds."""
    return case.notes.filter(visibility=CaseNote.Visibility.SHARED).select_related("written_by")


@dataclass(frozen=True)
class Attention:
    """One thing waiting for the user, with where to deal with it."""

    count: int
    one: str
    many: str
    url: str

    @property
    def label(self) -> str:
        return f"{self.count} {ngettext(self.one, self.many, self.count)}"


def status_counts_for(user, area_id: int | None = None) -> dict[str, int]:
    """Cases per status over the user's own areas (officers and admins), or one of them,
    from the stored counters (triggers/counts.py)."""
    found: dict[str, int] = {}
    for (area, status), n in area_counts_for(user)[0].items():
        if area_id is None or area == area_id:
            found[status] = found.get(status, 0) + n
    return found


def area_counts_for(user, listed=None) -> tuple[dict, int, int | None]:
    """The case list's counts over the user's own areas (counts.area_counts), read once per
    request and kept on the user object; `listed` asks for that list's total too."""
    from triggers.counts import area_counts

    cached = getattr(user, "_area_counts", None)
    if cached is None or (listed is not None and cached[2] is None):
        areas = access.area_ids_for(user)
        cached = area_counts(areas, timezone.localdate(), listed) if areas else ({}, 0, None)
        user._area_counts = cached
    return cached


def needs_attention(user) -> list[Attention]:
    """What is waiting for this user now: a handful of counts, not one query per case."""

    from notifications.models import Message

    items = []
    # New applications from the areas' stored status counts, and their open cases past
    # their deadline, in one statement that never scans the areas' cases.
    counts = {
        "new": status_counts_for(user).get(Status.SUBMITTED, 0),
        "overdue": area_counts_for(user)[1],
    }
    home = reverse("home")
    if counts["new"]:
        items.append(
            Attention(
                counts["new"],
                "new application to acknowledge",
                "new applications to acknowledge",
                f"{home}?status=submitted&apply=1",
            )
        )
    if counts["overdue"]:
        items.append(
            Attention(
                counts["overdue"],
                "case past its deadline",
                "cases past their deadlines",
                f"{home}?overdue=on&apply=1",
            )
        )
    requests = access.information_requests_for(user).filter(status="requested")
    if access.has_role(user, access.Role.AGENCY_RESPONDER):
        to_check = (
            access.threshold_checks_for(user)
            .filter(agency_id=user.agency_id, status="requested")
            .count()
        )
        if to_check:
            items.append(
                Attention(
                    to_check,
                    "application to check against your records",
                    "applications to check against your records",
                    reverse("inbox"),
                )
            )
        waiting = requests.filter(agency_id=user.agency_id).count()
        if waiting:
            items.append(
                Attention(
                    waiting,
                    "request for your agency's information",
                    "requests for your agency's information",
                    reverse("inbox"),
                )
            )
    failed = Message.objects.filter(
        area__in=access.administered_areas_for(user), status=Message.Status.FAILED
    ).count()
    if failed:
        items.append(
            Attention(
                failed,
                "message that could not be sent",
                "messages that could not be sent",
                reverse("messages_failed"),
            )
        )
    return items


def officer_and_admins(case: Case):
    """The case's officer and the area's admins: whom the portal tells when the council must act."""
    from agencies.models import RoleAssignment, User

    people = {
        u.pk: u
        for u in User.objects.filter(
            is_active=True, roles__role=RoleAssignment.Role.AREA_ADMIN, roles__area=case.area_id
        )
    }
    if case.assigned_officer_id:
        people[case.assigned_officer_id] = case.assigned_officer
    return list(people.values())


def case_to_work_on(request, area, reference):
    """A case the user may change: officers and admins of its area. Others get 404."""
    case = selectors.case_detail(request.user, area, reference)
    if not access.can_work_on(request.user, case):
        raise Http404
    return case


def case_url(case) -> str:
    return reverse("case_detail", args=[case.area.slug, case.reference])


# --- The window to appeal (DOMAIN.md §3, §5.5) ----------------------------------------------

# The letter each appealable status answers: what an appeal lodged now would be against.
APPEALABLE_LETTER = {
    Status.THRESHOLD_NOT_MET: Letter.Kind.THRESHOLD_DECISION,
    Status.OUTCOME_SENT: Letter.Kind.OUTCOME,
    Status.ACTIONS_IN_PROGRESS: Letter.Kind.OUTCOME,
}


def appealable_letter(case: Case) -> Letter | None:
    """The latest letter of the decision the case's status stands on, if it is appealable."""
    kind = APPEALABLE_LETTER.get(case.status)
    if kind is None:
        return None
    return case.letters.filter(kind=kind).defer("pdf", "html").order_by("-sent_at").first()


def served_on(letter: Letter) -> date | None:
    """The day a letter counts as received (DOMAIN.md §5.8): the day it was emailed, or the
    second working day after it was posted; None while a copy waits to be posted or for an
    address, when no window runs from it yet."""
    if letter.awaiting_delivery:
        return None
    return letter.served_on or timezone.localtime(letter.sent_at).date()


def last_day_to_appeal(letter: Letter, area) -> date | None:
    """The last day to appeal `letter`, counted from the day it was served; None while it has
    not reached everyone it was written to (the window has not started)."""
    served = served_on(letter)
    return None if served is None else appeal_deadline(served, area)


def appeal_window_waits(case: Case) -> bool:
    """The case's appealable letter has not been served yet (a copy waits for the post): its
    window has not started, so nothing may treat it as over."""
    letter = appealable_letter(case)
    return letter is not None and letter.awaiting_delivery


def appeal_window_end(case: Case) -> date | None:
    """The last day the applicant may still appeal the case's letter, or None when there is
    nothing to appeal, that letter was already appealed (one appeal per decision), or it has
    not been served yet (see appeal_window_waits). Read from the case's own history, so the
    stages need not know the appeals app."""
    letter = appealable_letter(case)
    if letter is None:
        return None
    if case.events.filter(to_status=Status.APPEALED, at__gte=letter.sent_at).exists():
        return None
    return last_day_to_appeal(letter, case.area)
