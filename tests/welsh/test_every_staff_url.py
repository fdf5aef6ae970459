"""Issue #19: staff pages use the same catalogues when a member of staff of a Welsh area
chooses Cymraeg. Every staff URL of the project is opened in Welsh, as the role that uses it,
for the Welsh side of the isolation walk, and fails on English left in <main>.

The URLs are not listed here: every pattern that agencies.public_pages does not call the
public's is walked, reached the way the isolation walk reaches it (its ROUTES say how to
name each side's object and who uses it). A page that sends the user on (a step with nothing
to check yet) is followed, and the page it lands on is checked. The only URLs not checked are
the explicit, commented exclusions below.
"""

import pytest
from django.urls import reverse

from agencies import public_pages
from tests.security import test_isolation as isolation
from tests.security import test_second_factor as second_factor
from tests.security.test_isolation import sides  # noqa: F401 -- the walk's two areas
from tests.welsh.english import english_words
from tests.welsh.test_every_public_url import _Named, all_patterns
from triggers.models import Letter

pytestmark = pytest.mark.django_db

# Not pages: nothing to read a <main> in, or not for a person's eyes.
NOT_HTML = {
    "healthz": "a health check for the load balancer",
    "signout": "signing out sends the user to the start page, which is walked as public",
    "switch_language": "records the choice and sends the user back",
    "api_schema": "the OpenAPI file, for developers (English, like the API)",
    "api_docs": "the API's documentation, for developers (English, like the API)",
    "notify_receipt": "GOV.UK Notify's delivery receipts (a POST from Notify)",
    "recommendation_answer": "a named body's single-use link: it is tested with a link",
    "case_letter": "a letter's PDF (its Welsh text: tests/welsh/test_letters.py)",
    "case_letter_view": "the same letter's PDF, shown in the browser",
    "case_outcome_letter_preview": "the outcome letter's PDF preview (the letter is in the "
    "applicant's language: tests/welsh/test_letters.py)",
    "case_review_pack": "the meeting pack's PDF, for the agencies round the table",
    "pledge:report": "the PLEDGE self-assessment's report as a PDF",
    "case_subject_access_file": "a subject access file (JSON or PDF of what is held)",
    "case_meeting_calendar": "an iCalendar file",
    "case_list_export": "a CSV of the case list",
    "audit_export": "a CSV of the access audit",
    "figures:return_csv": "the statutory return as CSV",
    "figures:return_json": "the statutory return as JSON",
    "print_queue_pdf": "the print queue's letters as one PDF",
    "document": "a returned document, as uploaded",
    "appeals:document": "an appeal's document, as uploaded",
    "demo_mailbox_attachment": "an email's attachment in the demo mailbox",
    "incidents:api_batch": "an API endpoint for a body's incident records",
    "demo_mailbox": "the demo mailbox: DEBUG only, the platform admin's (no area's staff)",
}
# The JSON API speaks to programs, in English, whatever a person's pages are in.
NOT_HTML_NAMESPACES = {"api", "admin"}

# Who opens the pages that name no object (the isolation walk's LISTS and STAFF_FORMS).
ROLE_OF_LIST = {
    "inbox": "responder",
    "actions": "responder",
    "messages_failed": "admin",
    "audit_log": "admin",
    "enrolment_staff": "admin",
    "pledge:home": "admin",
    "appeals:list": "pcc_officer",
    "appeals:figures": "pcc_officer",
    "incidents:feeds": "responder",
    "incidents:records": "responder",
    "incidents:upload": "responder",
    "attention": "admin",
}


# Signing in is reached the way a member of staff reaches it, not signed in yet (the page
# follows the staff language cookie, agencies.language.SIGN_IN_PAGES): each returns the URL to
# open. signin_backup_codes is opened signed in, as it is right after setting up the app.
def _not_signed_in(client, settings, user):
    return reverse("signin")


def _half_way_to_the_code(client, settings, user):
    """The password given, the authenticator app's code asked for next."""
    settings.REQUIRE_2FA = True
    second_factor.app_for(user)
    second_factor.sign_in(client, user)
    return reverse("signin_verify")


def _half_way_to_setting_up(client, settings, user):
    """A set-up link opened and the password given: the app is set up next."""
    settings.REQUIRE_2FA = True
    client.get(second_factor.set_up_link(user))
    second_factor.sign_in(client, user)
    return reverse("signin_setup")


def _a_set_up_link(client, settings, user):
    return second_factor.set_up_link(user)


SIGNING_IN = {
    "signin": _not_signed_in,
    "signin_verify": _half_way_to_the_code,
    "signin_setup": _half_way_to_setting_up,
    "signin_enrol": _a_set_up_link,
}


# Pages not yet in Welsh: each is expected to fail (strict), so a page put into Welsh must
# leave this list. Empty when every staff page is Welsh.
NOT_YET_WELSH: set[str] = set()


# Pages that show their content only in a later state of the case: each is reached as the
# officer would reach it (the meeting arranged, the review recorded, the plan final...),
# before the walk opens it. Without this the page sends the user back to the case page.
def _meeting(side, *, days=-1):
    """The side's review meeting: by default held yesterday, so the review can be recorded."""
    from tests.triggers.reviews.test_review import schedule

    schedule(side, side.case, days=days)


