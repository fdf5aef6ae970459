"""A local SMTP server for the outbox bench, in its own process, as a real one is: in a thread
of the worker's process it would share the worker's interpreter lock, and every message's
database write would wait on the server's Python as well as on its own.

Run as `python -m bench.smtp_sink PORT`: it prints READY once listening, and on a line on
its standard input stops and prints, as JSON, how many messages arrived under each
idempotency key (X-Idempotency-Key; "(bare)" for messages without one).
"""

from __future__ import annotations

import json
import sys
from collections import Counter

BARE = "(bare)"


class Keeper:
    def __init__(self):
        self.keys = Counter()

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd names the hook
        for line in envelope.content.decode(errors="replace").splitlines():
            if line.lower().startswith("x-idempotency-key:"):
                self.keys[line.split(":", 1)[1].strip()] += 1
                break
        else:
            self.keys[BARE] += 1
        return "250 OK"


def main(argv: list[str]) -> None:
    from aiosmtpd.controller import Controller

    keeper = Keeper()
    controller = Controller(keeper, hostname="127.0.0.1", port=int(argv[0]))
    controller.start()
    print("READY", flush=True)
    try:
        sys.stdin.readline()
    finally:
        controller.stop()
    print(json.dumps(keeper.keys), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
