"""Letters to the people of a case: rendered from a template to PDF (WeasyPrint), kept as
written, and sent to each person the way they are reached (DOMAIN.md §5.8): by email with the
PDF, or printed and posted from the area's print queue (triggers/post)."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import date

from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from agencies import language as languages
from agencies.working_days import add_working_days
from notifications.services import File, queue_email, queue_letter
from triggers.models import Case, Letter, LetterDelivery
from triggers.models.letters import appeal_deadline
from triggers.recipients import Recipient, Role, recipients
from triggers.texts import text_people

# Where the addressee goes in a letter's stored HTML: each copy fills in its own.
WINDOW_MARKER = "<!--address-window-->"
# And whom it greets ("Dear …"): the same person.
ADDRESSEE_MARKER = "<!--addressee-->"
# The letter's date and the last day to appeal it: a copy posted later than it was written
# bears the day it is printed and posted, and the window that runs from its service (§5.8).
# Each marker carries the language of the column it stands in ("<!--letter-date:cy-->"), so a
# bilingual letter bears its dates in Welsh and in English; a marker stored without one (a
# letter written before) is English.
LETTER_DATE_MARKER = "<!--letter-date-->"
APPEAL_BY_MARKER = "<!--appeal-by-->"
DATE_MARKERS = re.compile(r"<!--(letter-date|appeal-by)(?::([a-z-]+))?-->")
# First-class post is deemed served on the second working day after it was posted (§5.8).
SERVICE_BY_POST_WORKING_DAYS = 2


def html_to_pdf(html: str) -> bytes:
    """Render HTML to PDF. Fonts and styles are local: nothing is fetched."""
    from weasyprint import HTML

    return HTML(string=html, base_url=None).write_pdf()


# A page in the letters' own fonts, sizes and page furniture (templates/triggers/letters/
# _letter.html): rendering it once when a worker starts loads the fonts and WeasyPrint's
# caches, so the first letter a person asks for does not wait for them (issue #18).
WARM_UP_HTML = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 20mm;
        @bottom-center { content: "Page " counter(page) " of " counter(pages);
                         font: 9pt Arial, sans-serif; } }
body { font: 11pt/1.45 Arial, "DejaVu Sans", sans-serif; }
h1 { font-size: 18pt; } table { border-collapse: collapse; font-size: 10pt; }
</style></head><body><h1>Letter</h1><p>Dear <b>reader</b>, <i>fonts</i> &amp; 1234.</p>
<table><tr><th>When</th><td>Today</td></tr></table></body></html>"""


def warm_up() -> float:
    """Render a tiny letter, so this process has its fonts loaded; the seconds it took."""
    started = time.perf_counter()
    html_to_pdf(WARM_UP_HTML)
    return time.perf_counter() - started


def render_pdf(template: str, context: dict) -> bytes:
    """Render an HTML template to PDF."""
    return html_to_pdf(render_to_string(template, context))


def address_block(name: str, address: str = "", postcode: str = ""):
    """The addressee as the window shows it: the name, each line of the address, the postcode."""
    lines = [name, *(line.strip() for line in address.splitlines()), postcode]
    return format_html_join("", "<p>{}</p>", ((line,) for line in lines if line and line.strip()))


def fill_window(html: str, block, name: str) -> str:
    """The letter with `block` (already escaped) in its envelope window, greeting `name`."""
    html = html.replace(WINDOW_MARKER, str(block), 1)
    # A bilingual letter greets them once in each language ("Annwyl …", "Dear …").
    return html.replace(ADDRESSEE_MARKER, str(escape(name)))


def fill_dates(html: str, area, *, dated: date, served: date | None = None) -> str:
    """The letter dated `dated`, its window to appeal (where it has one) counted from the day
    it is served, `served` (the day it is dated, for email)."""
    days = {"letter-date": dated, "appeal-by": appeal_deadline(served or dated, area)}

    def in_its_language(marker: re.Match) -> str:
        with translation.override(marker[2] or "en-gb"):
            return formats.date_format(days[marker[1]], "j F Y")

    return DATE_MARKERS.sub(in_its_language, html)


