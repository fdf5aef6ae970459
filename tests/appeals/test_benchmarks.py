import pytest
from django.core.management import call_command

from appeals.models import Appeal


@pytest.mark.django_db
def test_appeal_benchmark_runs_and_leaves_nothing_behind(settings):
    from io import StringIO

    settings.ALLOWED_HOSTS = ["testserver"]
    out = StringIO()
    call_command("bench", "appeal_list", stdout=out)
    text = out.getvalue()
    assert "appeals:list queries" in text and "appeals:figures ms" in text
    assert not Appeal.objects.exists()
