"""The isolation walk: every URL of the project, as users of two areas in two force areas.

Each named URL must appear in ROUTES below: a new page or endpoint fails this test until
somebody says how to reach its objects. For each route that names a tenant's object, every
role of the *other* side gets 404 (we do not even confirm that it exists), and the owning
side's officer can open it.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

# Names whose pages hold no tenant data (public pages, sign-in, health).
PUBLIC = {
    "check",
    "start",
    "accessibility",
    "privacy",
    "healthz",
    # The language switch (issue #19): it records a choice only on the visitor's own case.
    "switch_language",
    "signin",
    "signout",
    # The second step of signing in: they show only the signing-in user's own codes.
    "signin_verify",
    "signin_setup",
    "signin_backup_codes",
    # Opening a set-up link: it shows nothing but whether the link works (issue #15).
    "signin_enrol",
    "home",
    # The application journey: it shows only the answers in the visitor's own session.
    "apply:start",
    "apply:who",
    "apply:on_behalf",
    "apply:victim",
    "apply:complaints",
    "apply:complaint",
    "apply:complaint_remove",
    "apply:impact",
    "apply:contact",
    "apply:check",
    "apply:done",
    # The API's schema and docs, and the public eligibility check (it reads no case).
    "api_schema",
    "api_docs",
    "api:eligibility",
    # The public register of PLEDGE signatories.
    "pledge:register",
    # Each area's published figures and procedure: counts only, no case and no person.
    "figures:index",
    "figures:area",
    "figures:area_csv",
    "figures:area_json",
    # A named body's single-use link to respond to a recommendation: a wrong or used link is
    # "no longer works", and a working one shows only that recommendation.
    "recommendation_answer",
    # GOV.UK Notify's delivery receipts (issue #16): a POST with the area's bearer token,
    # touching only that area's messages; it shows nothing (tests/notifications/test_notify.py).
    "notify_receipt",
}

# Namespaces we do not own and that no case data passes through.
IGNORED_NAMESPACES = {"admin"}


def case_kwargs(side):
    return {"area": side.area.slug, "reference": side.case.reference}


def victim_case_kwargs(side):
    """The side's case, made an application for a victim (the victim's page needs one)."""
    from triggers.models import Case

    Case.objects.filter(pk=side.case.pk).update(
        on_behalf=True, victim_consent=True, victim_name="Vic Tim", victim_email="vic@example.com"
    )
    return case_kwargs(side)


def letter_kwargs(side):
    return {**case_kwargs(side), "letter_id": side.case.letters.get().pk}


def message_kwargs(side):
    from notifications.models import Message

    return {"message_id": Message.objects.filter(area=side.area).first().pk}


def police_action(side):
    """An action of the side's action plan owned by its police (made once, on first use)."""
    from django.utils import timezone

    from triggers.models import Action, ReviewRecord

    action = Action.objects.filter(case=side.case).first()
    if action is None:
        today = timezone.localdate()
        review = ReviewRecord.objects.create(
            area=side.area,
            case=side.case,
            attendance="Chair, council and police.",
            findings="Persistent noise.",
            held_on=today,
            recorded_at=timezone.now(),
            recorded_by=side.officer,
            outcome_due=today,
            consultation_closes=today,
        )
        action = Action.objects.create(
            area=side.area,
            case=side.case,
            review=review,
            owner_agency=side.police,
            description="Late-night patrols.",
            due_date=today,
        )
    return action


def police_recommendation(side):
    """A recommendation of the side's review to its police (made once, on first use)."""
    from triggers.models import Recommendation

    review = police_action(side).review
    found = Recommendation.objects.filter(review=review).first()
    return found or Recommendation.objects.create(
        area=side.area, review=review, agency=side.police, text="Patrol at night."
    )


