"""The JavaScript each role's first page loads, gzip and brotli, from the built web app (web/dist).

    python bench/web_bundle.py [--build] [--dist web/dist] [--budget-kb 200]

Follows Vite's module graph (dist/.vite/manifest.json, `build.manifest`): the entry that index.html loads
with every chunk it imports statically, plus the first screen's lazy route chunk (`lazy` in the role
modules) with its static imports, plus the message catalogue those chunks await (core + their namespaces,
in the heaviest language: only the one in use is loaded). Chunks that page only imports on demand (charts, …) are listed apart.
Sizes are of the built files, compressed here with gzip -9 and brotli when the build wrote a `.br` next to
them (web/vite-precompress.ts). Exits 1 when a first page is over the budget.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# The first screen of each role: the lazy chunks it loads after the entry (its layout's shell, its page).
DESKTOP = "src/shell/DesktopShell.tsx"
MOBILE = "src/shell/MobileShell.tsx"
FIRST_PAGES = {
    "login (/login)": ["src/features/login/LoginPage.tsx"],
    "agency dashboard (/agency)": [DESKTOP, "src/roles/agency/AgencyHome.tsx"],
    "seller (/seller)": [DESKTOP, "src/roles/seller/SellerHome.tsx"],
    "creator share link (/c/<token>)": [MOBILE, "src/roles/creator/offer/SharedOfferPage.tsx"],
    "creator home (/creator)": [MOBILE, "src/roles/creator/CreatorHome.tsx"],
    "operator (/operator)": [DESKTOP, "src/roles/operator/OperatorHome.tsx"],
}


@dataclass
class Size:
    raw: int = 0
    gzip: int = 0
    brotli: int = 0

    def add(self, other: Size) -> None:
        self.raw += other.raw
        self.gzip += other.gzip
        self.brotli += other.brotli


def file_size(dist: Path, name: str) -> Size:
    data = (dist / name).read_bytes()
    br = dist / f"{name}.br"
    return Size(len(data), len(gzip.compress(data, 9)), br.stat().st_size if br.exists() else 0)


def closure(manifest: dict[str, dict], keys: list[str]) -> list[str]:
    """The chunk keys loaded with `keys`: themselves and their static imports, transitively."""
    seen: list[str] = []
    todo = list(keys)
    while todo:
        key = todo.pop()
        if key in seen:
            continue
        seen.append(key)
        todo.extend(manifest[key].get("imports", []))
    return seen


def catalogue_size(dist: Path, files: list[str]) -> Size:
    """The words a page downloads: its chunks' message namespaces plus the core, in the language where they
    weigh most (only the language in use is loaded; dist/.vite/i18n.json from web/vite-precompile-messages.ts)."""
    info = json.loads((dist / ".vite" / "i18n.json").read_text())
    namespaces = {"core"} | {ns for file in files for ns in info["chunks"].get(file, [])}
    sizes = []
    for code, parts in info["catalogues"].items():
        size = Size()
        for ns in sorted(namespaces & set(parts)):
            size.add(file_size(dist, parts[ns]))
        # A part with plurals, selects or numbers loads the ICU formatter (intl-messageformat) with it.
        if namespaces & set(info["complex"].get(code, [])) and info["formatter"] not in files:
            size.add(file_size(dist, info["formatter"]))
        sizes.append(size)
    return max(sizes, key=lambda s: s.gzip)


def measure(dist: Path) -> list[tuple[str, Size, int, Size]]:
    manifest = json.loads((dist / ".vite" / "manifest.json").read_text())
    entry = next(key for key, chunk in manifest.items() if chunk.get("isEntry"))
    rows = []
    for label, sources in FIRST_PAGES.items():
        for source in sources:
            if source not in manifest:
                raise SystemExit(f"{source} is not a chunk of its own in the build: is it loaded lazily?")
        keys = closure(manifest, [entry, *sources])
        total = Size()
        for key in keys:
            total.add(file_size(dist, manifest[key]["file"]))
        total.add(catalogue_size(dist, [manifest[key]["file"] for key in keys]))
        later_keys = {
            dynamic
            for key in closure(manifest, sources)
            for dynamic in manifest[key].get("dynamicImports", [])
        } - set(keys)
        later = Size()
        for key in closure(manifest, sorted(later_keys)):
            if key not in keys:
                later.add(file_size(dist, manifest[key]["file"]))
        rows.append((label, total, len(keys), later))
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", action="store_true", help="run `npm run build` in web/ first")
    parser.add_argument("--dist", type=Path, default=ROOT / "web" / "dist")
    parser.add_argument(
        "--budget-kb", type=float, default=200.0, help="gzip JavaScript budget per first page"
    )
    args = parser.parse_args(argv)
    if args.build:
        subprocess.run(["npm", "run", "build"], cwd=ROOT / "web", check=True, stdout=subprocess.DEVNULL)
    rows = measure(args.dist)
    print(
        f"{'first page':34} {'chunks':>6} {'raw kB':>8} {'gzip kB':>8} {'brotli kB':>9}   {'on demand (gzip kB)':>20}"
    )
    over = []
    for label, size, chunks, later in rows:
        flag = "" if size.gzip / 1000 < args.budget_kb else f"  OVER {args.budget_kb:.0f} kB"
        print(
            f"{label:34} {chunks:6d} {size.raw / 1000:8.1f} {size.gzip / 1000:8.1f} {size.brotli / 1000:9.1f}"
            f"   {later.gzip / 1000:20.1f}{flag}"
        )
        if flag:
            over.append(label)
    print(json.dumps({label: round(size.gzip / 1000, 1) for label, size, _, _ in rows}))
    if over:
        sys.exit(1)


if __name__ == "__main__":
    main()
