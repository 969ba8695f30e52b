"""The stack of apps: which app may import which. The one place the order is declared.

An app may import only apps on a lower layer (and Python, Django, Wagtail, third-party packages). Apps on the same
layer do not import each other unless ``SIDEWAYS`` names the pair. Test modules (``<app>/tests/…``) may import their
own app, every app below it, and ``testing``; ``testing`` itself (the test-support package and the whole-site test
harness) sits on top and may import every app. The composition root — ``settings``, ``urls.py``, ``wsgi.py`` and this
module — wires the apps together and may import anything; no app imports it.

``tests/test_import_stack.py`` walks every module's imports (module level and inside functions, absolute and
relative) and fails on an upward edge, a cycle between apps, or a function-level import of project code without a
comment saying why. ``app_graph_diagram()`` draws the stack for ``docs/architecture.md``; a test keeps the drawing
current.
"""

import ast
import pathlib
import re
import sys
from dataclasses import dataclass

PACKAGE = "inklusive_quartiere"
PACKAGE_DIR = pathlib.Path(__file__).resolve().parent

# Bottom to top. Each entry is one layer; apps on one layer are independent of each other.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("search",),  # a pure German text library: analyzer, word lists, query cleaning, highlighting
    ("core",),  # pages, blocks, visibility rule, routing, chrome, page cache, media, registry for feature apps
    ("taxonomy", "thesaurus", "querylog"),  # taxonomy terms; the office's search terms; counted search queries
    ("cities",),  # city index pages, city pages, neighbourhoods, city permissions
    ("steckbriefe",),  # the Steckbrief page, its status, related links, presentation, PDF
    ("catalogue",),  # index tables, engine, facets, listing, catalogue page, site-wide search view
    ("events", "news", "films", "accessibility", "feedback"),  # feature apps
    ("members",),  # roles, review, dashboard, accounts
    ("operations",),  # backup, health, faults
    ("testing",),  # test support and whole-site tests
)

# Pairs (importer, imported) of apps on the same layer that may import each other's code. None so far.
SIDEWAYS: frozenset[tuple[str, str]] = frozenset()

# Modules of the package that belong to no app: they assemble the site (``tests/`` holds the tests of the assembled
# site: the import stack, and behaviour that spans apps by nature).
ROOT = "(root)"
ROOT_MODULES = ("settings", "urls", "wsgi", "layers", "tests", "__init__")

NOQA = re.compile(r"^noqa(:\s*[A-Z]+[0-9]+(,\s*[A-Z]+[0-9]+)*)?")

RANK = {app: rank for rank, layer in enumerate(LAYERS) for app in layer}


def may_import(importer: str, imported: str, *, test_module: bool = False) -> bool:
    """May code of app ``importer`` import app ``imported``? (Both app names, or ``ROOT``.)"""
    if importer in (imported, ROOT):
        return True
    if imported == ROOT or importer not in RANK or imported not in RANK:
        return False
    if test_module and imported == "testing":
        return True
    if RANK[imported] < RANK[importer]:
        return True
    return (importer, imported) in SIDEWAYS


@dataclass(frozen=True)
class Import:
    """One import statement of project code: where it is, what it imports, and whether it sits inside a function."""

    path: pathlib.Path  # relative to the package directory
    line: int
    importer: str  # app (or ROOT)
    imported: str  # app (or ROOT)
    module: str  # the imported module, without the package prefix
    in_function: bool
    test_module: bool
    commented: bool  # a comment on the line or the line above

    def __str__(self) -> str:
        where = " (inside a function)" if self.in_function else ""
        return f"{PACKAGE}/{self.path.as_posix()}:{self.line}: {self.importer} -> {self.module}{where}"


def app_of(parts: tuple[str, ...]) -> str:
    """The app a module (its path parts below the package) or an imported dotted name belongs to."""
    head = parts[0].removesuffix(".py") if parts else ""
    if head in ROOT_MODULES or not (PACKAGE_DIR / head / "__init__.py").exists():
        return ROOT
    return head


def is_test_module(parts: tuple[str, ...]) -> bool:
    return "tests" in parts[:-1] or parts[0] == "testing"


def project_imports(package_dir: pathlib.Path = PACKAGE_DIR) -> list[Import]:
    """Every import of project code in every module of the package (migrations excepted: Django writes them)."""
    found = []
    for path in sorted(package_dir.rglob("*.py")):
        parts = path.relative_to(package_dir).parts
        if "migrations" in parts:
            continue
        found.extend(_module_imports(path, parts))
    return found


