"""DOMAIN.md §5.8, §5.9: a victim or applicant with no email is invited to the review meeting
and consulted on the draft action plan by letter (the print queue), in their language; the
emailed get their emails as before and no letter; the plan is never made final as "no
response" for someone whose letter has not gone out, and their consultation runs from the day
their letter is served."""

from datetime import timedelta
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from agencies.working_days import add_working_days
from notifications.models import Message
from tests.factories import make_case
from tests.triggers.reviews.test_review import schedule
from triggers.letters import served_on_for
from triggers.meetings.by_post import invite_by_post
from triggers.models import Letter, LetterDelivery, PlanComment, ReviewRecord
from triggers.post.services import mark_posted
from triggers.reviews import services as reviews
from triggers.reviews.consultation import consult_by_post, consultation_closes
from triggers.threshold.services import decide_threshold

pytestmark = pytest.mark.django_db

INVITATION, CONSULTATION = Letter.Kind.MEETING_INVITATION, Letter.Kind.PLAN_CONSULTATION
VICTIM_BY_POST = {
    "on_behalf": True,
    "relationship": "Councillor",
    "victim_name": "Vic Tim",
    "victim_consent": True,
    "victim_consent_share": True,
    "victim_consent_contact": True,
    "victim_consent_how": "verbal",
    "victim_address": "1 Lane\nNorthtown",
    "victim_postcode": "NT1 1AA",
    "victim_contact_method": "post",
    "send_to": "both",
}
APPLICANT_BY_POST = {
    "contact_method": "post",
    "applicant_address": "2 Mill Lane\nNorthtown",
    "applicant_postcode": "NT1 2AB",
}


def case_with(side, data, **fields):
    data = {**data, "victim_consent_on": timezone.localdate()} if data.get("on_behalf") else data
    case = make_case(side.area, data=data, **fields)
    decide_threshold(case, "met", by=side.officer)
    return case


def hold(side, case):
    meeting = schedule(side, case)
    review = reviews.record_review(
        case,
        reviews.ReviewData(
            without_missing_returns=True, attendance="Chair.", findings="Noise.", actions=[]
        ),
        by=side.officer,
    )
    return meeting, review


def queued(case, kind):
    return list(
        LetterDelivery.objects.filter(case=case, letter__kind=kind).values_list("role", "status")
    )


def emails(case):
    """The invitations and requests for views emailed to the case's people (not the chair's
    and the agencies')."""
    people = {case.applicant_email, case.victim_email} - {""}
    return sorted(
        Message.objects.filter(
            reference=case.reference,
            topic__in=("Review meeting", "Draft action plan"),
            to_address__in=people,
        ).values_list("to_address", "topic")
    )


def test_a_postal_victim_is_invited_and_consulted_by_letter(north):
    case = case_with(north, VICTIM_BY_POST)
    meeting = schedule(north, case)
    assert queued(case, INVITATION) == [("victim", "queued")]
    letter = case.letters.get(kind=INVITATION)
    assert "Hall" in letter.html and "Invitation to the review meeting" in letter.html
    reviews.record_review(
        case,
        reviews.ReviewData(
            without_missing_returns=True, attendance="Chair.", findings="Noise.", actions=[]
        ),
        by=north.officer,
    )
    assert queued(case, CONSULTATION) == [("victim", "queued")]
    assert "Noise." in case.letters.get(kind=CONSULTATION).html
    # The emailed applicant has their invitation and request for views, as before, no letter.
    applicant = case.applicant_email
    assert emails(case) == [(applicant, "Draft action plan"), (applicant, "Review meeting")]
    assert meeting.pk


def test_a_postal_applicant_is_invited_and_consulted_by_letter(north):
    case = case_with(north, APPLICANT_BY_POST, applicant_email="")
    hold(north, case)
    assert queued(case, INVITATION) == [("applicant", "queued")]
    assert queued(case, CONSULTATION) == [("applicant", "queued")]
    assert emails(case) == []


def test_the_emailed_get_their_emails_and_no_letter(north):
    emailed = {"victim_email": "vic@example.com", "victim_contact_method": "email"}
    case = case_with(north, {**VICTIM_BY_POST, **emailed})
    hold(north, case)
    assert not case.letters.filter(kind__in=(INVITATION, CONSULTATION)).exists()
    applicant, victim = case.applicant_email, "vic@example.com"
    assert emails(case) == sorted(
        [
            (applicant, "Review meeting"),
            (victim, "Review meeting"),
            (applicant, "Draft action plan"),
            (victim, "Draft action plan"),
        ]
    )


