"""Dependencies point one way: archive knows nothing of search; extraction knows no Django;
every output of an article builds on the one mapping."""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def imported_modules(where: Path) -> set[str]:
    """What the modules in a folder, or one module, import."""
    names = set()
    for path in where.rglob("*.py") if where.is_dir() else [where]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
    return names


def test_archive_does_not_import_search():
    assert not {m for m in imported_modules(REPO / "archive") if m.split(".")[0] == "search"}


def test_pure_modules_do_not_import_django():
    for folder in (REPO / "archive" / "extraction",):
        assert not {m for m in imported_modules(folder) if m.split(".")[0] == "django"}
    for module in (
        "search/query.py",
        "search/query_syntax.py",
        "search/query_tree.py",
        "search/facets.py",
        "search/timeline.py",
        "archive/sources.py",
    ):
        path = REPO / module
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        assert not {m for m in modules if m and m.startswith("django")}, module


def test_whoosh_is_imported_only_by_its_backend_package():
    package = REPO / "search" / "backends" / "whoosh"
    outside = [
        path
        for folder in ("archive", "search", "config")
        for path in (REPO / folder).rglob("*.py")
        if package not in path.parents
    ]
    for path in outside:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules = {
            alias.name for n in ast.walk(tree) if isinstance(n, ast.Import) for alias in n.names
        }
        modules |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        assert not {m for m in modules if m.split(".")[0] == "whoosh"}, path


def test_whoosh_private_api_is_used_in_one_module():
    package = REPO / "search" / "backends" / "whoosh"
    for path in package.glob("*.py"):
        if path.name == "internals.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        private = {
            node.attr
            for node in ast.walk(tree)
            if isinstance(node, ast.Attribute)
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
            and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))
        }
        # Our own module-level names (`_lock`, `_prepare`) are reached as bare names, never
        # as attributes of a Whoosh object.
        assert not private, (path.name, private)


def test_every_article_output_builds_on_the_one_mapping():
    # The index document, the API, the downloads and `export_articles`.
    for module in (
        "search/documents.py",
        "search/service.py",
        "search/export.py",
        "archive/management/commands/export_articles.py",
    ):
        assert "archive.mapping" in imported_modules(REPO / module), module


def test_only_the_postgres_backend_knows_postgres_search():
    package = REPO / "search" / "backends" / "postgres"
    for folder in ("archive", "search", "config"):
        for path in (REPO / folder).rglob("*.py"):
            if package in path.parents:
                continue
            found = {m for m in imported_modules(path) if m.startswith("django.contrib.postgres")}
            assert not found, path
    # It shares the Whoosh backend's analysis (the same terms), never Whoosh itself.
    assert not {m for m in imported_modules(package) if m.split(".")[0] == "whoosh"}
