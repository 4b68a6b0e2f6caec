"""The policy, rendered as one table per type, matches tests/snapshots/visibility.md: a permission change
shows up in review as a table diff."""

from __future__ import annotations

import difflib
import os

from .render_visibility import SNAPSHOT, render, write


def test_visibility_table_matches_the_snapshot() -> None:
    rendered = render()
    if os.environ.get("MATCHUP_UPDATE_SNAPSHOTS") == "1":
        write()
    committed = SNAPSHOT.read_text() if SNAPSHOT.exists() else ""
    if rendered != committed:
        diff = "".join(
            difflib.unified_diff(
                committed.splitlines(keepends=True),
                rendered.splitlines(keepends=True),
                "visibility.md (committed)",
                "visibility.md (from policy.py)",
            )
        )
        raise AssertionError(
            "The policy changed. If that is intended, regenerate the snapshot with "
            "`.venv/bin/python -m tests.schema.render_visibility` (or MATCHUP_UPDATE_SNAPSHOTS=1) and commit "
            f"the diff:\n{diff}"
        )
