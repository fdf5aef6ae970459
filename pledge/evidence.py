"""Evidence from the portal: what its own data says about an area's answer to a question.

A registry of providers, one per `evidence_key` of the questionnaire: a function of
(area, today) that returns an `Evidence` (the suggested answer and the figure behind it), or
None when the portal has nothing to go on (no cases yet, say). The assessor sees the figure
and may answer otherwise, with a note.

To add a provider (keys named in the fixture without one simply get no pre-fill), write a
function of (area, today) returning an Evidence or None, decorated with @provider("key").

Providers read case data across the whole area: they run only for an area's own assessment.

A figure is kept in English, as the portal's data (each made from one of the FIGURES below,
outside any translation); `shown` puts a kept figure into the active language when a page
displays it (issue #19), and leaves a figure it does not recognise as it is.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.utils import formats, timezone, translation
from django.utils.translation import gettext, gettext_noop, ngettext, pgettext

from .scoring import NO, PARTLY, YES

# The share of cases that must meet a rule for the portal to suggest "yes"; from
# PARTLY_FROM up to that it suggests "partly"; below, "no". Our product decision.
ALL_CASES = Decimal(1)
PARTLY_FROM = Decimal("0.75")


@dataclass(frozen=True)
class Evidence:
    answer: str  # yes / partly / no
    figure: str  # the portal's figure behind the answer, shown to the assessor


Provider = Callable[[object, date], Evidence | None]
PROVIDERS: dict[str, Provider] = {}


def provider(key: str):
    def register(function: Provider) -> Provider:
        PROVIDERS[key] = function
        return function

    return register


def suggest(key: str, area, today: date | None = None) -> Evidence | None:
    """The portal's suggestion for `key` in `area`, or None (no provider, or no data).
    Its figure is in English whatever the page's language: `shown` translates it."""
    function = PROVIDERS.get(key)
    if function is None or area is None:
        return None
    with translation.override("en"):
        return function(area, today or timezone.localdate())


# --- Figures: kept in English, shown in the page's language ---------------------------------

THRESHOLD = gettext_noop("Threshold set to %(threshold)s complaints in 6 months; %(hate)s")
HATE_ROUTE = gettext_noop("hate incident %(hate)s")
NO_HATE_ROUTE = gettext_noop("no hate incident route")
SPOC = gettext_noop("Single point of contact: %(name)s, %(contact)s")
SPOC_PARTLY = gettext_noop("Single point of contact partly set: %(given)s")
NO_SPOC = gettext_noop("No single point of contact set in the area's settings")
NO_HOUSING = gettext_noop("No housing provider co-opted in the portal")
HOUSING = (
    gettext_noop("%(n)s housing provider co-opted: %(names)s"),
    gettext_noop("%(n)s housing providers co-opted: %(names)s"),
)
CHANNELS = gettext_noop("Applications in the last 12 months: %(counts)s")
BODIES = gettext_noop(
    "%(met)s of %(total)s applications in the last 12 months reached every relevant body "
    "(%(percent)s)"
)
TIMESCALES = gettext_noop(
    "Acknowledged in time: %(acknowledged)s of %(due)s; threshold decided in time: "
    "%(decided)s of %(decisions)s (last 12 months)"
)
VICTIMS = gettext_noop(
    "The victim chose how to take part before %(met)s of %(total)s reviews in the last 12 "
    "months (%(percent)s)"
)
PLANS = gettext_noop(
    "%(consulted)s of %(total)s action plans finalised in the last 12 months were put to the "
    "victim first; the victim commented on %(commented)s"
)
NOT_PUBLISHED = gettext_noop("No case review figures published through the portal")
PUBLISHED = gettext_noop("Figures for %(start)s to %(end)s published on %(on)s")
FIGURES = (THRESHOLD, SPOC, SPOC_PARTLY, NO_SPOC, NO_HOUSING, *HOUSING, CHANNELS, BODIES)
FIGURES += (TIMESCALES, VICTIMS, PLANS, NOT_PUBLISHED, PUBLISHED)

# How the figure of channels names each (Channel's label, lower case), in its own words.
CHANNEL_CONTEXT = "PLEDGE figure: a way of applying"
# The words as the catalogue holds them (msgctxt CHANNEL_CONTEXT): "online", "phone",
# "paper form", "in person", "agency referral".
CHANNEL_WORDS = ("online", "phone", "paper form", "in person", "agency referral")


def _pattern(template: str) -> re.Pattern:
    """A regular expression matching the English text the template makes."""
    parts = re.split(r"%\((\w+)\)s", template)
    pattern = "".join(
        re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)" for i, part in enumerate(parts)
    )
    return re.compile(f"^{pattern}$", re.S)


def shown(figure: str) -> str:
    """A kept (English) figure in the active language; one not recognised, as it is."""
    for template in FIGURES if figure else ():
        found = _pattern(template).match(figure)
        if found:
            return _translated(template, found.groupdict()) or figure
    return figure


