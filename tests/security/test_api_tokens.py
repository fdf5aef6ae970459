"""API tokens (issue #15, finding 1): each member of staff makes their own, behind their second
factor; tokens are hashed, named, scoped, expire by their area's policy, and every call made
with one is audited as its owner with the token's name. Nobody can make one for someone else.
"""

from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib.admin.sites import site
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from agencies import tokens
from agencies.models import ApiToken, RoleAssignment
from audit.models import AccessRecord

pytestmark = pytest.mark.django_db


def with_token(secret: str) -> APIClient:
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    return api


def make(client, name="Housing import", scope="read"):
    return client.post(reverse("api_tokens"), {"name": name, "scope": scope})


def test_there_is_no_way_to_mint_a_token_in_the_admin(client, north):
    from agencies.models import User

    assert not apps.is_installed("rest_framework.authtoken")
    assert not [m for m in site._registry if "token" in m._meta.model_name]
    root = User.objects.create_superuser("root@example.org", "x" * 16, full_name="Root")
    client.force_login(root)
    assert client.get("/admin/authtoken/tokenproxy/add/").status_code == 404
    assert client.get("/admin/knox/authtoken/add/").status_code == 404
    assert client.get("/admin/agencies/apitoken/add/").status_code == 404


def test_a_member_of_staff_makes_their_own_token_shown_once_and_stored_hashed(client, north):
    client.force_login(north.officer)
    response = make(client)
    assert response.status_code == 200
    token = ApiToken.objects.get()
    page = response.content.decode()
    secret = page.split('id="api-token">')[1].split("<")[0]
    assert secret.startswith("asb_") and len(secret) > 40
    assert token.user == north.officer and token.name == "Housing import"
    # Only a digest is kept: the token is in no column of the row.
    assert secret not in str(vars(token)) and token.digest != secret
    listing = client.get(reverse("api_tokens")).content.decode()
    assert "Housing import" in listing and secret not in listing and "Never" in listing
    listed = with_token(secret).get(reverse("api:case_list"))
    assert listed.status_code == 200
    assert [c["reference"] for c in listed.json()["results"]] == [north.case.reference]
    token.refresh_from_db()
    assert token.last_used_at is not None
    assert "Never" not in client.get(reverse("api_tokens")).content.decode()


def test_nobody_can_make_a_token_for_someone_else(client, north):
    client.force_login(north.admin)
    client.post(reverse("api_tokens"), {"name": "x", "scope": "read", "user": north.officer.pk})
    assert list(ApiToken.objects.values_list("user", flat=True)) == [north.admin.pk]


def test_tokens_expire_by_the_shortest_policy_of_the_users_areas(north, south):
    assert tokens.lifetime_days(north.officer) == 90
    south.area.api_token_days = 30
    south.area.save()
    RoleAssignment.objects.create(user=north.officer, role="case_officer", area=south.area)
    officer = type(north.officer).objects.get(pk=north.officer.pk)  # roles are cached per object
    token, secret = tokens.create_token(officer, name="Nightly", scope="read")
    assert abs(token.expiry - (timezone.now() + timedelta(days=30))) < timedelta(minutes=1)
    assert with_token(secret).get(reverse("api:case_list")).status_code == 200
    ApiToken.objects.filter(pk=token.pk).update(expiry=timezone.now() - timedelta(seconds=1))
    assert with_token(secret).get(reverse("api:case_list")).status_code == 401


def test_a_read_only_token_may_not_change_anything(north):
    _, read = tokens.create_token(north.officer, name="Reader", scope="read")
    _, write = tokens.create_token(north.officer, name="Writer", scope="read_write")
    url = reverse("api:application_create")
    refused = with_token(read).post(url, {}, format="json")
    assert refused.status_code == 403 and "read-only" in refused.json()["detail"]
    assert with_token(write).post(url, {}, format="json").status_code == 400  # reached the view


def test_revoking_asks_first_and_reaches_only_your_own_tokens(client, north):
    token, secret = tokens.create_token(north.officer, name="Old feed", scope="read")
    url = reverse("api_token_revoke", args=[token.pk])
    for other in (north.admin, north.responder):
        client.force_login(other)
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
    client.force_login(north.officer)
    page = client.get(url).content.decode()
    assert "Are you sure you want to revoke" in page and "Old feed" in page
    assert ApiToken.objects.filter(pk=token.pk).exists()  # the question changes nothing
    response = client.post(url)
    assert response.status_code == 302 and response.url == reverse("api_tokens")
    assert not ApiToken.objects.exists()
    assert with_token(secret).get(reverse("api:case_list")).status_code == 401


def test_token_pages_need_the_second_factor(client, north, settings):
    settings.REQUIRE_2FA = True
    client.force_login(north.officer)  # password only, as the Django admin's form would
    for response in (client.get(reverse("api_tokens")), make(client)):
        assert response.status_code == 302 and response.url == reverse("signin_verify")
    assert not ApiToken.objects.exists()


def test_a_token_is_not_asked_for_a_second_factor_but_opens_no_page(north, settings):
    settings.REQUIRE_2FA = True
    _, secret = tokens.create_token(north.officer, name="Feed", scope="read")
    api = with_token(secret)
    assert api.get(reverse("api:case_list")).status_code == 200
    # A token is for the API only: on a page it signs nobody in.
    response = api.get(reverse("home"))
    assert response.status_code == 302 and response.url.startswith(reverse("signin"))


def test_api_reads_are_audited_as_the_tokens_owner_with_its_name(north):
    _, secret = tokens.create_token(north.officer, name="Housing import", scope="read")
    url = reverse("api:case_detail", args=[north.area.slug, north.case.reference])
    assert with_token(secret).get(url).status_code == 200
    record = AccessRecord.objects.get(url_name="api:case_detail")
    assert record.user == north.officer and record.who == north.officer.email
    assert (record.api_token, record.method, record.action) == ("Housing import", "GET", "view")
    assert record.case_reference == north.case.reference


def test_the_header_links_to_the_tokens_page(client, north):
    client.force_login(north.responder)
    assert reverse("api_tokens") in client.get(reverse("home"), {"cases": "1"}).content.decode()
