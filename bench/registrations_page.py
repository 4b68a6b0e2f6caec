"""A campaign's registrations page over HTTP: Matchup against a plain endpoint returning the same bytes.

    python bench/registrations_page.py [--registrations 300] [--duration 10] [--rounds 3] [--port 18310]
                                       [--baseline /path/to/other/checkout] [--keep]

Creates a throwaway PostgreSQL database on MATCHUP_BENCH_DATABASE_URL (or MATCHUP_TEST_DATABASE_URL, or the local
test server), migrates it and seeds one agency's campaign with `--registrations` registrations (every column the
page shows filled in, a third bookmarked) of 20 shops' products, then VACUUM ANALYZEs it (as autovacuum would). Then it starts two server processes, one worker
each:

1. Matchup (`python -m server serve`, PostgreSQL, in-process broker, no simulator);
2. bench/plain_registrations.py (Starlette + asyncpg + orjson, uvicorn).

and checks that both answer byte-identical JSON to the web app's own CampaignRegistrations document (20 and 100
rows, the agency's bearer token). `wrk` (Debian package `wrk`) POSTs that body with a Lua script, alternately to
one server and the other (Matchup first on even rounds, the plain endpoint first on odd ones), for each of
{20 rows, 100 rows, `{ __typename }`} × {c=1, c=16}. It prints req/s medians, min–max spread and the ratio,
after one unmeasured warm-up run per server and body (PostgreSQL plans a prepared statement anew for its first
executions on each pooled connection, then settles on a plan), then the CPU each request cost the server process
and PostgreSQL (read from /proc around each run: the servers
not under load are idle, so PostgreSQL's growth is the loaded server's).
With `--baseline DIR`, a third server runs Matchup from another checkout (e.g. the main branch, with its own
.venv) on the same database, measured in the same alternation, to show what a change gained.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import orjson  # noqa: E402
from sqlalchemy import text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from bench.cpu_meter import process_seconds  # noqa: E402
from bench.ingest_common import admin, bench_agency, bench_server_url, bench_settings  # noqa: E402
from bench.unlimited import server_env  # noqa: E402
from server import models  # noqa: E402
from server.clock import Clock  # noqa: E402
from server.ids import encode_id  # noqa: E402
from server.migrate import upgrade_head  # noqa: E402
from server.models.enums import RegistrationStatus, RejectReason, SellerType  # noqa: E402
from server.runtime import Runtime  # noqa: E402
from server.services import catalogue, onboarding  # noqa: E402
from server.services.unit_of_work import UnitOfWork  # noqa: E402
from tests.performance.world import campaign_row  # noqa: E402
from tests.plugins.servers import server_process  # noqa: E402
from tests.web_documents import document_text  # noqa: E402

PAGE = document_text(ROOT / "web/src/graphql/agency/CampaignRegistrations.graphql")
TYPENAME = "{ __typename }"
PASSWORD = "bench password 0123"
SHOPS = 20
DEFAULT_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
STATUSES = [
    RegistrationStatus.PENDING,
    RegistrationStatus.APPROVED,
    RegistrationStatus.REJECTED,
    RegistrationStatus.PENDING_CLOSED,
]

LUA = """wrk.method = "POST"
wrk.body = io.open("%(body)s"):read("*a")
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer %(token)s"
"""


async def seed(url: str, n: int) -> tuple[int, str]:
    """(campaign id, agency email): the agency, 20 shops with a product each per registration, the registrations."""
    rt = Runtime.build(bench_settings(url), clock=Clock())
    now = rt.clock.now()
    email = "bench@agency.test"
    try:
        async with UnitOfWork(rt) as uow:
            agency = await bench_agency(uow, email, PASSWORD)
            shops = [
                (
                    await onboarding.create_shop(
                        uow,
                        name=f"Bench Shop {i}",
                        shop_code=f"THBENCH{i:03d}",
                        market="TH",
                        seller_type=SellerType.LOCAL,
                        contact_email=f"shop{i}@bench.test",
                        rating=40 + i % 10,
                    )
                ).id
                for i in range(SHOPS)
            ]
            campaign = campaign_row(agency.id, "Bench campaign", now)
            uow.session.add(campaign)
            await uow.session.flush()
            for i in range(n):
                shop = shops[i % SHOPS]
                product = await catalogue.create_product(
                    uow,
                    shop_id=shop,
                    title=f"Bench serum {i}",
                    category="Beauty & Personal Care",
                    description="A serum.",
                    image_url=f"https://img.test/bench/{i}.jpg",
                    skus=[
                        catalogue.SkuSpec(
                            seller_sku=f"B{i}-{j}",
                            name=f"{30 + j} ml",
                            price_minor=19900 + 100 * j + i,
                            stock=5 + j,
                        )
                        for j in range(2)
                    ],
                )
                status = STATUSES[i % len(STATUSES)]
                registration = models.Registration(
                    campaign_id=campaign.id,
                    product_id=product.id,
                    shop_id=shop,
                    status=status,
                    total_rate_bps=1000 + 10 * (i % 500),  # inside the allowed range for any n
                    sample_quota=i % 5,
                    shop_ads_rate_bps=500 + i % 7,
                    contact_email=f"shop{i % SHOPS}@bench.test",
                    contact_whatsapp="+66 81 234 5678",
                    reject_reason=RejectReason.COMMISSION_TOO_LOW
                    if status is RegistrationStatus.REJECTED
                    else None,
                    reject_note="Too low for this campaign"
                    if status is RegistrationStatus.REJECTED
                    else None,
                    registered_at=now - timedelta(days=5, minutes=i),
                    decided_at=None
                    if status is RegistrationStatus.PENDING
                    else now - timedelta(days=4, minutes=i),
                    cancellation_requested_at=now - timedelta(days=1)
                    if status is RegistrationStatus.PENDING_CLOSED
                    else None,
                )
                uow.session.add(registration)
                await uow.session.flush()
                if i % 3 == 0:
                    uow.session.add(
                        models.Bookmark(agency_id=agency.id, registration_id=registration.id, created_at=now)
                    )
            campaign_id = campaign.id
        # What autovacuum would have done a minute later on a live database, done now so that it does not run
        # during the measurements: the planner's statistics (without them it takes every table for a row or two
        # and joins the whole campaign before sorting out a page) and the visibility map.
        async with rt.engine.connect() as conn:
            await (await conn.execution_options(isolation_level="AUTOCOMMIT")).execute(text("VACUUM ANALYZE"))
        return campaign_id, email
    finally:
        await rt.stop()


def wrk(port: int, script: Path, connections: int, seconds: float) -> tuple[float, int]:
    out = subprocess.run(
        [
            "wrk",
            "-t1",
            f"-c{connections}",
            f"-d{seconds:g}s",
            "--timeout",
            "60s",
            "-s",
            str(script),
            f"http://127.0.0.1:{port}/graphql",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    if "Non-2xx" in out or "Socket errors" in out or rate == 0:
        raise RuntimeError(f"wrk saw errors:\n{out}")
    return rate, int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]


def _postgres_seconds() -> dict[int, float]:
    """CPU seconds (user + system) of every PostgreSQL process on this machine, by pid: while one server is loaded
    and the others idle, their growth is what its requests cost the database."""
    seconds: dict[int, float] = {}
    for comm in Path("/proc").glob("[0-9]*/comm"):
        try:
            is_postgres = comm.read_text().startswith("postgres")
        except OSError:
            continue
        spent = process_seconds(int(comm.parent.name)) if is_postgres else None
        if spent is not None:
            seconds[int(comm.parent.name)] = spent
    return seconds


def measured(
    pid: int, port: int, script: Path, connections: int, seconds: float
) -> tuple[float, float, float]:
    """(req/s, server CPU ms per request, PostgreSQL CPU ms per request) of one wrk run against one server."""
    server, database = process_seconds(pid), _postgres_seconds()
    rate, requests = wrk(port, script, connections, seconds)
    server = (process_seconds(pid) or 0.0) - (server or 0.0)
    # A process that started during the run counts from zero; one that ended is not seen after it.
    spent = sum(now - database.get(p, 0.0) for p, now in _postgres_seconds().items())
    return rate, 1000 * server / requests, 1000 * spent / requests


def run(
    server_url: str,
    *,
    registrations: int,
    duration: float,
    rounds: int,
    port: int,
    keep: bool,
    baseline: Path | None = None,
) -> str:
    if rounds and shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (apt-get install -y wrk)")
    name = f"matchup_bench_{secrets.token_hex(5)}"
    asyncio.run(admin(server_url, f'CREATE DATABASE "{name}"'))
    url = (
        make_url(server_url)
        .set(drivername="postgresql+asyncpg", database=name)
        .render_as_string(hide_password=False)
    )
    plain_dsn = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    try:
        upgrade_head(url)
        campaign_id, email = asyncio.run(seed(url, registrations))
        matchup_env = server_env(url)
        with contextlib.ExitStack() as stack:
            tmp = stack.enter_context(tempfile.TemporaryDirectory())
            pids = {"Matchup": stack.enter_context(server_process(matchup_env, port)).process.pid}
            pids["plain endpoint"] = stack.enter_context(
                server_process(
                    {"MATCHUP_PLAIN_DSN": plain_dsn},
                    port + 1,
                    argv=[
                        sys.executable,
                        "-m",
                        "uvicorn",
                        "bench.plain_registrations:app",
                        "--port",
                        "{port}",
                        "--log-level",
                        "warning",
                        "--no-access-log",
                    ],
                )
            ).process.pid
            targets = [("Matchup", port), ("plain endpoint", port + 1)]
            if baseline is not None:
                pids["baseline"] = stack.enter_context(
                    server_process(
                        matchup_env,
                        port + 2,
                        argv=[
                            "sh",
                            "-c",
                            f"cd {baseline} && exec .venv/bin/python -m server serve "
                            "--host 127.0.0.1 --port {port}",
                        ],
                    )
                ).process.pid
                targets.append(("baseline", port + 2))
            token = httpx.post(
                f"http://127.0.0.1:{port}/graphql",
                json={
                    "query": "mutation($i: LoginInput!) { login(input: $i) { token } }",
                    "variables": {"i": {"email": email, "password": PASSWORD}},
                },
            ).json()["data"]["login"]["token"]
            cases = []
            for rows in (20, 100):
                body = {
                    "query": PAGE,
                    "variables": {
                        "first": rows,
                        "filter": {"campaignId": encode_id("Campaign", campaign_id)},
                    },
                }
                cases.append((f"registrations, {rows} rows", body))
            cases.append(("{ __typename }", {"query": TYPENAME}))
            results = []
            for label, body in cases:
                script = Path(tmp) / f"{len(results)}.lua"
                (Path(tmp) / f"{len(results)}.json").write_text(json.dumps(body))
                script.write_text(LUA % {"body": Path(tmp) / f"{len(results)}.json", "token": token})
                _check_identical(port, body, token, label)
                if rounds:  # warm-up, not measured: every pooled connection prepares and plans its statements
                    for _side, target in targets:
                        wrk(target, script, 16, duration)
                for connections in (1, 16) if rounds else ():
                    runs: dict[str, list[tuple[float, float, float]]] = {side: [] for side, _ in targets}
                    for r in range(rounds):
                        for side, target in targets[r % len(targets) :] + targets[: r % len(targets)]:
                            runs[side].append(measured(pids[side], target, script, connections, duration))
                    results.append((label, connections, runs))
        return _report(results, registrations, duration, rounds)
    finally:
        if keep:
            print(f"kept database {name}")
        else:
            asyncio.run(admin(server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def _check_identical(port: int, body: dict[str, Any], token: str, label: str) -> None:
    headers = {"authorization": f"Bearer {token}"}
    answer = httpx.post(f"http://127.0.0.1:{port}/graphql", json=body, headers=headers).json()
    # Matchup also reports the request's cost and rate budget (extensions.cost, different on every request); the
    # plain endpoint computes none of that, so the data are compared, byte for byte as each server encodes them.
    assert "cost" in answer.pop("extensions", {}), "Matchup reports extensions.cost"
    ours = orjson.dumps(answer)
    theirs = httpx.post(f"http://127.0.0.1:{port + 1}/graphql", json=body, headers=headers).content
    if ours != theirs:
        raise SystemExit(
            f"{label}: the two servers disagree\nmatchup: {ours[:600]!r}\nplain:   {theirs[:600]!r}"
        )


def _report(
    results: list[tuple[str, int, dict[str, list[tuple[float, float, float]]]]],
    registrations: int,
    duration: float,
    rounds: int,
) -> str:
    names = list(results[0][2]) if results else ["Matchup", "plain endpoint"]
    lines = [
        f"{registrations} registrations; wrk -t1 -d{duration:g}s, {rounds} alternating rounds per row; req/s "
        "median (min–max)",
        "",
        f"{'case':<26} {'c':>3} "
        + " ".join(f"{name:>22}" for name in names)
        + f" {'ratio':>7}"
        + (f" {'gain':>6}" if "baseline" in names else ""),
    ]
    cpu = [
        "",
        "CPU per request, ms median: the server process / PostgreSQL (every backend on this machine)",
        "",
    ]
    cpu.append(f"{'case':<26} {'c':>3} " + " ".join(f"{name:>22}" for name in names))
    for label, connections, runs in results:
        rates = {name: [run[0] for run in values] for name, values in runs.items()}
        medians = {name: statistics.median(values) for name, values in rates.items()}
        cells = " ".join(
            f"{medians[name]:>8.1f} ({min(rates[name]):>6.1f}–{max(rates[name]):<6.1f})" for name in names
        )
        line = f"{label:<26} {connections:>3} {cells} {medians['plain endpoint'] / medians['Matchup']:>6.2f}x"
        if "baseline" in medians:
            line += f" {medians['Matchup'] / medians['baseline']:>5.2f}x"
        lines.append(line)
        spent = " ".join(
            f"{statistics.median(r[1] for r in runs[name]):>13.2f} / {statistics.median(r[2] for r in runs[name]):<6.2f}"
            for name in names
        )
        cpu.append(f"{label:<26} {connections:>3} {spent}")
    lines.append("")
    lines.append("ratio = plain req/s ÷ Matchup req/s (the goal: at most 2×, stretch 1.5×)")
    if "baseline" in names:
        lines.append("gain = Matchup req/s ÷ baseline req/s (the same requests to the --baseline checkout)")
    return "\n".join(lines + cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--registrations", type=int, default=300)
    parser.add_argument("--duration", type=float, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--port", type=int, default=18310, help="Matchup's port; the plain endpoint uses the next"
    )
    parser.add_argument("--baseline", type=Path, help="another checkout (with .venv) to measure side by side")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    server_url = bench_server_url(DEFAULT_URL)
    print(
        run(
            server_url,
            registrations=args.registrations,
            duration=args.duration,
            rounds=args.rounds,
            port=args.port,
            keep=args.keep,
            baseline=args.baseline,
        )
    )


if __name__ == "__main__":
    main()
