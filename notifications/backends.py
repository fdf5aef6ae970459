"""Email backends for development that never print or save a private link.

The console and file backends write whole emails where anyone with the terminal or the
directory can read them; a /track/<token>/ link there opens the applicant's case. These copy
each email with the link redacted (the same redaction the log filter uses) before writing it.
"""

import copy

from django.core.mail.backends import console, filebased

from agencies.log_filters import redact


def _redacted(message):
    clean = copy.copy(message)
    clean.subject = redact(message.subject)
    clean.body = redact(message.body)
    clean.alternatives = [_with(a, 0, _text(a[0], "text/")) for a in message.alternatives]
    # A MIMEBase attachment passes through as it is (this project does not build those).
    clean.attachments = [
        _with(a, 1, _text(a[1], a[2])) if isinstance(a, tuple) else a for a in message.attachments
    ]
    return clean


def _text(content, mimetype):
    if isinstance(content, str):
        return redact(content)
    if isinstance(content, bytes) and (mimetype or "").startswith("text/"):
        return redact(content.decode("utf-8", "replace")).encode()
    return content


def _with(item: tuple, index: int, value) -> tuple:
    items = list(item)
    items[index] = value
    return type(item)(*items) if hasattr(item, "_fields") else tuple(items)


class _Redacting:
    def send_messages(self, email_messages):
        return super().send_messages([_redacted(m) for m in email_messages])


class ConsoleBackend(_Redacting, console.EmailBackend):
    pass


class FileBackend(_Redacting, filebased.EmailBackend):
    pass
