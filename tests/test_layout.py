"""The shape of the code (ARCHITECTURE.md, "Layout"): what import-linter cannot say.

- no import cycle between the project's modules, counting imports inside functions too (a
  cycle hidden in a function is still a cycle: each module needs the other to make sense);
- no module over 400 lines (but the two ARCHITECTURE.md asks to keep whole), and no file in
  triggers/ named with a stage prefix
  (`review_forms.py` is `reviews/forms.py`);
- a stage calls another stage's services, never its views or URLs.

import-linter (`make lint`, contracts in pyproject.toml) keeps the direction between apps and
between the layers inside triggers/.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = (
    "agencies",
    "notifications",
    "audit",
    "incidents",
    "triggers",
    "appeals",
    "figures",
    "pledge",
    "config",
)
STAGES = (
    "applications",
    "threshold",
    "information",
    "meetings",
    "reviews",
    "closing",
    "tracking",
    "api",
    "post",
)
STAGE_PREFIXES = (
    "apply_",
    "record_",
    "check_",
    "journey_",
    "threshold_",
    "information_",
    "meeting_",
    "review_",
    "track_",
    "private_link_",
    "privacy_",
    "urls_",
)
PAGES = ("views", "staff_views", "urls", "staff_urls", "pages")
MAX_LINES = 400


def project_modules() -> dict[str, Path]:
    modules = {}
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            modules[name] = path
    return modules


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """Every project module `name` imports, at any depth of its code."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            # `from pkg import module` imports the module; `from module import name` the module.
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for target in targets:
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def import_graph() -> dict[str, set[str]]:
    modules = project_modules()
    graph = {name: imports_of(name, path, modules) for name, path in modules.items()}
    # A package's __init__ importing its own submodules is how packages expose them, not a cycle.
    return {
        name: {t for t in targets if not t.startswith(f"{name}.")}
        for name, targets in graph.items()
    }


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan's algorithm)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles():
    assert cycles(import_graph()) == []


# Kept whole on purpose, as ARCHITECTURE.md asks: the one settings module, read from the
# environment; and access.py, "the one place that decides what a user may see".
WHOLE_ON_PURPOSE = {"config/settings.py": 450, "agencies/access.py": 420}


def test_no_module_over_the_limit():
    too_long = {}
    for folder in (*APPS, "bench"):
        for path in (ROOT / folder).rglob("*.py"):
            name = str(path.relative_to(ROOT))
            limit = WHOLE_ON_PURPOSE.get(name, MAX_LINES)
            if "migrations" not in path.parts and len(path.read_text().splitlines()) > limit:
                too_long[name] = len(path.read_text().splitlines())
    assert too_long == {}


def test_no_stage_prefixes_in_file_names():
    prefixed = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "triggers").rglob("*.py")
        if path.name.startswith(STAGE_PREFIXES)
    ]
    assert prefixed == []


def test_each_stage_has_its_room():
    for stage in STAGES:
        assert (ROOT / "triggers" / stage / "__init__.py").exists(), stage
        assert (ROOT / "triggers" / stage / "views.py").exists(), stage


def test_a_stage_never_imports_another_stages_pages():
    graph = import_graph()
    crossing = []
    for name, targets in graph.items():
        parts = name.split(".")
        if len(parts) < 2 or parts[0] != "triggers" or parts[1] not in STAGES:
            continue
        for target in targets:
            tparts = target.split(".")
            if (
                len(tparts) == 3
                and tparts[0] == "triggers"
                and tparts[1] in STAGES
                and tparts[1] != parts[1]
                and tparts[2] in PAGES
            ):
                crossing.append(f"{name} -> {target}")
    assert crossing == []
