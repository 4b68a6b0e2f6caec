"""`pip install .` is enough to run the server: every third-party module that server/ imports belongs to a
distribution of the runtime lock (requirements.lock), and both locks pin every declared requirement within its
range (requirements-dev.lock adds the `dev` extra)."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())


def pins(lock: str) -> dict[str, str]:
    return {
        canonicalize_name(name): version
        for name, version in re.findall(r"^([A-Za-z0-9._-]+)==([^ \\\n]+)", (ROOT / lock).read_text(), re.M)
    }


def third_party_imports() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "server").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module]
                if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module
                else []
            )
            found |= {n.split(".")[0] for n in names}
    return {n for n in found if n != "server" and n not in sys.stdlib_module_names}


def test_every_module_the_server_imports_is_in_the_runtime_lock() -> None:
    runtime = pins("requirements.lock")
    providers = packages_distributions()
    missing = {
        module: providers.get(module)
        for module in sorted(third_party_imports())
        if not any(canonicalize_name(d) in runtime for d in providers.get(module, []))
    }
    assert not missing, f"imported by server/ but not installed by `pip install .`: {missing}"


@pytest.mark.parametrize(("lock", "extras"), [("requirements.lock", ()), ("requirements-dev.lock", ("dev",))])
def test_the_lock_pins_every_declared_requirement_within_its_range(
    lock: str, extras: tuple[str, ...]
) -> None:
    declared = [*PYPROJECT["project"]["dependencies"]]
    for extra in extras:
        declared += PYPROJECT["project"]["optional-dependencies"][extra]
    pinned = pins(lock)
    wrong = []
    for text in declared:
        req = Requirement(text)
        version = pinned.get(canonicalize_name(req.name))
        if version is None or not req.specifier.contains(version, prereleases=True):
            wrong.append(f"{text}: {version or 'not pinned'}")
    assert not wrong, f"{lock} is stale (regenerate: make lock):\n" + "\n".join(wrong)
