"""Which pages are the public's: the one decision the language middleware, the language switch
and the header (no staff search) all read (issue #19).

A page is decided by the URL it resolved to, never by its path's prefix: a namespace that is
the public's whole (the application journey, the private link), or a named page. Every other
URL is a staff page (or an endpoint no one reads as a page). A path that matches no URL (a 404)
is counted as the public's: anyone can type one, and its page carries no staff search.

Most public pages are in the language of the area they are about (agencies.language). A few
are national and stay in English (`ENGLISH_ONLY`).
"""

from __future__ import annotations

from django.urls import Resolver404, resolve

# Every page under these namespaces is the public's.
PUBLIC_NAMESPACES = frozenset({"apply", "track"})
# Single public pages, by their full name ("namespace:name").
PUBLIC_NAMES = frozenset(
    {
        "start",
        "accessibility",
        "privacy",
        "check",
        # An area's published figures and procedure, and the list of areas (s104(10)).
        "figures:index",
        "figures:area",
        "figures:area_csv",
        "figures:area_json",
        # Lodging an appeal from the private link.
        "appeals:track_lodge",
        # The register of PLEDGE signatories: public, but see ENGLISH_ONLY.
        "pledge:register",
    }
)
# Public pages that are national, not an area's, and so are never offered in Welsh: the
# PLEDGE register is ASB Help's list of every signatory in England and Wales, published by
# the charity (which the Welsh Language Standards do not cover), not a Welsh area's page.
ENGLISH_ONLY = frozenset({"pledge:register"})


def is_public_match(match) -> bool:
    """Whether the resolved URL (`django.urls.ResolverMatch`) is a public page; None (no URL
    matched: a 404) is."""
    if match is None:
        return True
    if set(match.namespaces) & PUBLIC_NAMESPACES:
        return True
    return match.view_name in PUBLIC_NAMES


def in_area_language(match) -> bool:
    """Whether the page is a public page in the language of its area (not a national one)."""
    return is_public_match(match) and (match is None or match.view_name not in ENGLISH_ONLY)


def match_of_path(path: str):
    """The resolved URL of `path`, or None when no URL matches it."""
    try:
        return resolve(path)
    except Resolver404:
        return None


def match_of(request):
    """The request's resolved URL: Django's, once it has resolved one, else resolved here."""
    match = getattr(request, "resolver_match", None)
    return match if match is not None else match_of_path(request.path_info)


def is_public(request) -> bool:
    return is_public_match(match_of(request))


def is_public_path(path: str) -> bool:
    return is_public_match(match_of_path(path))
