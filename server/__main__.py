"""Command line: python -m server {run,serve,migrate,demo,export-schema}."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from pathlib import Path

from server.settings import ROOT, Settings, get_settings


def _migrate() -> None:
    from server.migrate import upgrade_head

    upgrade_head(get_settings().database_url)


def _demo() -> str:
    from server.demo.summary import describe
    from server.demo.world import load_demo_world
    from server.runtime import Runtime

    async def load() -> str:
        rt = Runtime.build(get_settings())
        await rt.start()
        try:
            return describe(await load_demo_world(rt))
        finally:
            await rt.stop()

    return asyncio.run(load())


def _banner(host: str, port: int, demo: str) -> str:
    settings = get_settings()
    database = "SQLite (embedded)" if settings.is_sqlite else "PostgreSQL"
    broker = "Redis" if settings.redis_url else "in-process"
    url = settings.public_url or f"http://{host}:{port}"
    return "\n".join(
        [
            "",
            f"  Matchup is running at {url.rstrip('/')}/",
            f"  database: {database}   events: {broker}   env: {settings.env}",
            "",
            demo,
            "",
        ]
    )


def _serve(host: str, port: int, workers: int, banner: str | None) -> None:
    import uvicorn

    if banner:
        print(banner, flush=True)
    if workers > 1:
        _share_metrics_between_workers()
    uvicorn.run(
        "server.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        access_log=False,
        ws="websockets-sansio",
    )


def _share_metrics_between_workers() -> None:
    """Prometheus multiprocess mode: the workers (spawned after this) write their metrics under one directory,
    emptied at start (server/observability/metrics.py). PROMETHEUS_MULTIPROC_DIR, when set, is used as is."""
    import shutil
    import tempfile

    path = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if path:
        for child in Path(path).glob("*.db"):
            child.unlink()
    else:
        path = tempfile.mkdtemp(prefix="matchup-metrics-")
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = path
        import atexit

        atexit.register(shutil.rmtree, path, True)


def simulator_wanted(no_simulator: bool, settings: Settings) -> bool:
    """`run` starts the order simulator unless --no-simulator or MATCHUP_SIMULATOR=off."""
    return not no_simulator and settings.simulator == "on"


def _start_simulator(host: str, port: int) -> None:
    """The demo's order simulator, in a thread of this process, POSTing to the server it is about to start."""
    from server.simulator import start_in_thread

    local = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    start_in_thread(get_settings(), f"http://{local}:{port}")


def _export_schema(output: Path) -> None:
    from server.schema.build import build_schema

    output.write_text(build_schema(get_settings()).as_str() + "\n")
    print(f"wrote {output}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m server")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (("run", "migrate, load the demo world and serve"), ("serve", "serve only")):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("--host", default=None)
        p.add_argument("--port", type=int, default=None)
        p.add_argument("--workers", type=int, default=1)
        p.add_argument(
            "--no-simulator",
            action="store_true",
            help="run: do not start the demo's order simulator (also MATCHUP_SIMULATOR=off)",
        )
    sub.add_parser("migrate", help="upgrade the database to the latest schema")
    sub.add_parser("demo", help="load the demo world (idempotent)")
    p = sub.add_parser("export-schema", help="write schema.graphql")
    p.add_argument("--output", type=Path, default=ROOT / "schema.graphql")
    args = parser.parse_args(argv)
    settings = get_settings()
    if args.command == "migrate":
        _migrate()
    elif args.command == "demo":
        print(_demo())
    elif args.command == "export-schema":
        _export_schema(args.output)
    else:
        host, port = args.host or settings.host, args.port or settings.port
        # The app reads its settings in the server process: share links and the banner must name this address.
        os.environ["MATCHUP_HOST"], os.environ["MATCHUP_PORT"] = host, str(port)
        get_settings.cache_clear()
        banner = None
        if args.command == "run":
            _migrate()
            banner = _banner(host, port, _demo())
            if simulator_wanted(args.no_simulator, get_settings()):
                _start_simulator(host, port)
                banner += "  Order simulator: on (signed orders every few seconds; --no-simulator or MATCHUP_SIMULATOR=off)\n"
        _serve(host, port, args.workers, banner)


if __name__ == "__main__":
    sys.exit(main())
