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
    "start",
    "accessibility",
    "privacy",
    "healthz",
    "signin",
    "signout",
    "home",
    # The application journey: it shows only the answers in the visitor's own session.
    "apply:start",
    "apply:who",
    "apply:on_behalf",
    "apply:complaints",
    "apply:complaint",
    "apply:complaint_remove",
    "apply:impact",
    "apply:contact",
    "apply:check",
    "apply:done",
}

# Namespaces we do not own and that no case data passes through.
IGNORED_NAMESPACES = {"admin"}


def case_kwargs(side):
    return {"area": side.area.slug, "reference": side.case.reference}


def letter_kwargs(side):
    return {**case_kwargs(side), "letter_id": side.case.letters.get().pk}


def message_kwargs(side):
    from notifications.models import Message

    return {"message_id": Message.objects.filter(area=side.area).first().pk}


# name -> (function(side) giving the URL kwargs of that side's object, HTTP method, the role
# on the owning side that may use it)
ROUTES = {
    "case_detail": (case_kwargs, "get", "officer"),
    "case_acknowledge": (case_kwargs, "post", "officer"),
    "case_threshold": (case_kwargs, "get", "officer"),
    "case_letter": (letter_kwargs, "get", "officer"),
    "message_resend": (message_kwargs, "post", "admin"),
    "case_notify": (case_kwargs, "get", "officer"),
    "request_detail": (lambda side: {"request_id": side.info_request.pk}, "get", "responder"),
    "document": (lambda side: {"document_id": side.document.pk}, "get", "responder"),
}

# Lists scoped to the user: each has its own test below.
LISTS = {"messages_failed", "inbox"}

# The applicant's private link: tested below with two applicants' sessions.
APPLICANT_ROUTES = {"track:case", "track:letter", "track:open"}


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
    unknown = set(named_patterns()) - PUBLIC - set(ROUTES) - APPLICANT_ROUTES - LISTS
    assert not unknown, f"Add these URL names to the isolation walk: {sorted(unknown)}"


ROLES = ("officer", "admin", "responder", "chair", "pcc_officer")


@pytest.fixture
def sides(north, south):
    """Both sides with a decided threshold (so a letter), agencies asked, and the police's
    return sent with a document."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from triggers.services import ReturnData, decide_threshold, notify_agencies, submit_return

    for side in (north, south):
        decide_threshold(side.case, "met", by=side.officer)
        side.info_request = next(
            r for r in notify_agencies(side.case, by=side.officer) if r.agency_id == side.police.pk
        )
        pdf = SimpleUploadedFile("log.pdf", b"%PDF-1.4 police log", "application/pdf")
        submit_return(
            side.info_request,
            ReturnData(actions_taken="Visited twice."),
            by=side.responder,
            files=[pdf],
        )
        side.document = side.info_request.documents.get()
    return north, south


def request(client, name, side):
    kwargs_for, method, _ = ROUTES[name]
    return getattr(client, method)(reverse(name, kwargs=kwargs_for(side)))


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(ROUTES))
def test_other_sides_objects_are_not_found(client, sides, name):
    north, south = sides
    for mine, theirs in ((north, south), (south, north)):
        for role in ROLES:
            client.force_login(getattr(mine, role))
            response = request(client, name, theirs)
            assert response.status_code == 404, f"{role} of {mine.area} reached {name}"


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(ROUTES))
def test_own_side_can_use_it(client, sides, name):
    for side in sides:
        client.force_login(getattr(side, ROUTES[name][2]))
        assert request(client, name, side).status_code in (200, 302)


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
