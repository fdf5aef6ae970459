# ruff: noqa: RUF001 -- Welsh is written with the typographic apostrophe
"""The case's history in the reader's language (issue #19): recorded once in English, shown
in Welsh to staff who chose Cymraeg, and to nobody in a language they did not choose.

Two guards keep it so as the code grows: every step of the history is recorded as a
`Wording` (a sentence written in English into the summary, with an f-string, would be English
on every Welsh page), and every one of those sentences is in the Welsh catalogue.
"""

import ast
import re
from pathlib import Path

from babel.messages.pofile import read_po
from django.urls import reverse
from django.utils import translation

from agencies.wording import Term, Wording
from tests.welsh.staff import welsh_staff
from triggers.history import record_event, transition
from triggers.models import CaseEvent
from triggers.workflow import Status

ROOT = Path(__file__).resolve().parents[2]
CODE = ("agencies", "appeals", "triggers", "figures", "incidents", "notifications", "pledge")
CATALOGUE = ROOT / "locale" / "cy" / "LC_MESSAGES" / "django.po"
# The calls that write the history, and the position and name of their words.
WRITERS = {"record_event": {1: "summary"}, "transition": {}}
PLACEHOLDER = re.compile(r"%\(\w+\)s")


def _modules():
    for app in CODE:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path, ast.parse(path.read_text(encoding="utf-8"))


def _name(call: ast.Call) -> str | None:
    return getattr(call.func, "id", None) or getattr(call.func, "attr", None)


def _calls(names):
    for path, tree in _modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _name(node) in names:
                yield path.relative_to(ROOT), node


def _words_given(call: ast.Call):
    positions = WRITERS[_name(call)]
    for index, argument in enumerate(call.args):
        if index in positions:
            yield positions[index], argument
    for keyword in call.keywords:
        if keyword.arg in ("summary", "reasons"):
            yield keyword.arg, keyword.value


def test_the_history_is_written_as_words_not_as_english_sentences():
    """A literal or an f-string is English for every reader; someone's own words (a variable)
    and `Wording` are what the history may hold."""
    written_in_english = [
        f"{path}:{call.lineno} {part}"
        for path, call in _calls(WRITERS)
        for part, value in _words_given(call)
        if isinstance(value, ast.JoinedStr)
        or (isinstance(value, ast.Constant) and isinstance(value.value, str) and value.value)
    ]
    assert written_in_english == []


def _catalogue_ids() -> set[str]:
    with CATALOGUE.open("rb") as handle:
        catalogue = read_po(handle)
    ids = set()
    for message in catalogue:
        ids.update([message.id] if isinstance(message.id, str) else message.id)
    return ids


def _only_placeholders(text: str) -> bool:
    """ "%(p0)s %(p1)s": a joint between sentences (Wording.joined), nothing to translate."""
    return not any(ch.isalpha() for ch in PLACEHOLDER.sub("", text))


def test_every_sentence_of_the_history_is_in_the_welsh_catalogue():
    ids = _catalogue_ids()
    marked = {}
    for path, call in _calls({"Wording", "Term", "gettext_noop"}):
        texts = [call.args[0]] if call.args else []
        texts += [k.value for k in call.keywords if k.arg == "plural"]
        for text in texts:
            if isinstance(text, ast.Constant) and isinstance(text.value, str):
                marked.setdefault(text.value, f"{path}:{call.lineno}")
    missing = [
        f"{where} {text!r}"
        for text, where in sorted(marked.items())
        if text not in ids and not _only_placeholders(text)
    ]
    assert len(marked) > 100  # the scan found the history's sentences
    assert missing == []


def _said_on_the_case_page(client, case) -> str:
    response = client.get(reverse("case_detail", args=[case.area.slug, case.reference]))
    assert response.status_code == 200
    return response.content.decode()


def test_a_welsh_officers_step_is_recorded_in_english_and_shown_in_welsh(client, south):
    welsh_staff(client, south, "officer")
    with translation.override("cy"):  # as in the officer's request
        transition(south.case, Status.ACKNOWLEDGED, by=south.officer)
    event = CaseEvent.objects.filter(case=south.case).latest("pk")
    assert event.summary == "Acknowledged"  # the record, whoever wrote it
    assert event.words == {"summary": {"m": "Acknowledged", "p": {}}}
    page = _said_on_the_case_page(client, south.case)
    assert "Cydnabuwyd" in page
    assert ">Acknowledged<" not in page


def test_the_same_step_reads_in_english_for_staff_who_did_not_choose_welsh(client, south):
    returned = Wording("Information returned by %(body)s", body=south.police.name)
    record_event(south.case, returned, by=south.officer)
    client.force_login(south.officer)
    page = _said_on_the_case_page(client, south.case)
    assert f"Information returned by {south.police.name}" in page


def test_an_entry_recorded_before_words_were_kept_shows_its_english(client, south):
    CaseEvent.objects.create(
        area=south.case.area, case=south.case, at=south.case.received_at, summary="Old entry"
    )
    welsh_staff(client, south, "officer")
    assert "Old entry" in _said_on_the_case_page(client, south.case)


def test_a_known_sentence_given_as_reasons_is_said_in_welsh(south):
    """Reasons given as a `Term` (a canned sentence, or someone's own words) are kept as words
    too: the catalogue's sentence reads in Welsh, someone's own words as written."""
    event = record_event(
        south.case,
        Wording("Case closed"),
        reasons=Term("Every action of the plan has been completed."),
    )
    own = record_event(south.case, Wording("Case closed"), reasons=Term("The family moved away."))
    with translation.override("cy"):
        assert CaseEvent.objects.get(pk=event.pk).explained == (
            "Mae pob cam gweithredu yn y cynllun wedi’i gwblhau."
        )
        assert CaseEvent.objects.get(pk=own.pk).explained == "The family moved away."