def test_running_it_again_queues_nothing_twice(north):
    case = case_with(north, {**VICTIM_BY_POST, **APPLICANT_BY_POST}, applicant_email="")
    meeting, review = hold(north, case)
    before = (Letter.objects.count(), LetterDelivery.objects.count(), Message.objects.count())
    invite_by_post(meeting)
    consult_by_post(case, review)
    after = (Letter.objects.count(), LetterDelivery.objects.count(), Message.objects.count())
    assert after == before
    assert sorted(queued(case, CONSULTATION)) == [("applicant", "queued"), ("victim", "queued")]


def post_consultation(side, case):
    """The consultation letter posted today: the day the postal consultation closes."""
    today = timezone.localdate()
    mark_posted(
        LetterDelivery.objects.filter(case=case, letter__kind=CONSULTATION),
        posted_on=today,
        by=side.officer,
    )
    return add_working_days(served_on_for(today), side.area.consultation_days)


def after_days(day):
    moment = timezone.now() + timedelta(days=(day - timezone.localdate()).days)
    return mock.patch("django.utils.timezone.now", return_value=moment)


def test_the_plan_waits_for_the_letter_then_runs_from_its_service(north):
    case = case_with(north, VICTIM_BY_POST)
    _, review = hold(north, case)
    # Long after the emailed applicant's closing day, the victim has not been asked yet.
    with after_days(review.consultation_closes + timedelta(days=30)):
        assert "has not been posted" in reviews.plan_refusal(review)
        with pytest.raises(reviews.ReviewRefused):
            reviews.finalise_plan(review, by=north.officer)
    closes = post_consultation(north, case)
    assert consultation_closes(review) == closes > review.consultation_closes
    with after_days(closes):
        assert reviews.plan_refusal(review)
    with after_days(closes + timedelta(days=1)):
        review = reviews.finalise_plan(review, by=north.officer)
    assert review.victim_response == ReviewRecord.VictimResponse.NO_RESPONSE
    said = case.events.latest("pk").explained
    assert f"{closes.day} {closes:%B %Y}" in said, said


def test_the_officer_records_the_views_the_victim_gave_by_phone(north):
    case = case_with(north, VICTIM_BY_POST)
    _, review = hold(north, case)
    with pytest.raises(reviews.ReviewRefused):
        reviews.comment_on_plan(case, "Patrol later.", party="victim", by=north.officer)
    reviews.comment_on_plan(
        case, "Patrol later.", party="victim", by=north.officer, received="phone"
    )
    comment = PlanComment.objects.get(review=review)
    assert (comment.party, comment.received, comment.recorded_by) == (
        "victim",
        "phone",
        north.officer,
    )
    review = reviews.finalise_plan(review, by=north.officer)  # answered: no need to wait
    assert review.victim_response == ReviewRecord.VictimResponse.COMMENTED


def test_the_officer_records_views_given_by_letter_on_a_page(client, north):
    case = case_with(north, VICTIM_BY_POST)
    _, review = hold(north, case)
    url = reverse("case_plan_response", args=[north.area.slug, case.reference])
    client.force_login(north.officer)
    page = client.post(url, {"party": "victim", "text": "Patrol later."})
    assert page.status_code == 200 and "govuk-error-summary" in page.content.decode()
    page = client.post(url, {"party": "victim", "received": "letter", "text": "Patrol later."})
    assert page.status_code == 302
    comment = PlanComment.objects.get(review=review)
    assert (comment.party, comment.received, comment.text) == ("victim", "letter", "Patrol later.")
    assert "By letter" in client.get(page.url).content.decode()


def test_the_officer_sees_when_the_postal_consultation_closes(client, north):
    case = case_with(north, VICTIM_BY_POST)
    hold(north, case)
    client.force_login(north.officer)
    page = reverse("case_detail", args=[north.area.slug, case.reference])
    assert "once the letter asking for them is posted" in client.get(page).content.decode()
    closes = post_consultation(north, case)
    shown = f"Victim's comments on the draft plan by {closes.day} {closes:%B %Y}"
    assert shown in client.get(page).content.decode()
    # A month on (the session's clock is not moved: days are moved back instead).
    month_ago = timezone.localdate() - timedelta(days=30)
    case.letters.filter(kind=CONSULTATION).update(served_on=month_ago)
    ReviewRecord.objects.filter(case=case).update(consultation_closes=month_ago)
    closes = add_working_days(month_ago, north.area.consultation_days)
    check = reverse("case_plan_finalise", args=[north.area.slug, case.reference])
    text = client.get(check).content.decode()
    assert f"did not comment on the draft plan by {closes.day} {closes:%B %Y}" in text


def test_when_one_person_is_consulted_the_page_has_chosen_them(client, north):
    case = case_with(north, {})  # the applicant applied for themselves
    hold(north, case)
    client.force_login(north.officer)
    url = reverse("case_plan_response", args=[north.area.slug, case.reference])
    html = client.get(url).content.decode()
    applicant = html.split('name="party"')[1].split(">")[0]
    assert 'value="applicant"' in applicant and "checked" in applicant
