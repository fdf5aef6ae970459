"""Each role's start page after sign-in (issue #17)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from notifications.models import Message


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "lands_on"),
    [("responder", "inbox"), ("pcc_officer", "appeals:list"), ("admin", "attention")],
)
def test_roles_whose_work_is_elsewhere_land_on_it(client, north, role, lands_on):
    client.force_login(getattr(north, role))
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"] == reverse(lands_on)
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.django_db
def test_case_officer_lands_on_the_case_list(client, north):
    client.force_login(north.officer)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert north.case.reference in response.content.decode()


@pytest.mark.django_db
def test_sign_in_takes_a_responder_to_their_requests(client, north):
    client.force_login(north.responder)
    response = client.get(reverse("home"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("inbox")


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["responder", "pcc_officer", "admin"])
def test_the_case_list_stays_one_link_away(client, north, role):
    client.force_login(getattr(north, role))
    response = client.get(reverse("home"), {"cases": "1"})
    assert response.status_code == 200
    assert f'href="{reverse("home")}?cases=1"' in response.content.decode()  # "Cases"


@pytest.mark.django_db
def test_a_filtered_or_paged_list_is_never_redirected(client, north):
    client.force_login(north.responder)
    assert client.get(reverse("home"), {"status": "submitted", "apply": "1"}).status_code == 200
    assert client.get(reverse("home"), {"page": "2"}).status_code == 200


@pytest.mark.django_db
def test_responders_get_an_actions_link_and_officers_do_not(client, north):
    client.force_login(north.responder)
    page = client.get(reverse("inbox")).content.decode()
    assert f'href="{reverse("actions")}">Actions</a>' in page
    client.force_login(north.officer)
    assert ">Actions</a>" not in client.get(reverse("home")).content.decode()


@pytest.mark.django_db
def test_responders_do_not_see_the_officer_filter(client, north):
    client.force_login(north.responder)
    page = client.get(reverse("home"), {"cases": "1"}).content.decode()
    assert 'name="officer"' not in page and 'name="status"' in page
    client.force_login(north.officer)
    assert 'name="officer"' in client.get(reverse("home")).content.decode()


def _make_work(side):
    today = timezone.localdate()
    side.case.__class__.objects.filter(pk=side.case.pk).update(next_due=today - timedelta(days=3))
    Message.objects.filter(area=side.area).update(status=Message.Status.FAILED)


@pytest.mark.django_db
def test_attention_page_shows_its_panels_with_links(client, north, south):
    _make_work(north)
    _make_work(south)
    client.force_login(north.admin)
    response = client.get(reverse("attention"))
    page = response.content.decode()
    for panel in ("panel-messages", "panel-figures", "panel-overdue", "panel-new"):
        assert f'id="{panel}"' in page
    assert reverse("messages_failed") in page
    failed = Message.objects.filter(area=north.area, status=Message.Status.FAILED).count()
    assert failed and f"{failed} message" in page
    assert north.case.reference in page and south.case.reference not in page
    assert "See all 1 overdue case<" in page


@pytest.mark.django_db
def test_attention_page_names_figures_due_for_publication(client, north):
    # A case from 12 months ago: the first publication falls due within the month.
    north.case.__class__.objects.filter(pk=north.case.pk).update(
        application_date=timezone.localdate() - timedelta(days=350)
    )
    client.force_login(north.admin)
    page = client.get(reverse("attention")).content.decode()
    assert reverse("figures:publish", kwargs={"area": north.area.slug}) in page


@pytest.mark.django_db
def test_attention_page_is_for_area_admins_only(client, north):
    client.force_login(north.officer)
    assert client.get(reverse("attention")).status_code == 404


@pytest.mark.django_db
def test_attention_page_queries_do_not_grow_with_cases(
    client, north, django_assert_max_num_queries
):
    from tests.factories import make_case

    for _ in range(5):
        make_case(north.area)
    _make_work(north)
    client.force_login(north.admin)
    with django_assert_max_num_queries(20):
        assert client.get(reverse("attention")).status_code == 200


@pytest.mark.django_db
def test_attention_page_counts_the_areas_letters_waiting_to_be_posted(client, north, south):
    from tests.triggers.post.helpers import postal_case

    client.force_login(north.admin)
    empty = client.get(reverse("attention")).content.decode()
    assert "No letters are waiting to be posted" in empty
    postal_case(north)
    postal_case(north, address="", postcode="", name="No Address")
    postal_case(south)
    page = client.get(reverse("attention")).content.decode()
    assert 'id="panel-post"' in page and reverse("print_queue") in page
    assert "2 letters waiting in the print queue" in page
