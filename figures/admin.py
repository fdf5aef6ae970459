from django.contrib import admin

from .models import Publication


@admin.register(Publication)
class PublicationAdmin(admin.ModelAdmin):
    """Read only: figures are published by area admins through the portal, and a published
    record is never edited (a correction is a new publication)."""

    list_display = ("area", "period_start", "period_end", "published_at", "published_by")
    list_filter = ("area",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