# name -> (function(side) giving the URL kwargs of that side's object, HTTP method, the role
# on the owning side that may use it)
ROUTES = {
    "case_detail": (case_kwargs, "get", "officer"),
    "case_acknowledge": (case_kwargs, "post", "officer"),
    "case_threshold": (case_kwargs, "get", "officer"),
    # Check before you commit (issue #17): with nothing typed yet, the officer is sent back to
    # the form (302); others get 404.
    "case_threshold_decision_check": (case_kwargs, "get", "officer"),
    "case_letter": (letter_kwargs, "get", "officer"),
    # Workspaces (issue #17): a letter viewed in the browser, notes and contacts, hand-over,
    # and the meeting's calendar file (with no meeting the officer is sent back: 302).
    "case_letter_view": (letter_kwargs, "get", "officer"),
    "case_note_add": (case_kwargs, "get", "officer"),
    "case_contact_add": (case_kwargs, "get", "officer"),
    "case_handover": (case_kwargs, "get", "officer"),
    "case_meeting_calendar": (case_kwargs, "get", "officer"),
    # The area's named independent chairs: its own area admins only.
    "area_independent_chairs": (lambda side: {"area": side.area.slug}, "get", "admin"),
    "message_resend": (message_kwargs, "post", "admin"),
    "case_notify": (case_kwargs, "get", "officer"),
    "case_meeting_schedule": (case_kwargs, "get", "officer"),
    # With no meeting arranged the officer is sent back to the case (302); others get 404.
    "case_meeting_cancel": (case_kwargs, "get", "officer"),
    "request_detail": (lambda side: {"request_id": side.info_request.pk}, "get", "responder"),
    # A relevant body's check of the complaints, made on receipt (issue #14).
    "threshold_check": (
        lambda side: {"check_id": side.case.threshold_checks.get(agency=side.police).pk},
        "get",
        "responder",
    ),
    "document": (lambda side: {"document_id": side.document.pk}, "get", "responder"),
    "api:case_detail": (case_kwargs, "get", "officer"),
    "case_subject_access": (case_kwargs, "get", "admin"),
    "case_private_link": (case_kwargs, "get", "officer"),
    "case_victim": (victim_case_kwargs, "get", "officer"),
    "case_victim_consent": (victim_case_kwargs, "get", "officer"),
    # With nothing to check the officer is sent back to the form (302); others get 404.
    "case_victim_consent_check": (victim_case_kwargs, "get", "officer"),
    "case_subject_access_file": (lambda side: {**case_kwargs(side), "fmt": "json"}, "get", "admin"),
    # The PLEDGE: a council's organisation is its area, assessed by its area admins.
    "pledge:organisation": (lambda side: pledge_org_kwargs(side), "get", "admin"),
    "pledge:start": (lambda side: pledge_org_kwargs(side), "post", "admin"),
    "pledge:sign": (lambda side: pledge_org_kwargs(side), "get", "admin"),
    "pledge:assessment": (lambda side: pledge_assessment_kwargs(side), "get", "admin"),
    "pledge:results": (lambda side: pledge_assessment_kwargs(side), "get", "admin"),
    "pledge:report": (lambda side: pledge_assessment_kwargs(side), "get", "admin"),
    "pledge:improvement": (lambda side: pledge_improvement_kwargs(side), "get", "admin"),
    # The review (issue #5). Before a meeting is arranged the officer is sent back to the
    # case (302) from the record, finalise, outcome and close steps; others get 404.
    "case_review_record": (case_kwargs, "get", "officer"),
    "case_review_involvement": (case_kwargs, "get", "officer"),
    "case_review_pack": (case_kwargs, "get", "officer"),
    "case_plan_finalise": (case_kwargs, "get", "officer"),
    "case_plan_response": (case_kwargs, "get", "officer"),
    "case_outcome_send": (case_kwargs, "get", "officer"),
    "case_outcome_letter_preview": (case_kwargs, "get", "officer"),
    "case_close": (case_kwargs, "get", "officer"),
    # Withdrawal (issue #14): the check page with nothing to check sends the officer back to
    # the form (302); others get 404.
    "case_withdraw": (case_kwargs, "get", "officer"),
    "case_withdraw_check": (case_kwargs, "get", "officer"),
    "action_detail": (lambda side: {"action_id": police_action(side).pk}, "get", "responder"),
    "recommendation_respond": (
        lambda side: {"recommendation_id": police_recommendation(side).pk},
        "get",
        "responder",
    ),
    # Appeals: the PCC office of the case's force area, and the council of its area.
    "appeals:detail": (lambda side: {"appeal_id": side.appeal.pk}, "get", "pcc_officer"),
    "appeals:decide": (lambda side: {"appeal_id": side.appeal.pk}, "get", "pcc_officer"),
    "appeals:document": (
        lambda side: {"appeal_id": side.appeal.pk, "document_id": side.appeal_document.pk},
        "get",
        "pcc_officer",
    ),
    "appeals:record": (
        lambda side: {"area": side.area.slug, "reference": side.appeal.case.reference},
        "get",
        "officer",
    ),
    # Publishing an area's figures: its own area admins only.
    "figures:publish": (lambda side: {"area": side.area.slug}, "get", "admin"),
    # An area's GOV.UK Notify settings (issue #16): its own area admins only.
    "area_notify": (lambda side: {"area": side.area.slug}, "get", "admin"),
    "area_return_address": (lambda side: {"area": side.area.slug}, "get", "admin"),
    # An area's linking model and threshold (issue #20): its own area admins only.
    "incidents:linking_model": (lambda side: {"area": side.area.slug}, "get", "admin"),
    # API tokens (issue #15): only their owner reaches one; everyone else gets 404
    # (test_api_tokens.py also tries other users of the same area).
    "api_token_revoke": (lambda side: {"pk": officers_token(side).pk}, "get", "officer"),
    # Set-up links for the second factor: the area's own admin sends them to its staff.
    "enrolment_send": (lambda side: {"user_id": side.officer.pk}, "post", "admin"),
    # The print queue of letters by post (issue #16): the area's officers and admins. With
    # nothing queued the PDF sends the officer back to the queue (302); marking posted with
    # nothing selected shows the queue again with the error.
    "print_queue_area": (lambda side: {"area": side.area.slug}, "get", "officer"),
    "print_queue_pdf": (lambda side: {"area": side.area.slug}, "get", "officer"),
    "print_queue_posted": (lambda side: {"area": side.area.slug}, "post", "officer"),
    "letter_address": (lambda side: unsent_letter_kwargs(side), "get", "officer"),
    # Saved filters of the case list (issue #17): only their owner reaches one.
    "saved_filter": (lambda side: {"saved_filter_id": officers_filter(side).pk}, "get", "officer"),
    "saved_filter_delete": (
        lambda side: {"saved_filter_id": officers_filter(side).pk},
        "post",
        "officer",
    ),
    # The bodies' incident records (issue #20): the sending body's responders and the area's
    # officers read them; only the sending body matches a file's columns.
    "incidents:feed_detail": (lambda side: {"feed_id": police_feed(side).pk}, "get", "responder"),
    "incidents:feed_columns": (lambda side: {"feed_id": police_feed(side).pk}, "get", "responder"),
    "incidents:record_detail": (
        lambda side: {"record_id": police_record(side).pk},
        "get",
        "responder",
    ),
    # Possible case reviews: the area's officers and admins only. With no letter written the
    # letter sends the officer back to the evidence (302).
    "possible_review": (lambda side: possible_review_kwargs(side), "get", "officer"),
    "possible_review_offer": (lambda side: possible_review_kwargs(side), "get", "officer"),
    "possible_review_dismiss": (lambda side: possible_review_kwargs(side), "get", "officer"),
    "possible_review_start": (lambda side: possible_review_kwargs(side), "get", "officer"),
    "possible_review_letter": (lambda side: possible_review_kwargs(side), "get", "officer"),
    # Answering the check page's suggestion: with nothing chosen the body is sent back (302).
    "threshold_check_suggestion": (
        lambda side: {"check_id": side.case.threshold_checks.get(agency=side.police).pk},
        "post",
        "responder",
    ),
}


