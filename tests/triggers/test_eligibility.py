"""The eligibility engine (DOMAIN.md §4): each rule, each worked example, then the properties."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from triggers.eligibility import (
    ROUTE_COMPLAINTS,
    ROUTE_HATE_INCIDENT,
    ROUTE_NOT_MET,
    Complaint,
    Decision,
    InvalidPolicy,
    Policy,
    _rejection,
    assess,
    explain,
    format_date,
)

TODAY = date(2026, 11, 20)
MERSEYSIDE = Policy(complaint_threshold=3, hate_incident_threshold=1)
STATUTORY = Policy()


def complaint(incident_on: date, reported_on: date | None = None, **fields) -> Complaint:
    return Complaint(incident_date=incident_on, reported_date=reported_on or incident_on, **fields)


def one(c: Complaint, application: date, today: date = TODAY, policy: Policy = STATUTORY):
    """The finding for a single complaint."""
    return assess(policy, [c], application, today).complaints[0]


def in_time(day: int, **fields) -> Complaint:
    """A complaint that qualifies for an application on TODAY (September 2026)."""
    return complaint(date(2026, 9, day), date(2026, 9, day + 1), **fields)


# --- Policy ------------------------------------------------------------------------------------


def test_the_default_policy_is_the_statutory_three_with_no_hate_route():
    assert (STATUTORY.complaint_threshold, STATUTORY.hate_incident_threshold) == (3, None)


@pytest.mark.parametrize("threshold", [1, 2, 3])
def test_a_threshold_of_three_or_lower_is_lawful(threshold):
    assert Policy(complaint_threshold=threshold).complaint_threshold == threshold


@pytest.mark.parametrize("threshold", [4, 5, 100, 0, -1, True, False, 2.5, "3", None])
def test_a_threshold_above_three_or_below_one_is_refused(threshold):
    with pytest.raises(InvalidPolicy):
        Policy(complaint_threshold=threshold)


@pytest.mark.parametrize("hate", [0, -1, True, 1.0, "1"])
def test_a_hate_incident_threshold_must_be_at_least_one(hate):
    with pytest.raises(InvalidPolicy):
        Policy(hate_incident_threshold=hate)


def test_an_invalid_policy_is_a_value_error():
    assert issubclass(InvalidPolicy, ValueError)
    with pytest.raises(ValueError, match="never a higher one"):
        Policy(complaint_threshold=5)


@given(st.integers().filter(lambda n: not 1 <= n <= 3))
def test_any_threshold_outside_one_to_three_is_refused(threshold):
    with pytest.raises(InvalidPolicy):
        Policy(complaint_threshold=threshold)


@given(st.integers(max_value=0))
def test_any_hate_threshold_below_one_is_refused(hate):
    with pytest.raises(InvalidPolicy):
        Policy(hate_incident_threshold=hate)


def test_complaint_defaults_follow_the_api_contract():
    c = Complaint(incident_date=date(2026, 9, 1), reported_date=date(2026, 9, 2))
    assert (c.complainant, c.incident, c.hate_related, c.reported_to) == (
        "applicant",
        None,
        False,
        "",
    )


# --- Rule 1: the order of the dates, and nothing in the future ---------------------------------


def test_the_domain_api_example_qualifies():
    finding = one(complaint(date(2026, 9, 1), date(2026, 9, 3)), date(2026, 11, 20))
    assert (finding.qualifies, finding.counted) == (True, True)


def test_incident_report_and_application_may_all_be_the_same_day():
    day = date(2026, 9, 1)
    finding = one(complaint(day, day), day, today=day)
    assert finding.qualifies
    assert finding.reason == (
        "Counts: reported on the day of the incident, within one month; the application is "
        "within six months of the report."
    )


def test_a_report_before_its_incident_does_not_count():
    finding = one(complaint(date(2026, 9, 5), date(2026, 9, 4)), TODAY)
    assert not finding.qualifies and not finding.counted
    assert finding.reason == (
        "Does not count: reported on 4 September 2026, before the incident on 5 September 2026."
    )


def test_a_report_after_the_application_does_not_count():
    finding = one(complaint(date(2026, 9, 1), date(2026, 9, 10)), date(2026, 9, 5))
    assert not finding.qualifies
    assert finding.reason == (
        "Does not count: reported on 10 September 2026, after the application on 5 September 2026."
    )


@pytest.mark.parametrize(
    ("incident", "reported", "application", "label"),
    [
        (date(2026, 11, 21), date(2026, 11, 21), date(2026, 11, 21), "incident"),
        (date(2026, 11, 19), date(2026, 11, 21), date(2026, 11, 21), "report"),
        (date(2026, 11, 19), date(2026, 11, 19), date(2026, 11, 21), "application"),
    ],
)
def test_a_date_after_today_does_not_count(incident, reported, application, label):
    finding = one(complaint(incident, reported), application, today=TODAY)
    assert not finding.qualifies
    assert finding.reason.startswith(f"Does not count: the {label} date, 21 November 2026,")
    assert "in the future (today is 20 November 2026)" in finding.reason


def test_today_itself_is_not_the_future():
    finding = one(complaint(TODAY, TODAY), TODAY, today=TODAY)
    assert finding.qualifies


@pytest.mark.parametrize(
    ("incident", "reported", "application", "qualifies", "reason"),
    [
        # Condition 1: incident <= reported <= application, on and just past each edge.
        (date(2026, 9, 1), date(2026, 9, 1), date(2026, 9, 1), True, "Counts: reported on the"),
        (date(2026, 9, 1), date(2026, 8, 31), date(2026, 9, 1), False, "before the incident"),
        (date(2026, 9, 1), date(2026, 9, 10), date(2026, 9, 10), True, "Counts: reported 9 days"),
        (date(2026, 9, 1), date(2026, 9, 11), date(2026, 9, 10), False, "after the application"),
        # Condition 2: reported within one month beginning with the incident.
        (date(2026, 9, 1), date(2026, 9, 30), date(2026, 10, 1), True, "Counts: reported 29"),
        (date(2026, 9, 1), date(2026, 10, 1), date(2026, 10, 1), False, "more than one month"),
        (date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 1), True, "Counts: reported 28"),
        (date(2026, 1, 31), date(2026, 3, 1), date(2026, 3, 1), False, "more than one month"),
        # Condition 3: the application within six months beginning with the report.
        (date(2026, 3, 1), date(2026, 3, 1), date(2026, 8, 31), True, "Counts"),
        (date(2026, 3, 1), date(2026, 3, 1), date(2026, 9, 1), False, "more than six months"),
        (date(2025, 8, 31), date(2025, 8, 31), date(2026, 2, 28), True, "Counts"),
        (date(2025, 8, 31), date(2025, 8, 31), date(2026, 3, 1), False, "more than six months"),
        # Nothing after today (20 November 2026); today itself is not the future.
        (TODAY, TODAY, TODAY, True, "Counts"),
        (TODAY, TODAY, TODAY + timedelta(days=1), False, "the application date"),
        (TODAY, TODAY + timedelta(days=1), TODAY + timedelta(days=1), False, "the report date"),
        (TODAY + timedelta(days=1), TODAY + timedelta(days=1), TODAY, False, "the incident date"),
    ],
)
def test_each_condition_on_and_just_past_its_boundary(
    incident, reported, application, qualifies, reason
):
    finding = one(complaint(incident, reported), application, today=TODAY)
    assert (finding.qualifies, finding.counted) == (qualifies, qualifies)
    assert reason in finding.reason


def test_a_report_after_the_application_is_not_an_error_and_others_still_count():
    after = complaint(date(2026, 11, 1), date(2026, 11, 20))
    decision = assess(
        STATUTORY, [in_time(1), after, in_time(2), in_time(3)], date(2026, 11, 19), TODAY
    )
    assert [f.qualifies for f in decision.complaints] == [True, False, True, True]
    assert "after the application on 19 November 2026" in decision.complaints[1].reason
    assert (decision.threshold_met, decision.qualifying_complaints) == (True, 3)


# --- Rule 2: reported within one month beginning with the incident -----------------------------


@pytest.mark.parametrize(
    ("incident", "last_day"),
    [
        # The examples of DOMAIN §4.
        (date(2026, 3, 15), date(2026, 4, 14)),
        (date(2026, 1, 28), date(2026, 2, 27)),
        (date(2026, 1, 29), date(2026, 2, 28)),
        (date(2026, 1, 30), date(2026, 2, 28)),
        (date(2026, 1, 31), date(2026, 2, 28)),
        # A leap year: 29 February 2028 exists.
        (date(2028, 1, 28), date(2028, 2, 27)),
        (date(2028, 1, 29), date(2028, 2, 28)),
        (date(2028, 1, 30), date(2028, 2, 29)),
        (date(2028, 1, 31), date(2028, 2, 29)),
        (date(2028, 2, 29), date(2028, 3, 28)),
        # December into January.
        (date(2025, 12, 31), date(2026, 1, 30)),
        (date(2025, 12, 15), date(2026, 1, 14)),
    ],
)
def test_the_report_counts_up_to_the_last_day_of_the_month_beginning_with_the_incident(
    incident, last_day
):
    application = last_day + timedelta(days=1)
    today = date(2030, 1, 1)
    on_time = one(complaint(incident, last_day), application, today=today)
    late = one(complaint(incident, last_day + timedelta(days=1)), application, today=today)
    assert (on_time.qualifies, late.qualifies) == (True, False)
    assert "more than one month after the incident" in late.reason
    assert f"(the last day was {format_date(last_day)})." in late.reason


def test_incident_on_31_january_2028_reported_on_29_february_2028_counts():
    finding = one(
        complaint(date(2028, 1, 31), date(2028, 2, 29)), date(2028, 3, 1), date(2028, 3, 1)
    )
    assert finding.qualifies


def test_incident_on_31_january_2028_reported_on_1_march_2028_does_not_count():
    finding = one(
        complaint(date(2028, 1, 31), date(2028, 3, 1)), date(2028, 3, 1), date(2028, 3, 1)
    )
    assert not finding.qualifies
    assert finding.reason == (
        "Does not count: reported on 1 March 2028, more than one month after the incident on "
        "31 January 2028 (the last day was 29 February 2028)."
    )


def test_the_reason_for_a_late_report_reads_as_the_contract_example():
    finding = one(complaint(date(2026, 4, 1), date(2026, 5, 20)), date(2026, 6, 1))
    assert finding.reason == (
        "Does not count: reported on 20 May 2026, more than one month after the incident on "
        "1 April 2026 (the last day was 30 April 2026)."
    )


def test_the_reason_for_a_report_in_time_says_how_soon_it_was_made():
    two_days = one(complaint(date(2026, 9, 1), date(2026, 9, 3)), TODAY)
    one_day = one(complaint(date(2026, 9, 1), date(2026, 9, 2)), TODAY)
    assert two_days.reason == (
        "Counts: reported 2 days after the incident, within one month; the application is "
        "within six months of the report."
    )
    assert one_day.reason.startswith("Counts: reported 1 day after the incident,")


# --- Rule 3: the application within six months beginning with the report -----------------------


@pytest.mark.parametrize(
    ("reported", "last_day"),
    [
        (date(2025, 8, 31), date(2026, 2, 28)),  # DOMAIN §4
        (date(2026, 3, 1), date(2026, 8, 31)),  # DOMAIN §4
        (date(2027, 8, 31), date(2028, 2, 29)),  # into a leap February
        (date(2027, 8, 29), date(2028, 2, 28)),  # 29 February 2028 is the corresponding date
        (date(2026, 9, 30), date(2027, 3, 29)),  # across the new year
        (date(2026, 7, 1), date(2026, 12, 31)),
    ],
)
def test_the_application_counts_up_to_the_last_day_of_six_months_beginning_with_the_report(
    reported, last_day
):
    today = date(2030, 1, 1)
    on_time = one(complaint(reported, reported), last_day, today=today)
    late = one(complaint(reported, reported), last_day + timedelta(days=1), today=today)
    assert (on_time.qualifies, late.qualifies) == (True, False)
    assert late.reason == (
        f"Does not count: reported on {format_date(reported)}, more than six months before the "
        f"application on {format_date(last_day + timedelta(days=1))} (the last day to apply was "
        f"{format_date(last_day)})."
    )


# --- Counting ----------------------------------------------------------------------------------


def test_one_person_reporting_one_incident_to_several_agencies_counts_once():
    decision = assess(
        STATUTORY,
        [
            in_time(1, incident="a", reported_to="Merseyside Police"),
            in_time(1, incident="a", reported_to="Liverpool City Council"),
            in_time(1, incident="a", reported_to="Riverside Housing"),
        ],
        TODAY,
        TODAY,
    )
    assert decision.qualifying_complaints == 1
    assert [f.qualifies for f in decision.complaints] == [True, True, True]
    assert [f.counted for f in decision.complaints] == [True, False, False]
    assert decision.complaints[2].reason == (
        "Already counted: the same person reported the same incident to Merseyside Police "
        "(complaint 1). One person's reports of one incident count once, however many agencies "
        "they told."
    )


def test_different_people_reporting_one_incident_each_count():
    decision = assess(
        STATUTORY,
        [
            in_time(1, incident="a", complainant="applicant"),
            in_time(1, incident="a", complainant="neighbour"),
            in_time(1, incident="a", complainant="shopkeeper"),
        ],
        TODAY,
        TODAY,
    )
    assert (decision.qualifying_complaints, decision.route) == (3, ROUTE_COMPLAINTS)


def test_complaints_without_an_incident_id_are_incidents_of_their_own():
    decision = assess(STATUTORY, [in_time(1)] * 3, TODAY, TODAY)
    assert decision.qualifying_complaints == 3


def test_one_person_reporting_two_incidents_makes_two_complaints():
    decision = assess(STATUTORY, [in_time(1, incident="a"), in_time(2, incident="b")], TODAY, TODAY)
    assert decision.qualifying_complaints == 2


def test_an_incident_id_never_collides_with_an_unnamed_incident():
    """Whatever id an applicant types, it cannot be mistaken for a report with no id.

    The ids look like the positions of the unnamed reports, the likeliest accidental match.
    """
    typed = ("0", "1", "#0", "#1", "own", "None", "")
    decision = assess(
        STATUTORY, [in_time(1), in_time(1)] + [in_time(1, incident=t) for t in typed], TODAY, TODAY
    )
    assert decision.qualifying_complaints == 2 + len(typed)


@pytest.mark.parametrize("blank", ["", " ", "\t"])
def test_a_blank_incident_id_links_nothing(blank):
    decision = assess(STATUTORY, [in_time(1, incident=blank)] * 3, TODAY, TODAY)
    assert decision.qualifying_complaints == 3


def test_the_first_qualifying_report_of_an_incident_is_the_one_counted():
    late = complaint(date(2026, 7, 1), date(2026, 9, 1), incident="a", reported_to="council")
    decision = assess(
        STATUTORY, [late, in_time(1, incident="a"), in_time(1, incident="a")], TODAY, TODAY
    )
    assert [(f.qualifies, f.counted) for f in decision.complaints] == [
        (False, False),
        (True, True),
        (True, False),
    ]
    assert "(complaint 2)" in decision.complaints[2].reason
    assert decision.qualifying_complaints == 1


def test_an_already_counted_reason_names_no_agency_when_none_was_given():
    decision = assess(STATUTORY, [in_time(1, incident="a"), in_time(2, incident="a")], TODAY, TODAY)
    assert decision.complaints[1].reason.startswith(
        "Already counted: the same person reported the same incident (complaint 1)."
    )


def test_there_is_a_finding_for_every_complaint_in_input_order():
    complaints = [in_time(1), complaint(date(2026, 1, 1)), in_time(2, incident="x")]
    decision = assess(STATUTORY, complaints, TODAY, TODAY)
    assert [f.index for f in decision.complaints] == [0, 1, 2]
    assert all(f.reason for f in decision.complaints)


def test_no_complaints_do_not_meet_the_threshold():
    decision = assess(MERSEYSIDE, [], TODAY, TODAY)
    assert (decision.threshold_met, decision.route, decision.qualifying_complaints) == (
        False,
        ROUTE_NOT_MET,
        0,
    )
    assert decision.complaints == ()


# --- Routes ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("threshold", "count", "met"),
    [(3, 2, False), (3, 3, True), (3, 4, True), (2, 1, False), (2, 2, True), (1, 1, True)],
)
def test_the_complaints_route(threshold, count, met):
    decision = assess(
        Policy(complaint_threshold=threshold),
        [in_time(d) for d in range(1, count + 1)],
        TODAY,
        TODAY,
    )
    assert decision.threshold_met is met
    assert decision.route == (ROUTE_COMPLAINTS if met else ROUTE_NOT_MET)
    assert (decision.qualifying_complaints, decision.threshold) == (count, threshold)


def test_one_hate_incident_meets_the_hate_route():
    decision = assess(MERSEYSIDE, [in_time(1, hate_related=True)], TODAY, TODAY)
    assert (decision.threshold_met, decision.route) == (True, ROUTE_HATE_INCIDENT)
    assert (decision.hate_related_complaints, decision.hate_incident_threshold) == (1, 1)


def test_the_hate_route_when_the_complaints_route_falls_short():
    """Two complaints miss a threshold of three, but one of them is a hate incident."""
    complaints = [in_time(1), in_time(2, hate_related=True)]
    decision = assess(MERSEYSIDE, complaints, TODAY, TODAY)
    assert (decision.threshold_met, decision.route) == (True, ROUTE_HATE_INCIDENT)
    assert (decision.qualifying_complaints, decision.threshold) == (2, 3)
    assert (decision.hate_related_complaints, decision.hate_incident_threshold) == (1, 1)
    assert explain(decision) == (
        "The threshold is met because of a hate incident: 1 hate-related complaint counts, and "
        "in this area 1 is enough. In all, 2 complaints count; the threshold for complaints is 3."
    )


def test_a_hate_threshold_of_two_is_not_met_by_one_hate_incident():
    policy = Policy(complaint_threshold=3, hate_incident_threshold=2)
    decision = assess(policy, [in_time(1), in_time(2, hate_related=True)], TODAY, TODAY)
    assert (decision.threshold_met, decision.route) == (False, ROUTE_NOT_MET)
    assert explain(decision).startswith(
        "The threshold is not met: 2 complaints count, and this area's threshold is 3. For hate "
        "incidents, 1 hate-related complaint counts, and 2 would be enough."
    )
    two = assess(
        policy, [in_time(1, hate_related=True), in_time(2, hate_related=True)], TODAY, TODAY
    )
    assert two.route == ROUTE_HATE_INCIDENT


def test_the_complaints_route_is_tried_before_the_hate_route():
    decision = assess(MERSEYSIDE, [in_time(d, hate_related=True) for d in (1, 2, 3)], TODAY, TODAY)
    assert decision.route == ROUTE_COMPLAINTS
    assert (decision.threshold_met, decision.hate_related_complaints) == (True, 3)
    assert explain(decision).startswith("The threshold is met: 3 complaints count")


def test_an_area_without_a_hate_threshold_has_no_hate_route():
    decision = assess(STATUTORY, [in_time(1, hate_related=True)], TODAY, TODAY)
    assert (decision.route, decision.hate_related_complaints) == (ROUTE_NOT_MET, 1)
    assert decision.hate_incident_threshold is None


def test_a_hate_complaint_that_does_not_qualify_does_not_meet_the_hate_route():
    late = complaint(date(2026, 1, 1), date(2026, 3, 1), hate_related=True)
    decision = assess(MERSEYSIDE, [late], TODAY, TODAY)
    assert (decision.route, decision.hate_related_complaints) == (ROUTE_NOT_MET, 0)


def test_hate_reports_of_one_incident_by_one_person_count_once():
    policy = Policy(complaint_threshold=3, hate_incident_threshold=2)
    same = [in_time(1, incident="a", hate_related=True, reported_to=to) for to in ("p", "c")]
    assert assess(policy, same, TODAY, TODAY).route == ROUTE_NOT_MET
    two_people = [*same, in_time(1, incident="a", hate_related=True, complainant="neighbour")]
    assert assess(policy, two_people, TODAY, TODAY).route == ROUTE_HATE_INCIDENT


def test_a_hate_flag_on_a_repeat_report_is_not_lost():
    """The police may record the hate element the council did not: order must not matter."""
    reports = [in_time(1, incident="a"), in_time(1, incident="a", hate_related=True)]
    for order in (reports, reports[::-1]):
        decision = assess(MERSEYSIDE, order, TODAY, TODAY)
        assert (decision.route, decision.hate_related_complaints) == (ROUTE_HATE_INCIDENT, 1)


# --- The summary -------------------------------------------------------------------------------


def test_explain_the_complaints_route():
    decision = assess(STATUTORY, [in_time(d) for d in (1, 2, 3)], TODAY, TODAY)
    assert (
        explain(decision)
        == "The threshold is met: 3 complaints count, and this area's threshold is 3."
    )


def test_explain_the_hate_route():
    decision = assess(MERSEYSIDE, [in_time(1, hate_related=True)], TODAY, TODAY)
    assert explain(decision) == (
        "The threshold is met because of a hate incident: 1 hate-related complaint counts, and "
        "in this area 1 is enough. In all, 1 complaint counts; the threshold for complaints is 3."
    )


def test_explain_not_met_without_a_hate_route():
    decision = assess(STATUTORY, [in_time(1), complaint(date(2026, 1, 1))], TODAY, TODAY)
    assert explain(decision) == (
        "The threshold is not met: 1 complaint counts, and this area's threshold is 3. A "
        "complaint counts when it was made within one month of the incident and the application "
        "is made within six months of the complaint."
    )


def test_explain_not_met_with_a_hate_route():
    decision = assess(MERSEYSIDE, [], TODAY, TODAY)
    assert explain(decision).startswith(
        "The threshold is not met: no complaints count, and this area's threshold is 3. For hate "
        "incidents, no hate-related complaints count, and 1 would be enough."
    )


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (date(2026, 4, 1), "1 April 2026"),
        (date(2025, 12, 31), "31 December 2025"),
        (date(2028, 2, 29), "29 February 2028"),
        (date(2026, 1, 9), "9 January 2026"),
    ],
)
def test_dates_read_as_gov_uk_writes_them(day, text):
    assert format_date(day) == text


# --- Properties --------------------------------------------------------------------------------

# Modest example counts keep the file to a few seconds; no deadline, as CI machines are shared.
properties = settings(max_examples=100, deadline=None)

APPLICATION = date(2026, 11, 20)
PEOPLE = ("applicant", "neighbour", "shopkeeper")
INCIDENTS = (None, "a", "b", "c")


@st.composite
def complaints(draw, incidents=INCIDENTS) -> Complaint:
    """Complaints around the limits: some in time, some late, some after the application."""
    incident = draw(st.dates(min_value=date(2026, 3, 1), max_value=APPLICATION))
    reported = incident + timedelta(days=draw(st.integers(min_value=-2, max_value=40)))
    return Complaint(
        incident_date=incident,
        reported_date=reported,
        complainant=draw(st.sampled_from(PEOPLE)),
        incident=draw(st.sampled_from(incidents)),
        hate_related=draw(st.booleans()),
        reported_to=draw(st.sampled_from(("", "police", "council", "housing"))),
    )


@st.composite
def qualifying_complaints(draw) -> Complaint:
    """A complaint that qualifies for APPLICATION by construction."""
    reported = draw(st.dates(min_value=date(2026, 5, 21), max_value=APPLICATION))
    incident = reported - timedelta(days=draw(st.integers(min_value=0, max_value=27)))
    return Complaint(incident, reported, hate_related=draw(st.booleans()))


policies = st.builds(
    Policy,
    complaint_threshold=st.integers(min_value=1, max_value=3),
    hate_incident_threshold=st.none() | st.integers(min_value=1, max_value=4),
)
complaint_lists = st.lists(complaints(), max_size=10)
todays = st.sampled_from((APPLICATION, APPLICATION + timedelta(days=30), date(2026, 10, 1)))


def _statutory_last_day(start: date, months: int) -> date:
    """An independent reading of 'N months beginning with' to check the engine against."""
    years, month_index = divmod(start.month - 1 + months, 12)
    year, month = start.year + years, month_index + 1
    try:
        return date(year, month, start.day) - timedelta(days=1)
    except ValueError:  # no corresponding date: the month's last day
        next_year, next_month = (year + 1, 1) if month == 12 else (year, month + 1)
        return date(next_year, next_month, 1) - timedelta(days=1)


def _statute_says_qualifies(c: Complaint, application: date, today: date) -> bool:
    return (
        c.incident_date <= c.reported_date <= application <= today
        and c.reported_date <= _statutory_last_day(c.incident_date, 1)
        and application <= _statutory_last_day(c.reported_date, 6)
    )


@properties
@given(policies, complaint_lists, todays)
def test_a_complaint_qualifies_exactly_when_the_statute_says(policy, cs, today):
    decision = assess(policy, cs, APPLICATION, today)
    for c, finding in zip(cs, decision.complaints, strict=True):
        assert finding.qualifies is _statute_says_qualifies(c, APPLICATION, today)


@properties
@given(policies, complaint_lists, todays)
def test_the_words_agree_with_the_quick_test(policy, cs, today):
    """The engine decides with comparisons alone and writes a reason only when asked: a
    rejection reason exists exactly for the complaints that do not qualify."""
    decision = assess(policy, cs, APPLICATION, today)
    for c, finding in zip(cs, decision.complaints, strict=True):
        assert finding.qualifies is (_rejection(c, APPLICATION, today) is None)


@properties
@given(policies, complaint_lists, todays)
def test_the_decision_is_consistent_with_its_findings(policy, cs, today):
    decision = assess(policy, cs, APPLICATION, today)
    assert [f.index for f in decision.complaints] == list(range(len(cs)))
    assert all(f.qualifies for f in decision.complaints if f.counted)
    assert decision.qualifying_complaints == sum(f.counted for f in decision.complaints)
    assert decision.qualifying_complaints <= len(cs)
    assert all(f.reason.strip() for f in decision.complaints)
    assert decision.hate_related_complaints <= decision.qualifying_complaints
    assert decision.threshold_met is (decision.route != ROUTE_NOT_MET)
    assert (decision.route == ROUTE_COMPLAINTS) is (
        decision.qualifying_complaints >= policy.complaint_threshold
    )
    for f in decision.complaints:
        prefix = "Counts" if f.counted else "Already counted" if f.qualifies else "Does not count"
        assert f.reason.startswith(prefix)


@properties
@given(policies, complaint_lists, qualifying_complaints(), st.data())
def test_adding_a_qualifying_complaint_never_turns_met_into_not_met(policy, cs, extra, data):
    before = assess(policy, cs, APPLICATION, APPLICATION)
    newcomer = data.draw(
        st.sampled_from(
            (
                dataclasses.replace(extra, complainant="a new witness", incident="a"),
                dataclasses.replace(extra, incident=None),
                dataclasses.replace(extra, incident="a new incident"),
            )
        )
    )
    at = data.draw(st.integers(min_value=0, max_value=len(cs)))
    after = assess(policy, [*cs[:at], newcomer, *cs[at:]], APPLICATION, APPLICATION)
    assert after.qualifying_complaints == before.qualifying_complaints + 1
    assert after.threshold_met or not before.threshold_met


@properties
@given(policies, complaint_lists, todays, st.randoms(use_true_random=False))
def test_the_order_of_complaints_never_changes_the_answer(policy, cs, today, random):
    shuffled = list(cs)
    random.shuffle(shuffled)
    before, after = (
        assess(policy, cs, APPLICATION, today),
        assess(policy, shuffled, APPLICATION, today),
    )
    assert (after.threshold_met, after.route) == (before.threshold_met, before.route)
    assert after.qualifying_complaints == before.qualifying_complaints
    assert after.hate_related_complaints == before.hate_related_complaints


@properties
@given(
    policies, st.lists(complaints(incidents=("a", "b", "c")), min_size=1, max_size=10), st.data()
)
def test_a_repeat_of_a_report_to_another_agency_never_changes_the_count(policy, cs, data):
    original = data.draw(st.sampled_from(cs))
    to = data.draw(st.sampled_from((original.reported_to, "another agency")))
    repeat = dataclasses.replace(original, reported_to=to)
    at = data.draw(st.integers(min_value=0, max_value=len(cs)))
    before = assess(policy, cs, APPLICATION, APPLICATION)
    after = assess(policy, [*cs[:at], repeat, *cs[at:]], APPLICATION, APPLICATION)
    assert after.qualifying_complaints == before.qualifying_complaints
    assert after.hate_related_complaints == before.hate_related_complaints
    assert (after.threshold_met, after.route) == (before.threshold_met, before.route)


@properties
@given(complaint_lists, st.none() | st.integers(min_value=1, max_value=3), todays)
def test_a_lower_threshold_is_never_stricter(cs, hate, today):
    met = {t: assess(Policy(t, hate), cs, APPLICATION, today).threshold_met for t in (1, 2, 3)}
    assert met[1] >= met[2] >= met[3]


@properties
@given(policies, complaint_lists, todays)
def test_the_engine_is_deterministic(policy, cs, today):
    first = assess(policy, cs, APPLICATION, today)
    again = assess(policy, tuple(cs), APPLICATION, today)
    assert isinstance(first, Decision)
    assert first == again
    assert explain(first) == explain(again)


@properties
@given(policies, complaint_lists)
def test_a_future_application_never_meets_the_threshold(policy, cs):
    decision = assess(policy, cs, APPLICATION, APPLICATION - timedelta(days=1))
    assert not decision.threshold_met
    assert not any(f.qualifies for f in decision.complaints)
    assume(cs)
    assert "in the future" in decision.complaints[0].reason


@properties
@given(policies, complaint_lists, todays)
def test_never_more_qualifying_complaints_than_complaints(policy, cs, today):
    decision = assess(policy, cs, APPLICATION, today)
    assert 0 <= decision.qualifying_complaints <= len(cs) == len(decision.complaints)
    assert decision.hate_related_complaints <= decision.qualifying_complaints