class _DateMarker:
    """Renders as its marker in the language active where the template puts it."""

    def __init__(self, marker: str):
        self.name = marker[4:-3]

    def __html__(self) -> SafeString:
        # Safe: a fixed comment naming a language code; {% blocktranslate %} str()s it first.
        marker = f"<!--{self.name}:{translation.get_language() or 'en-gb'}-->"
        return mark_safe(marker)  # noqa: S308  # nosec B308 B703

    __str__ = __html__


def posted_copy(html: str, area, block, name: str, *, posted_on: date) -> str:
    """A copy for the post, printed and posted on `posted_on`: dated that day, served on the
    second working day after it (DOMAIN.md §5.8)."""
    html = fill_dates(html, area, dated=posted_on, served=served_on_for(posted_on))
    return fill_window(html, block, name)


@dataclass(frozen=True)
class Contact:
    """Who the applicant deals with: one person, in one team, at one address."""

    name: str
    team: str
    email: str
    phone: str


def single_point_of_contact(case: Case) -> Contact:
    """The case's officer by name, and the area's team: the acknowledgement, every letter and
    every email to the applicant name the same contact (issue #17)."""
    area = case.area
    team = languages.area_team(area)
    officer = case.assigned_officer if case.assigned_officer_id else None
    return Contact(
        name=officer.full_name if officer else team,
        team=team,
        email=area.spoc_email,
        phone=area.spoc_phone,
    )


def applicants_copy(case: Case, html: str, *, dated: date | None = None) -> str:
    """The letter as the applicant reads it by email: their name in the window and the
    greeting, dated `dated` (today) and appealable from that day."""
    html = fill_dates(html, case.area, dated=dated or timezone.localdate())
    return fill_window(html, format_html("<p>{}</p>", case.applicant_name), case.applicant_name)


def letter_languages(case: Case, people: list[Recipient] | None = None) -> list[str]:
    """The languages a case's letter is written in, Welsh first (DOMAIN.md §5.12).

    One letter serves everyone it goes to (each copy differs only by its addressee), so: English
    when nobody it goes to chose Welsh; Welsh when everyone did; bilingual side by side when the
    area asks for bilingual letters, or when one person chose Welsh and another English (each
    then reads theirs). Only a Welsh area's people ever have Welsh (`recipients.language_of`).
    `people`: a letter written only for some of them (`post_to`) is in their languages.
    """
    people = people or recipients(case)
    welsh = [person for person in people if person.language == languages.WELSH]
    english = languages.ACTIVATE[languages.ENGLISH]
    if not welsh:
        return [english]
    bilingual = case.area.welsh_letters == case.area.WelshLetters.BILINGUAL
    if bilingual or len(welsh) < len(people):
        return [languages.WELSH, english]
    return [languages.WELSH]


def letter_context(case: Case, title: str, context: dict, people=None) -> dict:
    written_in = letter_languages(case, people)
    return {
        "letter_languages": written_in,
        "letter_lang": languages.case_language(written_in[0]),
        "case": case,
        "area": case.area,
        "contact": single_point_of_contact(case),
        "title": title,
        "today": timezone.localdate(),
        "address_window": mark_safe(WINDOW_MARKER),  # noqa: S308  # nosec B308 B703
        "addressee": mark_safe(ADDRESSEE_MARKER),  # noqa: S308  # nosec B308 B703
        "letter_date": _DateMarker(LETTER_DATE_MARKER),
        **context,
        # The caller's deadline (counted from today) is what a letter served today prints;
        # each copy fills in its own (fill_dates).
        **({"appeal_by": _DateMarker(APPEAL_BY_MARKER)} if "appeal_by" in context else {}),
    }


def write_letter(
    case: Case, kind: str, title: str, context: dict, *, people=None, key: str = ""
) -> Letter:
    """Render and store one letter. Call inside the service's transaction. `people`: those
    it is written for, when not everyone the case writes to; `key`: see `Letter.key`."""
    context = letter_context(case, title, context, people)
    html = render_to_string(f"triggers/letters/{kind}.html", context)
    # The copy kept on the case (and emailed) names the applicant, as the letter opens.
    pdf = html_to_pdf(applicants_copy(case, html))
    return Letter.objects.create(
        area_id=case.area_id,
        case=case,
        kind=kind,
        title=title,
        pdf=pdf,
        html=html,
        sent_at=timezone.now(),
        dated_on=timezone.localdate(),
        key=key,
    )


