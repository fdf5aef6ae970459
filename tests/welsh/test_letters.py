# ruff: noqa: RUF001 -- Welsh is written with the typographic apostrophe
"""The threshold decision, outcome and appeal decision letters in the applicant's language
(DOMAIN.md §5.12): a Welsh applicant of a Welsh area reads each of them in Welsh, the PDF's
own text checked, with the engine's reasons, the listed reasons and every heading and label
in Welsh (the officer's own words are shown as written); a bilingual area's letter has both,
Welsh first; an English case's letter is as it was."""

import re

import pytest

from agencies.models import Area
from appeals import decisions
from appeals.models import Appeal
from notifications.models import Message
from tests.appeals.helpers import hold_review, lodge
from tests.conftest import build_side
from tests.factories import complaint_data, make_case
from triggers.models import Case, Letter
from triggers.threshold.services import decide_threshold

from .english import english_words
from .test_messages import english_left, pdf_text

pytestmark = pytest.mark.django_db

# The officer's own words, typed in Welsh: shown as written.
BECAUSE = "Mae’r cyrff wedi gwirio eu cofnodion."
THE_REVIEWS_FREE_TEXT = (  # tests/appeals/helpers.hold_review types these in English
    "Persistent noise at night.",
    "Patrol at night.",
    "Late-night patrols.",
)
BODY = re.compile(r"<body[^>]*>(.*)</body>", re.S)


@pytest.fixture
def cardiff():
    """A Welsh area with its council, police and PCC, and a Welsh-speaking applicant."""
    side = build_side("cardiff", with_case=False)
    Area.objects.filter(pk=side.area.pk).update(nation=Area.Nation.WALES)
    side.area.refresh_from_db()
    side.case = welsh_case(side)
    return side


def welsh_case(side, complaints=None):
    return make_case(
        side.area,
        applicant_name="Eleri Jones",
        complaints=complaints,
        data={"applicant_language": "cy"},
    )


def names(side, *more) -> tuple[str, ...]:
    """What a Welsh letter may rightly show in English: names, references and addresses."""
    area = side.area
    cases = Case.objects.filter(area=area).values_list("reference", flat=True)
    return (
        *cases,
        "Eleri Jones",
        area.name,
        area.spoc_email,
        area.spoc_name,
        side.officer.full_name,
        side.pcc_officer.full_name,
        side.council.name,
        side.police.name,
        side.pcc.name,
        "YG",
        *more,
    )


def letter_of(case, kind) -> Letter:
    return case.letters.filter(kind=kind).latest("pk")


def english_in_html(letter: Letter, side, *more) -> list[str]:
    """The common English words of the letter's HTML (tests/welsh/english.py), its body read
    as a page's <main>."""
    body = BODY.search(letter.html).group(1)
    return english_words(f"<main>{body}</main>", names=names(side, *more))


THRESHOLD_DECISIONS = {
    # outcome, its complaints (None: three that count), the decision's other answers, and a
    # phrase only that letter has
    "met": ("met", None, {}, "y bydd adolygiad achos yn cael ei gynnal"),
    "refused": (
        "not_met",
        None,
        {"refusal_reason": "different_behaviour"},
        "mae’r adroddiadau am ymddygiad gwahanol",
    ),
    "discretion": (
        "met_on_discretion",
        [complaint_data(20)],
        {"grounds": ("harm", "vulnerability")},
        "niwed neu niwed posibl; pa mor agored i niwed yw’r dioddefwr",
    ),
    "not met": (
        "not_met",
        [complaint_data(20)],
        {},
        "Nid yw’r trothwy wedi’i gyrraedd: 1 cwyn yn cyfrif",
    ),
}


