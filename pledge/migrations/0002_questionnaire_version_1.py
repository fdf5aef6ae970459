"""Load the first questionnaire version from pledge/fixtures/questionnaire.json, so a fresh
database (`make run`) has a current version to assess against."""

from django.db import migrations


def load(apps, schema_editor):
    from pledge.questionnaire import FIXTURE, load_fixture

    load_fixture(apps, FIXTURE)


class Migration(migrations.Migration):
    dependencies = [("pledge", "0001_pledge")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
