"""Platform configuration. Case content is deliberately not in the admin: the platform admin
configures areas and agencies but does not read cases (ARCHITECTURE.md, tenancy table)."""

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from simple_history.admin import SimpleHistoryAdmin

from . import enrolment
from .models import Agency, Area, AreaMembership, ForceArea, RoleAssignment, User

# API tokens (agencies.ApiToken) are deliberately not registered: each member of staff makes
# their own at /account/api-tokens/, behind their second factor, and nobody makes one for
# someone else (issue #15). knox's own admin is not used either: its model is swapped out.


class MembershipInline(admin.TabularInline):
    model = AreaMembership
    extra = 0


class RoleInline(admin.TabularInline):
    model = RoleAssignment
    extra = 0


@admin.register(ForceArea)
class ForceAreaAdmin(SimpleHistoryAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Area)
class AreaAdmin(SimpleHistoryAdmin):
    list_display = [
        "name",
        "force_area",
        "complaint_threshold",
        "hate_incident_threshold",
        "appeal_body",
    ]
    list_filter = ["force_area"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]


@admin.register(Agency)
class AgencyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "force_area"]
    list_filter = ["kind", "force_area"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(User)
class UserAdmin(SimpleHistoryAdmin, DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "agency", "is_active"]
    list_filter = ["agency", "is_active"]
    search_fields = ["email", "full_name"]
    inlines = [RoleInline]
    actions = ["send_enrolment_link"]
    fieldsets = [
        (None, {"fields": ["email", "full_name", "agency", "password"]}),
        ("Status", {"fields": ["is_active", "is_staff", "is_superuser"]}),
    ]
    add_fieldsets = [
        (None, {"fields": ["email", "full_name", "agency", "password1", "password2"]}),
    ]

    @admin.action(description="Email a set-up link for their authenticator app")
    def send_enrolment_link(self, request, queryset):
        """The link goes to each user's own email; the platform admin never sees it."""
        sent = 0
        for user in queryset:
            try:
                enrolment.issue_link(user, by=request.user)
            except enrolment.NotAllowed:
                self.message_user(request, f"Not sent to {user.email}.", messages.WARNING)
            else:
                sent += 1
        self.message_user(request, f"Set-up links emailed: {sent}.", messages.SUCCESS)
