"""Staff: their accounts, their roles in areas, and their API tokens."""

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from knox.models import AbstractAuthToken
from simple_history.models import HistoricalRecords

from agencies.models import Agency, Area


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **extra):
        if not email:
            raise ValueError("Staff sign in by email: an email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A member of staff of one agency. Victims have no account: they use a private link."""

    email = models.EmailField(unique=True)
    full_name = models.CharField(max_length=120)
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="staff"
    )
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(
        default=False, help_text="May use the Django admin (platform configuration)."
    )
    date_joined = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name"]

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email


class RoleAssignment(models.Model):
    """A role a user holds; case officers and area admins hold theirs for a named area."""

    class Role(models.TextChoices):
        CASE_OFFICER = "case_officer", "Case officer"
        AREA_ADMIN = "area_admin", "Area admin"
        AGENCY_RESPONDER = "agency_responder", "Agency responder"
        REVIEW_CHAIR = "review_chair", "Review chair"
        PCC_OFFICER = "pcc_officer", "PCC officer"
        APPEAL_PANEL = "appeal_panel", "Independent appeal panel member"
        PLATFORM_ADMIN = "platform_admin", "Platform admin"

    AREA_ROLES = (Role.CASE_OFFICER, Role.AREA_ADMIN)
    # Roles held for a named area (an appeal panel member hears that area's appeals only).
    NAMED_AREA_ROLES = (*AREA_ROLES, Role.APPEAL_PANEL)

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(max_length=20, choices=Role.choices)
    area = models.ForeignKey(
        Area, on_delete=models.CASCADE, null=True, blank=True, related_name="role_assignments"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["user", "role"]
        constraints = [
            models.UniqueConstraint(fields=["user", "role", "area"], name="one_role_per_area"),
            models.UniqueConstraint(
                fields=["user", "role"], condition=Q(area__isnull=True), name="one_global_role"
            ),
            # An area role without an area would silently see nothing; refuse it.
            models.CheckConstraint(
                condition=~Q(role__in=["case_officer", "area_admin", "appeal_panel"])
                | Q(area__isnull=False),
                name="area_roles_name_an_area",
            ),
        ]

    def __str__(self):
        where = f" for {self.area}" if self.area_id else ""
        return f"{self.get_role_display()}{where}"


class ApiToken(AbstractAuthToken):
    """A named API token that its owner made for themselves, behind their second factor.

    django-rest-knox keeps only the token's SHA-512 digest and its expiry; we add a name (so
    the audit can say which token read what), a scope, and when it was last used. The token
    has a plain numeric key of its own: the digest never appears in an address.
    """

    class Scope(models.TextChoices):
        READ = "read", _("Read only")
        READ_WRITE = "read_write", _("Read and write")

    id = models.BigAutoField(primary_key=True)
    digest = models.CharField(max_length=128, unique=True)
    name = models.CharField(max_length=60)
    scope = models.CharField(max_length=20, choices=Scope.choices, default=Scope.READ)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = "API token"
        constraints = [
            # Tokens without an end are refused: every token expires (issue #15).
            models.CheckConstraint(condition=Q(expiry__isnull=False), name="api_token_expires"),
        ]

    def __str__(self):
        return f"{self.name} ({self.user})"

    @property
    def read_only(self) -> bool:
        return self.scope == self.Scope.READ


# Models of their own concern, kept in their own modules and importable from here.
