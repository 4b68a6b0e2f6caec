"""The committed schema.graphql (what the web app's codegen and reviewers read) is exactly the built schema."""

from __future__ import annotations

import difflib

from . import SCHEMA_FILE, built_schema


def test_committed_schema_matches_the_code() -> None:
    built = str(built_schema()) + "\n"
    committed = SCHEMA_FILE.read_text() if SCHEMA_FILE.exists() else ""
    if built != committed:
        diff = "".join(
            difflib.unified_diff(
                committed.splitlines(keepends=True),
                built.splitlines(keepends=True),
                "schema.graphql (committed)",
                "schema (built from the code)",
            )
        )
        raise AssertionError(
            "schema.graphql is out of date. Regenerate it with `.venv/bin/python -m server export-schema`, "
            f"review the diff and commit it:\n{diff}"
        )
