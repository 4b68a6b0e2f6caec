"""Run the Alembic migrations programmatically: `upgrade_head(url)` from code and tests,
`python -m server.migrate [--url URL]` from the command line (default: the configured database)."""

from __future__ import annotations

import argparse
import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent
MIGRATIONS = ROOT / "server" / "migrations"


def async_url(database_url: str) -> str:
    """The URL with the async driver the app uses (asyncpg, aiosqlite) when none is named."""
    scheme, sep, rest = database_url.partition("://")
    if not sep:
        raise ValueError(f"not a database URL: {database_url!r}")
    if scheme in ("postgres", "postgresql"):
        scheme = "postgresql+asyncpg"
    elif scheme == "sqlite":
        scheme = "sqlite+aiosqlite"
    return f"{scheme}://{rest}"


def alembic_config(database_url: str | None = None, *, configure_logging: bool = False) -> Config:
    """The project's Alembic config; `database_url` overrides the configured database."""
    config = Config(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(MIGRATIONS))
    if database_url is not None:
        config.attributes["database_url"] = async_url(database_url)
    # env.py applies alembic.ini's logging only when asked: fileConfig would reconfigure the host's loggers.
    config.attributes["configure_logging"] = configure_logging
    return config


def _ensure_sqlite_dir(database_url: str) -> None:
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)


def upgrade_head(database_url: str) -> None:
    """Migrate the database at `database_url` to the latest revision. Synchronous; safe to call from a
    thread that runs an event loop (env.py then runs in a worker thread with its own loop)."""
    _ensure_sqlite_dir(database_url)
    config = alembic_config(database_url)
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        command.upgrade(config, "head")
        return
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="migrate") as pool:
        pool.submit(command.upgrade, config, "head").result()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m server.migrate", description=__doc__)
    parser.add_argument("--url", help="database URL (default: MATCHUP_DATABASE_URL / server.settings)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-5.5s [%(name)s] %(message)s")
    if args.url is None:
        from server.settings import get_settings

        url = get_settings().database_url
    else:
        url = args.url
    upgrade_head(url)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
