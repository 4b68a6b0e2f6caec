"""The earnings forecast and the trust scorecards for a party with 100,000 order lines, side by side with a trivial
query, in one run.

    python bench/forecast.py [--lines 100000] [--rounds 15] [--keep]      (needs MATCHUP_TEST_DATABASE_URL: PostgreSQL)

A throwaway PostgreSQL database is filled by bench/dashboard_world.py's generator (one agency, one campaign,
1,000 products in 20 shops, 5,000 creators, `--lines` attributed lines with their ledger legs, by COPY; rollups
backfilled). The agency logs in through the app in process (httpx ASGI transport) and, alternately in rounds
(bench/dashboard_rollups.py `alternate`: order reversed every other round), sends:

- `earningsForecast` (the agency's: every line of the bench is its);
- the agency's own scorecard and a shop's scorecard (`node(id:)`, a shop with lines/20 attributed lines);
- `{ viewer { role } }`, the trivial query every request pays for.

It prints each side's median and spread and their ratio to the trivial query; the goal is under 100 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from bench.dashboard_rollups import alternate, spread  # noqa: E402
from bench.dashboard_world import generate, login, throwaway_runtime  # noqa: E402
from server.app import create_app  # noqa: E402
from server.ids import encode_id  # noqa: E402

FORECAST = """{ earningsForecast { currencies { currency openLines next30Days { likely { amount } low { amount }
  high { amount } } weeks { start band { likely { amount } } } payDates { date band { likely { amount } } } } } }"""
AGENCY_CARD = """{ viewer { agency { scorecard { reviewLatency { hours sampleSize } approvals { bps sampleSize }
  cancellationDecisions { hours sampleSize } tips { code } } } } }"""
SHOP_CARD = """query($id: ID!) { node(id: $id) { ... on Shop { scorecard { sampleShipping { hours sampleSize }
  cancellationRequests { bps sampleSize } refunds { bps sampleSize } } } } }"""
TRIVIAL = "{ viewer { role } }"


async def main(lines: int, rounds: int, keep: bool) -> None:
    url = os.environ.get("MATCHUP_TEST_DATABASE_URL")
    if not url:
        raise SystemExit("set MATCHUP_TEST_DATABASE_URL (PostgreSQL)")
    async with throwaway_runtime(url, keep=keep) as (db_url, rt):
        seeded = await generate(rt, db_url, products=1000, creators=5000, lines=lines)
        async with rt.sessionmaker() as session:
            from sqlalchemy import select

            from server import models

            shop_id = await session.scalar(
                select(models.Shop.organisation_id).order_by(models.Shop.organisation_id).limit(1)
            )
        app = create_app(rt.settings, runtime=rt)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench") as http:
            token = await login(http, seeded.agency_email)

            def ask(query: str, variables: dict | None = None):  # noqa: ANN202
                async def send() -> None:
                    body = (
                        await http.post(
                            "/graphql",
                            json={"query": query, "variables": variables or {}},
                            headers={"Authorization": f"Bearer {token}"},
                        )
                    ).json()
                    if "errors" in body:
                        raise RuntimeError(body["errors"])

                return send

            timings = await alternate(
                {
                    "trivial": ask(TRIVIAL),
                    "forecast": ask(FORECAST),
                    "agency scorecard": ask(AGENCY_CARD),
                    "shop scorecard": ask(SHOP_CARD, {"id": encode_id("Shop", shop_id)}),
                },
                rounds,
            )
    base = statistics.median(timings["trivial"])
    print(
        f"party with {lines:,} lines ({seeded.rows.get('order_lines', lines):,} order lines in the database)"
    )
    for name, values in timings.items():
        print(f"{name:>17}: {spread(values)}   × {statistics.median(values) / base:6.1f} the trivial query")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument(
        "--keep", action="store_true", help="keep the database (to profile it); drop it yourself"
    )
    args = parser.parse_args()
    asyncio.run(main(args.lines, args.rounds, args.keep))
