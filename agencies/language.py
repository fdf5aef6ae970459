"""Which language a page is in (DOMAIN.md §5.12, issue #19).

Welsh is offered only where the Welsh Language Standards apply: the public pages and the
private-link pages of an area in Wales, and staff pages for staff of a Welsh area who choose
it. An English area's pages offer no switch and never render Welsh, whatever a cookie says.

- Public pages (`PUBLIC_PREFIXES`): the area is the one the page is about, known from the
  private link's case, the application journey's chosen area, or the `area` asked about. A page
  about no area yet (the start page, choosing the area) offers Welsh when the portal serves any
  Welsh area, so that a Welsh speaker can begin in Welsh; once the area is known, it decides.
  The choice is kept in the session and a cookie (`PUBLIC_COOKIE`).
- Staff pages: English unless the member of staff chose Welsh (`STAFF_COOKIE`), offered to
  staff who work for an area in Wales.
"""

from __future__ import annotations

from django.apps import apps
from django.utils import translation
from django.utils.translation import gettext_noop

from . import private_links

ENGLISH = "en"
WELSH = "cy"
LANGUAGES = (ENGLISH, WELSH)
# What Django activates for each: British English keeps the en-GB date formats.
ACTIVATE = {ENGLISH: "en-gb", WELSH: WELSH}
SESSION_KEY = "language"
PUBLIC_COOKIE = "asb_language"
STAFF_COOKIE = "asb_staff_language"
COOKIE_AGE = 365 * 24 * 60 * 60

# The pages anyone may open without signing in, in the language of their area.
PUBLIC_PREFIXES = (
    "/check/",
    "/apply/",
    "/track/",
    "/accessibility/",
    "/privacy/",
    # The appeal lodged through the private link (appeals.views.track_lodge).
    "/appeals/track/",
)
# Public pages that are about the private link's case.
PRIVATE_LINK_PREFIXES = ("/track/", "/appeals/track/")
PUBLIC_PAGES = ("/",)
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


def case_language(active: str | None) -> str:
    """The code kept on the case ("en" or "cy") for the language a page was rendered in."""
    return WELSH if (active or "").startswith(WELSH) else ENGLISH


def is_public_path(path: str) -> bool:
    return path in PUBLIC_PAGES or path.startswith(PUBLIC_PREFIXES)


def is_welsh(area) -> bool:
    return area is not None and area.nation == area.Nation.WALES


def _area_model():
    return apps.get_model("agencies", "Area")


def area_of_public_page(request):
    """The area a public page is about, or None when it is about no area yet."""
    path = request.path
    Area = _area_model()
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
    if is_public_path(request.path):
        area = area_of_public_page(request)
        offered = is_welsh(area) if area is not None else any_welsh_area()
        return offered, (public_choice(request) if offered else ENGLISH)
    # Staff: whether the switch is offered is the header's to say (context_processors.portal
    # reads the user's areas anyway); the database is asked here only for one who chose Welsh.
    user = getattr(request, "user", None)
    chosen = request.COOKIES.get(STAFF_COOKIE)
    signed_in = user is not None and user.is_authenticated
    if chosen == WELSH and signed_in and staff_offered_welsh(user):
        return True, WELSH
    return False, ENGLISH


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
