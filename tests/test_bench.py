import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


def test_bench_refuses_an_unknown_benchmark():
    with pytest.raises(CommandError, match="No benchmark called nonsense"):
        call_command("bench", "nonsense")
