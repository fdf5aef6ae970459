"""Deliver the outbox: claim due messages in batches, send each batch over one connection,
and record every message's result in its own transaction.

Why this shape (issue #15, #18):
- The schedule lives in the row (`next_attempt_at`), not in Celery retries, so a broker or
  worker restart cannot lose it, and a re-queue of a message that is not yet due sends
  nothing and spends no attempt.
- Claiming is one short transaction (`SELECT … FOR UPDATE SKIP LOCKED`, then the claimed rows'
  `next_attempt_at` is pushed ahead as a lease); sending happens outside it and each result is
  committed on its own. A crash part-way through a batch therefore re-sends at most the one
  message in flight, never the whole batch, and the leased rows come due again by themselves.
- Tries back off exponentially with jitter (about 1 minute growing to 12 hours), so a
  short SMTP outage costs a few tries and a long one does not hammer the server; a message is
  `failed` only once a day of tries has run out.
- An area that sends through GOV.UK Notify (issue #16) has its messages of the batch sent by
  notify.py, one API call each, with the same claim, lease, backoff and record.
"""

from __future__ import annotations

import functools
import logging
import random
from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from agencies.log_filters import redact

from . import notify
from .models import PRIVATE_LINK_PLACEHOLDER, Message

log = logging.getLogger(__name__)

BATCH_SIZE = 50
FIRST_DELAY = timedelta(minutes=1)
LONGEST_DELAY = timedelta(hours=12)
JITTER = 0.2  # each delay is its nominal value ±20%, so messages failed together spread out
GIVE_UP_AFTER = timedelta(days=1)
# How long a claimed message is out of everyone else's reach. A batch stops sending when half
# of it is gone (a slow SMTP server), so its remaining rows are handed back before it expires.
LEASE = timedelta(minutes=10)

Clock = Callable[[], datetime]
# For one transaction only: its commit does not wait for the disk (see _mark_sent).
ASYNC_COMMIT = "SET LOCAL synchronous_commit TO OFF"


def backoff(failures: int, rng: random.Random | None = None) -> timedelta:
    """How long to wait after the `failures`-th failed try (1, 2, …) before the next."""
    nominal = min(LONGEST_DELAY, FIRST_DELAY * 2 ** min(failures - 1, 20))
    return nominal * (rng or random).uniform(1 - JITTER, 1 + JITTER)


def deliver(message_id: int, now: datetime | None = None) -> str:
    """Send one message if it is due (the path `transaction.on_commit` dispatch takes).

    Returns its status afterwards, or "skipped" when it was not due, already sent, or being
    sent by another worker: a duplicated or early task sends nothing and spends no attempt.
    """
    clock = _clock(now)
    claimed, lease = _claim(clock(), ids=[message_id])
    if not claimed:
        return "skipped"
    _send_batch(claimed, lease, clock)
    return Message.objects.values_list("status", flat=True).get(pk=message_id)


def deliver_due(now: datetime | None = None, limit: int = BATCH_SIZE) -> int:
    """Claim up to `limit` due messages and send them over one connection. Returns how many."""
    clock = _clock(now)
    claimed, lease = _claim(clock(), limit=limit)
    if claimed:
        _send_batch(claimed, lease, clock)
    return len(claimed)


def due_count(now: datetime | None = None) -> int:
    return Message.objects.filter(
        status=Message.Status.PENDING, next_attempt_at__lte=now or timezone.now()
    ).count()


def _clock(now: datetime | None) -> Clock:
    # Tests drive time by passing `now`; in production every step reads the real clock.
    return (lambda: now) if now is not None else timezone.now


def _claim(now: datetime, *, ids=None, limit: int = BATCH_SIZE) -> tuple[list[Message], datetime]:
    lease = now + LEASE
    with transaction.atomic():
        due = Message.objects.select_for_update(skip_locked=True).filter(
            status=Message.Status.PENDING, next_attempt_at__lte=now
        )
        if ids is not None:
            due = due.filter(pk__in=ids)
        pks = list(due.order_by("next_attempt_at", "pk").values_list("pk", flat=True)[:limit])
        Message.objects.filter(pk__in=pks).update(next_attempt_at=lease)
    claimed = (
        Message.objects.filter(pk__in=pks)
        .select_related("area__notify")
        .prefetch_related("attachments")
    )
    return list(claimed.order_by("created_at", "pk")), lease


def _send_batch(messages: list[Message], lease: datetime, clock: Clock) -> None:
    by_notify = [m for m in messages if notify.goes_through_notify(m)]
    if by_notify:
        _send_by_notify(by_notify, lease, clock)
    by_smtp = [m for m in messages if m not in by_notify]
    if by_smtp:
        _send_by_smtp(by_smtp, lease, clock)


def _send_by_notify(messages: list[Message], lease: datetime, clock: Clock) -> None:
    for position, message in enumerate(messages):
        if clock() >= lease - LEASE / 2:
            _release(messages[position:], lease, clock())
            return
        try:
            notify_id = notify.send(message)
        except Exception as error:  # HTTP error, timeout, not set up: tried again later
            _record(message, lease, clock(), error)
        else:
            _record(message, lease, clock(), None, notify_id=notify_id)


