"""Added-up summary rows, remembered in the cache until the rows change (issue #18).

A dashboard adds up a year of summary rows on every view: thousands of rows at national scale,
the same answer until a stage completes. `figures.summary` is the only writer of those rows;
once its transaction commits it gives each area it wrote for a new version, and a remembered
sum names the versions it was added up from, so a changed area is added up again on its next
view and nobody sees a figure older than the last completed stage.

With the cache unreachable (agencies.cache fails open) nothing is remembered and every view
adds up afresh; a version that could not be changed during an outage can leave a remembered
sum stale for at most FIGURES_CACHE_SECONDS. With no cache shared between workers (the
embedded default, no Redis) nothing is remembered at all.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

PREFIX = "figures:summary"


def seconds() -> int:
    return getattr(settings, "FIGURES_CACHE_SECONDS", 0)


def _version_key(area_id: int) -> str:
    return f"{PREFIX}:version:{area_id}"


def changed(area_ids: Iterable[int]) -> None:
    """The summary rows of these areas are being rewritten: forget their sums now, and again
    once the writing transaction commits. Now, so that this transaction's own next read adds
    up its rows; again at the commit, because a view in between added up the rows as they
    were before it and remembered them under the first new version."""
    keys = [_version_key(area_id) for area_id in set(area_ids)]
    if not (keys and seconds()):
        return

    def forget():
        cache.set_many({key: uuid.uuid4().hex for key in keys}, None)

    forget()
    transaction.on_commit(forget)


def remembered(area_ids: Iterable[int], what: tuple, add_up: Callable[[], list]) -> list:
    """`add_up()` for these areas, or what it gave last time if none of them changed since.
    `what` names the sum (its period and grouping)."""
    if not seconds():
        return add_up()
    ids = sorted(set(area_ids))
    keys = [_version_key(area_id) for area_id in ids]
    versions = cache.get_many(keys)
    name = repr((ids, [versions.get(k, "") for k in keys], what)).encode()
    key = f"{PREFIX}:sum:{hashlib.sha256(name).hexdigest()}"
    found = cache.get(key)
    if found is None:
        found = add_up()
        cache.set(key, found, seconds())
    return found
