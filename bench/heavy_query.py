"""The issue's heavy query against a live server with the demo world: refused at once, and nobody else waits.

    python bench/heavy_query.py [--rounds 30] [--port N] [--database-url URL]

Starts `python -m server run --no-simulator` (migrate, demo world, serve) on a free port (or --port) with a
throwaway SQLite database (or --database-url), logs in as the demo seller, and then, in alternating rounds:

1. the trivial query `{ viewer { role } }` alone;
2. the heavy query `products(first:100) → shop → products(first:100) → shop → products(first:100)` alone;
3. three aliases of it in one request, alone;
4. the trivial query sent at the same moment as both heavy requests (three requests in flight at once);
5. the trivial query sent at the same moment as two other trivial ones (the same concurrency, nothing heavy).

It prints, for each, the median latency and the spread (10th–90th percentile, min–max), checks that every heavy
request was refused with QUERY_TOO_COSTLY and every trivial one answered, and prints the ratio of the trivial
query's median with the heavy ones in flight to its median alone, and to its median next to two trivial
queries: the second ratio is what the heavy queries add beyond any two concurrent requests (1.0: nothing).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
HEAVY = (
    "{ products(first: 100) { edges { node { shop { products(first: 100) { edges { node { shop {"
    " products(first: 100) { edges { node { id title } } } } } } } } } } } }"
)
HEAVY_ALIASES = "{ " + " ".join(f"h{i}: " + HEAVY[2:-2] for i in range(3)) + " }"
TRIVIAL = "{ viewer { role } }"
SELLER, PASSWORD = "seller@demo.test", "demo1234"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def _wait_ready(base: str, server: subprocess.Popen) -> None:
    async with httpx.AsyncClient(base_url=base) as http:
        for _ in range(1200):
            if server.poll() is not None:
                raise RuntimeError(f"the server exited with {server.returncode}")
            try:
                if (await http.get("/healthz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)
    raise RuntimeError("the server did not start")


async def _timed(http: httpx.AsyncClient, token: str, query: str) -> tuple[float, dict]:
    start = time.perf_counter()
    response = await http.post(
        "/graphql", json={"query": query}, headers={"Authorization": f"Bearer {token}"}
    )
    return (time.perf_counter() - start) * 1000, response.json()


def _check(body: dict, *, refused: bool) -> None:
    if refused:
        codes = [e["extensions"]["code"] for e in body.get("errors", [])]
        if codes != ["QUERY_TOO_COSTLY"]:
            raise RuntimeError(f"the heavy query was not refused: {str(body)[:300]}")
    elif body.get("data") != {"viewer": {"role": "SELLER"}}:
        raise RuntimeError(f"the trivial query failed: {str(body)[:300]}")


def _line(label: str, samples: list[float]) -> str:
    deciles = statistics.quantiles(samples, n=10)
    return (
        f"{label:<34} median {statistics.median(samples):7.2f} ms   p10–p90 {deciles[0]:6.2f}–{deciles[-1]:6.2f} ms"
        f"   min–max {min(samples):6.2f}–{max(samples):6.2f} ms"
    )


async def measure(base: str, rounds: int) -> str:
    async with (
        httpx.AsyncClient(base_url=base, timeout=60) as a,
        httpx.AsyncClient(base_url=base, timeout=60) as b,
        httpx.AsyncClient(base_url=base, timeout=60) as c,
    ):
        login = await a.post(
            "/graphql",
            json={
                "query": "mutation($i: LoginInput!) { login(input: $i) { token } }",
                "variables": {"i": {"email": SELLER, "password": PASSWORD}},
            },
        )
        token = login.json()["data"]["login"]["token"]
        alone, heavy, aliases, together, crowd = [], [], [], [], []
        cost = None
        for _ in range(3):  # warm-up: caches, connections
            await _timed(a, token, TRIVIAL)
            await _timed(b, token, HEAVY)
        for _ in range(rounds):
            ms, body = await _timed(a, token, TRIVIAL)
            _check(body, refused=False)
            alone.append(ms)
            ms, body = await _timed(b, token, HEAVY)
            _check(body, refused=True)
            cost = body["errors"][0]["extensions"]["cost"]
            heavy.append(ms)
            ms, body = await _timed(c, token, HEAVY_ALIASES)
            _check(body, refused=True)
            aliases.append(ms)
            (h_ms, h_body), (x_ms, x_body), (t_ms, t_body) = await asyncio.gather(
                _timed(b, token, HEAVY), _timed(c, token, HEAVY_ALIASES), _timed(a, token, TRIVIAL)
            )
            _check(h_body, refused=True)
            _check(x_body, refused=True)
            _check(t_body, refused=False)
            heavy.append(h_ms)
            aliases.append(x_ms)
            together.append(t_ms)
            *others, (t_ms, t_body) = await asyncio.gather(
                _timed(b, token, TRIVIAL), _timed(c, token, TRIVIAL), _timed(a, token, TRIVIAL)
            )
            for _, body in (*others, (t_ms, t_body)):
                _check(body, refused=False)
            crowd.append(t_ms)
    ratio = statistics.median(together) / statistics.median(alone)
    crowd_ratio = statistics.median(together) / statistics.median(crowd)
    return "\n".join(
        [
            f"rounds: {rounds}   heavy query cost: {cost} (seller limit 10000); every heavy request refused",
            _line("heavy query refused", heavy),
            _line("3 aliases of it refused", aliases),
            _line("trivial query alone", alone),
            _line("trivial, 2 heavy in flight", together),
            _line("trivial, 2 trivial in flight", crowd),
            f"{'ratio heavy in flight / alone':<34} {ratio:7.2f} x   (medians)",
            f"{'ratio heavy / trivial in flight':<34} {crowd_ratio:7.2f} x   (medians; 1.0 = heavy ones cost no more)",
        ]
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--port", type=int, default=None, help="default: a free port")
    parser.add_argument("--database-url", default=None, help="default: a throwaway SQLite file")
    args = parser.parse_args(argv)
    port = args.port or _free_port()
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "MATCHUP_DATABASE_URL": args.database_url or f"sqlite+aiosqlite:///{tmp}/bench.db",
            "MATCHUP_REDIS_URL": "",
            "MATCHUP_LOG_LEVEL": "WARNING",
            "MATCHUP_SIMULATOR": "off",
        }
        log = open(Path(tmp) / "server.log", "wb")  # noqa: SIM115 - closed below; a pipe nobody reads would fill up
        server = subprocess.Popen(
            [sys.executable, "-m", "server", "run", "--port", str(port), "--no-simulator"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            asyncio.run(_wait_ready(base, server))
            print(asyncio.run(measure(base, args.rounds)))
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
            log.close()


if __name__ == "__main__":
    main()
