"""A member of staff of a Welsh area who chose Cymraeg: the set-up the Welsh staff tests share."""

from agencies.language import STAFF_COOKIE, WELSH
from agencies.models import Area


def in_wales(side):
    """Make the side's area one in Wales (its case's copy of the area too)."""
    Area.objects.filter(pk=side.area.pk).update(nation=Area.Nation.WALES)
    side.area.refresh_from_db()
    if getattr(side, "case", None) is not None:
        side.case.area.refresh_from_db()
    return side


def welsh_staff(client, side, role: str | None = None):
    """`side` in Wales, and `client` a browser whose member of staff chose Cymraeg, signed in
    as the side's `role` when one is given."""
    in_wales(side)
    client.cookies[STAFF_COOKIE] = WELSH
    if role is not None:
        client.force_login(getattr(side, role))
    return side
