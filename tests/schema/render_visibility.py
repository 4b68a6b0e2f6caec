"""Renders the policy table to tests/snapshots/visibility.md, so a permission change is a reviewable diff.

.venv/bin/python -m tests.schema.render_visibility        # rewrite the snapshot
MATCHUP_UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/schema/test_visibility_snapshot.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from server.authz.decisions import field_access
from server.authz.policy import (
    FIELD_RULES,
    HISTORY_ACTIONS,
    RECEIPT_LEGS,
    ROW_SCOPES,
    TYPE_ACCESS,
    UNSCOPED_LOADERS,
)
from server.authz.rules import Access

from . import AUDIENCES, ROOT, ROOT_TYPE_NAMES

SNAPSHOT = ROOT / "tests" / "snapshots" / "visibility.md"
MARK = {Access.ALLOW: "✓", Access.OWN_ORGANISATION: "own org", Access.DENY: "–"}
LABEL = {a: a.value.title() for a in AUDIENCES}


def _type_order(name: str) -> tuple[int, str]:
    return (ROOT_TYPE_NAMES.index(name), "") if name in ROOT_TYPE_NAMES else (len(ROOT_TYPE_NAMES), name)


def render() -> str:
    lines = [
        "# Who sees what",
        "",
        "Generated from `server/authz/policy.py` by `python -m tests.schema.render_visibility`; do not edit.",
        "`✓` visible on every row the audience can reach, `own org` only on the rows of its own organisation (the",
        "rule's owner: e.g. who acted), `–` hidden (null, or",
        "FORBIDDEN / UNAUTHENTICATED for a root field). Effective decisions: a type an audience cannot reach",
        "hides all of its fields.",
    ]
    for type_name in sorted(set(TYPE_ACCESS) | set(FIELD_RULES), key=_type_order):
        reach = TYPE_ACCESS.get(type_name, frozenset())
        lines += ["", f"## {type_name}", ""]
        lines.append(
            "Reached by: " + (", ".join(LABEL[a] for a in AUDIENCES if a in reach) or "nobody") + "."
        )
        if type_name in ROW_SCOPES:
            scoped = [LABEL[a] for a in AUDIENCES if a in ROW_SCOPES[type_name]]
            lines.append("Rows scoped for: " + (", ".join(scoped) or "nobody") + ".")
        lines += _shown(type_name)
        lines += ["", "| Field | " + " | ".join(LABEL[a] for a in AUDIENCES) + " |"]
        lines.append("|---|" + "---|" * len(AUDIENCES))
        for field_name in sorted(FIELD_RULES.get(type_name, {})):
            marks = [MARK[field_access(type_name, field_name, a)] for a in AUDIENCES]
            lines.append(f"| `{field_name}` | " + " | ".join(marks) + " |")
    lines += [
        "",
        "## Loaders without a row scope",
        "",
        "Every other loader applies the row scope of its type (`UNSCOPED_LOADERS`).",
        "",
        "| Loader | Why no scope of its own |",
        "|---|---|",
        *(f"| `{name}` | {UNSCOPED_LOADERS[name]} |" for name in sorted(UNSCOPED_LOADERS)),
    ]
    return "\n".join(lines) + "\n"


def _shown(type_name: str) -> list[str]:
    """The per-audience filters of the table beyond fields and rows: receipt legs, terms history actions."""
    if type_name == "ReceiptLeg":
        return [
            "Legs shown (`RECEIPT_LEGS`, by ledger account): "
            + "; ".join(
                f"{LABEL[a]}: " + (", ".join(sorted(RECEIPT_LEGS[a])) if a in RECEIPT_LEGS else "none")
                for a in AUDIENCES
            )
            + "."
        ]
    if type_name == "TermsEvent":
        return [
            f"Actions shown on a {subject}'s history (`HISTORY_ACTIONS`): "
            + "; ".join(f"{LABEL[a]}: {', '.join(sorted(actions))}" for a, actions in rules.items())
            + "; everyone else: all."
            for subject, rules in sorted(HISTORY_ACTIONS.items())
        ]
    return []


def write(path: Path = SNAPSHOT) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render())


if __name__ == "__main__":
    write()
    print(f"wrote {SNAPSHOT.relative_to(ROOT)}", file=sys.stderr)
