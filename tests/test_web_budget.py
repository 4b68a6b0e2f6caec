"""Every role's first page loads under 200 kB of gzip JavaScript, measured on the built web app (`make test` builds
web/dist first) by the same module-graph walk as bench/web_bundle.py, so the budget cannot regress unseen."""

from __future__ import annotations

from pathlib import Path

from bench.web_bundle import FIRST_PAGES, measure

DIST = Path(__file__).resolve().parents[1] / "web" / "dist"
BUDGET_GZIP_BYTES = 200_000


def test_every_first_page_fits_the_javascript_budget() -> None:
    assert (DIST / ".vite" / "manifest.json").is_file(), "build the web app first (`make web`)"
    sizes = {label: size.gzip for label, size, _, _ in measure(DIST)}
    assert set(sizes) == set(FIRST_PAGES)
    over = {label: gzip for label, gzip in sizes.items() if gzip >= BUDGET_GZIP_BYTES}
    assert not over, f"first pages over {BUDGET_GZIP_BYTES} bytes of gzip JavaScript: {over}"