@pytest.mark.parametrize("which", THRESHOLD_DECISIONS)
def test_a_welsh_applicants_threshold_decision_letter_is_welsh(cardiff, which):
    outcome, complaints, answers, phrase = THRESHOLD_DECISIONS[which]
    case = welsh_case(cardiff, complaints) if complaints else cardiff.case
    reasons = "" if outcome == "met" else BECAUSE
    decide_threshold(case, outcome, by=cardiff.officer, reasons=reasons, **answers)
    letter = letter_of(case, Letter.Kind.THRESHOLD_DECISION)
    text = pdf_text(bytes(letter.pdf))
    assert "Annwyl Eleri Jones," in text and "Diolch am ofyn am adolygiad achos" in text
    assert phrase in text, text
    # The area names no team: the team it gives is Welsh too.
    assert "Unig bwynt cyswllt, Tîm adolygu achosion YG Cardiff" in text
    # The engine's finding on each report, in Welsh.
    assert "Adroddiad" in text and "A oedd yn cyfrif?" in text and "Yn cyfrif:" in text
    if reasons:
        assert BECAUSE in text
    assert english_left(text, names=names(cardiff)) == [], text
    assert english_in_html(letter, cardiff) == []


def test_a_welsh_not_met_letter_says_how_to_appeal_in_welsh(cardiff):
    case = welsh_case(cardiff, [complaint_data(20)])
    decide_threshold(case, "not_met", by=cardiff.officer, reasons=BECAUSE)
    text = pdf_text(bytes(letter_of(case, Letter.Kind.THRESHOLD_DECISION).pdf))
    assert "swyddfa’r Comisiynydd Heddlu a Throseddu" in text
    assert "Nid yw’n cyfrif" not in text  # a report 20 days ago, reported a day later, counts
    assert "Eich adolygiad achos: nid yw’r trothwy wedi’i gyrraedd" in text


def test_a_welsh_applicants_outcome_letter_is_welsh(cardiff):
    decide_threshold(cardiff.case, "met", by=cardiff.officer)
    case = hold_review(cardiff.case, cardiff)
    letter = letter_of(case, Letter.Kind.OUTCOME)
    text = pdf_text(bytes(letter.pdf))
    assert "Canlyniad eich adolygiad achos" in text
    assert "Beth a ganfu’r adolygiad" in text and "Argymhellion" in text
    assert "Gwnaeth yr adolygiad yr argymhelliad hwn." in text  # one recommendation
    assert "Y cynllun gweithredu" in text and "Pwy fydd yn ei wneud" in text
    # The officer's words as written; the due date in Welsh.
    assert "Late-night patrols." in text and "Patrol at night." in text
    due = case.actions.get().due_date
    assert re.search(rf"{due.day} [A-Z][a-z]+ {due.year}", text)
    assert english_left(text, names=names(cardiff, *THE_REVIEWS_FREE_TEXT, "Hall")) == [], text
    assert english_in_html(letter, cardiff, *THE_REVIEWS_FREE_TEXT) == []


@pytest.mark.parametrize("upheld", [True, False])
def test_a_welsh_applicants_appeal_decision_letter_is_welsh(cardiff, upheld):
    case = welsh_case(cardiff, [complaint_data(20)])
    decide_threshold(case, "not_met", by=cardiff.officer, reasons=BECAUSE)
    appeal = lodge(case)
    findings = [
        decisions.Finding(ground=g.ground, made_out=upheld, finding="Edrychwyd ar y ffeil.")
        for g in appeal.grounds.all()
    ]
    data = decisions.DecisionData(
        upheld=upheld,
        reasons="Rydym wedi ystyried y cyfan.",
        findings=findings,
        remedy=Appeal.Remedy.FRESH_THRESHOLD_DECISION if upheld else "",
        points_to_address="Y dyddiadur digwyddiadau." if upheld else "",
    )
    decisions.decide_appeal(appeal, data, by=cardiff.pcc_officer)
    letter = letter_of(case, Letter.Kind.APPEAL_DECISION)
    text = pdf_text(bytes(letter.pdf))
    assert "Gwnaethoch apelio ar" in text and "Eich rheswm" in text
    assert "Cafodd y trothwy ei wrthod ar gam" in text  # a ground, in Welsh
    assert f"Ar ran {cardiff.pcc.name}" in text
    if upheld:
        assert "Mae eich apêl wedi’i chadarnhau" in text and "Rydym yn cytuno." in text
    else:
        assert "Nid yw eich apêl wedi’i chadarnhau" in text
        assert "Ombwdsmon Gwasanaethau Cyhoeddus Cymru" in text
    assert english_left(text, names=names(cardiff)) == [], text
    assert english_in_html(letter, cardiff) == []
    # And the email it comes with.
    (email,) = Message.objects.filter(topic="Appeal decision", to_address=case.applicant_email)
    assert email.subject.endswith("y penderfyniad ar eich apêl")
    assert english_left(email.subject + email.body, names=names(cardiff)) == []