def police_record(side):
    """An incident record the side's police sent (made once)."""
    from incidents.models import IncidentRecord

    found = IncidentRecord.objects.filter(area=side.area, body=side.police).first()
    if found is None:
        from tests.incidents.records import record

        found = record(side, ref=f"{side.area.slug}-1")
    return found


def police_feed(side):
    """A CSV the side's police uploaded, its columns not matched yet (made once)."""
    from incidents import services
    from incidents.models import IncidentFeed
    from tests.incidents.helpers import csv_file, row

    found = IncidentFeed.objects.filter(area=side.area, body=side.police).first()
    return found or services.receive_upload(
        csv_file(row("P-1")), area=side.area, body=side.police, by=side.responder
    )


def possible_review_kwargs(side):
    """A possible case review of the side's area (made once)."""
    from django.utils import timezone

    from triggers.models import PossibleReview

    possible, _ = PossibleReview.objects.get_or_create(
        area=side.area,
        person_key="1",
        defaults={
            "name": "Jane Doe",
            "engine_route": "complaints",
            "engine_qualifying": 3,
            "engine_threshold": 3,
            "engine_reasons": "The threshold is met.",
            "found_at": timezone.now(),
        },
    )
    return {"possible_review_id": possible.pk}


def unsent_letter_kwargs(side):
    """A letter of the side that could not be sent (a postal applicant with no address), made
    once, on a case of its own so that the side's case keeps its one letter."""
    from tests.triggers.post.helpers import postal_case

    if not hasattr(side, "unsent_letter"):
        case = postal_case(side, address="", postcode="", name="Unsent Applicant")
        side.unsent_letter = case.letter_deliveries.get()
    return {"area": side.area.slug, "delivery_id": side.unsent_letter.pk}


def officers_filter(side):
    """A saved filter of the side's officer (made once; made again after a delete)."""
    from triggers.models import SavedFilter

    saved, _ = SavedFilter.objects.get_or_create(
        user=side.officer, name="Overdue", defaults={"query": "overdue=on"}
    )
    return saved


