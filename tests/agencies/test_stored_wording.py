# ruff: noqa: RUF001 -- Welsh is written with the typographic apostrophe
"""Words stored now and said later in the reader's language (agencies.wording.Wording; the
case's history, issue #19)."""

import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.utils import translation

from agencies.wording import Term, Wording, as_words

LONDON = ZoneInfo("Europe/London")


def _kept(wording: Wording) -> Wording:
    """Through JSON and back, as the database keeps it."""
    return Wording.from_stored(json.loads(json.dumps(wording.stored())))


def test_said_in_the_active_language_and_kept_in_english():
    returned = Wording("Information returned by %(body)s", body="South Police")
    assert returned.english() == "Information returned by South Police"
    with translation.override("cy"):
        assert str(returned) == "Information returned by South Police"  # the record
        assert _kept(returned).say() == "Gwybodaeth wedi’i dychwelyd gan South Police"


def test_dates_and_times_take_the_readers_language():
    overdue = Wording("It was due on %(day)s.", day=date(2026, 4, 1))
    assert overdue.english() == "It was due on 1 April 2026."
    with translation.override("cy"):
        assert _kept(overdue).say() == "Roedd i fod erbyn 1 Ebrill 2026."
    moved = Wording(
        "Review meeting moved to %(when)s", when=datetime(2026, 4, 1, 16, 47, tzinfo=LONDON)
    )
    with translation.override("cy"):
        assert _kept(moved).say() == "Cyfarfod adolygu wedi’i symud i 1 Ebrill 2026, 4:47yh"


def test_terms_are_translated_and_lowered_inside_a_sentence():
    decided = Wording(
        "The relevant bodies decided: %(decision)s (recorded by %(officer)s)",
        decision=Term("Threshold met", lower=True),
        officer="Sam Jones",
    )
    assert decided.english() == "The relevant bodies decided: threshold met (recorded by Sam Jones)"
    with translation.override("cy"):
        said = _kept(decided).say()
    assert (
        said == "Penderfynodd y cyrff perthnasol: trothwy wedi’i gyrraedd (cofnodwyd gan Sam Jones)"
    )


def test_a_term_keeps_the_english_of_a_lazy_label_whatever_the_page():
    from triggers.workflow import Status

    with translation.override("cy"):
        term = Term(Status.CLOSED.label)
    assert str(term) == "Closed"


def test_plurals_follow_the_count():
    for count, english in ((1, "1 action"), (2, "2 actions")):
        actions = Wording("%(count)s action", plural="%(count)s actions", count=count)
        assert _kept(actions).english() == english
    with translation.override("cy"):
        assert _kept(Wording("%(count)s action", plural="%(count)s actions", count=3)).say() == (
            "3 cam gweithredu"
        )


def test_joined_leaves_out_empty_parts_and_keeps_someones_own_words():
    reasons = Wording.joined("Asked by the victim.", "", Wording("Sent late."))
    assert _kept(reasons).english() == "Asked by the victim. Sent late."
    with translation.override("cy"):
        assert _kept(reasons).say() == "Asked by the victim. Anfonwyd yn hwyr."


def test_someones_own_words_pass_through_as_words():
    assert isinstance(as_words("The neighbour moved away."), Term)
    with translation.override("cy"):
        assert as_words("The neighbour moved away.").__class__ is Term
        assert Wording(
            "Reason: %(reason)s", reason=as_words("The neighbour moved away.")
        ).say() == ("Rheswm: The neighbour moved away.")


def test_a_translation_that_does_not_fit_falls_back_to_english(monkeypatch):
    import agencies.wording as wording

    monkeypatch.setattr(wording, "gettext", lambda text: "Gwybodaeth gan %(asiantaeth)s")
    returned = Wording("Information returned by %(body)s", body="South Police")
    assert returned.say() == "Information returned by South Police"


def test_what_cannot_be_kept_is_refused():
    import pytest

    with pytest.raises(TypeError):
        Wording("Returned %(what)s", what=object()).stored()


def test_nothing_to_say_says_nothing():
    """gettext("") is the catalogue's header: an empty joint must never show it."""
    with translation.override("cy"):
        assert Wording.joined("", "").say() == ""
