"""The apps form a stack (inklusive_quartiere/layers.py): every import points down, no two apps import each other,
and an import inside a function says why it is there."""

import functools
import pathlib
import re

from inklusive_quartiere import layers

ARCHITECTURE_DOC = pathlib.Path(layers.PACKAGE_DIR).parent / "docs" / "architecture.md"
DIAGRAM = re.compile(r"<!-- app-graph:start -->\n```mermaid\n(.*?)```\n<!-- app-graph:end -->", re.DOTALL)


@functools.cache
def _project_imports():
    return tuple(layers.project_imports())


def _imports(*, test_modules: bool):
    return [i for i in _project_imports() if i.test_module == test_modules]


def _report(title, found):
    return f"{title} ({len(found)}):\n" + "\n".join(f"  {item}" for item in found)


def _upward(imports):
    return list(layers.upward_imports(imports))


def _cycles(imports):
    edges = set(layers.app_edges(imports))
    return layers.cycles(edges)


def test_production_modules_import_only_apps_below_them():
    upward = _upward(_imports(test_modules=False))
    assert not upward, _report("Imports of an app on the same or a higher layer (see layers.py)", upward)


def test_test_modules_import_only_their_app_apps_below_it_and_testing():
    upward = _upward(_imports(test_modules=True))
    assert not upward, _report("Test imports of an app on the same or a higher layer (see layers.py)", upward)


def test_no_cycle_between_apps_in_production_modules():
    found = _cycles(_imports(test_modules=False))
    assert not found, f"Apps that import each other: {found}"


def test_no_cycle_between_apps_in_test_modules():
    # ``testing`` is the harness on top: it may import every app and every app's tests may import it, by design.
    imports = [i for i in _imports(test_modules=True) if "testing" not in (i.importer, i.imported)]
    found = _cycles(imports)
    assert not found, f"Apps whose tests import each other: {found}"


def test_function_level_imports_of_project_code_say_why():
    silent = layers.uncommented_function_imports(_project_imports())
    assert not silent, _report(
        "Imports inside a function without a comment on the line or the line above saying why", silent
    )


def test_architecture_doc_shows_the_current_app_graph():
    found = DIAGRAM.search(ARCHITECTURE_DOC.read_text(encoding="utf-8"))
    assert found, "docs/architecture.md lost its app graph (between the app-graph markers)"
    assert found.group(1) == layers.app_graph_diagram(list(_project_imports())), (
        "docs/architecture.md shows an old app graph: paste the output of `python -m inklusive_quartiere.layers`"
    )


# -- the checker itself ----------------------------------------------------------------------------------------------


def _write(root: pathlib.Path, files: dict[str, str]) -> pathlib.Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_checker_finds_upward_relative_and_function_level_imports(tmp_path, monkeypatch):
    package = _write(
        tmp_path / "inklusive_quartiere",
        {
            "__init__.py": "",
            "core/__init__.py": "",
            "core/tests/__init__.py": "",
            "core/media.py": "def serve():\n    from ..films.models import FilmPage\n    return FilmPage\n",
            "core/tests/test_x.py": "from inklusive_quartiere.testing import pages\n"
            "from inklusive_quartiere.films import models\n",
            "films/__init__.py": "",
            "films/models.py": "from inklusive_quartiere.core import media\n"
            "def later():\n    # deferred: wagtail_hooks import this module\n    from . import signals\n",
            "films/signals.py": "",
            "testing/__init__.py": "",
            "testing/pages.py": "",
        },
    )
    monkeypatch.setattr(layers, "PACKAGE_DIR", package)
    found = layers.project_imports(package)

    upward = {(str(i.path), i.imported, i.test_module) for i in layers.upward_imports(found)}
    assert upward == {("core/media.py", "films", False), ("core/tests/test_x.py", "films", True)}
    assert [str(i.path) for i in layers.uncommented_function_imports(found)] == ["core/media.py"]
    assert layers.cycles(layers.app_edges(found)) == [["core", "films"]]
    assert "    core --> search" not in layers.app_graph_diagram(found)


def test_layers_allow_downward_and_forbid_sideways_and_upward():
    assert layers.may_import("catalogue", "search")
    assert layers.may_import("members", "steckbriefe")
    assert not layers.may_import("search", "core")
    assert not layers.may_import("core", "films")
    assert not layers.may_import("events", "news")  # same layer
    assert not layers.may_import("feedback", "members")
    assert not layers.may_import("news", "testing")
    assert layers.may_import("news", "testing", test_module=True)
    assert not layers.may_import("members", layers.ROOT)
    assert layers.may_import(layers.ROOT, "operations")
