"""First-device enrolment: a one-time link, never the password alone (issue #15).

Someone with only a user's password must not be able to link their own authenticator app to
that account. So the set-up page opens only with a link that an area admin (for the staff of
their areas), a platform admin (for area admins, and anyone else), or `manage.py
enrolment_link` (the first platform admin) issued. The link goes to the user's own email,
works once, expires after LINK_HOURS, and only its SHA-256 is kept. It also serves to reset a
lost phone: the app set up with it replaces the old one.

The email itself is written by the outbox (notifications/receivers.py), which listens for
`link_issued`: agencies sits below notifications and imports nothing from it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.db import transaction
from django.db.models import Q, QuerySet
from django.dispatch import Signal
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from . import access
from .models import EnrolmentLink, User
from .site import site_url

LINK_HOURS = 72
SESSION_KEY = "enrolment_link"
Role = access.Role

# Sent inside the issuing transaction with link, url and by; the outbox writes the email.
link_issued = Signal()


class NotAllowed(Exception):
    """The issuer may not send this user a set-up link."""


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def is_platform_admin(user) -> bool:
    return bool(user.is_superuser or access.has_role(user, Role.PLATFORM_ADMIN))


def _admins_go_to_the_platform() -> Q:
    """Area admins and platform admins get their links from a platform admin."""
    return Q(roles__role__in=[Role.AREA_ADMIN, Role.PLATFORM_ADMIN]) | Q(is_superuser=True)


def staff_for(issuer) -> QuerySet[User]:
    """The people `issuer` may send a set-up link to: the staff of the areas they administer
    (roles there, agencies that are members there, their force's PCC office), not other
    admins; a platform admin, anyone. Never themselves."""
    users = User.objects.filter(is_active=True).exclude(pk=issuer.pk)
    if is_platform_admin(issuer):
        return users
    areas = list(access.administered_areas_for(issuer).values_list("pk", "force_area_id"))
    if not areas:
        return users.none()
    area_ids = [pk for pk, _ in areas]
    belongs = (
        Q(roles__area_id__in=area_ids)
        | Q(roles__isnull=False, agency__memberships__area_id__in=area_ids)
        | Q(roles__role=Role.PCC_OFFICER, agency__force_area_id__in=[f for _, f in areas])
    )
    staff = users.filter(belongs).values("pk")
    return User.objects.filter(pk__in=staff).exclude(
        pk__in=users.filter(_admins_go_to_the_platform()).values("pk")
    )


def whom_to_ask(user) -> str:
    """Plain words for the sign-in page: who can send this user a set-up link."""
    if is_platform_admin(user) or access.has_role(user, Role.AREA_ADMIN):
        return gettext("a platform admin")
    return gettext("your area admin")


@transaction.atomic
def issue_link(user, *, by=None) -> tuple[EnrolmentLink, str]:
    """A new set-up link for `user`, emailed to them. `by` is None only for the management
    command. Any earlier unused link stops working: only the newest is live."""
    if by is not None and not staff_for(by).filter(pk=user.pk).exists():
        raise NotAllowed(f"{by} may not send {user} a set-up link.")
    now = timezone.now()
    EnrolmentLink.objects.filter(user=user, used_at__isnull=True, expires_at__gt=now).update(
        expires_at=now
    )
    token = secrets.token_urlsafe(32)
    link = EnrolmentLink.objects.create(
        user=user,
        token_hash=digest(token),
        issued_by=by,
        created_at=now,
        expires_at=now + timedelta(hours=LINK_HOURS),
    )
    url = f"{site_url()}{reverse('signin_enrol', args=[token])}"
    if not link_issued.send(sender=EnrolmentLink, link=link, url=url, by=by):
        raise RuntimeError("No outbox is listening: the set-up link could not be sent.")
    return link, token


def link_for_token(token: str) -> EnrolmentLink | None:
    """The usable link a token opens, or None (wrong, used or expired)."""
    if not token or len(token) > 100:
        return None
    wanted = digest(token)
    link = EnrolmentLink.objects.filter(token_hash=wanted).select_related("user").first()
    if link is None or not hmac.compare_digest(link.token_hash, wanted) or not link.usable():
        return None
    return link if link.user.is_active else None


def remember(request, link: EnrolmentLink) -> None:
    """The link was opened: this browser may set up an app for its user after signing in."""
    request.session[SESSION_KEY] = link.pk


def link_in_session(request, user) -> EnrolmentLink | None:
    """The usable link this browser opened, if it is `user`'s."""
    link_id = request.session.get(SESSION_KEY)
    link = EnrolmentLink.objects.filter(pk=link_id, user=user).first() if link_id else None
    return link if link is not None and link.usable() else None


@transaction.atomic
def use(link: EnrolmentLink) -> bool:
    """Spend the link. False when it was spent (or expired) meanwhile: it works once."""
    return bool(
        EnrolmentLink.objects.filter(
            pk=link.pk, used_at__isnull=True, expires_at__gt=timezone.now()
        ).update(used_at=timezone.now())
    )