def officers_token(side):
    """An API token of the side's officer (made once)."""
    from agencies import tokens

    if not hasattr(side, "officers_token"):
        side.officers_token, _ = tokens.create_token(side.officer, name="Feed", scope="read")
    return side.officers_token


# Lists scoped to the user: each has its own test below.
LISTS = {"messages_failed", "inbox", "api:case_list", "api:application_create", "pledge:home"}
# The access audit: an area admin sees their own areas' rows (test_access_audit.py).
LISTS |= {"audit_log", "audit_export"}
LISTS |= {"actions"}  # the review's action plan (issue #5)
# The PCC's appeals and figures, scoped to the user's force area (tests below).
LISTS |= {"appeals:list", "appeals:figures"}
# The figures dashboard and the return: each shows only the user's areas (tests below).
LISTS |= {"figures:dashboard", "figures:return_csv", "figures:return_json"}
# The user's own API tokens, and the staff an admin may send set-up links to (issue #15;
# tests/security/test_api_tokens.py and test_second_factor.py).
LISTS |= {"api_tokens", "enrolment_staff"}
# The print queues of the user's areas (tests/triggers/post/test_views.py).
LISTS |= {"print_queue"}
# The case list's CSV export and the form to save its filter (issue #17;
# tests/triggers/cases/test_export.py and test_saved_filters.py).
LISTS |= {"case_list_export", "saved_filter_new"}
# The area admin's start page: counts and cases of their own areas (test below).
LISTS |= {"attention"}
# The bodies' incident records and possible case reviews (issue #20): each list shows only
# what the user may read, and a batch goes only to an area the user's body feeds
# (tests/incidents/test_access.py, test_feeds.py; tests/triggers/proactive/).
LISTS |= {"incidents:feeds", "incidents:records", "incidents:upload", "incidents:api_batch"}
LISTS |= {"possible_reviews"}

# The applicant's private link: tested below with two applicants' sessions.
APPLICANT_ROUTES = {"track:case", "track:letter", "track:open"}
APPLICANT_ROUTES |= {"track:involvement", "track:plan"}  # the victim's part in the review
APPLICANT_ROUTES |= {"appeals:track_lodge"}
APPLICANT_ROUTES |= {"track:withdraw"}  # asking to withdraw (issue #14)
APPLICANT_ROUTES |= {"track:meeting_calendar"}  # the meeting's calendar file (issue #16)

# Staff-only forms that name no object: recording an application by phone, paper or in
# person. Only case officers and area admins may open them (anyone else gets 404), and the
# areas they offer are the user's own (tests/triggers/test_record_application.py).
STAFF_FORMS = {
    "record:start",
    "record:who",
    "record:on_behalf",
    "record:victim",
    "record:complaints",
    "record:complaint",
    "record:complaint_remove",
    "record:impact",
    "record:contact",
    "record:check",
    "record:discard",
}


# The demo mailbox (issue #16): DEBUG only, the platform admin only, every area's messages.
# Every other role gets 404, with DEBUG on or off (test below).
DEMO = {"demo_mailbox", "demo_mailbox_attachment"}


def named_patterns(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace in IGNORED_NAMESPACES:
                continue
            prefix = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from named_patterns(entry, prefix)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}"


def test_every_url_is_covered_by_the_walk():
    unknown = set(named_patterns()) - PUBLIC - set(ROUTES) - APPLICANT_ROUTES - LISTS - STAFF_FORMS
    unknown -= DEMO
    assert not unknown, f"Add these URL names to the isolation walk: {sorted(unknown)}"


# "panel": an independent appeal panel member, named for the side's area (DOMAIN.md §5.7).
ROLES = ("officer", "admin", "responder", "chair", "pcc_officer", "panel")


