# ruff: noqa: RUF001 -- Welsh is written with the typographic apostrophe
"""The subject access export in the language the applicant chose (DOMAIN.md §5.12): the
history from its stored words, the labels and statuses in it; whoever downloads it."""

import ast
import json
from io import BytesIO
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.urls import reverse
from pypdf import PdfReader

from agencies import privacy
from agencies.language import STAFF_COOKIE, WELSH
from tests.factories import make_case
from tests.welsh.staff import in_wales
from triggers.models import Case, CaseEvent

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "locale" / "cy" / "LC_MESSAGES" / "django.po"
# A step of every case's history, as the catalogue says it in Welsh.
RECEIVED = "Application received (online)"
RECEIVED_CY = "Cais wedi dod i law (ar-lein)"


@pytest.fixture
def welsh_applicant(north):
    """An applicant of an area in Wales who applied in Cymraeg."""
    in_wales(north)
    return make_case(north.area, applicant_name="Eleri Jones", data={"applicant_language": "cy"})


def _json(client, side, case) -> dict:
    client.force_login(side.admin)
    kwargs = {"area": case.area.slug, "reference": case.reference, "fmt": "json"}
    response = client.get(reverse("case_subject_access_file", kwargs=kwargs))
    assert response.status_code == 200
    return json.loads(response.content)


def _pdf_text(client, side, case) -> str:
    client.force_login(side.admin)
    kwargs = {"area": case.area.slug, "reference": case.reference, "fmt": "pdf"}
    response = client.get(reverse("case_subject_access_file", kwargs=kwargs))
    return "".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)


def test_a_welsh_applicant_s_export_says_the_history_in_welsh(client, north, welsh_applicant):
    assert welsh_applicant.events.filter(summary=RECEIVED).exists()  # the record stays English
    held = _json(client, north, welsh_applicant)["triggers"]
    history = [entry["beth"] for entry in held["hanes"]]
    assert RECEIVED_CY in history and RECEIVED not in json.dumps(held)
    assert held["cais"]["statws"] == "Cais wedi dod i law"
    assert held["cais"]["sut y’i gwnaed"] == "Ar-lein"
    assert held["cais"]["enw"] == "Eleri Jones"  # someone's own words as given


def test_a_welsh_applicant_s_pdf_is_welsh_throughout(client, north, welsh_applicant):
    text = _pdf_text(client, north, welsh_applicant)
    for words in ("Yr wybodaeth sydd gennym amdanoch", "Hanes", RECEIVED_CY, "Tudalen 1 o"):
        assert words in text, words
    for words in ("Information we hold about you", "History", RECEIVED, "Page 1 of"):
        assert words not in text, words


def test_the_export_follows_the_applicant_not_the_admin_downloading_it(client, north):
    """A Welsh-speaking admin hands an English-speaking applicant an English export."""
    in_wales(north)
    client.cookies[STAFF_COOKIE] = WELSH
    held = _json(client, north, north.case)["triggers"]
    assert RECEIVED in [entry["what"] for entry in held["history"]]
    assert "Information we hold about you" in _pdf_text(client, north, north.case)


def test_an_english_export_is_the_english_record_as_before(client, north):
    """In English the history is its English columns, and the labels the hooks' own."""
    case = north.case
    held = _json(client, north, case)["triggers"]
    assert [(e["what"], e["reasons"]) for e in held["history"]] == [
        (e.summary, e.reasons) for e in case.events.all()
    ]
    assert list(held) == list(privacy.export_subject_access(case)["triggers"])
    assert held["application"]["status"] == "Application received"


def test_a_welsh_page_about_the_export_says_what_language_it_is_in(client, north, welsh_applicant):
    client.force_login(north.admin)
    kwargs = {"area": north.area.slug, "reference": welsh_applicant.reference}
    page = client.get(reverse("case_subject_access", kwargs=kwargs)).content.decode()
    assert "The export is in Welsh, the language the applicant chose." in page
    kwargs["reference"] = north.case.reference
    english = client.get(reverse("case_subject_access", kwargs=kwargs)).content.decode()
    assert "The export is in Welsh" not in english


def test_an_entry_kept_before_its_words_were_is_exported_in_english(north, welsh_applicant):
    CaseEvent.objects.create(
        area=north.area,
        case=welsh_applicant,
        at=welsh_applicant.received_at,
        summary="Old entry from before words were kept",
        reasons="Its reasons, in English.",
    )
    held = privacy.export_subject_access(Case.objects.get(pk=welsh_applicant.pk), WELSH)
    old = {
        "pryd": welsh_applicant.received_at.isoformat(),
        "beth": "Old entry from before words were kept",
        "rhesymau": "Its reasons, in English.",
    }
    assert old in held["triggers"]["hanes"]
    assert RECEIVED_CY in [entry["beth"] for entry in held["triggers"]["hanes"]]


def test_an_english_area_never_exports_in_welsh(client, north):
    """A choice of Welsh recorded for a case of an English area writes nothing in Welsh."""
    Case.objects.filter(pk=north.case.pk).update(applicant_language=WELSH)
    assert "history" in _json(client, north, north.case)["triggers"]


# --- Every label has its Welsh ---------------------------------------------------------------


def _labels(path: Path) -> set[str]:
    """The keys of the dictionaries that `subject_access` builds, and the helpers it calls."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    functions = {f.name: f for f in tree.body if isinstance(f, ast.FunctionDef)}
    todo, seen, labels = ["subject_access"], set(), set()
    while todo:
        name = todo.pop()
        if name in seen or name not in functions:
            continue
        seen.add(name)
        for node in ast.walk(functions[name]):
            if isinstance(node, ast.Dict):
                labels |= {k.value for k in node.keys if isinstance(k, ast.Constant)}
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                todo.append(node.func.id)
    return labels


def test_every_label_of_the_export_is_in_the_welsh_catalogue():
    with CATALOGUE.open("rb") as handle:
        known = {m.id for m in read_po(handle) if m.context == privacy.LABELS}
    labels = set()
    for path in sorted(ROOT.glob("*/privacy.py")):
        labels |= _labels(path)
    assert len(labels) > 100  # the scan found the hooks' labels
    assert sorted(labels - known) == []
