"""Who the bench's cases belong to: a force area of five areas, their relevant bodies, and
three users (the officer of the busiest area, its admin, the PCC's officer), each with a
signed-in session as the measured requests present them."""

AREAS = 5
FORCE_SLUG = "bench-force"
OFFICER_EMAIL = "bench.officer@example.org"
ADMIN_EMAIL = "bench.admin@example.org"
PCC_EMAIL = "bench.pcc@example.org"


def signed_in_sessions() -> dict[str, str]:
    """A session for each bench user, signed in with a second factor as production asks."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_static.models import StaticDevice

    from agencies.models import User

    keys = {}
    for role, email in (("officer", OFFICER_EMAIL), ("admin", ADMIN_EMAIL), ("pcc", PCC_EMAIL)):
        user = User.objects.get(email=email)
        device, _ = StaticDevice.objects.get_or_create(user=user, name="bench")
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.create()
        keys[role] = session.session_key
    return keys


def people_and_areas() -> dict:
    """The force area, its five areas and two relevant bodies, and the three users."""
    from agencies.models import Agency, Area, AreaMembership, ForceArea, RoleAssignment, User

    force = ForceArea.objects.create(name="Bench Force", slug=FORCE_SLUG)
    pcc = Agency.objects.create(
        name="Bench PCC", slug="bench-pcc", kind=Agency.Kind.PCC_OFFICE, force_area=force
    )
    police = Agency.objects.create(
        name="Bench Police", slug="bench-police", kind=Agency.Kind.POLICE, force_area=force
    )
    council = Agency.objects.create(
        name="Bench Council", slug="bench-council", kind=Agency.Kind.COUNCIL, force_area=force
    )
    areas = [
        Area.objects.create(
            force_area=force, name=f"Bench area {n}", slug=f"bench-{n}", reference_prefix=f"BN{n}"
        )
        for n in range(AREAS)
    ]
    for area in areas:
        for agency in (police, council):
            AreaMembership.objects.create(
                area=area,
                agency=agency,
                role="relevant_body",
                contact_name="Contact",
                contact_email=f"{agency.slug}@example.org",
            )
    officer = User.objects.create(email=OFFICER_EMAIL, full_name="Bench Officer")
    RoleAssignment.objects.create(
        user=officer, role=RoleAssignment.Role.CASE_OFFICER, area=areas[0]
    )
    admin = User.objects.create(email=ADMIN_EMAIL, full_name="Bench Admin")
    RoleAssignment.objects.create(user=admin, role=RoleAssignment.Role.AREA_ADMIN, area=areas[0])
    pcc_officer = User.objects.create(email=PCC_EMAIL, full_name="Bench PCC", agency=pcc)
    RoleAssignment.objects.create(user=pcc_officer, role=RoleAssignment.Role.PCC_OFFICER)
    return {
        "areas": areas,
        "officer": officer,
        "pcc": pcc,
        "agencies": (police, council),
    }
