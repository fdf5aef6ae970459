# ruff: noqa: RUF001 -- Welsh is written with the typographic apostrophe
"""Issue #19: a Welsh area's public pages in Welsh, an English area's never."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.welsh.english import english_words

pytestmark = pytest.mark.django_db

# The pages that are about no area yet, or about the area asked about.
PUBLIC_PAGES = ["start", "accessibility", "privacy", "check", "apply:start"]


def welsh(response, names=()):
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="cy"' in html
    assert english_words(html, names=names) == []
    return html


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_pages_render_in_welsh_with_no_english_left(in_welsh, cardiff, liverpool, name):
    html = welsh(in_welsh.get(reverse(name)), names=("Cardiff", "Liverpool", "GOV.UK"))
    # The switch back, in the GOV.UK pattern: a link with lang and hreflang.
    assert 'hreflang="en" lang="en"' in html and '<span aria-current="true" lang="cy">' in html


def check_answer(client, area, days_ago=(40, 20, 5), hate=False):
    today = timezone.localdate()
    data = {"area": area.slug}
    for n, ago in enumerate(days_ago, start=1):
        day = today - timedelta(days=ago)
        for part in ("happened", "reported"):
            prefix = f"incident_{n}_{part}"
            data.update({f"{prefix}_0": day.day, f"{prefix}_1": day.month})
            data[f"{prefix}_2"] = day.year
        if hate:
            data[f"incident_{n}_hate"] = "on"
    return client.post(reverse("check"), data)


def test_the_eligibility_answer_and_its_reasons_are_welsh(in_welsh, cardiff):
    html = welsh(check_answer(in_welsh, cardiff), names=("Cardiff",))
    assert "Gallwch ofyn am adolygiad achos" in html
    assert "Mae’r trothwy wedi’i gyrraedd: 3 cwyn yn cyfrif" in html
    assert "Yn cyfrif: rhoddwyd gwybod ar ddiwrnod y digwyddiad" in html


def test_a_reason_names_welsh_months(in_welsh, cardiff):
    # Reported seven months ago: too late, and the reason gives the dates in Welsh.
    html = welsh(check_answer(in_welsh, cardiff, days_ago=(215,)), names=("Cardiff",))
    assert "Nid yw’n cyfrif: rhoddwyd gwybod ar" in html
    assert "Ni" in html and "Mae cwyn yn cyfrif pan" in html


def test_the_check_pages_errors_are_welsh(in_welsh, cardiff):
    response = in_welsh.post(
        reverse("check"), {"area": cardiff.slug, "incident_1_happened_0": "40"}
    )
    html = welsh(response, names=("Cardiff",))
    assert "Mae problem wedi codi" in html
    assert "Dyddiad digwyddiad 1: rhaid cynnwys mis a blwyddyn" in html
    assert "<title>Gwall:" in html


def test_a_bad_private_link_is_welsh(in_welsh, cardiff):
    response = in_welsh.get(reverse("track:open", args=["not-a-real-link"]))
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="cy"' in html and english_words(html) == []


def test_the_private_link_page_of_a_welsh_case_is_welsh(client, welsh_case):
    client.get(reverse("track:open", args=[welsh_case.token]))
    client.get("/language/cy/", {"next": reverse("track:case")})
    html = client.get(reverse("track:case")).content.decode()
    assert '<html lang="cy"' in html
    assert f"Eich adolygiad achos {welsh_case.reference}" in html
    assert "Beth sy’n digwydd nesaf" in html and "Byddwn yn cysylltu â chi" in html
    area = welsh_case.area
    names = (welsh_case.reference, area.name, area.spoc_name, area.spoc_email, area.spoc_phone)
    assert english_words(html, names=tuple(n for n in names if n)) == []


def test_every_status_the_private_link_shows_has_its_welsh_words():
    from triggers.tracking.page import STATUS_WORDS
    from triggers.workflow import Status

    assert set(STATUS_WORDS) == {str(label) for label in Status.labels}


# --- An English area: no switch, never Welsh ------------------------------------------------


def test_an_english_areas_private_link_offers_no_switch_and_stays_english(client, liverpool):
    from tests.factories import make_case

    case = make_case(liverpool)
    client.get(reverse("track:open", args=[case.token]))
    client.cookies["asb_language"] = "cy"  # a choice made elsewhere must not leak in
    html = client.get(reverse("track:case")).content.decode()
    assert '<html lang="en"' in html and "Cymraeg" not in html
    assert f"Your case review {case.reference}" in html


def test_the_check_for_an_english_area_answers_in_english(in_welsh, cardiff, liverpool):
    html = check_answer(in_welsh, liverpool).content.decode()
    assert '<html lang="en"' in html and "Cymraeg" not in html
    assert "The threshold is met: 3 complaints count" in html


def test_no_switch_anywhere_while_no_area_is_in_wales(client, liverpool):
    client.cookies["asb_language"] = "cy"
    for name in PUBLIC_PAGES:
        html = client.get(reverse(name)).content.decode()
        assert '<html lang="en"' in html and "Cymraeg" not in html, name


def test_staff_pages_stay_english_unless_staff_choose_welsh(client, cardiff):
    from agencies.models import RoleAssignment
    from tests.factories import user_with_role

    officer = user_with_role(RoleAssignment.Role.CASE_OFFICER, area=cardiff)
    client.force_login(officer)
    client.cookies["asb_language"] = "cy"  # the public choice does not apply to staff pages
    cases = reverse("home") + "?cases=1"
    english = client.get(cases).content.decode()
    assert '<html lang="en"' in english and 'hreflang="cy"' in english  # offered, not chosen
    client.get("/language/cy/", {"next": cases})
    html = client.get(cases).content.decode()
    assert '<html lang="cy"' in html and "Neidio i’r prif gynnwys" in html


def test_staff_of_an_english_area_are_not_offered_welsh(client, liverpool):
    from agencies.models import RoleAssignment
    from tests.factories import user_with_role

    client.force_login(user_with_role(RoleAssignment.Role.CASE_OFFICER, area=liverpool))
    client.cookies["asb_staff_language"] = "cy"
    html = client.get(reverse("home") + "?cases=1").content.decode()
    assert '<html lang="en"' in html and "Cymraeg" not in html


def test_the_switch_only_goes_to_this_site(client, cardiff):
    response = client.get("/language/cy/", {"next": "https://evil.example/"})
    assert response["Location"] == reverse("start")
