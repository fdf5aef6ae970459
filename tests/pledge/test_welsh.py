# ruff: noqa: RUF001 -- Welsh is written with the typographic apostrophe
"""The PLEDGE in Welsh (issue #19): a Welsh area's admin who chose Cymraeg gets the
questionnaire, its answers, the portal's figures and the forms' errors in Welsh; the
questionnaire's shipped text is all in the catalogue."""

import json

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from pledge import evidence
from pledge.models import Assessment, Signature
from pledge.questionnaire import FIXTURES
from pledge.questionnaire_words import WORDS
from pledge.selectors import Organisation
from tests.welsh.staff import welsh_staff

from .conftest import submitted


@pytest.fixture
def welsh_org(client, north, questionnaire):
    welsh_staff(client, north, "admin")
    return Organisation(area=north.area)


def shipped_texts():
    for path in FIXTURES:
        for section in json.loads(path.read_text(encoding="utf-8"))["sections"]:
            yield section["title"]
            yield section.get("description", "")
            for question in section["questions"]:
                yield from (question["text"], question.get("help", ""))
                yield question["suggested_action"]


def test_every_shipped_questionnaire_text_is_marked_and_has_its_welsh():
    texts = {text for text in shipped_texts() if text}
    assert texts - set(WORDS) == set(), "add the new version's text to questionnaire_words.py"
    with translation.override("cy"):
        untranslated = [text for text in texts if gettext(text) == text]
    assert untranslated == []


def test_a_form_error_on_signing_shows_welsh_for_a_welsh_area_admin(client, welsh_org, north):
    submitted(welsh_org, by=north.admin)
    url = reverse("pledge:sign", args=["area", "north"])
    data = {"signatory_name": "", "job_title": "Prif Weithredwr", "procedure_url": "http://x"}
    page = client.post(url, data).content.decode()
    assert '<html lang="cy"' in page
    assert "Mae problem wedi codi" in page
    assert "Rhowch enw llawn y sawl sy’n llofnodi" in page
    assert "fel cyfeiriad gwe llawn sy’n dechrau https://" in page
    assert "Enw llawn y sawl sy’n llofnodi" in page  # the field's label
    assert "Enter the full name" not in page and "There is a problem" not in page
    assert not Signature.objects.exists()


def test_a_welsh_admin_answers_the_questionnaire_in_welsh(client, welsh_org, north):
    client.post(reverse("pledge:start", args=["area", "north"]))
    assessment = Assessment.objects.get(area=north.area)
    page = client.get(reverse("pledge:assessment", args=[assessment.pk])).content.decode()
    assert "Ydy eich trothwy yn ddim uwch na thair cwyn gymwys mewn chwe mis?" in page
    assert "Trothwy wedi’i osod ar 3 cwyn mewn 6 mis; digwyddiad casineb 1" in page
    assert ">Ydy</label>" in page and ">Amherthnasol</label>" in page
    assert "Cydymffurfio cyfreithiol" in page and "Hybu ymwybyddiaeth" in page
    # What is kept stays English: the figure and the questionnaire, shown in each reader's
    # language.
    answer = assessment.answers.get(question__code="threshold")
    assert answer.prefilled_from == "Threshold set to 3 complaints in 6 months; hate incident 1"


@pytest.mark.parametrize(
    ("english", "welsh"),
    [
        (
            "Threshold set to 2 complaints in 6 months; no hate incident route",
            "Trothwy wedi’i osod ar 2 cwyn mewn 6 mis; dim llwybr ar gyfer digwyddiadau casineb",
        ),
        ("1 housing provider co-opted: North Homes", "1 darparwr tai wedi’i gyfethol: North Homes"),
        (
            "2 housing providers co-opted: A Homes, B Homes",
            "2 darparwr tai wedi’u cyfethol: A Homes, B Homes",
        ),
        (
            "Applications in the last 12 months: online 3, paper form 1",
            "Ceisiadau yn ystod y 12 mis diwethaf: ar-lein 3, ffurflen bapur 1",
        ),
        (
            "Figures for 1 April 2025 to 31 March 2026 published on 3 November 2026",
            "Ffigurau ar gyfer 1 Ebrill 2025 i 31 Mawrth 2026 wedi’u cyhoeddi ar 3 Tachwedd 2026",
        ),
        ("Single point of contact: Jo Bloggs, jo@example.org", None),
        ("Something a platform admin typed", "Something a platform admin typed"),
    ],
)
def test_the_portals_figures_are_kept_in_english_and_shown_in_welsh(english, welsh):
    with translation.override("cy"):
        shown = evidence.shown(english)
    if welsh is None:
        assert shown.startswith("Unig bwynt cyswllt: Jo Bloggs")
    else:
        assert shown == welsh
    with translation.override("en"):
        assert evidence.shown(english) == english


def test_every_figure_provider_text_is_recognised():
    for template in evidence.FIGURES:
        values = dict.fromkeys(evidence.re.findall(r"%\((\w+)\)s", template), "7")
        if template == evidence.THRESHOLD:
            values["hate"] = evidence.NO_HATE_ROUTE
        with translation.override("cy"):
            assert evidence.shown(template % values) != template % values, template
