"""Enter in a field submits a form through its first submit button (the HTML standard's
implicit submission). On an "add another" form that must be the form's own action, never
block 1's "Remove", which would throw away what was typed in it (seen on /check/)."""

import re

import pytest
from crispy_forms.utils import render_crispy_form

from triggers.applications.check import CheckForm
from triggers.information.forms import DRAFT, InformationReturnForm
from triggers.reviews.forms import ReviewRecordForm

FIRST_SUBMIT = re.compile(r'<button[^>]*type="submit"[^>]*name="([^"]+)"')


def first_submit(form) -> str:
    return FIRST_SUBMIT.search(render_crispy_form(form))[1]


@pytest.mark.django_db
def test_enter_on_the_check_page_checks():
    assert first_submit(CheckForm()) == "check"


@pytest.mark.parametrize(("drafts", "expected"), [(True, DRAFT), (False, "submit")])
def test_enter_on_a_return_saves_a_draft_where_drafts_are_kept(drafts, expected):
    assert first_submit(InformationReturnForm(drafts=drafts)) == expected


def test_enter_on_the_review_record_records_nothing_but_the_review():
    assert first_submit(ReviewRecordForm(agencies=[])) == "submit"
