"""Import direction, read from the source with `ast`: every import statement counts, including ones inside
functions; only imports under `if TYPE_CHECKING:` are type-only.

A request goes down one way: the edge (HTTP app, websockets, limits, exports, integrations) → schema → resolvers
→ services and loaders → models. The rules:

- server/models imports nothing of the app but server.models.*
- models, services and loaders never import strawberry or starlette
- the core (services, loaders and what they stand on: auth, authz, events, runtime, db, money, ids, ...) never
  imports the schema, the resolvers or the edge
- services never import loaders; loaders import of services only the pure rule modules and the read models
  (READ_MODELS: queries and views that write nothing)
- the policy table (server/authz) imports of services only the pure rule modules
- no module imports a private name (`_name`) of another module, in its layer or not: a helper two modules share
  is public, in the module it belongs to (one definition), or in a module both import
- server/schema never imports server.services (type-only imports excepted), but for the pure rule modules
  server/services/*_rules.py, which import nothing of the app but server.models
- nothing imports server.resolvers but the root modules, server/schema/root.py and the root-field bases it
  inherits (server/schema/*_root.py), and the resolvers package itself
"""

from __future__ import annotations

import ast
import functools
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SERVER = ROOT / "server"


@dataclass(frozen=True)
class Import:
    importer: str  # module name, e.g. server.schema.root
    path: Path
    line: int
    module: (
        str  # fully qualified, relative imports resolved; `from a import b` gives a.b when a.b is a module
    )
    type_only: bool
    name: str | None = None  # the imported name when it is not a module (`from a import b`: b)

    def __str__(self) -> str:
        kind = " (type-only)" if self.type_only else ""
        return f"{self.path.relative_to(ROOT)}:{self.line} imports {self.module}{kind}"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_module(name: str) -> bool:
    base = ROOT.joinpath(*name.split("."))
    return base.with_suffix(".py").exists() or (base / "__init__.py").exists()


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports_of(path: Path, source: str | None = None) -> list[Import]:
    importer = module_name(path)
    package = importer if path.name == "__init__.py" else importer.rpartition(".")[0]
    tree = ast.parse(path.read_text() if source is None else source, filename=str(path))
    type_only_nodes: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            type_only_nodes |= {id(child) for stmt in node.body for child in ast.walk(stmt)}
    found: list[Import] = []
    for node in ast.walk(tree):
        type_only = id(node) in type_only_nodes
        if isinstance(node, ast.Import):
            found += [Import(importer, path, node.lineno, alias.name, type_only) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base_parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(base_parts + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                is_module = alias.name != "*" and _is_module(candidate)
                target = candidate if is_module else base
                name = None if is_module else alias.name
                found.append(Import(importer, path, node.lineno, target, type_only, name))
    return found


@functools.cache
def all_imports() -> list[Import]:
    return [imp for path in sorted(SERVER.rglob("*.py")) for imp in imports_of(path)]


def _in(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def _is_rule_module(module: str) -> bool:
    """server/services/*_rules.py: pure rules (functions and SQL predicates of the clock) the schema may use."""
    return _in(module, "server.services") and module.endswith("_rules")


# Above the schema: what serves requests and commands, and may use any layer below.
EDGE = (
    "server.__main__",
    "server.app",
    "server.demo",
    "server.exports",
    "server.hardening",
    "server.idempotency",
    "server.integrations",
    "server.limits.cost",
    "server.limits.extension",
    "server.live",
    "server.simulator",
    "server.web_assets",
    "server.webhooks.delivery",
    "server.webhooks.render",
)
ABOVE_CORE = ("server.schema", "server.resolvers", *EDGE)
# The services' read side that loaders batch: statements and views of rows, no writes.
READ_MODELS = (
    "server.services.orders.reads",
    "server.services.orders.receipt",
    "server.services.finance.balances",
    "server.services.insight.scorecards",
)


def _in_any(module: str, packages: tuple[str, ...]) -> bool:
    return any(_in(module, package) for package in packages)


def _is_private(name: str | None) -> bool:
    return name is not None and name.startswith("_") and not name.startswith("__")


def violations(imports: list[Import] | None = None) -> dict[str, list[Import]]:
    found: dict[str, list[Import]] = {}
    for imp in all_imports() if imports is None else imports:
        if (
            _in(imp.importer, "server.models")
            and _in(imp.module, "server")
            and not _in(imp.module, "server.models")
        ):
            found.setdefault("models import only server.models", []).append(imp)
        if _in_any(imp.importer, ("server.models", "server.services", "server.loaders")) and (
            _in(imp.module, "strawberry") or _in(imp.module, "starlette")
        ):
            found.setdefault("models, services and loaders never import strawberry or starlette", []).append(
                imp
            )
        if not _in_any(imp.importer, ABOVE_CORE) and _in_any(imp.module, ABOVE_CORE):
            found.setdefault("the core never imports the schema, the resolvers or the edge", []).append(imp)
        if _in(imp.importer, "server.services") and _in(imp.module, "server.loaders"):
            found.setdefault("services never import loaders", []).append(imp)
        if (
            _in(imp.importer, "server.loaders")
            and _in(imp.module, "server.services")
            and not _is_rule_module(imp.module)
            and not _in_any(imp.module, READ_MODELS)
        ):
            found.setdefault("loaders import of services only rule modules and read models", []).append(imp)
        if (
            _in(imp.importer, "server.authz")
            and _in(imp.module, "server.services")
            and not _is_rule_module(imp.module)
        ):
            found.setdefault("the policy table imports of services only rule modules", []).append(imp)
        if _in(imp.module, "server") and imp.module != imp.importer and _is_private(imp.name):
            found.setdefault("no module imports a private name of another module", []).append(imp)
        if (
            _in(imp.importer, "server.schema")
            and _in(imp.module, "server.services")
            and not imp.type_only
            and not _is_rule_module(imp.module)
        ):
            found.setdefault("schema never imports services (except type-only)", []).append(imp)
        if (
            _is_rule_module(imp.importer)
            and _in(imp.module, "server")
            and not _in(imp.module, "server.models")
        ):
            found.setdefault("rule modules import only server.models", []).append(imp)
        if (
            _in(imp.module, "server.resolvers")
            and imp.importer != "server.schema.root"
            and not (_in(imp.importer, "server.schema") and imp.importer.endswith("_root"))
            and not _in(imp.importer, "server.resolvers")
        ):
            found.setdefault("only server.schema.root imports server.resolvers", []).append(imp)
    return found


RULES = (
    "models import only server.models",
    "models, services and loaders never import strawberry or starlette",
    "the core never imports the schema, the resolvers or the edge",
    "services never import loaders",
    "loaders import of services only rule modules and read models",
    "the policy table imports of services only rule modules",
    "no module imports a private name of another module",
    "schema never imports services (except type-only)",
    "rule modules import only server.models",
    "only server.schema.root imports server.resolvers",
)


@pytest.mark.parametrize("rule", RULES)
def test_import_direction(rule: str) -> None:
    broken = violations().get(rule, [])
    assert not broken, f"{rule}:\n" + "\n".join(dict.fromkeys(str(i) for i in broken))


def test_import_parser_sees_what_the_rules_need() -> None:
    """The rules are only as good as the parser: it resolves relative and `from package import module` imports,
    finds imports inside functions and marks TYPE_CHECKING blocks."""
    root = imports_of(SERVER / "schema" / "root.py")
    assert any(i.module == "server.resolvers.query.node" for i in root)
    source = (
        "from typing import TYPE_CHECKING\n"
        "from . import sibling\n"
        "from ..services import auth\n"
        "if TYPE_CHECKING:\n"
        "    from server.services.errors import DomainError\n"
        "def f():\n"
        "    import starlette.requests\n"
    )
    found = {(i.module, i.type_only) for i in imports_of(SERVER / "schema" / "probe.py", source)}
    assert ("server.schema", False) in found  # `sibling` is not a module, so the package itself
    assert ("server.services.auth", False) in found
    assert ("server.services.errors", True) in found
    assert ("starlette.requests", False) in found


@pytest.mark.parametrize(
    ("importer", "module", "rule"),
    [
        (
            "server.services.orders.batching",
            "server.schema.ids",
            "the core never imports the schema, the resolvers or the edge",
        ),
        (
            "server.loaders.orders",
            "server.resolvers.query.node",
            "the core never imports the schema, the resolvers or the edge",
        ),
        ("server.auth.tokens", "server.app", "the core never imports the schema, the resolvers or the edge"),
        ("server.services.campaigns", "server.loaders.registry", "services never import loaders"),
        (
            "server.loaders.finance",
            "server.services.finance.accounts",
            "loaders import of services only rule modules and read models",
        ),
        (
            "server.loaders.finance",
            "strawberry",
            "models, services and loaders never import strawberry or starlette",
        ),
        (
            "server.schema.types.campaign",
            "server.services.campaigns",
            "schema never imports services (except type-only)",
        ),
        (
            "server.authz.policy",
            "server.services.orders.receipt",
            "the policy table imports of services only rule modules",
        ),
        (
            "server.live.handler",
            "server.resolvers.query.node",
            "only server.schema.root imports server.resolvers",
        ),
    ],
)
def test_each_rule_catches_its_edge(importer: str, module: str, rule: str) -> None:
    probe = Import(importer, SERVER / "probe.py", 1, module, type_only=False)
    assert [str(i) for i in violations([probe]).get(rule, [])] == [str(probe)]


def test_a_private_name_of_another_module_is_caught_in_any_layer() -> None:
    rule = "no module imports a private name of another module"
    across = Import(
        "server.loaders.orders", SERVER / "probe.py", 1, "server.services.orders.reads", False, "_rows"
    )
    within = Import(
        "server.services.samples", SERVER / "probe.py", 1, "server.services.sample_address", False, "_text"
    )
    public = Import(
        "server.loaders.orders", SERVER / "probe.py", 1, "server.services.orders.reads", False, "line_view"
    )
    dunder = Import("server.services.samples", SERVER / "probe.py", 1, "server.services", False, "__all__")
    caught = violations([across, within, public, dunder]).get(rule, [])
    assert [str(i) for i in caught] == [str(across), str(within)]
    source = "from .sample_address import _text, check_address\n"
    found = {(i.module, i.name) for i in imports_of(SERVER / "services" / "probe.py", source)}
    assert found == {
        ("server.services.sample_address", "_text"),
        ("server.services.sample_address", "check_address"),
    }
    assert violations(imports_of(SERVER / "services" / "probe.py", source)).keys() >= {rule}


def private_attribute_uses(path: Path, source: str | None = None) -> list[str]:
    """`module._name` where `module` is a server module this file imports by name (`from server.services import
    showcase`, `from . import samples as s`): a private name read through the module instead of imported."""
    text = path.read_text() if source is None else source
    imported = {
        (i.line, i.module) for i in imports_of(path, text) if i.name is None and _in(i.module, "server")
    }
    modules: dict[str, str] = {}
    for node in ast.walk(ast.parse(text, filename=str(path))):
        if isinstance(node, ast.ImportFrom):
            for alias in node.names:
                bound = alias.asname or alias.name
                module = next(
                    (m for line, m in imported if line == node.lineno and m.endswith("." + alias.name)), None
                )
                if module is not None:
                    modules[bound] = module
    return [
        f"{path.relative_to(ROOT)}:{node.lineno} reads {modules[node.value.id]}.{node.attr}"
        for node in ast.walk(ast.parse(text, filename=str(path)))
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id in modules
        and _is_private(node.attr)
    ]


def test_no_module_reads_a_private_name_through_another_module() -> None:
    found = [use for path in sorted(SERVER.rglob("*.py")) for use in private_attribute_uses(path)]
    assert not found, "make these names public where they are defined:\n" + "\n".join(found)


def test_a_private_name_read_through_a_module_is_caught() -> None:
    source = (
        "from server.services import showcase\nfrom . import samples\nx = showcase._titles(samples.public)\n"
    )
    assert private_attribute_uses(SERVER / "services" / "probe.py", source) == [
        "server/services/probe.py:3 reads server.services.showcase._titles"
    ]


@pytest.mark.parametrize(
    ("importer", "module"),
    [
        ("server.loaders.orders", "server.services.orders.reads"),
        ("server.loaders.registry", "server.services.offer_rules"),
        ("server.limits.cost", "server.schema.costs"),
        ("server.resolvers.query.campaigns", "server.loaders.registry"),
    ],
)
def test_allowed_edges_pass(importer: str, module: str) -> None:
    assert violations([Import(importer, SERVER / "probe.py", 1, module, type_only=False)]) == {}


def test_every_graphql_input_is_declared_in_schema_inputs() -> None:
    """One place for what clients send: a `@strawberry.input` class anywhere else fails."""
    elsewhere = [
        f"{path.relative_to(ROOT)}:{node.lineno} {node.name}"
        for path in sorted(SERVER.rglob("*.py"))
        if "schema/inputs" not in path.as_posix()
        for node in ast.parse(path.read_text()).body
        if isinstance(node, ast.ClassDef)
        and any(ast.unparse(d).startswith("strawberry.input") for d in node.decorator_list)
    ]
    assert not elsewhere, "inputs outside server/schema/inputs/:\n" + "\n".join(elsewhere)
    assert len(list((SERVER / "schema" / "inputs").glob("*.py"))) > 1


# Data, not logic: the policy table, the demo's seed data, generated migrations.
LONG_DATA_MODULES = {"server/authz/policy.py", "server/demo/data.py"}


def test_no_module_over_450_lines_but_data() -> None:
    long = [
        f"{path.relative_to(ROOT)}: {lines} lines"
        for path in sorted([*SERVER.rglob("*.py"), *(ROOT / "bench").rglob("*.py")])
        if "migrations/versions" not in path.as_posix()
        and path.relative_to(ROOT).as_posix() not in LONG_DATA_MODULES
        and (lines := len(path.read_text().splitlines())) > 450
    ]
    assert not long, "split these into focused modules:\n" + "\n".join(long)
