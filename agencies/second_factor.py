"""The second factor for staff: an authenticator app (TOTP) and one-time backup codes.

Sign-in is in two steps. The password step only remembers, in the session, who is part-way
through (for a few minutes); nobody is signed in until the second step gives a valid code.
The middleware below also refuses every staff page and API call to a session that is signed
in but not verified (one made some other way, such as the Django admin's own sign-in form).
"""

from __future__ import annotations

import base64
import functools
import time

from django.conf import settings
from django.contrib.auth import get_user_model, login
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import redirect, resolve_url
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

PENDING_KEY = "second_factor_pending"
BACKUP_CODES_KEY = "second_factor_backup_codes"
PENDING_SECONDS = 10 * 60
BACKUP_CODE_COUNT = 10
APP_DEVICE_NAME = "Authenticator app"
BACKUP_DEVICE_NAME = "Backup codes"

# Pages a signed-in but unverified session may still open.
OPEN_URL_NAMES = {
    "signin",
    "signin_verify",
    "signin_setup",
    "signin_enrol",
    "signout",
    "healthz",
    "start",
    "accessibility",
    "privacy",
}


def required() -> bool:
    return getattr(settings, "REQUIRE_2FA", True)


def has_app(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def begin(request, user, next_url: str = "") -> None:
    """The password was right: remember who is signing in until they give their code."""
    request.session.cycle_key()
    request.session[PENDING_KEY] = {
        "user": user.pk,
        "backend": user.backend,
        "at": int(time.time()),
        "next": next_url,
    }


def pending_user(request):
    """Who is part-way through signing in: from the password step, or a session signed in
    without a second factor. None when nobody is."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return None if user.is_verified() else user
    pending = request.session.get(PENDING_KEY)
    if not pending or time.time() - pending["at"] > PENDING_SECONDS:
        return None
    return get_user_model().objects.filter(pk=pending["user"], is_active=True).first()


def finish(request, user, device) -> str:
    """The code was right: sign the user in, verified. Returns where to go next."""
    pending = request.session.pop(PENDING_KEY, None) or {}
    if not request.user.is_authenticated:
        login(request, user, backend=pending.get("backend"))
    otp_login(request, device)
    return pending.get("next") or resolve_url(settings.LOGIN_REDIRECT_URL)


def check_code(user, code: str):
    """The device a code belongs to (the app's code, or an unused backup code), or None.
    django-otp slows down repeated wrong codes on each device."""
    return match_token(user, code.replace(" ", "")) if code else None


def app_device_to_set_up(user) -> TOTPDevice:
    """The user's unconfirmed authenticator, made once so the QR code stays the same."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


def secret_text(device: TOTPDevice) -> str:
    """The secret as people type it into an app: base32, in groups of four."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_data_uri(device: TOTPDevice) -> str:
    """The otpauth:// address as an SVG QR code in a data: URI (the CSP allows data: images)."""
    import qrcode
    from qrcode.image.svg import SvgPathFillImage

    image = qrcode.make(device.config_url, image_factory=SvgPathFillImage, box_size=8)
    return "data:image/svg+xml;base64," + base64.b64encode(image.to_string()).decode()


@transaction.atomic
def confirm_app(device: TOTPDevice) -> list[str]:
    """The first code from the app was right: keep the device and issue new backup codes.
    Any earlier app goes: a set-up link is also how a lost phone is replaced."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    StaticDevice.objects.filter(user=device.user).delete()
    backup = StaticDevice.objects.create(user=device.user, name=BACKUP_DEVICE_NAME)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=backup, token=code) for code in codes)
    return codes


def verified_required(view):
    """For pages that must never be reached on the password alone (API tokens), whatever the
    middleware's list of open pages says: with REQUIRE_2FA on, an unverified session is sent
    to the code page."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if required() and not request.user.is_verified():
            return redirect("signin_verify")
        return view(request, *args, **kwargs)

    return wrapped


class RequireSecondFactorMiddleware:
    """With REQUIRE_2FA on, a signed-in session that has not given a second factor reaches
    no staff page (sent to the code page) and no API (403)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if not required() or user is None or not user.is_authenticated or user.is_verified():
            return None
        if getattr(request, "api_token", None) is not None:
            # Its owner made it on a page that needed their second factor (token_views.py).
            return None
        if request.resolver_match and request.resolver_match.view_name in OPEN_URL_NAMES:
            return None
        if request.path_info.startswith("/api/"):
            return JsonResponse(
                {"detail": "Sign in with your second factor to use the API."}, status=403
            )
        return redirect("signin_verify")