@pytest.fixture
def sides(north, south):
    """Both sides with a decided threshold (so a letter), agencies asked, and the police's
    return sent with a document. The south side is in Wales (issue #19): its force area is a
    Welsh one, so every page is walked for a Welsh area too."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from agencies.models import Area, RoleAssignment

    Area.objects.filter(pk=south.area.pk).update(nation=Area.Nation.WALES)
    south.area.refresh_from_db()
    south.case.area.refresh_from_db()
    from tests.factories import user_with_role
    from triggers.information.services import ReturnData, submit_return
    from triggers.threshold.services import decide_threshold

    for side in (north, south):
        side.panel = user_with_role(
            RoleAssignment.Role.APPEAL_PANEL,
            area=side.area,
            email=f"panel@{side.area.slug}.example.org",
        )
        decide_threshold(side.case, "met", by=side.officer)
        side.info_request = side.case.information_requests.get(agency=side.police)
        pdf = SimpleUploadedFile("log.pdf", b"%PDF-1.4 police log", "application/pdf")
        submit_return(
            side.info_request,
            ReturnData(actions_taken="Visited twice."),
            by=side.responder,
            files=[pdf],
        )
        side.document = side.info_request.documents.get()
        side.appeal, side.appeal_document = appealed_case(side)
    return north, south


def request(client, name, side):
    kwargs_for, method, _ = ROUTES[name]
    return getattr(client, method)(reverse(name, kwargs=kwargs_for(side)))


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(ROUTES))
def test_other_sides_objects_are_not_found(client, sides, name, walk):
    north, south = sides
    for mine, theirs in ((north, south), (south, north)):
        for role in ROLES:
            client.force_login(getattr(mine, role))
            response = request(client, name, theirs)
            assert response.status_code == 404, f"{role} of {mine.area} reached {name}"
            walk(name, f"{role} (other area)")


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(ROUTES))
def test_own_side_can_use_it(client, sides, name, walk):
    for side in sides:
        client.force_login(getattr(side, ROUTES[name][2]))
        assert request(client, name, side).status_code in (200, 302)
        walk(name, f"{ROUTES[name][2]} (own area)")


@pytest.mark.django_db
def test_applicant_link_opens_only_its_own_case_and_letters(client, sides):
    north, south = sides
    client.get(reverse("track:open", args=[north.case.token]))
    page = client.get(reverse("track:case")).content.decode()
    assert north.case.reference in page and south.case.reference not in page
    north_letter, south_letter = (s.case.letters.get().pk for s in sides)
    assert client.get(reverse("track:letter", args=[north_letter])).status_code == 200
    assert client.get(reverse("track:letter", args=[south_letter])).status_code == 404
    assert client.get(reverse("track:open", args=["not-a-real-token"])).status_code == 404


@pytest.mark.django_db
def test_case_list_shows_only_own_area(client, north, south):
    client.force_login(north.officer)
    page = client.get(reverse("home")).content.decode()
    assert north.case.reference in page
    assert south.case.reference not in page


@pytest.mark.django_db
def test_failed_messages_list_shows_only_own_area(client, north, south):
    from notifications.models import Message

    Message.objects.update(status=Message.Status.FAILED, last_error="Mailbox full")
    client.force_login(north.admin)
    page = client.get(reverse("messages_failed")).content.decode()
    assert north.case.reference in page and south.case.reference not in page
    client.force_login(north.officer)  # not an admin: sees no messages
    assert north.case.reference not in client.get(reverse("messages_failed")).content.decode()


@pytest.mark.django_db
def test_inbox_shows_only_own_agencys_requests(client, sides):
    north, south = sides
    client.force_login(north.responder)
    page = client.get(reverse("inbox"), {"show": "all"}).content.decode()
    assert north.case.reference in page and south.case.reference not in page


def staff_form_url(name):
    """The address of a staff form; those about one report get an id that need not exist."""
    if name in ("record:complaint_remove",):
        return reverse(name, args=["abc123"])
    return reverse(name)


@pytest.mark.django_db
def test_staff_forms_are_for_officers_and_admins_only(client, north, south):
    for role in ("responder", "chair", "pcc_officer"):
        client.force_login(getattr(north, role))
        for name in sorted(STAFF_FORMS):
            for method in ("get", "post"):
                response = getattr(client, method)(staff_form_url(name))
                assert response.status_code == 404, f"{role} reached {name} ({method})"
    for role in ("officer", "admin"):
        client.force_login(getattr(north, role))
        response = client.get(reverse("record:start"))
        assert response.status_code == 200, role
        page = response.content.decode()
        assert 'value="north"' in page and 'value="south"' not in page


@pytest.mark.django_db
def test_private_link_expires_with_the_cases_retention(client, north):
    from datetime import timedelta

    from django.utils import timezone

    from triggers.models import Case

    url = reverse("track:open", args=[north.case.token])
    Case.objects.filter(pk=north.case.pk).update(
        closed_at=timezone.now() - timedelta(days=365 * north.area.retention_years - 5)
    )
    assert client.get(url).status_code == 302  # closed, but still kept
    Case.objects.filter(pk=north.case.pk).update(
        closed_at=timezone.now() - timedelta(days=365 * north.area.retention_years + 5)
    )
    assert client.get(url).status_code == 404
    assert client.get(reverse("track:case")).status_code == 404  # the session stops too


@pytest.mark.django_db
def test_revoked_link_no_longer_opens(client, north):
    from triggers.models import Case

    Case.objects.filter(pk=north.case.pk).update(tracking_revoked=True)
    assert client.get(reverse("track:open", args=[north.case.token])).status_code == 404


# --- The walk for every role, the applicant's session included -------------------------------

ALL_ROLES = (*ROLES, "applicant")
# Addresses of URL names that need an argument but name no tenant's object: a function of the
# other side. An area's public figures name the area, never a case: the walk opens the other
# area's, which must show none of its cases either.
PLAIN_ARGS = {
    "apply:complaint_remove": lambda theirs: ["abc123"],
    "record:complaint_remove": lambda theirs: ["abc123"],
    "signin_enrol": lambda theirs: ["not-a-real-set-up-link-0000000"],
    "figures:area": lambda theirs: [theirs.area.slug],
    "figures:area_csv": lambda theirs: [theirs.area.slug],
    "figures:area_json": lambda theirs: [theirs.area.slug],
    "recommendation_answer": lambda theirs: ["not-a-real-response-link-0000000"],
    "notify_receipt": lambda theirs: [theirs.area.slug],
    "incidents:api_batch": lambda theirs: [theirs.area.slug],
    "switch_language": lambda theirs: ["cy"],
}
# An applicant is not signed in: staff pages send them to sign in, the API refuses them.
NOT_SIGNED_IN = (302, 401, 403, 404)


def become(client, side, role):
    """Sign the client in as `role` of `side`; the applicant opens their private link."""
    client.logout()
    if role == "applicant":
        client.get(reverse("track:open", args=[side.case.token]))
    else:
        client.force_login(getattr(side, role))


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(ROUTES))
def test_applicant_of_another_area_reaches_no_staff_object(client, sides, name, walk):
    north, south = sides
    for mine, theirs in ((north, south), (south, north)):
        become(client, mine, "applicant")
        response = request(client, name, theirs)
        assert response.status_code in NOT_SIGNED_IN, f"applicant reached {name}"
        if response.status_code == 302:
            assert response.url.startswith(reverse("signin")), name
        assert theirs.case.reference not in response.content.decode()
        walk(name, "applicant (other area)")


def unscoped_url(name, theirs):
    return reverse(name, args=PLAIN_ARGS[name](theirs) if name in PLAIN_ARGS else [])


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    sorted((PUBLIC | LISTS | STAFF_FORMS | APPLICANT_ROUTES) - {"track:open", "track:letter"}),
)
def test_no_role_sees_the_other_areas_case_on_pages_that_name_none(client, sides, name, walk):
    """Pages without an object in their address (lists, forms, public pages) show each role
    nothing of the other area's cases, whatever the role."""
    north, south = sides
    for mine, theirs in ((north, south), (south, north)):
        for role in ALL_ROLES:
            become(client, mine, role)
            response = client.get(unscoped_url(name, theirs))
            assert response.status_code < 500, (name, role)
            # A streamed download (the case list's CSV) is read to its end.
            content = (
                b"".join(response.streaming_content) if response.streaming else response.content
            )
            body = content.decode(errors="replace")
            assert theirs.case.reference not in body, f"{role} of {mine.area} saw it on {name}"
            assert theirs.case.applicant_name not in body, f"{role} saw a name on {name}"
            walk(name, role)


