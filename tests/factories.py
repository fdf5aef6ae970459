"""Factories for tests: organisations and people directly, cases through the services."""

from __future__ import annotations

from datetime import date, timedelta

import factory
from django.utils import timezone

from agencies.models import Agency, Area, AreaMembership, ForceArea, RoleAssignment, User

TEST_PASSWORD = "a-long-test-password-42"


class ForceAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ForceArea
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Force Area {n}")
    slug = factory.Sequence(lambda n: f"force-{n}")


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area
        django_get_or_create = ("slug",)

    force_area = factory.SubFactory(ForceAreaFactory)
    name = factory.Sequence(lambda n: f"Area {n}")
    slug = factory.Sequence(lambda n: f"area-{n}")
    reference_prefix = factory.Sequence(lambda n: f"A{n:03d}"[:5])
    complaint_threshold = 3
    hate_incident_threshold = 1
    spoc_email = factory.LazyAttribute(lambda o: f"spoc@{o.slug}.example.org")


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Agency {n}")
    slug = factory.Sequence(lambda n: f"agency-{n}")
    kind = Agency.Kind.COUNCIL
    force_area = factory.SubFactory(ForceAreaFactory)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AreaMembership

    area = factory.SubFactory(AreaFactory)
    agency = factory.SubFactory(AgencyFactory)
    role = AreaMembership.Role.RELEVANT_BODY
    contact_name = "Named contact"
    contact_email = factory.Sequence(lambda n: f"contact{n}@example.org")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Staff Member {n}")
    password = factory.django.Password(TEST_PASSWORD)


def user_with_role(
    role: str, *, area: Area | None = None, agency: Agency | None = None, **kwargs
) -> User:
    user = UserFactory(agency=agency, **kwargs)
    RoleAssignment.objects.create(user=user, role=role, area=area)
    return user


def complaint_data(days_ago: int, *, reported_after: int = 1, **kwargs):
    from triggers.applications.services import ComplaintData

    today = timezone.localdate()
    incident = today - timedelta(days=days_ago)
    return ComplaintData(
        incident_date=incident,
        reported_date=incident + timedelta(days=reported_after),
        description=kwargs.pop("description", "Shouting and banging on the door at night."),
        **kwargs,
    )


def make_case(area: Area, *, complaints=None, applicant_name="Test Applicant", **kwargs):
    """A case submitted through the service, as the public journey would create it."""
    from triggers.applications.services import ApplicationData, submit_application

    data = ApplicationData(
        applicant_name=applicant_name,
        applicant_email=kwargs.pop("applicant_email", "applicant@example.com"),
        complaints=complaints or [complaint_data(d) for d in (50, 30, 10)],
        **kwargs.pop("data", {}),
    )
    case, token = submit_application(area, data, **kwargs)
    case.token = token
    return case


def d(text: str) -> date:
    return date.fromisoformat(text)
