"""A static call graph of the server's code, to tell which error codes each mutation can answer.

Every function of every module under server/ is read with `ast`. A function *raises* a code when it builds a
`DomainError("CODE", …)`, calls a `fail("CODE", …)` collector, calls any function whose first parameter is named
`code` with a literal, or names a member of an `…ErrorCode` enum (`ShowcaseErrorCode.INVALID_ID`). Calls are
followed by name: functions of the same module (methods included), names imported with `from … import …`,
and `module.function` through an imported module. What a mutation can answer is everything reachable from its
resolver file. The graph over-approximates inside a module (same-named methods are merged) and never follows
calls through variables; the test that uses it fails in both directions, so a blind spot shows up as a
declared code "never raised" and is fixed here, not hidden.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SERVER = ROOT / "server"
CODE = re.compile(r"^[A-Z][A-Z0-9_]+$")
COLLECTORS = frozenset({"DomainError", "fail"})

Key = tuple[str, str]  # (module, function name)


@dataclass
class _Function:
    codes: set[str] = field(default_factory=set)
    enum_codes: set[tuple[str, str]] = field(default_factory=set)  # (enum class name, member)
    calls: set[Key] = field(default_factory=set)
    literal_calls: list[tuple[Key, str]] = field(default_factory=list)  # callee with a literal first argument


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


class _Module:
    def __init__(self, path: Path) -> None:
        self.name = _module_name(path)
        self.tree = ast.parse(path.read_text(), str(path))
        self.imports: dict[str, Key] = {}  # local name -> (module, name) for `from m import name`
        self.modules: dict[str, str] = {}  # local name -> module for imported modules
        for node in ast.walk(self.tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    local = alias.asname or alias.name
                    self.imports[local] = (node.module, alias.name)
                    self.modules[local] = f"{node.module}.{alias.name}"
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    self.modules[alias.asname or alias.name] = alias.name
        self.functions: dict[str, _Function] = {}
        self.first_params: dict[str, str | None] = {}
        for node in ast.walk(self.tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                fn = self.functions.setdefault(node.name, _Function())
                self._scan(node, fn)
                params = [a.arg for a in node.args.args if a.arg not in ("self", "cls")]
                self.first_params[node.name] = params[0] if params else None
        # Module-level code (a resolver file's lambdas and helpers) is one more root, named "<module>".
        self.functions["<module>"] = top = _Function()
        self._scan(self.tree, top)

    def _callee(self, func: ast.expr) -> Key | None:
        if isinstance(func, ast.Name):
            if func.id in self.imports:
                return self.imports[func.id]
            return (self.name, func.id)
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            owner = func.value.id
            if owner in ("self", "cls") or owner not in self.modules:
                return (self.name, func.attr)  # a method of this module (or of a class defined here)
            return (self.modules[owner], func.attr)
        return None

    def _scan(self, node: ast.AST, fn: _Function) -> None:
        for sub in ast.walk(node):
            if (
                isinstance(sub, ast.Attribute)
                and isinstance(sub.value, ast.Name)
                and sub.value.id.endswith("ErrorCode")
            ):
                fn.enum_codes.add((sub.value.id, sub.attr))
            if not isinstance(sub, ast.Call):
                continue
            callee = self._callee(sub.func)
            if callee is None:
                continue
            fn.calls.add(callee)
            first = (
                sub.args[0] if sub.args else next((k.value for k in sub.keywords if k.arg == "code"), None)
            )
            for literal in _literals(first):
                if callee[1] in COLLECTORS:
                    fn.codes.add(literal)
                else:
                    fn.literal_calls.append((callee, literal))


def _literals(node: ast.expr | None) -> list[str]:
    """The code literals an argument can be: "CODE", or `"A" if … else "B"`."""
    if isinstance(node, ast.IfExp):
        return _literals(node.body) + _literals(node.orelse)
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and CODE.match(node.value):
        return [node.value]
    return []


@cache
def _modules() -> dict[str, _Module]:
    out = {}
    for path in SERVER.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        module = _Module(path)
        out[module.name] = module
    return out


def _resolve(key: Key) -> Key | None:
    """A call target as a function of a known module (following one re-export: `from pkg import fn`)."""
    modules = _modules()
    module, name = key
    if module in modules and name in modules[module].functions:
        return key
    if f"{module}.{name}" in modules:
        return None  # a module, not a function
    if module in modules and name in modules[module].imports:
        return _resolve(modules[module].imports[name])
    return None


def reachable_codes(module: str) -> tuple[set[str], set[tuple[str, str]]]:
    """(codes, enum members) that the code reachable from a module's top level and functions can produce."""
    modules = _modules()
    todo = [(module, name) for name in modules[module].functions]
    seen: set[Key] = set()
    codes: set[str] = set()
    enum_codes: set[tuple[str, str]] = set()
    while todo:
        key = todo.pop()
        if key in seen:
            continue
        seen.add(key)
        fn = modules[key[0]].functions[key[1]]
        codes |= fn.codes
        enum_codes |= fn.enum_codes
        for callee, literal in fn.literal_calls:
            target = _resolve(callee)
            if target is not None and modules[target[0]].first_params.get(target[1]) == "code":
                codes.add(literal)
        for callee in fn.calls:
            target = _resolve(callee)
            if target is not None:
                todo.append(target)
    return codes, enum_codes
