"""The house rules that code review would otherwise have to catch: the layers import
only downwards, and no module grows past a size a reader can hold in their head."""

import ast
from pathlib import Path

from django.conf import settings

BASE = Path(settings.BASE_DIR)

# Each package may import only those before it. The base (core, chrome) knows no domain
# app; the domain apps import in this order; the features read the domain; loading sits
# on top of everything it writes; the project package only configures.
LAYERED = [
    "core",
    "chrome",
    "organisation",
    "legal",
    "strategies",
    "policies",
    "goals",
    "overview",
    "comparison",
    "search",
    "api",
    "content",
    "policyhub",
]
MAX_MODULE_LINES = 400


def project_modules():
    for package in LAYERED:
        for path in sorted((BASE / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield package, path


def imported_packages(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module.split(".")[0]
        elif isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)


def test_every_package_imports_only_the_layers_below_it():
    upward = []
    for package, path in project_modules():
        allowed = set(LAYERED[: LAYERED.index(package)])
        for imported in imported_packages(path):
            if imported in LAYERED and imported != package and imported not in allowed:
                upward.append(f"{path.relative_to(BASE)} imports {imported}")
    assert upward == []


def test_the_layer_list_names_every_project_package():
    packages = {path.parent.name for path in BASE.glob("*/__init__.py")} - {"tests"}
    assert packages == set(LAYERED)


def test_no_module_is_over_the_size_limit():
    long = [
        f"{path.relative_to(BASE)}: {lines} lines"
        for _package, path in project_modules()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    ]
    assert long == []
