"""One live event to many websocket subscribers: Matchup's GraphQL subscription next to a minimal fan-out.

    python bench/fanout.py [--subscribers 10000] [--per-socket 50] [--rounds 5] [--quick]

Creates a throwaway PostgreSQL database (MATCHUP_BENCH_DATABASE_URL, or MATCHUP_TEST_DATABASE_URL, or the local
test server), seeds two agencies, two shops and one registration, and starts, on ports 18351 and 18361
(`--matchup-port`, `--minimal-port`), with the
same Redis (MATCHUP_BENCH_REDIS_URL / MATCHUP_TEST_REDIS_URL / redis://127.0.0.1:6379/0):

- Matchup (`python -m server serve`, uvicorn, PostgreSQL + Redis);
- the minimal fan-out of bench/fanout_minimal.py: plain Starlette websockets on the same uvicorn and the same
  Redis pub/sub, no GraphQL, no database.

A client in another process opens `subscribers / per-socket` websockets to each (graphql-transport-ws with the
agency's token, `per-socket` subscriptions each, as the web app multiplexes its live screens on one socket) and
subscribes every one of them to `registrationStatusChanged` (Matchup; the document the web app sends) or to one
channel (minimal). Then, alternating rounds, it publishes one thin event on the broker — exactly what the
registration service publishes after commit — and times, from the publish, the arrival of the event on every
subscription: delivered count, p50, p99 and max; medians over the rounds with their spread, and the ratio.

It runs the scenario twice: `subscribers` on one server process, and twice as many across two workers
(`--workers 2`, for both sides). The process file-descriptor limit is raised to its hard limit. The client's
own receive time is included on both sides alike; it reads with bench/ws_counter.py, which counts `next` frames
without decoding them, so that the client process is not the floor of the measure.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import secrets
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.unlimited import RATE_LIMITS_LIFTED  # noqa: E402

DEFAULT_DB = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
MATCHUP_PORT, MINIMAL_PORT = 18351, 18361
SUBSCRIPTION = (ROOT / "web/src/graphql/registrations/RegistrationStatusChanged.graphql").read_text()


def raise_fd_limit() -> int:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


# --- seeding (parent process) ---------------------------------------------------------------------------------------


async def seed(database_url: str, secret: str) -> dict[str, Any]:
    import httpx

    from server.app import create_app
    from server.clock import Clock
    from server.migrate import upgrade_head
    from server.runtime import Runtime
    from server.settings import Settings
    from tests.api.registrations.helpers import make_campaign, register_one
    from tests.plugins.api import Api, build_world, login_token

    await asyncio.to_thread(upgrade_head, database_url)
    settings = Settings(
        _env_file=None,
        env="test",
        database_url=database_url,
        secret_key=secret,
        redis_url=None,
        sweep_interval_seconds=0,
        log_level="WARNING",
    )
    rt = Runtime.build(settings, clock=Clock())
    await rt.start()
    try:
        world = await build_world(rt)
        app = create_app(settings, runtime=rt)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench") as http:
            campaign = await make_campaign(rt, world)
            seller = Api(http, await login_token(http, world["seller_a"].email))
            registration = await register_one(seller, campaign, world.products["seller_a"][0])
            token = await login_token(http, world["agency_a"].email)
        return {
            "token": token,
            "agency": world["agency_a"].organisation_id,
            "campaign": campaign,
            "registration": registration,
        }
    finally:
        await rt.stop()


def start(cmd: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    handle = open(log, "w")  # noqa: SIM115
    return subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, **env}, stdout=handle, stderr=subprocess.STDOUT)


def wait_port(port: int, proc: subprocess.Popen[bytes], log: Path) -> None:
    import socket

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server on {port} exited: {log.read_text()[-2000:]}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                time.sleep(0.5)
                return
        time.sleep(0.2)
    raise TimeoutError(f"nothing listens on {port}")


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(15)
    except subprocess.TimeoutExpired:
        proc.kill()


# --- the client (its own process) -------------------------------------------------------------------------------


async def client_main(cfg: dict[str, Any]) -> None:
    import redis.asyncio as aioredis

    from bench.ws_counter import connection_init, open_socket

    raise_fd_limit()
    n, per_socket = cfg["subscribers"], cfg["per_socket"]
    sockets = (n + per_socket - 1) // per_socket
    # Arrival times of deliveries, one entry per received chunk with how many deliveries it held (bench/ws_counter.py:
    # frames are counted, not decoded, so the client's own reading time stays far below the servers').
    arrivals: dict[str, list[tuple[float, int]]] = {"matchup": [], "minimal": []}
    counts = {"matchup": 0, "minimal": 0}
    sample: dict[str, bytes] = {}
    conns = []

    def on_next(side: str):  # noqa: ANN202
        times = arrivals[side]

        def record(at: float, count: int, first: bytes | None) -> None:
            times.append((at, count))
            counts[side] += count
            if first is not None and side not in sample:
                sample[side] = first

        return record

    async def open_matchup(i: int) -> None:
        ws = await open_socket(
            "127.0.0.1", cfg["matchup_port"], "/graphql", "graphql-transport-ws", on_next("matchup")
        )
        ws.send_text(connection_init({"token": cfg["token"]}))
        await asyncio.wait_for(ws.acked, 60)
        count = min(per_socket, n - i * per_socket)
        for k in range(count):
            ws.send_text(
                json.dumps({"id": f"{i}-{k}", "type": "subscribe", "payload": {"query": SUBSCRIPTION}})
            )
        conns.append(ws)

    async def open_minimal(i: int) -> None:
        ws = await open_socket("127.0.0.1", cfg["minimal_port"], "/ws", None, on_next("minimal"))
        count = min(per_socket, n - i * per_socket)
        for k in range(count):
            ws.send_text(
                json.dumps({"id": f"{i}-{k}", "type": "subscribe", "channel": cfg["minimal_channel"]})
            )
        conns.append(ws)

    for opener in (open_matchup, open_minimal):
        for start_at in range(0, sockets, 50):  # connect in batches
            await asyncio.gather(*(opener(i) for i in range(start_at, min(sockets, start_at + 50))))

    redis = aioredis.Redis.from_url(cfg["redis_url"])
    channels = {"matchup": cfg["matchup_channel"], "minimal": cfg["minimal_channel"]}
    event = json.dumps(cfg["event"], separators=(",", ":"))

    async def one(side: str, timeout: float) -> dict[str, Any]:
        times = arrivals[side]
        times.clear()
        counts[side] = 0
        t0 = time.perf_counter()
        await redis.publish(channels[side], event)
        deadline = t0 + timeout
        while counts[side] < n and time.perf_counter() < deadline:
            await asyncio.sleep(0.005)
        await asyncio.sleep(0.2)  # late or duplicate arrivals count too
        lat = sorted(t - t0 for t, count in times for _ in range(count))
        return {
            "delivered": len(lat),
            "p50": _pct(lat, 50),
            "p99": _pct(lat, 99),
            "max": lat[-1] if lat else None,
        }

    # Warm-up: until every subscription of each side has received an event (all subscribed everywhere).
    for side in ("matchup", "minimal"):
        for _ in range(30):
            if (await one(side, 5))["delivered"] >= n:
                break
            await asyncio.sleep(1)
    print(json.dumps({"sample": {k: json.loads(v) for k, v in sample.items()}}), flush=True)
    for r in range(cfg["rounds"]):
        order = ("matchup", "minimal") if r % 2 == 0 else ("minimal", "matchup")
        for side in order:
            result = await one(side, 30)
            print(json.dumps({"round": r, "side": side, **result}), flush=True)
            await asyncio.sleep(0.5)
    for ws in conns:
        ws.close()
    await redis.aclose()


def _pct(values: list[float], p: int) -> float | None:
    if not values:
        return None
    return values[min(len(values) - 1, max(0, round(p / 100 * len(values)) - 1))]


# --- the run --------------------------------------------------------------------------------------------------------


def scenario(
    cfg: dict[str, Any], *, workers: int, database_url: str, secret: str, logs: Path
) -> dict[str, Any]:
    env = {
        "MATCHUP_ENV": "test",
        "MATCHUP_DATABASE_URL": database_url,
        "MATCHUP_REDIS_URL": cfg["redis_url"],
        "MATCHUP_SECRET_KEY": secret,
        "MATCHUP_SWEEP_INTERVAL_SECONDS": "0",
        "MATCHUP_LOG_LEVEL": "WARNING",
        **RATE_LIMITS_LIFTED,
    }
    servers = [
        (
            start(
                [
                    sys.executable,
                    "-m",
                    "server",
                    "serve",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(cfg["matchup_port"]),
                    "--workers",
                    str(workers),
                ],
                env,
                logs / "matchup.log",
            ),
            cfg["matchup_port"],
            logs / "matchup.log",
        ),
        (
            start(
                [
                    sys.executable,
                    "-m",
                    "uvicorn",
                    "--factory",
                    "bench.fanout_minimal:create_app",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(cfg["minimal_port"]),
                    "--workers",
                    str(workers),
                    "--ws",
                    "websockets-sansio",
                    "--log-level",
                    "warning",
                    "--no-access-log",
                ],
                env,
                logs / "minimal.log",
            ),
            cfg["minimal_port"],
            logs / "minimal.log",
        ),
    ]
    try:
        for proc, port, log in servers:
            wait_port(port, proc, log)
        client = subprocess.run(
            [sys.executable, __file__, "--client", json.dumps(cfg)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=1800,
        )
        if client.returncode != 0:
            raise RuntimeError(f"client failed: {client.stderr[-3000:]}")
        lines = [json.loads(line) for line in client.stdout.splitlines() if line.startswith("{")]
    finally:
        for proc, _, _ in servers:
            stop(proc)
    sample = next((line["sample"] for line in lines if "sample" in line), {})
    data = sample.get("matchup", {}).get("payload", {})
    assert data.get("data", {}).get("registrationStatusChanged"), f"Matchup sent no payload: {sample}"
    rounds = [line for line in lines if "round" in line]
    return {"workers": workers, "subscribers": cfg["subscribers"], "rounds": rounds}


def summarise(result: dict[str, Any], per_socket: int) -> list[str]:
    n = result["subscribers"]
    out = [
        f"{n} subscriptions on {(n + per_socket - 1) // per_socket} sockets ({per_socket} each), "
        f"{result['workers']} worker(s) per server, {len(result['rounds']) // 2} rounds alternating"
    ]
    stats = {}
    for side in ("matchup", "minimal"):
        rs = [r for r in result["rounds"] if r["side"] == side]
        delivered = [r["delivered"] for r in rs]
        p50s = [r["p50"] for r in rs if r["p50"] is not None]
        p99s = [r["p99"] for r in rs if r["p99"] is not None]
        stats[side] = (statistics.median(p50s), statistics.median(p99s))
        out.append(
            f"  {side:8} delivered {min(delivered)}–{max(delivered)} of {n} | p50 median {_ms(stats[side][0])} "
            f"(spread {_ms(min(p50s))}–{_ms(max(p50s))}) | p99 median {_ms(stats[side][1])} "
            f"(spread {_ms(min(p99s))}–{_ms(max(p99s))}) | max {_ms(max(r['max'] for r in rs))}"
        )
    out.append(
        f"  ratio Matchup / minimal: p50 {stats['matchup'][0] / stats['minimal'][0]:.2f}x, "
        f"p99 {stats['matchup'][1] / stats['minimal'][1]:.2f}x"
    )
    return out


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


async def prepare(database_server: str, secret: str) -> tuple[str, str, dict[str, Any]]:
    from sqlalchemy.engine import make_url

    from bench.ingest_common import admin  # client processes import this module: kept light

    name = f"matchup_fanout_{secrets.token_hex(5)}"
    await admin(database_server, f'CREATE DATABASE "{name}"')
    url = (
        make_url(database_server)
        .set(drivername="postgresql+asyncpg", database=name)
        .render_as_string(hide_password=False)
    )
    return name, url, await seed(url, secret)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--per-socket", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="1,000 subscribers, 3 rounds")
    parser.add_argument("--single-only", action="store_true", help="skip the two-worker scenario")
    parser.add_argument("--matchup-port", type=int, default=MATCHUP_PORT)
    parser.add_argument("--minimal-port", type=int, default=MINIMAL_PORT)
    parser.add_argument("--client", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.client:
        try:
            import uvloop

            uvloop.install()
        except ImportError:
            pass
        asyncio.run(client_main(json.loads(args.client)))
        return
    if args.quick:
        args.subscribers, args.rounds = 1000, 3
    print(f"file descriptors: {raise_fd_limit()}", flush=True)
    database_server = (
        os.environ.get("MATCHUP_BENCH_DATABASE_URL")
        or os.environ.get("MATCHUP_TEST_DATABASE_URL")
        or DEFAULT_DB
    )
    redis_url = (
        os.environ.get("MATCHUP_BENCH_REDIS_URL")
        or os.environ.get("MATCHUP_TEST_REDIS_URL")
        or "redis://127.0.0.1:6379/0"
    )
    secret = secrets.token_hex(24)
    name, url, seeded = asyncio.run(prepare(database_server, secret))
    logs = ROOT / "var" / "bench-fanout"
    logs.mkdir(parents=True, exist_ok=True)
    try:
        from server.events import channels

        base = {
            "per_socket": args.per_socket,
            "rounds": args.rounds,
            "token": seeded["token"],
            "redis_url": redis_url,
            "matchup_port": args.matchup_port,
            "minimal_port": args.minimal_port,
            "matchup_channel": channels.registrations_of_agency(seeded["agency"]),
            "minimal_channel": f"bench:minimal:{secrets.token_hex(4)}",
            "event": {
                "id": seeded["registration"],
                "campaignId": seeded["campaign"],
                "from": None,
                "to": "PENDING",
                "at": "2026-01-01T00:00:00+00:00",
            },
        }
        plans = [(args.subscribers, 1)] + ([] if args.single_only else [(args.subscribers * 2, 2)])
        for subscribers, workers in plans:
            result = scenario(
                {**base, "subscribers": subscribers},
                workers=workers,
                database_url=url,
                secret=secret,
                logs=logs,
            )
            print("\n".join(summarise(result, args.per_socket)), flush=True)
    finally:
        from bench.ingest_common import admin  # client processes import this module: kept light

        asyncio.run(admin(database_server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


if __name__ == "__main__":
    main()
