"""Issue #19: before a member of staff is signed in, their areas are not known, so the pages
of signing in follow the staff language cookie (which only staff of a Welsh area can have
chosen); every other staff page still checks the user's areas (agencies.language)."""

import pytest
from django.urls import reverse

from agencies.models import RoleAssignment
from tests.factories import user_with_role
from tests.security.test_second_factor import app_for, set_up_link, sign_in
from tests.welsh.english import english_words

pytestmark = pytest.mark.django_db


def welsh_page(response) -> str:
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="cy"' in html
    assert english_words(html) == []
    return html


@pytest.fixture
def chose_welsh(client):
    """A browser in which a member of staff of a Welsh area chose Cymraeg."""
    client.cookies["asb_staff_language"] = "cy"
    return client


def test_the_sign_in_page_is_welsh_with_the_staff_cookie(chose_welsh):
    html = welsh_page(chose_welsh.get(reverse("signin")))
    assert "Mewngofnodi" in html and 'hreflang="en"' in html  # the way back to English


def test_the_sign_in_page_is_english_without_it(client):
    html = client.get(reverse("signin")).content.decode()
    assert '<html lang="en"' in html and "Sign in" in html


def test_the_public_choice_does_not_make_signing_in_welsh(client):
    client.cookies["asb_language"] = "cy"
    assert '<html lang="en"' in client.get(reverse("signin")).content.decode()


def test_a_wrong_password_is_answered_in_welsh(chose_welsh, cardiff):
    officer = user_with_role(RoleAssignment.Role.CASE_OFFICER, area=cardiff)
    response = chose_welsh.post(reverse("signin"), {"username": officer.email, "password": "x"})
    html = response.content.decode()
    assert '<html lang="cy"' in html and "Rhowch gyfeiriad e-bost a chyfrinair cywir" in html


def test_the_code_page_half_way_through_signing_in_is_welsh(chose_welsh, cardiff, settings):
    settings.REQUIRE_2FA = True
    officer = user_with_role(RoleAssignment.Role.CASE_OFFICER, area=cardiff)
    app_for(officer)
    sign_in(chose_welsh, officer)
    assert "Rhowch eich cod diogelwch" in welsh_page(chose_welsh.get(reverse("signin_verify")))


def test_setting_up_the_app_from_a_set_up_link_is_welsh(chose_welsh, cardiff, settings):
    settings.REQUIRE_2FA = True
    officer = user_with_role(RoleAssignment.Role.CASE_OFFICER, area=cardiff)
    page = welsh_page(chose_welsh.get(set_up_link(officer), follow=True))
    assert "gosodwch eich ap dilysu" in page  # the flash message, and the sign-in page
    sign_in(chose_welsh, officer)
    assert "Gosod eich ap dilysu" in welsh_page(chose_welsh.get(reverse("signin_setup")))


def test_an_english_areas_staff_page_stays_english_whatever_the_cookie(chose_welsh, liverpool):
    chose_welsh.force_login(user_with_role(RoleAssignment.Role.CASE_OFFICER, area=liverpool))
    html = chose_welsh.get(reverse("home") + "?cases=1").content.decode()
    assert '<html lang="en"' in html and "Cymraeg" not in html


def test_once_signed_in_signing_in_pages_check_the_areas_too(chose_welsh, liverpool):
    """The backup codes are shown signed in: an English area's member sees them in English."""
    chose_welsh.force_login(user_with_role(RoleAssignment.Role.CASE_OFFICER, area=liverpool))
    html = chose_welsh.get(reverse("signin_backup_codes")).content.decode()
    assert '<html lang="en"' in html and "Your backup codes" in html