@pytest.mark.django_db
def test_applicant_letters_of_another_case_are_not_found(client, sides, walk):
    north, south = sides
    for mine, theirs in ((north, south), (south, north)):
        become(client, mine, "applicant")
        letter = theirs.case.letters.get()
        assert client.get(reverse("track:letter", args=[letter.pk])).status_code == 404
        walk("track:letter", "applicant (other area)")
        for role in ROLES:  # staff have no applicant session: the private pages are empty
            become(client, mine, role)
            assert client.get(reverse("track:letter", args=[letter.pk])).status_code == 404
            walk("track:letter", role)


# --- The PLEDGE ------------------------------------------------------------------------------


def pledge_org_kwargs(side):
    return {"kind": "area", "slug": side.area.slug}


def pledge_assessment(side):
    """A submitted self-assessment of the side's area, with one gap in its plan (made once)."""
    if not hasattr(side, "pledge_assessment"):
        from pledge import services
        from pledge.selectors import Organisation

        assessment = services.start_assessment(Organisation(area=side.area), by=side.admin)
        answers = {
            a.question.code: services.AnswerData(
                value="no" if a.question.code == "staff-training" else "yes",
                override_note="Checked.",
            )
            for a in assessment.answers.select_related("question")
        }
        services.save_answers(assessment, answers, by=side.admin)
        side.pledge_assessment = services.submit_assessment(assessment, by=side.admin)
    return side.pledge_assessment


def pledge_assessment_kwargs(side):
    return {"assessment_id": pledge_assessment(side).pk}


def pledge_improvement_kwargs(side):
    assessment = pledge_assessment(side)
    return {"assessment_id": assessment.pk, "item_id": assessment.improvements.get().pk}


