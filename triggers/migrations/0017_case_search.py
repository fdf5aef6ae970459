"""The case list's search (issue #17): saved filters, and on PostgreSQL the search indexes.

On PostgreSQL: the pg_trgm extension, a GIN index on the full-text vector of the case's
fields (triggers.search.VECTOR_FIELDS, written out here as a migration must not follow later
code), and trigram GIN indexes on names and postcode. SQLite has neither: its search is a
plain `icontains`, and these steps do nothing there.
"""

import django.db.models.deletion
from django.conf import settings
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

VECTOR_FIELDS = (
    "reference",
    "applicant_name",
    "victim_name",
    "applicant_address",
    "applicant_postcode",
    "behaviour_location",
)
TRIGRAM_FIELDS = ("applicant_name", "victim_name", "applicant_postcode")


def search_indexes():
    from django.contrib.postgres.indexes import GinIndex, OpClass
    from django.contrib.postgres.search import SearchVector

    yield GinIndex(SearchVector(*VECTOR_FIELDS, config="simple"), name="case_search_vector")
    for field in TRIGRAM_FIELDS:
        yield GinIndex(OpClass(field, name="gin_trgm_ops"), name=f"case_{field}_trgm")


def add_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    case = apps.get_model("triggers", "Case")
    for index in search_indexes():
        schema_editor.add_index(case, index)


def remove_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    case = apps.get_model("triggers", "Case")
    for index in search_indexes():
        schema_editor.remove_index(case, index)


class Migration(migrations.Migration):
    dependencies = [
        ("triggers", "0016_draft_returns"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="SavedFilter",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=60)),
                (
                    "query",
                    models.CharField(
                        blank=True,
                        help_text="The case list's query string, as the form keeps it.",
                        max_length=500,
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="saved_filters",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["name"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("user", "name"), name="saved_filter_name_unique"
                    )
                ],
            },
        ),
        # TrigramExtension does nothing on other databases.
        TrigramExtension(),
        migrations.RunPython(add_indexes, remove_indexes),
    ]
