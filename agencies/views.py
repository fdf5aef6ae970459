from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render, resolve_url
from django.views.decorators.cache import never_cache

from . import enrolment, second_factor
from .forms import SecondFactorForm, SignInForm


class SignInView(auth_views.LoginView):
    template_name = "agencies/signin.html"
    form_class = SignInForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        """With REQUIRE_2FA the password alone signs nobody in: the code page comes next."""
        if not second_factor.required():
            return super().form_valid(form)
        user = form.get_user()
        second_factor.begin(self.request, user, self.get_redirect_url())
        if enrolment.link_in_session(self.request, user) is not None:
            return redirect("signin_setup")
        return redirect("signin_verify" if second_factor.has_app(user) else "signin_setup")


class SignOutView(auth_views.LogoutView):
    """Sign-out is a POST from the header; Django refuses GET for it."""


@never_cache
def verify(request):
    """Second step of signing in: a code from the authenticator app, or a backup code."""
    user = second_factor.pending_user(request)
    if user is None:
        return redirect("signin")
    if not second_factor.has_app(user):
        return redirect("signin_setup")
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = second_factor.check_code(user, form.cleaned_data["code"])
        if device is not None:
            return redirect(second_factor.finish(request, user, device))
        form.add_error("code", SecondFactorForm.WRONG_CODE)
    return render(request, "agencies/verify.html", {"form": form})


@never_cache
def setup(request):
    """Link an authenticator app, then show the backup codes once. Only with a set-up link
    this browser opened for this user: the password alone enrols nothing (issue #15)."""
    user = second_factor.pending_user(request)
    if user is None:
        return redirect("signin")
    link = enrolment.link_in_session(request, user)
    if link is None:
        if second_factor.has_app(user):
            return redirect("signin_verify")
        return _needs_link(request, user)
    device = second_factor.app_device_to_set_up(user)
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"].replace(" ", "")):
            with transaction.atomic():
                if not enrolment.use(link):  # spent in another tab meanwhile
                    return _needs_link(request, user)
                codes = second_factor.confirm_app(device)
            request.session.pop(enrolment.SESSION_KEY, None)
            next_url = second_factor.finish(request, user, device)
            request.session[second_factor.BACKUP_CODES_KEY] = {"codes": codes, "next": next_url}
            return redirect("signin_backup_codes")
        form.add_error("code", SecondFactorForm.WRONG_CODE)
    return render(
        request,
        "agencies/setup.html",
        {
            "form": form,
            "qr_code": second_factor.qr_code_data_uri(device),
            "secret": second_factor.secret_text(device),
        },
    )


def _needs_link(request, user):
    return render(
        request,
        "agencies/setup_needs_link.html",
        {"whom": enrolment.whom_to_ask(user)},
        status=403,
    )


@never_cache
@login_required
def backup_codes(request):
    """The backup codes, shown once: they are not kept in a readable form afterwards."""
    shown = request.session.pop(second_factor.BACKUP_CODES_KEY, None)
    return render(
        request,
        "agencies/backup_codes.html",
        {
            "codes": shown["codes"] if shown else [],
            "next": (shown or {}).get("next") or resolve_url(settings.LOGIN_REDIRECT_URL),
        },
    )
