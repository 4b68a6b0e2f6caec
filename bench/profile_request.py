"""What one GraphQL request of bench/registrations_page.py costs in process, without HTTP load: interpreter work
(function calls per request under cProfile, deterministic) and CPU per request (`time.process_time`).

    python bench/profile_request.py [--rows 20] [--requests 200] [--mode calls|time|profile] [--typename | --query Q]
                                    [--database NAME] [--keep]

Seeds a throwaway PostgreSQL database as bench/registrations_page.py does (or reuses `--database NAME`, seeded
by an earlier `--keep` run), builds the app with `create_app` (the same settings as the benchmarked server: rate
limits lifted) and sends the web app's CampaignRegistrations document straight to the ASGI app (no socket, no
client library): 20 warm-up requests, then `--requests` measured ones. `calls` prints function calls per request;
`time` CPU ms per request; `profile` the cProfile table (top 40 by own time and by cumulative time); `sample`
a pyinstrument call tree (pyinstrument is not a dependency: install it where you run this).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import json
import os
import pstats
import secrets
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy.engine import make_url  # noqa: E402

from bench.ingest_common import admin, bench_server_url  # noqa: E402
from bench.registrations_page import PAGE, PASSWORD, TYPENAME, seed  # noqa: E402
from bench.unlimited import server_env  # noqa: E402
from server.ids import encode_id  # noqa: E402
from server.migrate import upgrade_head  # noqa: E402

DEFAULT_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"


class Lifespan:
    """Runs the app's lifespan (startup now, shutdown on `stop`) as a server would."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.inbox: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.outbox: asyncio.Queue[dict[str, Any]] = asyncio.Queue()

    async def start(self) -> None:
        self.task = asyncio.create_task(
            self.app({"type": "lifespan", "asgi": {"version": "3.0"}}, self.inbox.get, self.outbox.put)
        )
        await self.inbox.put({"type": "lifespan.startup"})
        message = await self.outbox.get()
        assert message["type"] == "lifespan.startup.complete", message

    async def stop(self) -> None:
        await self.inbox.put({"type": "lifespan.shutdown"})
        await self.outbox.get()
        await self.task


async def post(app: Any, body: bytes, token: str | None) -> tuple[int, bytes]:
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if token is not None:
        headers.append((b"authorization", f"Bearer {token}".encode()))
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/graphql",
        "raw_path": b"/graphql",
        "query_string": b"",
        "root_path": "",
        "headers": headers,
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 80),
    }
    sent = False
    status = 0
    chunks: list[bytes] = []

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        await asyncio.Event().wait()
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(scope, receive, send)
    return status, b"".join(chunks)


async def measure(url: str, args: argparse.Namespace, campaign_id: int, email: str) -> None:
    os.environ.update(server_env(url))
    from server.app import create_app
    from server.settings import Settings

    app = create_app(Settings())
    lifespan = Lifespan(app)
    await lifespan.start()
    try:
        login = {
            "query": "mutation($i: LoginInput!) { login(input: $i) { token } }",
            "variables": {"i": {"email": email, "password": PASSWORD}},
        }
        token = json.loads((await post(app, json.dumps(login).encode(), None))[1])["data"]["login"]["token"]
        if args.typename:
            body = {"query": TYPENAME}
        elif args.query:
            body = {"query": args.query, "variables": {"campaign": encode_id("Campaign", campaign_id)}}
        else:
            body = {
                "query": PAGE,
                "variables": {
                    "first": args.rows,
                    "filter": {"campaignId": encode_id("Campaign", campaign_id)},
                },
            }
        raw = json.dumps(body).encode()
        for _ in range(20):
            status, answer = await post(app, raw, token)
            assert status == 200 and b'"errors"' not in answer, answer[:500]
        if args.mode == "time":
            started = time.process_time()
            for _ in range(args.requests):
                await post(app, raw, token)
            spent = time.process_time() - started
            print(f"CPU per request: {1000 * spent / args.requests:.2f} ms ({args.requests} requests)")
            return
        if args.mode == "sample":
            from pyinstrument import Profiler  # not a dependency: pip install pyinstrument where you run this

            sampler = Profiler(interval=0.0002, async_mode="disabled")
            sampler.start()
            for _ in range(args.requests):
                await post(app, raw, token)
            sampler.stop()
            print(
                sampler.output_text(unicode=True, show_all=False, short_mode=False, time="percent_of_total")
            )
            return
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(args.requests):
            await post(app, raw, token)
        profile.disable()
        stats = pstats.Stats(profile)
        if args.dump:
            stats.dump_stats(args.dump)
        print(f"function calls per request: {stats.total_calls / args.requests:,.0f}")  # type: ignore[attr-defined]
        if args.mode == "profile":
            print(_by_package(stats, args.requests))
            for key in ("tottime", "cumulative"):
                out = io.StringIO()
                pstats.Stats(profile, stream=out).sort_stats(key).print_stats(args.top)
                print(out.getvalue())
    finally:
        await lifespan.stop()


def _by_package(stats: pstats.Stats, requests: int) -> str:
    """Own time (tottime) summed by package: where the interpreter spends a request, by library."""
    totals: dict[str, float] = {}
    for (filename, _line, _name), row in stats.stats.items():  # type: ignore[attr-defined]
        if "site-packages/" in filename:
            group = filename.split("site-packages/")[1].split("/")[0].removesuffix(".py")
        elif filename.startswith(str(ROOT)):
            group = "/".join(Path(filename).relative_to(ROOT).parts[:2])
        elif filename.startswith("~") or filename.startswith("<"):
            group = "builtins: " + _name if _name.startswith("<method 'poll'") else "builtins"
        else:
            group = "stdlib " + Path(filename).stem
        totals[group] = totals.get(group, 0.0) + row[2]
    total = sum(totals.values())
    lines = [f"own time by package (ms per request under the profiler; total {1000 * total / requests:.1f})"]
    for group, spent in sorted(totals.items(), key=lambda kv: -kv[1])[:25]:
        lines.append(f"  {1000 * spent / requests:8.2f}  {100 * spent / total:5.1f} %  {group}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--mode", choices=("calls", "time", "profile", "sample"), default="calls")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument(
        "--query", help="another document, as the agency (variable $campaign: the campaign's id)"
    )
    parser.add_argument("--dump", help="write the cProfile stats to this file (pstats format)")
    parser.add_argument("--typename", action="store_true", help="{ __typename } instead of the page")
    parser.add_argument("--registrations", type=int, default=300)
    parser.add_argument("--database", help="an existing database seeded by an earlier --keep run")
    parser.add_argument("--keep", action="store_true", help="keep the seeded database (its name is printed)")
    args = parser.parse_args()
    server_url = bench_server_url(DEFAULT_URL)
    name = args.database or f"matchup_bench_{secrets.token_hex(5)}"
    url = (
        make_url(server_url)
        .set(drivername="postgresql+asyncpg", database=name)
        .render_as_string(hide_password=False)
    )
    seeded = Path(f"/tmp/{name}.json")
    try:
        if args.database:
            campaign_id, email = json.loads(seeded.read_text())
        else:
            asyncio.run(admin(server_url, f'CREATE DATABASE "{name}"'))
            upgrade_head(url)
            campaign_id, email = asyncio.run(seed(url, args.registrations))
            seeded.write_text(json.dumps([campaign_id, email]))
        asyncio.run(measure(url, args, campaign_id, email))
    finally:
        if args.keep or args.database:
            print(f"database {name}")
        else:
            asyncio.run(admin(server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            seeded.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