def _review(side, *, final=False):
    """The side's review recorded (its words those of names()), with a comment on the plan
    so that it can be finalised; `final`: the plan made final, the outcome not yet sent."""
    from datetime import timedelta

    from django.utils import timezone

    from triggers.models import Case
    from triggers.reviews import services as reviews

    _meeting(side)
    review = reviews.record_review(
        side.case,
        reviews.ReviewData(
            attendance="Chair, council and police.",
            findings="Persistent noise.",
            recommendations=[reviews.RecommendationData(side.police, "Patrol at night.")],
            actions=[
                reviews.ActionData(
                    side.police, "Late-night patrols.", timezone.localdate() + timedelta(30)
                )
            ],
            without_missing_returns=True,
        ),
        by=side.officer,
    )
    reviews.comment_on_plan(side.case, "Visited twice.")
    if final:
        reviews.finalise_plan(review, by=side.officer)
        # The outcome letter previewed is in the applicant's language: here they chose Welsh.
        Case.objects.filter(pk=side.case.pk).update(applicant_language="cy")


def _sent_recommendation(side):
    from django.utils import timezone

    from triggers.models import Recommendation

    recommendation = isolation.police_recommendation(side)
    Recommendation.objects.filter(pk=recommendation.pk).update(sent_at=timezone.now())


REACH = {
    "case_meeting_cancel": lambda side: _meeting(side, days=7),
    "case_review_record": _meeting,
    "case_plan_finalise": _review,
    "case_plan_response": _review,
    "case_outcome_send": lambda side: _review(side, final=True),
    "actions": isolation.police_action,
    "recommendation_respond": _sent_recommendation,
}


# How a page is reached by the signed-in user with what comes before it (like REACH in the
# public walk): it may fill the session in and returns the URL's arguments, if any. A
# step of recording an application with nothing answered before it sends the officer back
# to the first page, so each step is reached with the answers of the steps before it.
def record(*steps, on_behalf=False):
    from tests.triggers.applications.test_record_application import (
        ON_BEHALF,
        VICTIM,
        arrival,
    )
    from tests.triggers.applications.test_record_application import report as a_report

    def reach(client, side):
        answers = {
            "start": arrival(side, "paper"),
            "who": {"applying_for": "someone_else" if on_behalf else "myself"},
            "on_behalf": {**ON_BEHALF, "victim_name": "Vic Tim"},
            "victim": VICTIM,
            "complaint": a_report(side.police.slug, description="Persistent noise."),
            "complaints": {},
            "impact": RECORDED_IMPACT,
            "contact": RECORDED_CONTACT,
        }
        for step in steps:
            response = client.post(reverse(f"record:{step}"), answers[step])
            assert response.status_code == 302, (step, response.content.decode()[:2000])
        return {}

    return reach


RECORDED_IMPACT = {
    "impact": "Persistent noise.",
    "desired_outcome": "Late-night patrols.",
    "others_affected": "",
    "behaviour_location": "Ash Grove",
}
RECORDED_CONTACT = {
    "applicant_name": "Jo Caller",
    "applicant_email": "jo@example.com",
    "contact_method": "email",
}


def a_recorded_report(client, side):
    from triggers.applications.staff_views import SESSION_KEY

    record("start", "who", "complaint")(client, side)
    return {"report": client.session[SESSION_KEY]["complaints"][0]["id"]}


def consent_changed(client, side):
    """The victim's consent changed on its form: the check page shows the change."""
    from django.utils import timezone

    from tests.triggers.applications.test_record_application import date_fields

    kwargs = isolation.victim_case_kwargs(side)
    changed = {
        "victim_consent_share": "on",
        "victim_consent_contact": "on",
        "victim_consent_how": "verbal",
        **date_fields("victim_consent_on", timezone.localdate()),
        "send_to": "applicant",
        "reason": "Visited twice.",
    }
    response = client.post(reverse("case_victim_consent", kwargs=kwargs), changed)
    assert response.status_code == 302, response.content.decode()[:2000]
    return {}


BEFORE_CHECK = ("start", "who", "on_behalf", "victim", "complaint", "complaints", "impact")
REACH_SIGNED_IN = {
    "record:who": record("start"),
    "record:on_behalf": record("start", "who", on_behalf=True),
    "record:victim": record("start", "who", "on_behalf", on_behalf=True),
    "record:complaints": record("start", "who", "complaint"),
    "record:complaint": record("start", "who"),
    "record:complaint_remove": a_recorded_report,
    "record:impact": record("start", "who", "complaint", "complaints"),
    "record:contact": record("start", "who", "complaint", "complaints", "impact"),
    "record:check": record(*BEFORE_CHECK, "contact", on_behalf=True),
    "record:discard": record("start"),
    "case_victim_consent_check": consent_changed,
}


