"""The repository speaks for itself: no file points to planning notes outside it."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTSIDE = re.compile(r"shared/(research|seeds)|\bDOMAIN\.md|\bARCHITECTURE\.md|stack-notes")
WHERE = ("server", "tests", "bench", "docs", "web/src", "web/e2e", ".ci")
TEXT = {".py", ".md", ".ts", ".tsx", ".graphql", ".toml", ".json", ".yml", ".yaml", ".sh", ".cfg", ".ini", ""}


def test_no_file_points_outside_the_repository() -> None:
    files = [p for d in WHERE if (ROOT / d).exists() for p in (ROOT / d).rglob("*") if p.is_file()]
    files += [p for p in ROOT.iterdir() if p.is_file()] + [ROOT / "web" / "README.md"]
    hits = [
        f"{path.relative_to(ROOT)}:{n}: {line.strip()[:100]}"
        for path in files
        if path.suffix in TEXT and path != Path(__file__).resolve() and "__pycache__" not in path.parts
        for n, line in enumerate(path.read_text(errors="ignore").splitlines(), 1)
        if OUTSIDE.search(line)
    ]
    assert not hits, "references to notes outside the repository:\n" + "\n".join(hits)
