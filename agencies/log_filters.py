"""Keep private-link tokens out of the logs.

The applicant's link (/track/<token>/) is exchanged for a session on first use, but that first
request's address is still written by request logs (runserver's, or a 500's traceback). This
filter replaces the token before any handler writes the line.
"""

import logging
import re

TRACKING_LINK = re.compile(r"/track/(?!letters/)[A-Za-z0-9_\-]{16,}/?")
REDACTED = "/track/[token]/"
# The one-time link that lets staff set up their second factor (agencies/enrolment.py).
ENROLMENT_LINK = re.compile(r"/sign-in/set-up/[A-Za-z0-9_\-]{16,}/?")
ENROLMENT_REDACTED = "/sign-in/set-up/[token]/"
# A named body's link to respond to a recommendation (triggers/reviews/recommendations.py).
RESPONSE_LINK = re.compile(r"/respond/[A-Za-z0-9_\-]{16,}/?")
RESPONSE_REDACTED = "/respond/[token]/"


def redact(text: str) -> str:
    text = RESPONSE_LINK.sub(RESPONSE_REDACTED, text)
    return ENROLMENT_LINK.sub(ENROLMENT_REDACTED, TRACKING_LINK.sub(REDACTED, text))


class RedactPrivateLinks(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True
