# ruff: noqa: RUF001 -- Welsh is written with the typographic apostrophe
"""A Welsh PCC officer who chose Cymraeg decides an appeal: the form's errors, and the
reasons a decision is refused, are in Welsh like the rest of the page (issue #19)."""

import pytest
from django.urls import reverse

from tests.appeals.helpers import lodge, not_met_case
from tests.conftest import build_side
from tests.welsh.staff import in_wales, welsh_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def welsh_appeal(client):
    side = in_wales(build_side("cardiff"))
    appeal = lodge(not_met_case(side))
    welsh_staff(client, side, "pcc_officer")
    return appeal


def _answers(appeal, made_out, **extra):
    data = {"reasons": "Wedi edrych ar y ffeil.", **extra}
    for row in appeal.grounds.all():
        data[f"{row.ground}_made_out"] = made_out
        data[f"{row.ground}_finding"] = "Wedi edrych ar y ffeil."
    return data


def test_deciding_an_appeal_shows_its_errors_in_welsh(client, welsh_appeal):
    url = reverse("appeals:decide", args=[welsh_appeal.pk])
    page = client.post(url, {}).content.decode()
    assert '<html lang="cy"' in page and "govuk-error-summary" in page
    assert "Dewiswch a yw’r apêl wedi’i chadarnhau" in page
    assert "Rhowch y rhesymau dros eich penderfyniad" in page
    assert "Rhowch eich canfyddiad ar “" in page
    assert "Choose whether the appeal is upheld" not in page
    assert "Give the reasons for your decision" not in page
    assert "Give your finding on" not in page

    page = client.post(url, _answers(welsh_appeal, "yes", outcome="upheld")).content.decode()
    assert "Dewiswch beth sy’n rhaid digwydd nawr bod yr apêl wedi’i chadarnhau" in page
    assert "Dywedwch beth y mae’n rhaid i’r cyngor roi sylw iddo" in page
    assert "Choose what must happen now the appeal is upheld" not in page

    # Refused by the service, not the form: the reason is Welsh too.
    page = client.post(url, _answers(welsh_appeal, "yes", outcome="not_upheld")).content.decode()
    assert "cadarnhewch yr apêl, neu newidiwch y canfyddiad hwnnw" in page
    assert "uphold the appeal, or change that finding" not in page
    welsh_appeal.refresh_from_db()
    assert welsh_appeal.status == "lodged"


def test_the_check_page_says_what_happens_in_welsh(client, welsh_appeal):
    url = reverse("appeals:decide", args=[welsh_appeal.pk])
    answers = _answers(welsh_appeal, "no", outcome="not_upheld")
    page = client.post(url, answers).content.decode()
    assert "Gwiriwch eich penderfyniad cyn i chi ei gofnodi" in page
    assert "Dyma gam olaf y weithdrefn" in page
    assert "This is the last stage of the procedure" not in page
