"""Browser tests: Playwright driving Debian's Chromium against a live server, with axe-core.

They skip, saying why, when Chromium is not installed; CI sets REQUIRE_BROWSER=1 (and installs
Chromium) so there they fail instead of skipping.
"""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Playwright's sync API runs an event loop in this thread; the test's own ORM calls are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session", autouse=True)
def _plain_http_live_server():
    """The live server speaks plain HTTP. Its middleware is built once, when it starts, so the
    override must be in place before then (a function-scoped `settings` change is too late)."""
    from django.test.utils import override_settings

    override = override_settings(
        SECURE_SSL_REDIRECT=False,
        SESSION_COOKIE_SECURE=False,
        CSRF_COOKIE_SECURE=False,
        SECURE_HSTS_SECONDS=0,
    )
    override.enable()
    yield
    override.disable()


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(f"Chromium is required here but not found at {CHROMIUM}")
        pytest.skip(
            f"Browser tests need Debian's Chromium at {CHROMIUM} "
            "(apt-get install chromium chromium-driver)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


def _page(browser, javascript: bool):
    # axe is injected by the test driver, not the site: bypass_csp lets it in without
    # loosening the site's own policy.
    context = browser.new_context(java_script_enabled=javascript, bypass_csp=True)
    context.javascript = javascript  # read by axe_check
    page = context.new_page()
    page.set_default_timeout(15000)
    return context, page


@pytest.fixture
def page(browser):
    context, page = _page(browser, javascript=True)
    yield page
    context.close()


@pytest.fixture
def page_without_js(browser):
    context, page = _page(browser, javascript=False)
    yield page
    context.close()


@pytest.fixture
def axe_check():
    """Run axe-core on the page and fail with the violations listed."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page):
        if getattr(page.context, "javascript", True):
            results = axe.run(page)
        else:
            mirror = _mirror(page)
            try:
                results = axe.run(mirror)
            finally:
                mirror.context.close()
        violations = _without_govuk_known_issues(results.response["violations"])
        summary = [
            f"{v['id']} ({v['impact']}): {v['help']} -> "
            + "; ".join(node["target"][0] for node in v["nodes"][:3])
            for v in violations
        ]
        assert not violations, f"axe on {page.url}:\n" + "\n".join(summary)

    return check


def _is_govuk_conditional_radio(node) -> bool:
    """GOV.UK Frontend's radios and checkboxes set aria-expanded on a choice that reveals a
    conditional question: invalid in ARIA 1.2, kept on purpose because screen readers announce
    it (alphagov/govuk-frontend#979, a documented known issue). Only that is let through."""
    failing = [check["message"] for check in node.get("any", []) + node.get("all", [])]
    return (
        ('type="radio"' in node["html"] or 'type="checkbox"' in node["html"])
        and "aria-controls=" in node["html"]
        and failing
        and all("aria-expanded" in message for message in failing)
    )


def _without_govuk_known_issues(violations):
    kept = []
    for violation in violations:
        if violation["id"] == "aria-allowed-attr" and all(
            _is_govuk_conditional_radio(node) for node in violation["nodes"]
        ):
            continue
        kept.append(violation)
    return kept


def _mirror(page):
    """axe-core cannot run in a tab with JavaScript off (its promise never settles): copy the
    page, as that tab shows it, into a tab of the same origin where only axe runs (the site's
    own scripts are blocked), so what is checked is the page without JavaScript."""
    from urllib.parse import urlsplit

    origin = "{0.scheme}://{0.netloc}".format(urlsplit(page.url))
    context = page.context.browser.new_context(bypass_csp=True)
    mirror = context.new_page()
    mirror.route("**/*.js", lambda route: route.abort())
    mirror.goto(f"{origin}/accessibility/")
    mirror.set_content(page.content())
    return mirror


def sign_in(page, live_server, email, password):
    page.goto(f"{live_server.url}/sign-in/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", password)
    page.click("#id_submit")
