"""Load questionnaire version 2 from pledge/fixtures/questionnaire-v2.json and make it current:
its Legality section covers every statutory duty. Assessments already started keep version 1."""

from django.db import migrations


def load(apps, schema_editor):
    from pledge.questionnaire import FIXTURE_V2, load_fixture

    load_fixture(apps, FIXTURE_V2)


class Migration(migrations.Migration):
    dependencies = [("pledge", "0003_one_draft_at_a_time")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
