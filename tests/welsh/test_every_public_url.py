"""Issue #19, the must-show test: every public URL of the project renders in Welsh for a Welsh
area, with no English left in <main>.

The URLs are not listed here: every pattern of the project is walked, and those that
agencies.public_pages calls the public's are opened as a visitor who chose Cymraeg, for a case
and an area in Wales. A new public page fails here until it is in Welsh (and, if it names an
object, until REACH below says how to reach it). The only URLs not checked are the explicit,
commented exclusions below.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from agencies import public_pages
from agencies.models import Area
from tests.conftest import build_side
from tests.triggers.applications.test_apply_journey import IMPACT, report
from tests.welsh.english import english_words

pytestmark = pytest.mark.django_db

# Not HTML: nothing to read a <main> in. The figures' CSV and JSON carry column names and
# numbers only; the calendar file is a meeting's data (its words are tested with the meeting).
NOT_HTML = {
    "figures:area_csv": "CSV download",
    "figures:area_json": "JSON download",
    "track:meeting_calendar": "iCalendar file (its Welsh: tests/welsh/test_tracking_pages.py)",
    "track:letter": "a letter's PDF (its Welsh text: tests/welsh/test_letters.py)",
}


def all_patterns(resolver=None, namespace="", namespaces=()):
    """(full name, namespaces, pattern) for every named URL pattern of the project."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            prefix = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            inner = (*namespaces, entry.namespace) if entry.namespace else namespaces
            yield from all_patterns(entry, prefix, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", inner_names(namespaces), entry


def inner_names(namespaces):
    return tuple(n for n in namespaces if n)


class _Named:
    """What agencies.public_pages reads of a resolved URL, for a pattern not yet reversed."""

    def __init__(self, name, namespaces):
        self.view_name, self.namespaces = name, list(namespaces)


def public_patterns():
    found = []
    for name, namespaces, pattern in all_patterns():
        if not public_pages.is_public_match(_Named(name, namespaces)):
            continue
        arguments = tuple(sorted(pattern.pattern.converters))
        found.append((name, arguments))
    return sorted(set(found))


def params():
    for name, arguments in public_patterns():
        label = name + (f"({','.join(arguments)})" if arguments else "")
        if name in NOT_HTML:
            continue
        yield pytest.param(name, arguments, id=label)


@pytest.fixture
def caerdydd(db):
    side = build_side("caerdydd")
    Area.objects.filter(pk=side.area.pk).update(nation=Area.Nation.WALES)
    side.area.refresh_from_db()
    side.case.area.refresh_from_db()
    return side


def names(side):
    area = side.area
    found = (area.name, area.force_area.name, side.police.name, side.council.name, side.pcc.name)
    found += (side.case.reference, side.case.applicant_name, "GOV.UK", "JSON", "CSV")
    # What the applicant typed in the journey is shown back as they typed it.
    typed = (report("")["description"], *(v for v in IMPACT.values() if v))
    return tuple(n for n in (*found, *typed, area.spoc_email, area.spoc_phone) if n)


# --- How to reach each public page: the state a visitor has when they open it -------------


def journey(last, *, on_behalf=False):
    def reach(client, side):
        from tests.triggers.applications.test_apply_journey import answer_until

        answer_until(client, side, last, on_behalf=on_behalf)
        return {}

    return reach


def a_report(client, side):
    from tests.triggers.applications.test_apply_journey import report_ids

    journey("complaint")(client, side)
    return {"report": report_ids(client)[0]}


def submitted(client, side):
    journey("contact")(client, side)
    client.post(reverse("apply:check"), {})
    return {}


def private_link(client, side):
    client.get(reverse("track:open", args=[side.case.token]))
    return {}


def with_review(client, side):
    from tests.triggers.tracking.test_tracking_page import record

    record(side, side.case)
    return private_link(client, side)


def with_letter(client, side):
    from triggers.threshold.services import decide_threshold

    decide_threshold(side.case, "met", by=side.officer)
    private_link(client, side)
    return {"letter_id": side.case.letters.first().pk}


def met(client, side):
    """Threshold met, agencies asked: the victim may say how to take part in the review."""
    from triggers.threshold.services import decide_threshold

    decide_threshold(side.case, "met", by=side.officer)
    return private_link(client, side)


def not_met(client, side):
    from tests.appeals.helpers import not_met_case

    side.case = not_met_case(side)
    return private_link(client, side)


REACH = {
    "apply:who": journey("start"),
    "apply:on_behalf": journey("who", on_behalf=True),
    "apply:victim": journey("on_behalf", on_behalf=True),
    "apply:complaints": journey("who"),
    "apply:complaint": journey("who"),
    "apply:complaint(report)": a_report,
    "apply:complaint_remove(report)": a_report,
    "apply:impact": journey("complaint"),
    "apply:contact": journey("impact"),
    "apply:check": journey("contact"),
    "apply:done": submitted,
    "track:case": private_link,
    "track:letter(letter_id)": with_letter,
    "track:involvement": met,
    "track:plan": with_review,
    "track:withdraw": private_link,
    "track:open(token)": lambda client, side: {"token": side.case.token},
    "appeals:track_lodge": not_met,
    "figures:area(area)": lambda client, side: {"area": side.area.slug},
}


@pytest.mark.parametrize(("name", "arguments"), list(params()))
def test_every_public_page_is_welsh_for_a_welsh_area(in_welsh, caerdydd, name, arguments):
    key = name + (f"({','.join(arguments)})" if arguments else "")
    reach = REACH.get(key)
    assert reach or not arguments, f"Say in REACH how a visitor reaches {key}"
    kwargs = reach(in_welsh, caerdydd) if reach else {}
    url = reverse(name, kwargs=kwargs)
    if public_pages.in_area_language(public_pages.match_of_path(url)):
        in_welsh.get("/language/cy/", {"next": url})
    response = in_welsh.get(url, follow=(name == "track:open"))
    html = response.content.decode()
    assert response.status_code == 200, (key, response.status_code)
    assert response["Content-Type"].startswith("text/html"), f"{key}: add it to NOT_HTML"
    if not public_pages.in_area_language(public_pages.match_of_path(url)):
        # A national page (the PLEDGE register): English, with no switch.
        assert '<html lang="en"' in html and "Cymraeg" not in html, key
        return
    assert '<html lang="cy"' in html, key
    assert english_words(html, names=names(caerdydd)) == [], key


def test_every_public_url_is_walked_or_excluded_with_a_reason():
    walked = {name for name, _ in public_patterns()}
    assert set(NOT_HTML) <= walked
    assert {"figures:index", "figures:area", "appeals:track_lodge", "check"} <= walked
