"""The web app's GraphQL operations (web/src/graphql/<area>/*.graphql) as the browser sends them.

An operation file may spread the shared fragments of web/src/graphql/fragments/ (one entity's fields each: money,
performance numbers, order lines…); the generated client appends the ones it uses, directly or through another
fragment, to the operation's document, and so does `document_text` for the tests and benchmarks that run a file.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from graphql import FragmentDefinitionNode, FragmentSpreadNode, Node, parse, print_ast, visit
from graphql.language import Visitor

ROOT = Path(__file__).resolve().parents[1]
GRAPHQL = ROOT / "web" / "src" / "graphql"
FRAGMENTS = GRAPHQL / "fragments"


def operation_paths() -> list[Path]:
    """Every operation file (the shared fragments are not operations)."""
    return sorted(p for p in GRAPHQL.rglob("*.graphql") if FRAGMENTS not in p.parents)


class _Spreads(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def enter_fragment_spread(self, node: FragmentSpreadNode, *_: object) -> None:
        self.names.add(node.name.value)


def _spreads(node: Node) -> set[str]:
    visitor = _Spreads()
    visit(node, visitor)
    return visitor.names


@cache
def shared_fragments() -> dict[str, FragmentDefinitionNode]:
    out: dict[str, FragmentDefinitionNode] = {}
    for path in sorted(FRAGMENTS.glob("*.graphql")):
        for definition in parse(path.read_text()).definitions:
            assert isinstance(definition, FragmentDefinitionNode), path.name
            assert definition.name.value not in out, definition.name.value
            out[definition.name.value] = definition
    return out


def document_text(path: Path) -> str:
    """The file's text followed by the shared fragments it needs (none: the text as it is)."""
    text = path.read_text()
    document = parse(text)
    own = {d.name.value for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    shared = shared_fragments()
    needed: list[str] = []
    pending = sorted(_spreads(document) - own)
    while pending:
        name = pending.pop(0)
        if name in needed or name not in shared:
            continue
        needed.append(name)
        pending.extend(sorted(_spreads(shared[name]) - own - set(needed)))
    return "\n".join([text.rstrip("\n"), *(print_ast(shared[name]) for name in needed)]) + "\n"