def _translated(template: str, values: dict) -> str | None:
    if template == THRESHOLD:
        hate = _pattern(HATE_ROUTE).match(values["hate"])
        if hate:
            values["hate"] = gettext(HATE_ROUTE) % hate.groupdict()
        elif values["hate"] == NO_HATE_ROUTE:
            values["hate"] = gettext(NO_HATE_ROUTE)
        else:
            return None
    if template in HOUSING:
        return ngettext(*HOUSING, int(values["n"])) % values if values["n"].isdigit() else None
    if template == CHANNELS:
        values["counts"] = _channels(values["counts"])
    if template == PUBLISHED:
        values = {key: _date(value) for key, value in values.items()}
    return gettext(template) % values


def _channels(counts: str) -> str:
    shown_counts = []
    for item in counts.split(", "):
        word, _space, number = item.rpartition(" ")
        if word in CHANNEL_WORDS:
            word = pgettext(CHANNEL_CONTEXT, word)
        shown_counts.append(f"{word} {number}" if word else item)
    return ", ".join(shown_counts)


def _date(text: str) -> str:
    try:
        day = datetime.strptime(text, "%d %B %Y").date()
    except ValueError:
        return text
    return formats.date_format(day, "j F Y")


def answer_for_share(met: int, total: int) -> str:
    share = Decimal(met) / Decimal(total)
    if share >= ALL_CASES:
        return YES
    return PARTLY if share >= PARTLY_FROM else NO


def _year_before(today: date) -> date:
    """The first day of the last 12 months ending today."""
    return today - relativedelta(years=1) + relativedelta(days=1)


def _cases_in_year(area, today: date):
    from triggers.models import Case

    return Case.objects.filter(area=area, application_date__gte=_year_before(today))


# --- Providers ------------------------------------------------------------------------------


@provider("threshold_setting")
def threshold_setting(area, today):
    from agencies.models import STATUTORY_COMPLAINT_THRESHOLD

    hate = (
        HATE_ROUTE % {"hate": area.hate_incident_threshold}
        if area.hate_incident_threshold
        else NO_HATE_ROUTE
    )
    figure = THRESHOLD % {"threshold": area.complaint_threshold, "hate": hate}
    lawful = area.complaint_threshold <= STATUTORY_COMPLAINT_THRESHOLD
    return Evidence(YES if lawful else NO, figure)


@provider("single_point_of_contact")
def single_point_of_contact(area, today):
    contact = [v for v in (area.spoc_email, area.spoc_phone) if v]
    if area.spoc_name and contact:
        return Evidence(YES, SPOC % {"name": area.spoc_name, "contact": ", ".join(contact)})
    if area.spoc_name or contact:
        given = area.spoc_name or ", ".join(contact)
        return Evidence(PARTLY, SPOC_PARTLY % {"given": given})
    return Evidence(NO, NO_SPOC)


@provider("housing_co_opted")
def housing_co_opted(area, today):
    from agencies.models import AreaMembership

    names = list(
        area.memberships.filter(role=AreaMembership.Role.CO_OPTED_HOUSING)
        .order_by("agency__name")
        .values_list("agency__name", flat=True)
    )
    if not names:
        return Evidence(NO, NO_HOUSING)
    template = HOUSING[0] if len(names) == 1 else HOUSING[1]
    return Evidence(YES, template % {"n": len(names), "names": ", ".join(names)})


@provider("several_channels")
def several_channels(area, today):
    from triggers.models import Channel

    counts = Counter(_cases_in_year(area, today).values_list("channel", flat=True))
    if not counts:
        return None
    # Referrals by an agency are not a way for the public to apply.
    public = {c: n for c, n in counts.items() if c != Channel.AGENCY_REFERRAL}
    figure = CHANNELS % {
        "counts": ", ".join(f"{Channel(c).label.lower()} {n}" for c, n in sorted(counts.items()))
    }
    if len(public) >= 2:
        return Evidence(YES, figure)
    return Evidence(PARTLY, figure)


@provider("relevant_bodies_notified")
def relevant_bodies_notified(area, today):
    """Every application, "not met" ones included, must reach every relevant body on receipt
    (s104(3)(b)): the share of the year's applications passed to all of the area's bodies."""
    from agencies.models import AreaMembership

    bodies = set(
        area.memberships.filter(role=AreaMembership.Role.RELEVANT_BODY).values_list(
            "agency_id", flat=True
        )
    )
    case_ids = set(_cases_in_year(area, today).values_list("pk", flat=True))
    if not case_ids or not bodies:
        return None
    passed_to: dict[int, set[int]] = {c: set() for c in case_ids}
    for case_id, agency_id in _passed_on(case_ids):
        passed_to[case_id].add(agency_id)
    met = sum(1 for agencies in passed_to.values() if bodies <= agencies)
    total = len(case_ids)
    figure = BODIES % {"met": met, "total": total, "percent": _percent(met, total)}
    return Evidence(answer_for_share(met, len(case_ids)), figure)


