"""A member of staff makes, lists and revokes their own API tokens (issue #15).

Every page here needs a session verified with the second factor, and only ever touches the
signed-in user's own tokens: another user's token is not found (404).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache

from . import tokens
from .forms import ApiTokenForm
from .second_factor import verified_required


@never_cache
@login_required
@verified_required
def api_tokens(request):
    """The user's tokens, and the form to make one. The new token is shown in the answer to
    the form, once: it is never stored, in the database or the session."""
    form = ApiTokenForm(request.POST or None, owner=request.user)
    if request.method == "POST" and form.is_valid():
        token, secret = tokens.create_token(
            request.user, name=form.cleaned_data["name"], scope=form.cleaned_data["scope"]
        )
        return render(
            request, "agencies/api_token_created.html", {"token": token, "secret": secret}
        )
    return render(
        request,
        "agencies/api_tokens.html",
        {
            "form": form,
            "tokens": tokens.tokens_of(request.user),
            "lifetime_days": tokens.lifetime_days(request.user),
        },
    )


@never_cache
@login_required
@verified_required
def revoke(request, pk):
    """Confirm, then revoke one of the user's own tokens."""
    token = get_object_or_404(tokens.tokens_of(request.user), pk=pk)
    if request.method == "POST":
        tokens.revoke_token(token)
        messages.success(
            request,
            gettext("The token '%(name)s' has been revoked. It no longer works.")
            % {"name": token.name},
        )
        return redirect("api_tokens")
    return render(request, "agencies/api_token_revoke.html", {"token": token})
