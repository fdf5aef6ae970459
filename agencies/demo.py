"""The demo regions: Merseyside (one force area, its PCC office, five councils and partners)
and South Wales (agencies/demo_wales.py: two Welsh councils, for the portal in Welsh).

Idempotent: every row is found by its natural key before it is created, so `make run` can load
the demo on every start. Fictional housing providers; real public bodies' names, made-up people.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from . import demo_wales
from .models import Agency, Area, AreaMembership, ForceArea, RoleAssignment, User

Role = RoleAssignment.Role
Kind = Agency.Kind

COUNCILS = [
    # slug, area name, reference prefix, council name
    ("liverpool", "Liverpool", "LIV", "Liverpool City Council"),
    ("knowsley", "Knowsley", "KNO", "Knowsley Council"),
    ("sefton", "Sefton", "SEF", "Sefton Council"),
    ("st-helens", "St Helens", "STH", "St Helens Borough Council"),
    ("wirral", "Wirral", "WIR", "Wirral Council"),
]

# The one demo area whose appeals an independent panel hears; the rest keep the PCC's office.
PANEL_AREA = "wirral"
PANEL_NAME = "the Wirral Independent Appeal Panel"

PARTNERS = [
    # slug, name, kind, role in every area (or the areas listed), responder email
    ("merseyside-police", "Merseyside Police", Kind.POLICE, "relevant_body", None),
    (
        "cheshire-merseyside-icb",
        "NHS Cheshire and Merseyside Integrated Care Board",
        Kind.HEALTH,
        "relevant_body",
        None,
    ),
    ("merseyside-fire", "Merseyside Fire and Rescue Service", Kind.FIRE, "partner", None),
    (
        "mersey-vale-homes",
        "Mersey Vale Homes (fictional)",
        Kind.HOUSING,
        "co_opted_housing",
        ("liverpool", "knowsley", "sefton"),
    ),
    (
        "riverside-green-housing",
        "Riverside Green Housing (fictional)",
        Kind.HOUSING,
        "co_opted_housing",
        ("liverpool", "st-helens", "wirral"),
    ),
]


@dataclass(frozen=True)
class DemoUser:
    email: str
    full_name: str
    agency_slug: str | None
    role: str
    area_slug: str | None = None


def demo_users() -> list[DemoUser]:
    users = []
    for slug, name, *_ in COUNCILS:
        users.append(
            DemoUser(
                f"officer.{slug}@example.org",
                f"{name} Case Officer",
                f"{slug}-council",
                Role.CASE_OFFICER,
                slug,
            )
        )
        users.append(
            DemoUser(
                f"admin.{slug}@example.org",
                f"{name} Area Admin",
                f"{slug}-council",
                Role.AREA_ADMIN,
                slug,
            )
        )
    for slug, name, *_ in PARTNERS:
        short = slug.removeprefix("merseyside-") if slug == "merseyside-police" else slug
        users.append(
            DemoUser(
                f"responder.{short}@example.org", f"Responder, {name}", slug, Role.AGENCY_RESPONDER
            )
        )
    users += [
        DemoUser(
            "chair@example.org", "Independent Review Chair", "merseyside-fire", Role.REVIEW_CHAIR
        ),
        DemoUser(
            "pcc.officer@example.org", "PCC Appeals Officer", "merseyside-pcc", Role.PCC_OFFICER
        ),
        # Wirral has chosen an independent appeal panel (DOMAIN.md §5.7); the other councils
        # keep the Merseyside PCC's office.
        DemoUser(
            "panel.wirral@example.org",
            "Independent Appeal Panel Chair",
            None,
            Role.APPEAL_PANEL,
            PANEL_AREA,
        ),
    ]
    users += demo_wales.demo_users(DemoUser)
    users.append(
        DemoUser("platform.admin@example.org", "Platform Admin", None, Role.PLATFORM_ADMIN)
    )
    return users


@transaction.atomic
def load() -> None:
    force, _ = ForceArea.objects.get_or_create(slug="merseyside", defaults={"name": "Merseyside"})
    Agency.objects.get_or_create(
        slug="merseyside-pcc",
        defaults={
            "name": "Office of the Police and Crime Commissioner for Merseyside",
            "kind": Kind.PCC_OFFICE,
            "force_area": force,
        },
    )
    areas = {}
    for slug, name, prefix, council in COUNCILS:
        areas[slug], _ = Area.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "force_area": force,
                "reference_prefix": prefix,
                "complaint_threshold": 3,
                "hate_incident_threshold": 1,
                "spoc_name": f"{name} ASB Case Review Team",
                "spoc_email": f"casereview.{slug}@example.org",
                "spoc_phone": "0151 000 0000",
                **_appeal_body(slug),
            },
        )
        agency, _ = Agency.objects.get_or_create(
            slug=f"{slug}-council",
            defaults={"name": council, "kind": Kind.COUNCIL, "force_area": force},
        )
        _member(areas[slug], agency, "relevant_body", f"casereview.{slug}@example.org")
    for slug, name, kind, role, only in PARTNERS:
        agency, _ = Agency.objects.get_or_create(
            slug=slug, defaults={"name": name, "kind": kind, "force_area": force}
        )
        for area_slug, area in areas.items():
            if only is None or area_slug in only:
                _member(area, agency, role, f"asb.{slug}@example.org")
    areas.update(demo_wales.load(_member))
    for demo in demo_users():
        user = _user(demo, areas)
        if demo.role == Role.REVIEW_CHAIR:
            # Named as an independent chair for every demo area: they may be chosen to
            # chair its reviews, beside the area's own staff (issue #17): Merseyside's only.
            for area in (areas[slug] for slug, *_ in COUNCILS):
                RoleAssignment.objects.get_or_create(user=user, role=demo.role, area=area)


def _appeal_body(slug: str) -> dict:
    if slug != PANEL_AREA:
        return {}
    return {"appeal_body": Area.AppealBody.INDEPENDENT_PANEL, "appeal_panel_name": PANEL_NAME}


def _member(area, agency, role, email):
    AreaMembership.objects.get_or_create(
        area=area,
        agency=agency,
        defaults={"role": role, "contact_name": f"{agency.name} ASB lead", "contact_email": email},
    )


def _user(demo: DemoUser, areas: dict[str, Area]) -> User:
    agency = Agency.objects.get(slug=demo.agency_slug) if demo.agency_slug else None
    user = User.objects.filter(email=demo.email).first()
    if user is None:
        user = User.objects.create_user(
            demo.email,
            settings.DEMO_PASSWORD,
            full_name=demo.full_name,
            agency=agency,
            is_staff=demo.role == Role.PLATFORM_ADMIN,
            is_superuser=demo.role == Role.PLATFORM_ADMIN,
        )
    RoleAssignment.objects.get_or_create(
        user=user, role=demo.role, area=areas.get(demo.area_slug) if demo.area_slug else None
    )
    return user
