"""The South Wales demo region (issue #19): Welsh areas, so that Welsh is always exercised.

The PCC's office of South Wales Police, two councils (Cardiff and Swansea) under a Welsh
policy (three complaints, or one hate incident), their Local Health Boards and a fictional
housing association. Idempotent, like the Merseyside demo beside it (agencies/demo.py).
"""

from __future__ import annotations

from .models import Agency, Area, ForceArea, RoleAssignment

Role = RoleAssignment.Role
Kind = Agency.Kind

FORCE_SLUG = "south-wales"
PCC_SLUG = "south-wales-pcc"

COUNCILS = [
    # slug, area name, reference prefix, council name, the area's Local Health Board
    ("cardiff", "Cardiff", "CDF", "Cardiff Council", "cardiff-and-vale-uhb"),
    ("swansea", "Swansea", "SWA", "Swansea Council", "swansea-bay-uhb"),
]

PARTNERS = [
    # slug, name, kind, role, the areas it serves (None: every Welsh demo area)
    ("south-wales-police", "South Wales Police", Kind.POLICE, "relevant_body", None),
    (
        "cardiff-and-vale-uhb",
        "Cardiff and Vale University Health Board",
        Kind.HEALTH,
        "relevant_body",
        ("cardiff",),
    ),
    (
        "swansea-bay-uhb",
        "Swansea Bay University Health Board",
        Kind.HEALTH,
        "relevant_body",
        ("swansea",),
    ),
    (
        "taf-and-tawe-homes",
        "Taf and Tawe Homes (fictional)",
        Kind.HOUSING,
        "co_opted_housing",
        None,
    ),
]


def demo_users(DemoUser) -> list:
    """The Welsh region's sign-ins (`DemoUser` is agencies.demo's, passed to avoid a cycle)."""
    users = []
    for slug, name, *_ in COUNCILS:
        council = f"{slug}-council"
        users.append(
            DemoUser(
                f"officer.{slug}@example.org",
                f"{name} Case Officer",
                council,
                Role.CASE_OFFICER,
                slug,
            )
        )
        users.append(
            DemoUser(
                f"admin.{slug}@example.org", f"{name} Area Admin", council, Role.AREA_ADMIN, slug
            )
        )
    for slug, name, *_ in PARTNERS:
        users.append(
            DemoUser(
                f"responder.{slug}@example.org", f"Responder, {name}", slug, Role.AGENCY_RESPONDER
            )
        )
    users.append(
        DemoUser(
            "pcc.south-wales@example.org",
            "PCC Appeals Officer (South Wales)",
            PCC_SLUG,
            Role.PCC_OFFICER,
        )
    )
    return users


def load(member) -> dict[str, Area]:
    """The force area, its PCC office, the councils and partners; `member` is agencies.demo's
    helper that makes an area membership. Returns the areas by slug."""
    force, _ = ForceArea.objects.get_or_create(slug=FORCE_SLUG, defaults={"name": "South Wales"})
    Agency.objects.get_or_create(
        slug=PCC_SLUG,
        defaults={
            "name": "Office of the Police and Crime Commissioner for South Wales",
            "kind": Kind.PCC_OFFICE,
            "force_area": force,
        },
    )
    areas = {}
    for slug, name, prefix, council, _health in COUNCILS:
        areas[slug], _ = Area.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "force_area": force,
                "nation": Area.Nation.WALES,
                "reference_prefix": prefix,
                "complaint_threshold": 3,
                "hate_incident_threshold": 1,
                "spoc_name": f"{name} ASB Case Review Team",
                "spoc_email": f"casereview.{slug}@example.org",
                "spoc_phone": "029 2000 0000" if slug == "cardiff" else "01792 000000",
            },
        )
        agency, _ = Agency.objects.get_or_create(
            slug=f"{slug}-council",
            defaults={"name": council, "kind": Kind.COUNCIL, "force_area": force},
        )
        member(areas[slug], agency, "relevant_body", f"casereview.{slug}@example.org")
    for slug, name, kind, role, only in PARTNERS:
        agency, _ = Agency.objects.get_or_create(
            slug=slug, defaults={"name": name, "kind": kind, "force_area": force}
        )
        for area_slug, area in areas.items():
            if only is None or area_slug in only:
                member(area, agency, role, f"asb.{slug}@example.org")
    return areas