def staff_pages():
    found = set()
    for name, namespaces, _pattern in all_patterns():
        if public_pages.is_public_match(_Named(name, namespaces)):
            continue
        if name in NOT_HTML or set(namespaces) & NOT_HTML_NAMESPACES:
            continue
        if name in isolation.ROUTES and isolation.ROUTES[name][1] != "get":
            continue  # a POST endpoint: what it shows next is a page walked here
        found.add(name)
    return sorted(found)


def url_and_role(name, side, arguments=None):
    """The page's URL (with `arguments` if its REACH gave them) and who opens it."""
    if name in isolation.ROUTES:
        kwargs_for, _method, role = isolation.ROUTES[name]
        return reverse(name, kwargs=arguments or kwargs_for(side)), role
    return reverse(name, kwargs=arguments), ROLE_OF_LIST.get(name, "officer")


def role_of(name):
    if name in isolation.ROUTES:
        return isolation.ROUTES[name][2]
    return ROLE_OF_LIST.get(name, "officer")


def names(side):
    """What a page shows as it was typed or named: places, bodies, people, references."""
    case = side.case
    found = (side.area.name, side.force.name, side.council.name, side.police.name, side.pcc.name)
    found += (case.reference, case.applicant_name, case.applicant_email or "")
    found += tuple(user.email for user in _users(side))
    # A letter's title is part of the letter, written in the case's language, not the page's.
    found += tuple(Letter.objects.filter(area=side.area).values_list("title", flat=True))
    for contact in side.area.memberships.values_list("contact_name", "contact_email"):
        found += contact
    found += ("GOV.UK", "GOV.UK Notify", "PLEDGE", "ASB Help", "API", "PDF", "CSV", "JSON")
    # What the walk's people typed (isolation.sides and tests.factories), shown as typed.
    found += ("Visited twice.", "Persistent noise.", "Late-night patrols.", "Patrol at night.")
    found += ("Chair, council and police.", "log.pdf", "Vic Tim", "Feed")
    found += ("Not fair.",)  # the appeal's explanation, as the applicant typed it
    found += ("Only one report was made.",)  # the threshold decision's reasons, as typed
    found += ("Shouting and banging on the door at night.",)  # each complaint, as described
    return tuple(n for n in found if n)


# What one page shows as stored, beyond `names`: kept to that page, so that the same words
# elsewhere are still checked.
PAGE_NAMES = {
    # The headers of the body's own file (tests/incidents/helpers.py), offered as it named them.
    "incidents:feed_columns": ("Incident date", "Date reported", "Address"),
    # The walk's possible review is made with an English summary that no records give: a real
    # one's reasons are worded again in Welsh
    # (tests/triggers/proactive/test_possible_reviews_welsh.py),
    # and one the engine can no longer give is shown as it was stored.
    "possible_review": ("The threshold is met.",),
    "possible_review_letter": ("The threshold is met.",),  # no letter yet: its review's page
}


def _users(side):
    return [getattr(side, role) for role in isolation.ROLES if getattr(side, role, None)]


@pytest.fixture
def welsh_side(client, sides):  # noqa: F811 -- the fixture imported above
    _north, south = sides
    client.cookies["asb_staff_language"] = "cy"
    return south


def params():
    for name in staff_pages():
        marks = [pytest.mark.xfail(strict=True, reason="not yet in Welsh")]
        yield pytest.param(name, id=name, marks=marks if name in NOT_YET_WELSH else [])


@pytest.mark.parametrize("name", params())
def test_every_staff_page_is_welsh_for_staff_who_chose_it(client, settings, welsh_side, name):
    if name in REACH:
        REACH[name](welsh_side)
    if name in SIGNING_IN:
        role = ROLE_OF_LIST.get(name, "officer")
        url = SIGNING_IN[name](client, settings, getattr(welsh_side, role))
    else:
        role = role_of(name)
        client.force_login(getattr(welsh_side, role))
        reach = REACH_SIGNED_IN.get(name)
        url, _role = url_and_role(name, welsh_side, reach(client, welsh_side) if reach else None)
    response = client.get(url, follow=True)
    assert response.status_code == 200, (name, role, response.status_code)
    assert response["Content-Type"].startswith("text/html"), f"{name}: add it to NOT_HTML"
    html = response.content.decode()
    assert '<html lang="cy"' in html, name
    if name in REACH or name in REACH_SIGNED_IN:  # reached, not sent back
        assert len(response.redirect_chain) == 0, (name, response.redirect_chain)
    english = english_words(html, names=names(welsh_side) + PAGE_NAMES.get(name, ()))
    assert english == [], f"{name} ({role}): English left in <main>: {' '.join(english[:80])}"


def test_a_welsh_area_member_who_did_not_choose_welsh_sees_english(client, sides):  # noqa: F811
    _north, south = sides
    client.force_login(south.officer)
    html = client.get(reverse("home"), follow=True).content.decode()
    assert '<html lang="en"' in html


def test_every_staff_url_is_walked_or_excluded_with_a_reason():
    walked = set(staff_pages())
    assert {"case_detail", "home", "inbox", "appeals:list", "figures:dashboard"} <= walked
    assert not walked & set(NOT_HTML)
