"""Services never import tasks (tasks import services); tasks are named, and every beat
schedule entry names a task that exists."""

import ast
import inspect
from pathlib import Path

from django.conf import settings

import notifications
from notifications import tasks


def imported_names(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            names.add(node.module or "")
            names |= {f"{node.module or ''}.{alias.name}" for alias in node.names}
    return names


def test_nothing_the_tasks_use_imports_the_tasks():
    package = Path(notifications.__file__).parent
    for module in package.glob("*.py"):
        if module.name not in ("tasks.py", "apps.py"):  # apps.ready() registers the tasks
            names = imported_names(module)
            assert not any(name.split(".")[-1] == "tasks" for name in names), (module, names)


def test_every_task_is_named_where_it_is_defined():
    for name, task in inspect.getmembers(tasks, lambda t: hasattr(t, "run")):
        assert task.name == f"notifications.tasks.{name}"


def test_beat_schedule_names_tasks_that_exist():
    from config.celery import app

    app.loader.import_default_modules()
    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        assert entry["task"] in app.tasks, entry["task"]
    assert "notifications.tasks.send_failure_digests" in {
        e["task"] for e in settings.CELERY_BEAT_SCHEDULE.values()
    }
