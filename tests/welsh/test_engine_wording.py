"""The engine's answers kept as words (triggers/eligibility_words.wording): written once into
a case's history, they say the engine's own English and, for a Welsh reader, the same Welsh
that a Welsh page gets from the engine (`words()`), for every decision and every reason."""

import json

from django.utils import translation
from hypothesis import given

from agencies.wording import Wording
from tests.triggers.test_eligibility import APPLICATION, complaint_lists, policies, properties
from tests.triggers.test_eligibility import todays as days
from triggers import eligibility_words
from triggers.eligibility import assess, explain


def _kept(words: Wording) -> Wording:
    """As the history keeps it: stored as JSON and read back."""
    return Wording.from_stored(json.loads(json.dumps(words.stored())))


@properties
@given(policies, complaint_lists, days)
def test_kept_words_say_what_the_engine_says_in_english_and_in_welsh(policy, complaints, today):
    decision = assess(policy, complaints, APPLICATION, today)
    kept = eligibility_words.wording()
    summary = _kept(explain(decision, kept))
    reasons = [_kept(finding.reason_in(kept)) for finding in decision.complaints]
    assert summary.english() == explain(decision)
    assert [reason.english() for reason in reasons] == [f.reason for f in decision.complaints]
    with translation.override("cy"):
        welsh = eligibility_words.words()
        assert summary.say() == explain(decision, welsh) != explain(decision)
        assert [reason.say() for reason in reasons] == [
            finding.reason_in(welsh) for finding in decision.complaints
        ]