def _send_by_smtp(messages: list[Message], lease: datetime, clock: Clock) -> None:
    connection = get_connection()
    is_open = _open(connection)
    try:
        for position, message in enumerate(messages):
            if not is_open:
                # The server cannot be reached: every message left waits its backoff.
                _fail_all(messages[position:], lease, clock, is_open.error)
                return
            if clock() >= lease - LEASE / 2:
                _release(messages[position:], lease, clock())
                return
            try:
                connection.send_messages([_email(message)])
            except Exception as error:
                _record(message, lease, clock(), error)
                # A broken connection would fail every message after it: start a fresh one.
                connection.close()
                is_open = _open(connection)
            else:
                _record(message, lease, clock(), None)
    finally:
        connection.close()


class _Opened:
    def __init__(self, error: Exception | None = None):
        self.error = error

    def __bool__(self):
        return self.error is None


def _open(connection) -> _Opened:
    try:
        connection.open()
    except Exception as error:
        return _Opened(error)
    return _Opened()


def _fail_all(messages, lease, clock, error) -> None:
    for message in messages:
        _record(message, lease, clock(), error)


def _email(message: Message) -> EmailMessage:
    body = message.body
    if message.private_link:
        body = body.replace(PRIVATE_LINK_PLACEHOLDER, message.private_link)
    email = EmailMessage(
        subject=message.subject,
        body=body,
        to=[message.to_address],
        headers={"X-Idempotency-Key": message.idempotency_key},
    )
    for attachment in message.attachments.all():
        email.attach(attachment.filename, bytes(attachment.content), attachment.mimetype)
    return email


def _record(
    message: Message, lease: datetime, now: datetime, error: Exception | None, notify_id: str = ""
) -> None:
    """Write one try's result. Only a try that happened reaches here, so only it counts."""
    first = message.first_attempt_at or now
    if error is None:
        updated = _mark_sent(message, lease, now, first, notify_id)
    else:
        updated = _mark_failed_try(message, lease, now, first, error)
    if not updated:
        log.warning("Message %s changed while it was being sent; its lease ran out.", message.pk)


def _mark_sent(message: Message, lease: datetime, now: datetime, first, notify_id: str) -> int:
    """Record a delivered message: one statement, the hot path of delivery (one per message).

    Written as SQL prepared once, not built by the ORM each time, and committed without
    waiting for the disk (PostgreSQL's `synchronous_commit` off for this transaction only):
    a worker that crashes loses nothing (the commit has happened), and only a crash of the
    database server itself in the next fraction of a second could forget a "sent" and send
    that message again. Issue #18 measured the two as over a quarter of a message's cost.

    On PostgreSQL, outside any transaction, it is one round trip, not four (BEGIN, SET,
    UPDATE, COMMIT): the server runs a query of several statements as one transaction of its
    own, so the SET LOCAL covers the UPDATE and ends with it (issue #18: the round trips were
    the outbox's largest cost after SMTP itself).
    """
    adapt = connection.ops.adapt_datetimefield_value
    # The live secret goes the moment it has been delivered; with DEBUG on it stays, for the
    # demo mailbox (notifications/mailbox.py) to show.
    private_link = message.private_link if settings.DEBUG else ""
    values = [adapt(first), Message.Status.SENT, adapt(now), private_link, notify_id]
    where = [message.pk, Message.Status.PENDING, adapt(lease)]
    postgresql = connection.vendor == "postgresql"
    if postgresql and not connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute(f"{ASYNC_COMMIT}; {_sent_statement()}", [*values, *where])
            return cursor.rowcount
    with transaction.atomic(), connection.cursor() as cursor:
        if postgresql:
            cursor.execute(ASYNC_COMMIT)
        cursor.execute(_sent_statement(), [*values, *where])
        return cursor.rowcount


@functools.cache  # one database per process: its quoting and the table never change
def _sent_statement() -> str:
    table = connection.ops.quote_name(Message._meta.db_table)
    column = {f.name: connection.ops.quote_name(f.column) for f in Message._meta.concrete_fields}
    # Only the model's own table and column names, quoted, are put in; every value is a parameter.
    return (
        f"UPDATE {table} SET {column['attempts']} = {column['attempts']} + 1, "  # noqa: S608  # nosec B608
        f"{column['first_attempt_at']} = %s, {column['status']} = %s, {column['sent_at']} = %s, "
        f"{column['last_error']} = '', {column['private_link']} = %s, {column['notify_id']} = %s "
        f"WHERE {column['id']} = %s AND {column['status']} = %s "
        f"AND {column['next_attempt_at']} = %s"
    )


def _mark_failed_try(message: Message, lease: datetime, now: datetime, first, error) -> int:
    change = {"attempts": F("attempts") + 1, "first_attempt_at": first}
    change["last_error"] = redact(f"{type(error).__name__}: {error}")[:2000]
    deadline = first + GIVE_UP_AFTER
    if now >= deadline:
        change |= {"status": Message.Status.FAILED, "failed_at": now, "private_link": ""}
    else:
        change["next_attempt_at"] = min(now + backoff(message.attempts + 1), deadline)
    with transaction.atomic():
        # Only while our lease holds: if it ran out, another worker owns the row now.
        return Message.objects.filter(
            pk=message.pk, status=Message.Status.PENDING, next_attempt_at=lease
        ).update(**change)


def _release(messages: list[Message], lease: datetime, now: datetime) -> None:
    """Hand back claimed messages that were not tried: due again at once, no attempt spent."""
    with transaction.atomic():
        Message.objects.filter(
            pk__in=[m.pk for m in messages], status=Message.Status.PENDING, next_attempt_at=lease
        ).update(next_attempt_at=now)