@pytest.mark.django_db
def test_pledge_list_and_pages_show_only_own_organisation(client, sides):
    north, south = sides
    client.force_login(north.admin)
    page = client.get(reverse("pledge:home")).content.decode()
    assert "/pledge/area/north/" in page and "/pledge/area/south/" not in page
    # The PCC officer reads their own force area's assessments, never another force's.
    client.force_login(north.pcc_officer)
    assert (
        client.get(reverse("pledge:results", kwargs=pledge_assessment_kwargs(north))).status_code
        == 200
    )
    assert (
        client.get(reverse("pledge:results", kwargs=pledge_assessment_kwargs(south))).status_code
        == 404
    )


@pytest.mark.django_db
def test_actions_list_shows_only_own_agencys_actions(client, sides):
    north, south = sides
    police_action(north), police_action(south)
    client.force_login(north.responder)
    page = client.get(reverse("actions")).content.decode()
    assert north.case.reference in page and south.case.reference not in page
    client.force_login(north.officer)
    page = client.get(reverse("actions")).content.decode()
    assert north.case.reference in page and south.case.reference not in page
    for role in ("chair", "pcc_officer"):
        client.force_login(getattr(north, role))
        page = client.get(reverse("actions")).content.decode()
        assert north.case.reference not in page and south.case.reference not in page


@pytest.mark.django_db
def test_applicant_review_pages_reach_only_their_own_case(client, sides):
    north, south = sides
    client.get(reverse("track:open", args=[north.case.token]))
    page = client.get(reverse("track:involvement")).content.decode()
    assert north.case.reference in page and south.case.reference not in page
    client.post(reverse("track:involvement"), {"way": "none"})
    assert north.case.involvements.count() == 1 and not south.case.involvements.exists()
    # With no draft plan yet, the plan page sends the applicant back to their case.
    assert client.get(reverse("track:plan")).status_code == 302
    from django.test import Client

    other = Client()  # a browser that never opened a private link
    assert other.get(reverse("track:involvement")).status_code == 404
    assert other.get(reverse("track:plan")).status_code == 404
    assert other.get(reverse("track:withdraw")).status_code == 404
    # Asking to withdraw reaches only the applicant's own case.
    client.post(reverse("track:withdraw"), {"confirm": "on", "details": "It stopped."})
    north.case.refresh_from_db()
    south.case.refresh_from_db()
    assert north.case.withdrawal_requested_at and not south.case.withdrawal_requested_at


@pytest.mark.django_db
def test_applicant_calendar_file_is_their_own_meeting(client, sides):
    from datetime import timedelta

    from django.test import Client
    from django.utils import timezone

    from triggers.meetings import services as meetings

    for side in sides:
        starts = timezone.now() + timedelta(days=3)
        meetings.schedule_review(
            side.case,
            meetings.MeetingData(
                starts_at=starts,
                ends_at=starts + timedelta(hours=1),
                chair=side.chair,
                venue=f"{side.area.name} Hall",
            ),
            by=side.officer,
        )
    north, south = sides
    client.get(reverse("track:open", args=[north.case.token]))
    calendar = client.get(reverse("track:meeting_calendar")).content.decode()
    assert north.case.reference in calendar and south.case.reference not in calendar
    assert "North Hall" in calendar and "South Hall" not in calendar
    assert Client().get(reverse("track:meeting_calendar")).status_code == 404
    other = Client()
    other.force_login(south.officer)
    assert other.get(reverse("track:meeting_calendar")).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("debug", [False, True])
def test_demo_mailbox_is_the_platform_admins_alone(client, sides, settings, walk, debug):
    from notifications.models import Attachment
    from tests.factories import user_with_role

    settings.DEBUG = debug
    pdf = Attachment.objects.filter(mimetype="application/pdf").first()
    urls = {
        "demo_mailbox": reverse("demo_mailbox"),
        "demo_mailbox_attachment": reverse("demo_mailbox_attachment", args=[pdf.pk]),
    }
    for side in sides:
        for role in ALL_ROLES:
            become(client, side, role)
            for name, url in urls.items():
                response = client.get(url)
                if role == "applicant" and debug:  # not signed in: sent to sign in
                    assert response.status_code == 302, (name, role)
                    assert response.url.startswith(reverse("signin"))
                else:
                    assert response.status_code == 404, (name, role, debug)
                walk(name, role)
    platform_admin = user_with_role("platform_admin", email="platform@example.org")
    client.force_login(platform_admin)
    for name, url in urls.items():
        assert client.get(url).status_code == (200 if debug else 404), (name, debug)
        walk(name, "platform admin")


