"""The audit in the Django admin: readable by platform admins, never changed."""

from django.contrib import admin

from .models import AccessRecord


@admin.register(AccessRecord)
class AccessRecordAdmin(admin.ModelAdmin):
    list_display = ["at", "who", "action", "case_reference", "url_name", "ip_address"]
    list_filter = ["action", "area"]
    search_fields = ["case_reference", "who"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
