"""Text messages to the people of a case: short nudges with no personal details (issue #16).

A text says only that something happened, the case reference and where to look (the private
link they already have, or the letter we sent): no name, no address, no link. Phones are
shared and lock screens are read over shoulders. Texts go only to people who chose them and
have a number, and only where the area sends texts through GOV.UK Notify (queue_text checks).
"""

from __future__ import annotations

from notifications.services import queue_text
from triggers.models import Case, ContactMethod
from triggers.recipients import recipients


def text_people(case: Case, template: str, *, key: str, topic: str) -> None:
    """Queue the text `template` to everyone on the case who wants texts."""
    for person in recipients(case):
        if person.contact_method == ContactMethod.TEXT and person.phone:
            queue_text(
                key=person.key(f"{key}:text"),
                to=person.phone,
                template=template,
                context={"area": case.area, "reference": case.reference},
                topic=topic,
                area=case.area,
                reference=case.reference,
                language=person.language,
            )
