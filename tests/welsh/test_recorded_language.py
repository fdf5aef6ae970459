"""The language a person chose is recorded on the case, with history (DOMAIN.md §5.12)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_switching_on_the_private_link_records_the_applicants_language(client, welsh_case):
    client.get(reverse("track:open", args=[welsh_case.token]))
    client.get("/language/cy/", {"next": reverse("track:case")})
    welsh_case.refresh_from_db()
    assert welsh_case.applicant_language == "cy" and welsh_case.victim_language == "en"
    assert (
        welsh_case.events.filter(summary="The applicant chose to be written to in Cymraeg").count()
        == 1
    )
    client.get("/language/cy/", {"next": reverse("track:case")})  # again: nothing new
    client.get("/language/en/", {"next": reverse("track:case")})
    welsh_case.refresh_from_db()
    assert welsh_case.applicant_language == "en"
    assert welsh_case.events.filter(summary__startswith="The applicant chose").count() == 2


def test_an_english_areas_case_is_never_recorded_as_welsh(client, liverpool):
    from tests.factories import make_case

    case = make_case(liverpool)
    client.get(reverse("track:open", args=[case.token]))
    client.get("/language/cy/", {"next": reverse("track:case")})
    case.refresh_from_db()
    assert case.applicant_language == "en" and not case.events.filter(
        summary__startswith="The applicant chose"
    )


def test_applying_in_welsh_records_welsh(cardiff):
    from tests.factories import make_case

    case = make_case(cardiff, data={"applicant_language": "cy"})
    assert case.applicant_language == "cy"
    assert case.events.filter(summary="The applicant applied in Cymraeg").exists()


def test_a_switch_clicked_on_another_site_changes_the_page_but_not_the_case(client, welsh_case):
    """Another site may link a victim to the switch (a GET, outside CSRF's reach): their page
    turns Welsh, but the language every letter to them is written in stays as they chose."""
    client.get(reverse("track:open", args=[welsh_case.token]))
    following = {"next": reverse("track:case")}
    response = client.get("/language/cy/", following, headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 302
    assert '<html lang="cy"' in client.get(reverse("track:case")).content.decode()
    welsh_case.refresh_from_db()
    assert welsh_case.applicant_language == "en"
    assert not welsh_case.events.filter(summary__startswith="The applicant chose").exists()
    client.get("/language/cy/", following, headers={"Sec-Fetch-Site": "same-origin"})
    welsh_case.refresh_from_db()
    assert welsh_case.applicant_language == "cy"
