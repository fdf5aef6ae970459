"""On PostgreSQL the database itself refuses to change or delete audit rows.

SQLite (the embedded set-up) has no such guard; there the model and queryset refuse it.
TRUNCATE is left alone: the test runner empties tables with it between browser tests.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_accessrecord is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_accessrecord_append_only
    BEFORE UPDATE OR DELETE ON audit_accessrecord
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS audit_accessrecord_append_only ON audit_accessrecord;
DROP FUNCTION IF EXISTS audit_append_only();
"""


def run(sql):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return apply


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_access_record")]

    operations = [migrations.RunPython(run(CREATE), run(DROP))]
