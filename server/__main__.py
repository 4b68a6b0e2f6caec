"""Command line: python -m server {run,serve,migrate,demo,export-schema}."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from pathlib import Path

from server.settings import ROOT, get_settings


def _migrate() -> None:
    from server.migrate import upgrade_head

    upgrade_head(get_settings().database_url)


def _demo() -> None:
    from server.demo.world import load_demo_world
    from server.runtime import Runtime

    async def load() -> object:
        rt = Runtime.build(get_settings())
        await rt.start()
        try:
            return await load_demo_world(rt)
        finally:
            await rt.stop()

    summary = asyncio.run(load())
    print(summary)


def _banner() -> str:
    from server.demo.world import DEMO_LOGINS, DEMO_PASSWORD

    settings = get_settings()
    mode = "PostgreSQL" if not settings.is_sqlite else "SQLite (embedded)"
    broker = "Redis" if settings.redis_url else "in-process"
    lines = [
        "",
        f"  Matchup is running at {settings.base_url}/",
        f"  database: {mode}   events: {broker}   env: {settings.env}",
        "",
        f"  Demo logins (password {DEMO_PASSWORD}):",
        *(f"    {role:<9} {email}" for email, role in DEMO_LOGINS),
        "",
    ]
    return "\n".join(lines)


def _serve(host: str, port: int, workers: int, banner: bool) -> None:
    import uvicorn

    os.environ["MATCHUP_HOST"] = host
    os.environ["MATCHUP_PORT"] = str(port)
    get_settings.cache_clear()
    if banner:
        print(_banner(), flush=True)
    uvicorn.run(
        "server.app:create_app", factory=True, host=host, port=port, workers=workers,
        log_level="warning", access_log=False, ws="websockets-sansio",
    )


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
        p.add_argument("--no-simulator", action="store_true",
                       help="do not start the order simulator (it arrives with order ingestion; nothing to stop yet)")
    sub.add_parser("migrate", help="upgrade the database to the latest schema")
    sub.add_parser("demo", help="load the demo world (idempotent)")
    p = sub.add_parser("export-schema", help="write schema.graphql")
    p.add_argument("--output", type=Path, default=ROOT / "schema.graphql")
    args = parser.parse_args(argv)
    settings = get_settings()
    if args.command == "migrate":
        _migrate()
    elif args.command == "demo":
        _demo()
    elif args.command == "export-schema":
        _export_schema(args.output)
    else:
        if args.command == "run":
            _migrate()
            _demo()
        _serve(args.host or settings.host, args.port or settings.port, args.workers, banner=args.command == "run")


if __name__ == "__main__":
    sys.exit(main())
