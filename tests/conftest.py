from types import SimpleNamespace

import pytest

from agencies import catalogues
from agencies.models import Agency, RoleAssignment

from .factories import (
    AgencyFactory,
    AreaFactory,
    ForceAreaFactory,
    MembershipFactory,
    make_case,
    user_with_role,
)

Role = RoleAssignment.Role


def pytest_configure(config):
    """The Welsh pages need the compiled catalogue: compile it when the .po is newer (the set-up
    does the same; this keeps a test run from ever reading a stale one)."""
    for po_path in catalogues.catalogues():
        mo_path = po_path.with_suffix(".mo")
        if not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime:
            catalogues.compile_catalogue(po_path)


@pytest.fixture(autouse=True)
def _tasks_run_in_process():
    """Tasks run in the test's own process even when REDIS_URL names a real broker, so a
    test sees what a worker would have done. The one test with a real worker
    (tests/notifications/test_real_services.py) turns this off for itself."""
    from config.celery import app

    before = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = before


@pytest.fixture(autouse=True)
def _no_areas_remembered():
    """The eligibility API keeps areas in memory (agencies.area_cache); a test's rolled-back
    area must not answer for the next test."""
    from agencies.area_cache import forget

    forget()
    yield
    forget()


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    """The test client speaks plain HTTP (production redirects to HTTPS), and test users'
    passwords need no brute-force resistance: a fast hasher saves seconds per test."""
    settings.SECURE_SSL_REDIRECT = False
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "uploads"
    # The second factor has its own tests (tests/security/test_second_factor.py).
    settings.REQUIRE_2FA = False
    # Every test client comes from one address; the limits have their own tests
    # (tests/security/test_rate_limits.py).
    settings.RATE_LIMITS = dict.fromkeys(
        ("apply", "apply_session", "apply_staff", "track"), "100000/3600"
    )


def build_side(prefix: str, force=None, *, with_case: bool = True):
    """One area with its council, police and a housing provider, and a user in every role."""
    force = force or ForceAreaFactory(slug=f"{prefix}-force", name=f"{prefix.title()} Force")
    area = AreaFactory(
        slug=prefix, name=prefix.title(), reference_prefix=prefix[:3].upper(), force_area=force
    )
    council = AgencyFactory(
        slug=f"{prefix}-council", name=f"{prefix.title()} Council", force_area=force
    )
    police = AgencyFactory(
        slug=f"{prefix}-police",
        name=f"{prefix.title()} Police",
        kind=Agency.Kind.POLICE,
        force_area=force,
    )
    pcc = Agency.objects.filter(
        force_area=force, kind=Agency.Kind.PCC_OFFICE
    ).first() or AgencyFactory(
        slug=f"{prefix}-pcc",
        name=f"{prefix.title()} PCC",
        kind=Agency.Kind.PCC_OFFICE,
        force_area=force,
    )
    MembershipFactory(area=area, agency=council)
    MembershipFactory(area=area, agency=police)
    return SimpleNamespace(
        force=force,
        area=area,
        council=council,
        police=police,
        pcc=pcc,
        officer=user_with_role(
            Role.CASE_OFFICER, area=area, agency=council, email=f"officer@{prefix}.example.org"
        ),
        admin=user_with_role(
            Role.AREA_ADMIN, area=area, agency=council, email=f"admin@{prefix}.example.org"
        ),
        responder=user_with_role(
            Role.AGENCY_RESPONDER, agency=police, email=f"responder@{prefix}.example.org"
        ),
        # Named as an independent chair for the area: only such chairs and the area's own
        # staff may chair its reviews.
        chair=user_with_role(
            Role.REVIEW_CHAIR, area=area, agency=council, email=f"chair@{prefix}.example.org"
        ),
        pcc_officer=user_with_role(Role.PCC_OFFICER, agency=pcc, email=f"pcc@{prefix}.example.org"),
        case=make_case(area, applicant_name=f"{prefix.title()} Applicant") if with_case else None,
    )


@pytest.fixture
def north(db):
    return build_side("north")


@pytest.fixture
def south(db):
    return build_side("south")