def _module_imports(path: pathlib.Path, parts: tuple[str, ...]) -> list[Import]:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    importer = app_of(parts)
    test_module = is_test_module(parts)
    found = []

    def has_comment(statement) -> bool:
        line = statement.lineno
        above = lines[line - 2].lstrip() if line > 1 else ""
        own = lines[line - 1 : statement.end_lineno]
        return any(_says_why(text) for text in own) or (above.startswith("#") and _says_why(above))

    # A comment above a group of imports (one after the other, as isort keeps them) speaks for the whole group.
    group_commented = {}
    for node in ast.walk(ast.parse(source, filename=str(path))):
        for body in (getattr(node, "body", None), getattr(node, "orelse", None), getattr(node, "finalbody", None)):
            if not isinstance(body, list):
                continue
            run: list = []
            for statement in [*body, None]:
                if isinstance(statement, ast.Import | ast.ImportFrom):
                    run.append(statement)
                    continue
                if run:
                    commented = any(has_comment(member) for member in run)
                    group_commented.update({(member.lineno, member.col_offset): commented for member in run})
                run = []

    def visit(node, in_function):
        for child in ast.iter_child_nodes(node):
            for module in _imported_modules(child, parts):
                line = child.lineno
                commented = group_commented.get((line, child.col_offset), has_comment(child))
                found.append(
                    Import(
                        path=pathlib.Path(*parts),
                        line=line,
                        importer=importer,
                        imported=app_of(tuple(module.split("."))),
                        module=module,
                        in_function=in_function,
                        test_module=test_module,
                        commented=commented,
                    )
                )
            visit(child, in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda))

    visit(ast.parse(source, filename=str(path)), False)
    return found


def _says_why(line: str) -> bool:
    """A comment with words in it; a bare ``# noqa: F401`` says nothing."""
    if "#" not in line:
        return False
    comment = line.split("#", 1)[1].strip()
    return bool(NOQA.sub("", comment).strip(" -:;"))


def _imported_modules(node, parts: tuple[str, ...]) -> list[str]:
    """The project modules (dotted, below the package) an import statement names; [] for anything else."""
    if isinstance(node, ast.ImportFrom):
        if node.level:
            base = list(parts[:-1])
            base = base[: len(base) - (node.level - 1)]
            if node.module:
                return [".".join([*base, node.module])]
            # ``from . import views``: each name may be a module of the package.
            return [".".join([*base, alias.name]) for alias in node.names]
        if node.module == PACKAGE:
            return [alias.name for alias in node.names]
        if node.module and node.module.startswith(PACKAGE + "."):
            return [node.module.removeprefix(PACKAGE + ".")]
    elif isinstance(node, ast.Import):
        return [alias.name.removeprefix(PACKAGE + ".") for alias in node.names if alias.name.startswith(PACKAGE + ".")]
    return []


def upward_imports(imports: list[Import]) -> list[Import]:
    return [i for i in imports if not may_import(i.importer, i.imported, test_module=i.test_module)]


def uncommented_function_imports(imports: list[Import]) -> list[Import]:
    return [i for i in imports if i.in_function and not i.commented]


def app_edges(imports: list[Import]) -> set[tuple[str, str]]:
    return {(i.importer, i.imported) for i in imports if i.importer != i.imported}


def cycles(edges: set[tuple[str, str]]) -> list[list[str]]:
    """The groups of apps that reach each other through imports (strongly connected, more than one app)."""
    graph: dict[str, set[str]] = {}
    for a, b in edges:
        graph.setdefault(a, set()).add(b)
        graph.setdefault(b, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def connect(node):  # Tarjan's algorithm; the graph has a dozen nodes
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return sorted(groups)


def app_graph_diagram(imports: list[Import] | None = None) -> str:
    """A Mermaid diagram of the stack: one box per layer, bottom to top, and an arrow for each app-to-app import
    of production code (``a --> b``: a imports b; a dotted arrow marked "upward" breaks the order).
    ``docs/architecture.md`` embeds it."""
    if imports is None:
        imports = project_imports()
    edges = sorted((a, b) for a, b in app_edges([i for i in imports if not i.test_module]) if ROOT not in (a, b))
    lines = ["flowchart BT"]
    for rank, layer in enumerate(LAYERS):
        if layer == ("testing",):
            continue  # test support only: it may import everything, nothing in production imports it
        lines.append(f'    subgraph layer{rank + 1}["layer {rank + 1}"]')
        lines.extend(f"        {app}" for app in layer)
        lines.append("    end")
    lines.extend(f"    {a} --> {b}" if may_import(a, b) else f"    {a} -. upward .-> {b}" for a, b in edges)
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(app_graph_diagram())
