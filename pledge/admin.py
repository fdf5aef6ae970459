"""The questionnaire in the Django admin, for platform admins.

A published version is read-only here: to change the questionnaire, select a version and run
"Copy into a new draft version", edit the draft's sections and questions, then "Publish".
Assessments are organisations' own data and are not in the admin.
"""

from django.contrib import admin, messages

from .models import Question, QuestionnaireVersion, Section
from .questionnaire import VersionFrozen, copy_version, publish_version


class FrozenWhenPublished:
    """Inlines and pages that refuse changes once their version is published."""

    def _published(self, obj) -> bool:
        version = getattr(obj, "version", obj)
        return bool(version and version.is_published)

    def has_change_permission(self, request, obj=None):
        return not self._published(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._published(obj) and super().has_delete_permission(request, obj)

    def has_add_permission(self, request, obj=None):
        if obj is not None and self._published(obj):
            return False
        return super().has_add_permission(request, *([obj] if obj is not None else []))


class SectionInline(FrozenWhenPublished, admin.TabularInline):
    model = Section
    extra = 0
    fields = ["position", "letter", "title", "description"]


@admin.register(QuestionnaireVersion)
class QuestionnaireVersionAdmin(FrozenWhenPublished, admin.ModelAdmin):
    list_display = ["number", "published_at", "is_current"]
    readonly_fields = ["published_at", "is_current"]
    fields = ["number", "notes", "published_at", "is_current"]
    inlines = [SectionInline]
    actions = ["copy_into_draft", "publish"]

    def has_add_permission(self, request, obj=None):
        return False  # new versions are copies of an existing one

    @admin.action(description="Copy into a new draft version")
    def copy_into_draft(self, request, queryset):
        for version in queryset:
            draft = copy_version(version)
            messages.success(request, f"Version {draft.number} created as a draft.")

    @admin.action(description="Publish (make current)")
    def publish(self, request, queryset):
        for version in queryset:
            try:
                publish_version(version)
            except VersionFrozen as frozen:
                messages.error(request, str(frozen))
            else:
                messages.success(request, f"Version {version.number} is now current.")


@admin.register(Question)
class QuestionAdmin(FrozenWhenPublished, admin.ModelAdmin):
    list_display = ["code", "text", "kind", "weight", "evidence_key", "version"]
    list_filter = ["version", "kind", "section__letter"]
    search_fields = ["code", "text"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # New questions go only into draft versions.
        if db_field.name == "version":
            kwargs["queryset"] = QuestionnaireVersion.objects.filter(published_at__isnull=True)
        if db_field.name == "section":
            kwargs["queryset"] = Section.objects.filter(version__published_at__isnull=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
