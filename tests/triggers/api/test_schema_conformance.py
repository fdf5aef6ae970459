"""The API does what its schema says, and the schema says everything the API does.

schemathesis reads /api/schema/ from the Django WSGI app in this process (inside the test
database) and, for every operation, sends requests that fit the schema and requests that do
not, then runs all its checks on every answer (the CLI's `--checks all`): no 500, every status
code and content type documented, every body matching its declared schema, data that fits the
schema accepted and data that does not refused, and credentials really required.
"""

from __future__ import annotations

import hypothesis
import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from schemathesis import GenerationMode
from schemathesis.checks import positive_data_acceptance

from agencies import tokens

pytestmark = pytest.mark.django_db

# Few examples and a fixed seed: the same requests on every run, and the whole test (both
# roles, every operation, positive and negative data) stays well under a minute.
EXAMPLES_PER_OPERATION = 12


def credentials(user) -> dict:
    """How a request signs in as `user`: a personal API token of theirs (agencies.tokens),
    read-write so that writes are tried too, in the header partner systems send."""
    _, secret = tokens.create_token(user, name="Schema conformance", scope="read_write")
    return {"headers": {"Authorization": f"Token {secret}"}, "cookies": {}}


@pytest.fixture
def api_schema(settings):
    # schemathesis' WSGI client calls the host "localhost".
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]
    # The public check refuses after a number of calls per address; the 429 itself is
    # documented and tested in test_api_eligibility.py, this test needs the 200s and 400s.
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"eligibility": "100000/min"},
    }
    # The app gunicorn serves (config/wsgi.py), built here rather than imported: Django's
    # middleware reads some settings (the HTTPS redirect) once, when the app is built.
    application = get_wsgi_application()
    # A request through the WSGI app ends by closing "old" database connections, which on
    # PostgreSQL is the test's own, mid-transaction. Django's test client switches that off
    # while it runs; so does this test.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture(params=["officer", "responder"])
def signed_in(request, api_schema, north, south):
    """The schema, with every request signed in as one staff role of the north area; south is
    there so that another tenant's cases exist, to stay hidden.

    Given to schemathesis as its auth provider, so that it knows which credentials are ours:
    its `ignored_auth` check takes them away, or spoils them, and expects a 401 or 403."""
    signed_in_as = credentials(getattr(north, request.param))

    class SignedIn:
        def get(self, case, context):
            return signed_in_as

        def set(self, case, data, context):
            case.headers = {**(case.headers or {}), **data["headers"]}
            case.cookies = {**(case.cookies or {}), **data["cookies"]}

    api_schema.auth.auth(refresh_interval=None)(SignedIn)
    return api_schema


def operations(schema):
    for result in schema.get_all_operations():
        yield result.ok()


def in_our_area(case):
    """Sends schema-valid data to the signed-in user's own area, which a random slug never
    is, so that the answers to good requests (200, 201) are checked too; the slug stays a
    string, so the request stays schema-valid."""
    if isinstance(case.body, dict) and "area" in case.body:
        case.body["area"] = "north"
    if case.path_parameters and "area" in case.path_parameters:
        case.path_parameters["area"] = "north"


def check(operation, schema, mode):
    """Sends EXAMPLES_PER_OPERATION requests to one operation and runs every check on each."""
    strategy = operation.as_strategy(generation_mode=mode, auth_storage=schema.auth)
    # What a write refuses beyond its schema (a date after today, a report dated before its
    # incident, an area that is not yours, the details a contact method needs) JSON Schema
    # cannot say, so schema-valid data may rightly get a 400 there; every other check still
    # runs on writes, and refusing bad data (negative mode) is checked everywhere.
    excluded = [positive_data_acceptance] if operation.method.upper() == "POST" else []

    @hypothesis.given(case=strategy)
    @hypothesis.settings(
        max_examples=EXAMPLES_PER_OPERATION,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(hypothesis.HealthCheck),
    )
    def conforms(case):
        if mode is GenerationMode.POSITIVE:
            in_our_area(case)
        case.call_and_validate(excluded_checks=excluded)

    conforms()


@pytest.mark.parametrize("mode", list(GenerationMode), ids=lambda mode: mode.value)
def test_the_api_conforms_to_its_schema(signed_in, mode):
    tried = []
    for operation in operations(signed_in):
        try:
            check(operation, signed_in, mode)
        except hypothesis.errors.Unsatisfiable:
            # Nothing to break: the case detail's only inputs are strings in the path, and
            # any string is a valid one (an unknown case is a 404, checked in positive mode).
            assert mode is GenerationMode.NEGATIVE, operation.label
            continue
        tried.append(operation.label)
    assert {
        "POST /api/v1/eligibility/",
        "POST /api/v1/applications/",
        "GET /api/v1/cases/",
    } <= set(tried)
    if mode is GenerationMode.POSITIVE:
        assert "GET /api/v1/cases/{area}/{reference}/" in tried
