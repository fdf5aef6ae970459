"""One decision of which pages are the public's (agencies.public_pages, issue #19): every URL
of the project is classified by it, and the language and the header read the same answer."""

import pytest
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse

from agencies import context_processors, language, public_pages

SAMPLE = {"int": "1", "slug": "cardiff", "string": "abc", "path": "abc"}


def every_pattern(resolver=None, prefix=""):
    """(full name, a path that matches the pattern) for every named URL of the project."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue
            inner = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            yield from every_pattern(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            converters = entry.pattern.converters
            kwargs = {
                k: SAMPLE[type(c).__name__.removesuffix("Converter").lower()]
                for k, c in converters.items()
            }
            yield f"{prefix}{entry.name}", reverse(f"{prefix}{entry.name}", kwargs=kwargs)


PATTERNS = sorted(set(every_pattern()))


def test_every_public_name_is_a_url_of_the_project():
    names = {name for name, _ in PATTERNS}
    assert names >= public_pages.PUBLIC_NAMES
    assert public_pages.ENGLISH_ONLY <= public_pages.PUBLIC_NAMES


@pytest.mark.parametrize(("name", "path"), PATTERNS)
def test_every_url_is_classified_the_same_by_its_path_and_by_its_request(name, path):
    """The switch decides by the path it goes back to; the middleware and the header by the
    request's resolved URL: they agree for every URL of the project."""
    request = RequestFactory().get(path)
    by_path = public_pages.is_public_path(path)
    assert language.is_public_path(path) is by_path
    assert public_pages.is_public(request) is by_path
    request.resolver_match = resolve(path)
    assert request.resolver_match.view_name == name
    assert public_pages.is_public(request) is by_path


def test_the_public_pages_are_those_expected():
    public = {name for name, path in PATTERNS if public_pages.is_public_path(path)}
    assert {"start", "check", "figures:index", "figures:area", "appeals:track_lodge"} <= public
    assert {"apply:start", "apply:done", "track:case", "track:open", "pledge:register"} <= public
    staff = {"home", "figures:dashboard", "figures:publish", "pledge:home", "appeals:list"}
    assert not staff & public
    assert not {"signin", "recommendation_answer", "healthz"} & public


def test_a_path_that_matches_no_url_is_the_publics():
    assert public_pages.is_public_path("/no-such-page/")


@pytest.mark.django_db
def test_the_language_and_the_header_agree_on_a_welsh_areas_figures(client):
    from agencies.models import Area, RoleAssignment
    from tests.factories import AreaFactory, user_with_role

    cardiff = AreaFactory(slug="cardiff", name="Cardiff", nation=Area.Nation.WALES)
    client.force_login(user_with_role(RoleAssignment.Role.CASE_OFFICER, area=cardiff))
    client.get("/language/cy/", {"next": "/figures/cardiff/"})  # the public's choice
    public = client.get(reverse("figures:area", args=["cardiff"])).content.decode()
    assert '<html lang="cy"' in public and "app-header__search" not in public
    staff = client.get(reverse("figures:dashboard")).content.decode()
    assert '<html lang="en"' in staff and "app-header__search" in staff


def test_the_context_processor_reads_the_one_decision():
    assert not hasattr(context_processors, "_is_public")
    assert not hasattr(language, "PUBLIC_PREFIXES")
