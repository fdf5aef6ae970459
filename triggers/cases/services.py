"""Changes the case list makes: a user's saved filters (issue #17)."""

from __future__ import annotations

from django.db import transaction

from triggers.models import SavedFilter


def saved_filters_for(user):
    """A user's own saved filters. Another user's is not found (404), never forbidden."""
    return SavedFilter.objects.filter(user=user)


@transaction.atomic
def save_filter(user, name: str, query: str) -> SavedFilter:
    """Keep the list's filter and sort (an already cleaned query string) under a name; a
    filter of the same name is replaced, so saving again updates it."""
    saved, _ = SavedFilter.objects.update_or_create(
        user=user, name=name.strip(), defaults={"query": query}
    )
    return saved


@transaction.atomic
def delete_filter(saved: SavedFilter) -> None:
    saved.delete()
