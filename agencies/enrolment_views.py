"""Set-up links for the second factor: opening one, and area admins sending them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import access, enrolment, second_factor


@never_cache
def open_link(request, token):
    """The link from the email: remembered in this browser, then the usual sign-in; the
    password step leads to the set-up page. A wrong, used or expired link says so."""
    link = enrolment.link_for_token(token)
    if link is None:
        return render(request, "agencies/setup_link_invalid.html", status=404)
    enrolment.remember(request, link)
    if second_factor.pending_user(request) == link.user:
        return redirect("signin_setup")
    messages.info(
        request, gettext("Sign in with your password, then set up your authenticator app.")
    )
    return redirect("signin")


@never_cache
@login_required
def staff(request):
    """The staff an area admin may send a set-up link to, with whether they have an app."""
    if not (
        enrolment.is_platform_admin(request.user)
        or access.administered_areas_for(request.user).exists()
    ):
        raise Http404
    people = enrolment.staff_for(request.user).order_by("full_name")
    with_app = set(
        TOTPDevice.objects.filter(user__in=people, confirmed=True).values_list("user_id", flat=True)
    )
    return render(
        request,
        "agencies/enrolment_staff.html",
        {"people": people, "with_app": with_app, "hours": enrolment.LINK_HOURS},
    )


@require_POST
@login_required
def send_link(request, user_id):
    person = get_object_or_404(enrolment.staff_for(request.user), pk=user_id)
    enrolment.issue_link(person, by=request.user)
    messages.success(
        request, gettext("A set-up link has been emailed to %(email)s.") % {"email": person.email}
    )
    return redirect("enrolment_staff")