def preview_pdf(case: Case, kind: str, title: str, context: dict) -> bytes:
    """The letter as it would be written today, as a PDF: nothing is stored."""
    html = render_to_string(f"triggers/letters/{kind}.html", letter_context(case, title, context))
    return html_to_pdf(applicants_copy(case, html))


_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.S)
_INLINE_STYLE = re.compile(r'\sstyle="[^"]*"')
_HEADING = re.compile(r"<(/?)h([1-4])\b")


def preview_html(case: Case, kind: str, title: str, context: dict) -> SafeString:
    """The letter as it would be written today, for a check page: the same template the PDF
    uses, its body only (the page's own styles apply; the CSP allows no inline style), its
    headings two levels down so that they sit under the page's own."""
    html = render_to_string(f"triggers/letters/{kind}.html", letter_context(case, title, context))
    html = applicants_copy(case, html)
    found = _BODY.search(html)
    # Safe: our own template's output, every value in it escaped by the template engine.
    body = _INLINE_STYLE.sub("", found.group(1) if found else html)
    return mark_safe(_HEADING.sub(lambda m: f"<{m[1]}h{int(m[2]) + 2}", body))  # noqa: S308  # nosec B308 B703


def send_letter(
    letter: Letter,
    *,
    template: str,
    key: str,
    context: dict,
    topic: str = "",
    text: str = "letter_ready",
) -> None:
    """Send a written letter to everyone on its case who receives letters, each the way they
    are reached: email with the PDF, or the area's print queue (or GOV.UK Notify's letters,
    where the area posts through it) for those who want post or have no email. Someone with
    neither an email nor an address cannot be sent it: the letter waits, as a task for the
    officer, and no window runs from it. Those who want texts are told it is ready.
    `text` names that short text (notifications/text/)."""
    case = letter.case
    for person in recipients(case):
        if person.wants_post:
            _queue_for_post(letter, person, key, topic or letter.get_kind_display())
            continue
        pdf = File(letter.filename, "application/pdf", _emailed_copy(letter, person))
        queue_email(
            key=person.key(key),
            to=person.email,
            template=template,
            context={"case": case, "recipient": person, **context},
            topic=topic or letter.get_kind_display(),
            area=case.area,
            reference=case.reference,
            attachments=(pdf,),
            language=person.language,
        )
        _record(letter, person, LetterDelivery.Channel.EMAIL, LetterDelivery.Status.EMAILED)
    update_service(letter)
    restamp_posted(letter)  # posted through GOV.UK Notify: its window runs from service
    text_people(case, text, key=key, topic=topic or letter.get_kind_display())


def post_to(letter: Letter, people: list[Recipient], *, key: str, topic: str) -> None:
    """Post a written letter to `people` only (the print queue, or GOV.UK Notify), as
    `send_letter` posts to those it cannot email: for a letter that stands in for an email
    the others already had. Anyone who already has their copy is left alone, so that
    running it again queues nothing twice."""
    sent = set(letter.deliveries.values_list("role", flat=True))
    for person in people:
        if person.role not in sent:
            _queue_for_post(letter, person, key, topic)
    update_service(letter)
    restamp_posted(letter)


def _emailed_copy(letter: Letter, person: Recipient) -> bytes:
    """The stored letter opens with the applicant's name; anyone else gets a copy that opens
    with theirs (the victim is written to in their own right, DOMAIN.md §5.9)."""
    if person.role == Role.APPLICANT or not letter.html:
        return bytes(letter.pdf)
    html = fill_dates(letter.html, letter.case.area, dated=letter.dated)
    return html_to_pdf(fill_window(html, format_html("<p>{}</p>", person.name), person.name))


def served_on_for(posted_on: date) -> date:
    return add_working_days(posted_on, SERVICE_BY_POST_WORKING_DAYS)


