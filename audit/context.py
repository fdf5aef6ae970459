"""The case a request has already read, so that its audit row needs no lookup of its own.

The audit middleware names the case from the URL (`area` + `reference`). Looking it up again
costs a round trip on every case page (issue #18), though the view has just read that very
case through access.py. The selector that reads it notes it here; the middleware uses the
note only when it names the same area and reference as the URL, and otherwise looks the case
up as before. The note lives in a context variable, so it is the request's own (a thread of
gunicorn, or a task of an async server), and the middleware clears it for every request.
"""

from __future__ import annotations

from contextvars import ContextVar

_seen: ContextVar[dict | None] = ContextVar("audit_seen_case", default=None)


def note_case(*, pk: int, area_id: int, area_slug: str, reference: str) -> None:
    _seen.set({"pk": pk, "area_id": area_id, "area_slug": area_slug, "reference": reference})


def seen_case(area_slug: str, reference: str) -> dict | None:
    """The noted case if it is the one the URL names."""
    seen = _seen.get()
    if seen and seen["area_slug"] == area_slug and seen["reference"] == reference:
        return seen
    return None


def forget() -> None:
    _seen.set(None)