def appealed_case(side):
    """A second case of the side, threshold not met, appealed with a document."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from appeals.lodging import AppealData, lodge_appeal
    from tests.appeals.helpers import not_met_case

    pdf = SimpleUploadedFile("diary.pdf", b"%PDF-1.4 my diary", "application/pdf")
    case = not_met_case(side)
    appeal = lodge_appeal(case, AppealData(grounds=["other"], explanation="Not fair.", files=[pdf]))
    appeal.case.token = case.token
    return appeal, appeal.documents.get()


@pytest.mark.django_db
def test_appeal_lists_show_only_own_force(client, sides):
    north, south = sides
    for name in ("appeals:list", "appeals:figures"):
        for role in ROLES:
            client.force_login(getattr(north, role))
            page = client.get(reverse(name), {"show": "all"}).content.decode()
            assert south.appeal.case.reference not in page, (role, name)
            assert south.area.name not in page, (role, name)
    client.force_login(north.pcc_officer)
    assert north.appeal.case.reference in client.get(reverse("appeals:list")).content.decode()
    assert north.area.name in client.get(reverse("appeals:figures")).content.decode()


APPEAL_ROUTES = ("appeals:detail", "appeals:decide", "appeals:document")


@pytest.mark.django_db
def test_a_panel_areas_appeal_is_reached_only_by_its_own_panel(client, sides, walk):
    """Where the area's independent panel hears appeals, its members open and decide them;
    another area's panel member, and every other role of the other side, get 404, and the
    PCC's office (which does not hear it) gets 404 too."""
    from agencies.models import Area

    north, south = sides
    Area.objects.filter(pk=north.area.pk).update(appeal_body=Area.AppealBody.INDEPENDENT_PANEL)
    north.area.refresh_from_db()
    north.appeal, north.appeal_document = appealed_case(north)
    assert north.appeal.body == Area.AppealBody.INDEPENDENT_PANEL
    for name in APPEAL_ROUTES:
        client.force_login(north.panel)
        assert request(client, name, north).status_code == 200, name
        walk(name, "panel (own area)")
        for role in ROLES:
            client.force_login(getattr(south, role))
            assert request(client, name, north).status_code == 404, (role, name)
            walk(name, f"{role} (other area)")
        client.force_login(north.pcc_officer)
        assert request(client, name, north).status_code == 404, ("pcc_officer", name)
    client.force_login(north.panel)
    page = client.get(reverse("appeals:list"), {"show": "all"}).content.decode()
    assert north.appeal.case.reference in page and south.appeal.case.reference not in page


@pytest.mark.django_db
def test_applicant_appeals_only_their_own_case(client, sides):
    north, south = sides
    client.get(reverse("track:open", args=[south.appeal.case.token]))
    page = client.get(reverse("appeals:track_lodge")).content.decode()
    assert south.appeal.case.reference in page and north.appeal.case.reference not in page
    client.logout()
    assert client.get(reverse("appeals:track_lodge")).status_code == 404


@pytest.mark.django_db
def test_figures_dashboard_and_return_show_only_own_areas(client, north, south):
    import json

    for role in ("officer", "admin", "pcc_officer"):
        client.force_login(getattr(north, role))
        page = client.get(reverse("figures:dashboard")).content.decode()
        assert north.area.name in page and south.area.name not in page, role
        data = json.loads(client.get(reverse("figures:return_json")).content)
        assert [a["area_slug"] for a in data["areas"]] == [north.area.slug], role
        csv_text = client.get(reverse("figures:return_csv")).content.decode()
        assert north.area.slug in csv_text and south.area.slug not in csv_text, role
    for role in ("responder", "chair"):
        client.force_login(getattr(north, role))
        for name in ("figures:dashboard", "figures:return_csv", "figures:return_json"):
            assert client.get(reverse(name)).status_code == 404, (role, name)


@pytest.mark.django_db
def test_the_language_switch_records_only_on_the_visitors_own_case(client, sides):
    """Issue #19: switching language on a private-link page writes to that link's case only;
    the Welsh side's case is untouched by a visitor of the English side, and vice versa."""
    north, south = sides
    client.get(reverse("track:open", args=[south.case.token]))
    client.get(reverse("switch_language", args=["cy"]), {"next": reverse("track:case")})
    south.case.refresh_from_db()
    north.case.refresh_from_db()
    assert (south.case.applicant_language, north.case.applicant_language) == ("cy", "en")
    other = client_class_for(client)
    other.get(reverse("track:open", args=[north.case.token]))
    other.get(reverse("switch_language", args=["cy"]), {"next": reverse("track:case")})
    north.case.refresh_from_db()
    assert north.case.applicant_language == "en"  # an English area's case is never Welsh


def client_class_for(client):
    return type(client)()