def addressed_pdf(letter: Letter, name: str, address: str, postcode: str, *, posted_on) -> bytes:
    """One person's copy for GOV.UK Notify to print and post: dated the day it is written (as
    emailed copies are), its window to appeal counted from the day it will be served."""
    html = fill_dates(
        letter.html, letter.case.area, dated=letter.dated, served=served_on_for(posted_on)
    )
    return html_to_pdf(fill_window(html, address_block(name, address, postcode), name))


def restamp_posted(letter: Letter) -> None:
    """Once the applicant's copy is posted, the letter kept on the case (the one the private
    link and the case page show) bears the day it was posted and the window that runs from
    the day the letter was served, as the copy in the post does."""
    posted = letter.deliveries.filter(
        role=Role.APPLICANT, status=LetterDelivery.Status.POSTED
    ).first()
    if posted is None or not letter.html:
        return
    # A copy from the print queue (it waited there) bears the day it was posted; one that
    # GOV.UK Notify posts bears the day it was written, as Notify's own copy does.
    dated = posted.posted_on if posted.queued_at else letter.dated
    served = letter.served_on or posted.served_on
    html = fill_dates(letter.html, letter.case.area, dated=dated, served=served)
    pdf = html_to_pdf(fill_window(html, format_html("<p>{}</p>", posted.name), posted.name))
    Letter.objects.filter(pk=letter.pk).update(pdf=pdf, dated_on=dated)
    letter.pdf, letter.dated_on = pdf, dated


def _queue_for_post(letter: Letter, person: Recipient, key: str, topic: str) -> LetterDelivery:
    Status = LetterDelivery.Status
    if not person.has_postal_address:
        return _record(letter, person, LetterDelivery.Channel.POST, Status.CANNOT_SEND)
    # GOV.UK Notify prints and posts it on the next working day.
    posted_on = add_working_days(timezone.localdate(), 1)
    pdf = addressed_pdf(letter, person.name, person.address, person.postcode, posted_on=posted_on)
    posted = queue_letter(
        key=person.key(f"{key}:post"),
        letter=File(letter.filename, "application/pdf", pdf),
        topic=topic,
        area=letter.case.area,
        reference=letter.case.reference,
    )
    if posted is None:  # the area prints and posts its own letters: the print queue
        return _record(letter, person, LetterDelivery.Channel.POST, Status.QUEUED)
    return _record(
        letter,
        person,
        LetterDelivery.Channel.POST,
        Status.POSTED,
        posted_on=posted_on,
        served_on=served_on_for(posted_on),
    )


def _record(
    letter: Letter, person: Recipient, channel: str, status: str, **posting
) -> LetterDelivery:
    """One row per person per letter: sending a letter again records nothing twice (the
    outbox's keys likewise keep the email from going twice)."""
    post = channel == LetterDelivery.Channel.POST
    delivery, _ = LetterDelivery.objects.get_or_create(
        letter=letter,
        role=person.role,
        defaults={
            "area_id": letter.area_id,
            "case_id": letter.case_id,
            "name": person.name,
            "address": person.address if post else "",
            "postcode": person.postcode if post else "",
            "channel": channel,
            "status": status,
            "queued_at": timezone.now() if status == LetterDelivery.Status.QUEUED else None,
            "served_on": timezone.localdate() if status == LetterDelivery.Status.EMAILED else None,
            **posting,
        },
    )
    return delivery


def update_service(letter: Letter) -> None:
    """Whether the letter still waits for a copy to go out, and, once every copy has gone,
    the day it counts as served: the latest of its copies' (a window never starts before
    everyone it was written to has it)."""
    rows = list(letter.deliveries.values_list("status", "channel", "served_on"))
    waiting = any(status in LetterDelivery.WAITING for status, _, _ in rows)
    posted = [served for _, channel, served in rows if channel == LetterDelivery.Channel.POST]
    served_on = None
    if not waiting and posted:
        served_on = max(served for _, _, served in rows if served is not None)
    Letter.objects.filter(pk=letter.pk).update(awaiting_delivery=waiting, served_on=served_on)
    letter.awaiting_delivery, letter.served_on = waiting, served_on