def test_a_bilingual_areas_decision_letter_has_both_columns_welsh_first(cardiff):
    Area.objects.filter(pk=cardiff.area.pk).update(welsh_letters=Area.WelshLetters.BILINGUAL)
    case = Case.objects.select_related("area").get(pk=cardiff.case.pk)
    decide_threshold(case, "met", by=cardiff.officer)
    letter = letter_of(case, Letter.Kind.THRESHOLD_DECISION)
    text = pdf_text(bytes(letter.pdf))
    welsh, english = "Diolch am ofyn am adolygiad achos", "Thank you for asking for an"
    assert welsh in text and english in text
    assert text.index(welsh) < text.index(english)
    # Each column has the engine's words in its own language.
    assert "Yn cyfrif:" in text and "Counts:" in text
    assert "Bydd eich adolygiad achos yn mynd yn ei flaen" in text
    assert "Your case review will go ahead" in text
    assert "Unig bwynt cyswllt, Tîm adolygu achosion YG Cardiff" in text
    assert "Single point of contact, Cardiff ASB case review team" in text


def test_an_english_cases_letters_are_as_they_were(north):
    case = make_case(north.area, complaints=[complaint_data(20)])
    decide_threshold(case, "not_met", by=north.officer, reasons="Only one report.")
    text = pdf_text(bytes(letter_of(case, Letter.Kind.THRESHOLD_DECISION).pdf))
    for sentence in (
        "Dear Test Applicant,",
        "Your case review: the threshold is not met",
        "Thank you for asking for an anti-social behaviour case review (the Community Trigger)",
        "The relevant bodies decided that the threshold for a case review is not met.",
        "The threshold is not met: 1 complaint counts, and this area's threshold is 3.",
        "Did it count?",
        "If you are unhappy with this decision, you can appeal: it will be looked at again by "
        "the Police and Crime Commissioner's office.",
    ):
        assert sentence in text, sentence
    assert "Annwyl" not in text and "Pam" not in text
    appeal = lodge(case)
    data = decisions.DecisionData(
        upheld=False,
        reasons="Looked at everything.",
        findings=[
            decisions.Finding(ground=g.ground, made_out=False, finding="No.")
            for g in appeal.grounds.all()
        ],
    )
    decisions.decide_appeal(appeal, data, by=north.pcc_officer)
    text = pdf_text(bytes(letter_of(case, Letter.Kind.APPEAL_DECISION).pdf))
    assert "Your appeal is not upheld. The decision stands." in text
    assert "The threshold was wrongly refused" in text and "We do not agree." in text
    # An English council's complaints go to the English ombudsman.
    assert "Local Government and Social Care Ombudsman" in text
    assert f"For {north.pcc.name}" in text


def test_an_english_speaker_in_wales_is_pointed_to_the_welsh_ombudsman(cardiff):
    case = make_case(cardiff.area, complaints=[complaint_data(20)])
    decide_threshold(case, "not_met", by=cardiff.officer, reasons="Only one report.")
    appeal = lodge(case)
    data = decisions.DecisionData(
        upheld=False,
        reasons="Looked at everything.",
        findings=[
            decisions.Finding(ground=g.ground, made_out=False, finding="No.")
            for g in appeal.grounds.all()
        ],
    )
    decisions.decide_appeal(appeal, data, by=cardiff.pcc_officer)
    text = pdf_text(bytes(letter_of(case, Letter.Kind.APPEAL_DECISION).pdf))
    assert "Dear Test Applicant," in text and "Annwyl" not in text
    assert "Public Services Ombudsman for Wales" in text
