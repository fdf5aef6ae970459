"""API tokens: made, listed and revoked by their owner only.

There is deliberately no function that takes a creator and an owner: whoever calls
`create_token` gets a token for themselves, so nobody (a platform admin included) can act as
someone else through the API (ARCHITECTURE.md, tenancy; issue #15).
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.db.models import Min, QuerySet
from django.utils import timezone

from . import access
from .models import ApiToken, Area

# When a user works in no area (a platform admin, say), the product default applies.
DEFAULT_LIFETIME_DAYS = Area._meta.get_field("api_token_days").default
# Last use is shown to the day and minute; writing it on every call would add a write to
# every read.
LAST_USE_PRECISION = timedelta(seconds=60)


def lifetime_days(user) -> int:
    """The shortest `api_token_days` of the areas the user works in."""
    shortest = access.member_areas_for(user).aggregate(days=Min("api_token_days"))["days"]
    return shortest or DEFAULT_LIFETIME_DAYS


def tokens_of(user) -> QuerySet[ApiToken]:
    """The user's own tokens that still work, newest first."""
    return ApiToken.objects.filter(user=user, expiry__gt=timezone.now())


@transaction.atomic
def create_token(owner, *, name: str, scope: str) -> tuple[ApiToken, str]:
    """A new token for `owner` (the signed-in user). Returns it and the full token, which is
    never kept: only its digest is stored, so it can be shown this once."""
    days = lifetime_days(owner)
    return ApiToken.objects.create(
        owner, expiry=timedelta(days=days), name=name.strip(), scope=scope
    )


@transaction.atomic
def revoke_token(token: ApiToken) -> None:
    """The token stops working at once. The audit keeps its name on every row it wrote."""
    ApiToken.objects.filter(pk=token.pk).delete()


def note_use(token: ApiToken) -> None:
    """Remember when the token was last used, to the minute."""
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USE_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
