"""Which language a page is in (DOMAIN.md §5.12, issue #19).

Welsh is offered only where the Welsh Language Standards apply: the public pages and the
private-link pages of an area in Wales, and staff pages for staff of a Welsh area who choose
it. An English area's pages offer no switch and never render Welsh, whatever a cookie says.

- Public pages (`agencies.public_pages`, the one decision of which pages are the public's;
  the national ones among them stay English): the area is the one the page is about, known from the
  private link's case, the application journey's chosen area, or the `area` asked about. A page
  about no area yet (the start page, choosing the area) offers Welsh when the portal serves any
  Welsh area, so that a Welsh speaker can begin in Welsh; once the area is known, it decides.
  The choice is kept in the session and a cookie (`PUBLIC_COOKIE`).
- Staff pages: English unless the member of staff chose Welsh (`STAFF_COOKIE`), offered to
  staff who work for an area in Wales.
- Signing in (`SIGN_IN_PAGES`): before a member of staff is signed in, their areas are not known
  yet, so these pages follow the staff cookie alone (only staff of a Welsh area can have chosen
  Welsh). Once signed in, the staff rule above applies to them too.
"""

from __future__ import annotations

from django.apps import apps
from django.utils import translation
from django.utils.functional import lazy
from django.utils.translation import gettext, gettext_noop

from . import private_links, public_pages

ENGLISH = "en"
WELSH = "cy"
LANGUAGES = (ENGLISH, WELSH)
# What Django activates for each: British English keeps the en-GB date formats.
ACTIVATE = {ENGLISH: "en-gb", WELSH: WELSH}
SESSION_KEY = "language"
PUBLIC_COOKIE = "asb_language"
STAFF_COOKIE = "asb_staff_language"
COOKIE_AGE = 365 * 24 * 60 * 60
# The pages of signing in (URL names): the password, the second factor, and a set-up link.
SIGN_IN_PAGES = frozenset(
    {"signin", "signin_verify", "signin_setup", "signin_backup_codes", "signin_enrol"}
)

# Public pages that are about the private link's case (the appeal is lodged through it too).
PRIVATE_LINK_PREFIXES = ("/track/", "/appeals/track/")
# Where the application journey keeps the chosen area (triggers.applications.journey).
APPLY_SESSION_KEY = "apply"
APPLY_REFERENCE_KEY = "apply_reference"


# Words crispy-forms-gds translates with its own gettext but ships no Welsh for: listed here so
# that makemessages puts them in our catalogue (LOCALE_PATHS come first).
THIRD_PARTY_WORDS = (
    gettext_noop("Back"),
    gettext_noop("Day"),
    gettext_noop("Month"),
    gettext_noop("Year"),
)


def area_team(area) -> str:
    """The team the public deals with, as pages, emails and letters name it: the area's single
    point of contact when it named one, else its case review team, in the language the text is
    written in (lazy: a contact made while English is active still reads Welsh in Welsh)."""
    if area.spoc_name:
        return area.spoc_name
    return _team_of(area.name)


def _team_in_active_language(name: str) -> str:
    return gettext("%(area)s ASB case review team") % {"area": name}


_team_of = lazy(_team_in_active_language, str)


def case_language(active: str | None) -> str:
    """The code kept on the case ("en" or "cy") for the language a page was rendered in."""
    return WELSH if (active or "").startswith(WELSH) else ENGLISH


def is_public_path(path: str) -> bool:
    """Whether the page at `path` is the public's (agencies.public_pages decides)."""
    return public_pages.is_public_path(path)


def is_welsh(area) -> bool:
    return area is not None and area.nation == area.Nation.WALES


def _area_model():
    return apps.get_model("agencies", "Area")


def area_of_public_page(request):
    """The area a public page is about, or None when it is about no area yet."""
    path = request.path
    Area = _area_model()
    match = public_pages.match_of(request)
    if match is not None and match.namespace == "figures" and "area" in match.kwargs:
        # An area's published figures: the area the URL names.
        return Area.objects.filter(slug=str(match.kwargs["area"])[:100]).first()
    if path.startswith(PRIVATE_LINK_PREFIXES):
        case = private_links.case_for_applicant(request)
        return case.area if case is not None else None
    if path.startswith("/apply/"):
        slug = _chosen_area(request.session.get(APPLY_SESSION_KEY))
        if slug:
            return Area.objects.filter(slug=slug).first()
        reference = request.session.get(APPLY_REFERENCE_KEY)
        if path.startswith("/apply/done/") and isinstance(reference, str):
            case_model = apps.get_model("triggers", "Case")
            case = case_model.objects.select_related("area").filter(reference=reference).first()
            return case.area if case is not None else None
        return None
    slug = request.POST.get("area") if request.method == "POST" else request.GET.get("area")
    if isinstance(slug, str) and slug:
        return Area.objects.filter(slug=slug[:100]).first()
    return None


def _chosen_area(answers) -> str | None:
    try:
        slug = answers["steps"]["start"]["area"][0]
    except (KeyError, IndexError, TypeError):
        return None
    return slug if isinstance(slug, str) else None


def any_welsh_area() -> bool:
    Area = _area_model()
    return Area.objects.filter(nation=Area.Nation.WALES).exists()


def staff_offered_welsh(user) -> bool:
    from . import access

    Area = _area_model()
    return access.case_areas_for(user).filter(nation=Area.Nation.WALES).exists()


def public_choice(request) -> str:
    chosen = request.session.get(SESSION_KEY) or request.COOKIES.get(PUBLIC_COOKIE)
    return chosen if chosen in LANGUAGES else ENGLISH


def language_for(request) -> tuple[bool, str]:
    """(whether the page offers Welsh, the language to render it in). For staff pages the
    first is only True when Welsh was chosen; the header works out the offer itself."""
    match = public_pages.match_of(request)
    if public_pages.is_public_match(match):
        if not public_pages.in_area_language(match):
            return False, ENGLISH  # a national page (the PLEDGE register)
        area = area_of_public_page(request)
        offered = is_welsh(area) if area is not None else any_welsh_area()
        return offered, (public_choice(request) if offered else ENGLISH)
    # Staff: whether the switch is offered is the header's to say (context_processors.portal
    # reads the user's areas anyway); the database is asked here only for one who chose Welsh.
    user = getattr(request, "user", None)
    chosen = request.COOKIES.get(STAFF_COOKIE)
    signed_in = user is not None and user.is_authenticated
    if chosen == WELSH and not signed_in and is_sign_in_page(match):
        return True, WELSH  # no areas to check yet: the cookie says it
    if chosen == WELSH and signed_in and staff_offered_welsh(user):
        return True, WELSH
    return False, ENGLISH


def is_sign_in_page(match) -> bool:
    """Whether the resolved URL is one of signing in (`SIGN_IN_PAGES`)."""
    return match is not None and not match.namespaces and match.url_name in SIGN_IN_PAGES


class LanguageMiddleware:
    """Activates Welsh only where it is allowed (after sessions and authentication).

    The language is decided in `process_view`, after the URL is resolved and the user is
    known; until then (a 404 raised before any view) the page is English.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        translation.activate(ACTIVATE[ENGLISH])
        request.LANGUAGE_CODE = ACTIVATE[ENGLISH]
        request.welsh_offered = False
        try:
            response = self.get_response(request)
            response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
            return response
        finally:
            translation.deactivate()

    def process_view(self, request, view_func, view_args, view_kwargs):
        offered, language = language_for(request)
        request.welsh_offered = offered
        request.LANGUAGE_CODE = ACTIVATE[language]
        translation.activate(ACTIVATE[language])
        return None
