"""The language switch in the header ("English | Cymraeg"): a plain link, so it works
without JavaScript. Welsh is chosen only where `agencies.language` offers it; on a private-link
page the choice is also recorded on the case for the person whose link it is.

A link is a GET, which CSRF protection does not cover, so another site could link a visitor
here. What the page looks like in their own browser is theirs to switch back; what is recorded
on the case (the language of every letter and email to them) is changed only by a switch made
on the portal itself: a browser that says the click came from another site records nothing."""

from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from agencies import access
from agencies import language as languages
from triggers.tracking import services


def _next_path(request) -> str:
    target = request.GET.get("next", "")
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if safe and target.startswith("/") else reverse("start")


def _from_another_site(request) -> bool:
    """Whether the browser says the click was made on another site (Fetch Metadata; a browser
    that sends no such header is taken at its word, as before)."""
    return request.headers.get("Sec-Fetch-Site") == "cross-site"


@never_cache
@require_GET
def switch(request, code: str):
    target = _next_path(request)
    language = code if code in languages.LANGUAGES else languages.ENGLISH
    response = HttpResponseRedirect(target)
    cookie_options = {
        "max_age": languages.COOKIE_AGE,
        "httponly": True,
        "samesite": "Lax",
        "secure": request.is_secure(),
    }
    if not languages.is_public_path(target.split("?")[0]):
        response.set_cookie(languages.STAFF_COOKIE, language, **cookie_options)
        return response
    request.session[languages.SESSION_KEY] = language
    response.set_cookie(languages.PUBLIC_COOKIE, language, **cookie_options)
    case = access.case_for_applicant(request)
    if case is not None and languages.is_welsh(case.area) and not _from_another_site(request):
        party = access.party_for_applicant(request, case)
        services.record_language(case, party=party, language=language)
    return response
