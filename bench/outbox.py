"""The outbox's rate: one worker delivering to an SMTP server on loopback.

N messages are written as the services write them (pending, in the outbox), then delivered by
`deliver_due` in a loop, as one Celery worker would; the server (bench.smtp_sink, in its own
process) counts what arrives by each message's idempotency key, so a lost or doubled message
shows. The ratio compares that rate with the bare cost of SMTP: the same messages sent by
Django's SMTP backend over one connection, no database. Run as `python -m bench.outbox N`
with DATABASE_URL set; the messages are deleted afterwards.
"""

from __future__ import annotations

import json
import socket
import subprocess  # nosec B404 -- our own SMTP sink, fixed arguments
import sys
import time

RUN_PREFIX = "bench-outbox"


def measure(count: int = 500) -> dict:
    from django.core.mail import EmailMessage, get_connection
    from django.test.utils import override_settings

    from notifications.delivery import deliver_due
    from notifications.models import Message

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    sink = subprocess.Popen(  # noqa: S603  # nosec B603
        [sys.executable, "-m", "bench.smtp_sink", str(port)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    if sink.stdout.readline().strip() != "READY":
        raise RuntimeError("the SMTP sink did not start")
    stamp = f"{RUN_PREFIX}-{time.time_ns()}"
    try:
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=port,
            EMAIL_USE_TLS=False,
            EMAIL_HOST_USER="",
            EMAIL_HOST_PASSWORD="",  # nosec B106 -- none: a loopback server
        ):
            started = time.perf_counter()
            connection = get_connection()
            connection.send_messages(
                [
                    EmailMessage(f"Bench {n}", "A message body. " * 20, to=["x@example.org"])
                    for n in range(count)
                ]
            )
            connection.close()
            bare = count / (time.perf_counter() - started)
            Message.objects.bulk_create(
                Message(
                    idempotency_key=f"{stamp}-{n}",
                    topic="bench",
                    to_address="x@example.org",
                    subject=f"Bench {n}",
                    body="A message body. " * 20,
                )
                for n in range(count)
            )
            started = time.perf_counter()
            while deliver_due():
                pass
            rate = count / (time.perf_counter() - started)
        sent = Message.objects.filter(
            idempotency_key__startswith=stamp, status=Message.Status.SENT
        ).count()
    finally:
        keys = _stop(sink)
        Message.objects.filter(idempotency_key__startswith=stamp).delete()
    received = {k: v for k, v in keys.items() if k.startswith(stamp)}
    return {
        "messages": count,
        "per_second": rate,
        "bare_smtp_per_second": bare,
        "ratio": rate / bare,
        "lost": count - len(received),
        "doubled": sum(1 for v in received.values() if v > 1),
        "marked_sent": sent,
    }


def _stop(sink: subprocess.Popen) -> dict:
    """Stop the sink; what it received, by idempotency key."""
    keys, _ = sink.communicate("\n", timeout=60)
    return json.loads(keys.strip().splitlines()[-1])


def main(argv: list[str]) -> None:
    import django

    django.setup()
    print("RESULT " + json.dumps(measure(int(argv[0]) if argv else 500)))


if __name__ == "__main__":
    main(sys.argv[1:])