def _passed_on(case_ids):
    """(case, body) pairs: the bodies each application was passed to on receipt."""
    from triggers.models import ThresholdCheck

    # Round 1 only: a body asked again after an appeal was not reached on receipt.
    return ThresholdCheck.objects.filter(case_id__in=case_ids, round=1).values_list(
        "case_id", "agency_id"
    )


@provider("timescales_met")
def timescales_met(area, today):
    acknowledged, decided = _acknowledgements(area, today), _threshold_decisions(area, today)
    if not acknowledged and not decided:
        return None
    met = sum(acknowledged) + sum(decided)
    total = len(acknowledged) + len(decided)
    figure = TIMESCALES % {
        "acknowledged": sum(acknowledged),
        "due": len(acknowledged),
        "decided": sum(decided),
        "decisions": len(decided),
    }
    return Evidence(answer_for_share(met, total), figure)


def _acknowledgements(area, today) -> list[bool]:
    """For each case of the year that is due or dealt with: was it taken on by its deadline?

    A case is taken on when it first leaves "submitted" (acknowledged, or decided at once).
    A case still waiting past its deadline counts as late; one not yet due is left out.
    """
    from triggers.models import CaseEvent
    from triggers.workflow import Status

    cases = _dealt_with(area, today).exclude(acknowledge_due__isnull=True)
    first_moves: dict[int, date] = {}
    events = CaseEvent.objects.filter(case__in=cases, from_status=Status.SUBMITTED).order_by("at")
    for case_id, at in events.values_list("case_id", "at"):
        first_moves.setdefault(case_id, timezone.localdate(at))
    return _in_time(cases.values_list("pk", "acknowledge_due"), first_moves, today)


def _threshold_decisions(area, today) -> list[bool]:
    from triggers.models import ThresholdDecision

    cases = _dealt_with(area, today).exclude(threshold_decision_due__isnull=True)
    first_decisions: dict[int, date] = {}
    decisions = ThresholdDecision.objects.filter(case__in=cases).order_by("decided_at")
    for case_id, at in decisions.values_list("case_id", "decided_at"):
        first_decisions.setdefault(case_id, timezone.localdate(at))
    return _in_time(cases.values_list("pk", "threshold_decision_due"), first_decisions, today)


def _dealt_with(area, today):
    """The year's applications, less those withdrawn (their deadlines stopped mattering)."""
    from triggers.workflow import Status

    return _cases_in_year(area, today).exclude(status=Status.WITHDRAWN)


def _in_time(deadlines, done_on: dict[int, date], today: date) -> list[bool]:
    results = []
    for case_id, due in deadlines:
        done = done_on.get(case_id)
        if done is not None:
            results.append(done <= due)
        elif due < today:
            results.append(False)
    return results


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%"


def _reviews_in_year(area, today: date):
    from triggers.models import ReviewRecord

    return ReviewRecord.objects.filter(area=area, recorded_at__date__gte=_year_before(today))


@provider("victims_invited")
def victims_invited(area, today):
    """A review counts when the victim's choice of how to take part was on record for its
    round: they were asked, and chose (to attend, write, send an advocate, or not at all)."""
    from django.db.models import Exists, OuterRef

    from triggers.models import VictimInvolvement

    chose = VictimInvolvement.objects.filter(case_id=OuterRef("case_id"), round=OuterRef("round"))
    reviews = list(
        _reviews_in_year(area, today).annotate(chose=Exists(chose)).values_list("chose", flat=True)
    )
    if not reviews:
        return None
    met = sum(reviews)
    figure = VICTIMS % {"met": met, "total": len(reviews), "percent": _percent(met, len(reviews))}
    return Evidence(answer_for_share(met, len(reviews)), figure)


@provider("victim_consulted_on_plan")
def victim_consulted_on_plan(area, today):
    """The portal finalises no plan before the victim has commented or the consultation has
    closed; the figure says how many plans were put to the victim and how many they answered."""
    from triggers.models import ReviewRecord

    responses = list(
        _reviews_in_year(area, today)
        .exclude(plan_finalised_at__isnull=True)
        .values_list("victim_response", flat=True)
    )
    if not responses:
        return None
    consulted = sum(1 for r in responses if r in ReviewRecord.VictimResponse.values)
    commented = responses.count(ReviewRecord.VictimResponse.COMMENTED)
    figure = PLANS % {"consulted": consulted, "total": len(responses), "commented": commented}
    return Evidence(answer_for_share(consulted, len(responses)), figure)


@provider("data_published")
def data_published(area, today):
    """The law asks for the figures at least every 12 months: published through the portal
    within the last year is a yes."""
    from figures.selectors import latest_publication

    publication = latest_publication(area)
    if publication is None:
        return Evidence(NO, NOT_PUBLISHED)
    on = timezone.localdate(publication.published_at)
    figure = PUBLISHED % {
        "start": f"{publication.period_start:%-d %B %Y}",
        "end": f"{publication.period_end:%-d %B %Y}",
        "on": f"{on:%-d %B %Y}",
    }
    return Evidence(YES if on >= _year_before(today) else NO, figure)
