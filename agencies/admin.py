"""Platform configuration. Case content is deliberately not in the admin: the platform admin
configures areas and agencies but does not read cases (ARCHITECTURE.md, tenancy table)."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import Agency, Area, AreaMembership, ForceArea, RoleAssignment, User


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
    list_display = ["name", "force_area", "complaint_threshold", "hate_incident_threshold"]
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
    fieldsets = [
        (None, {"fields": ["email", "full_name", "agency", "password"]}),
        ("Status", {"fields": ["is_active", "is_staff", "is_superuser"]}),
    ]
    add_fieldsets = [
        (None, {"fields": ["email", "full_name", "agency", "password1", "password2"]}),
    ]
