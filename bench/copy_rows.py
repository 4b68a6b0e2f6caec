"""COPY for the benches' generators: rows in with asyncpg's binary COPY, ids assigned by the caller."""

from __future__ import annotations

from collections.abc import Iterator

import asyncpg


async def next_id(conn: asyncpg.Connection, table: str) -> int:
    return int(await conn.fetchval(f"SELECT coalesce(max(id), 0) + 1 FROM {table}"))


async def copy_rows(
    conn: asyncpg.Connection, table: str, columns: list[str], records: Iterator[tuple]
) -> int:
    count = 0

    def counted() -> Iterator[tuple]:
        nonlocal count
        for record in records:
            count += 1
            yield record

    await conn.copy_records_to_table(table, records=counted(), columns=columns)
    if "id" in columns:
        await conn.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
        )
    return count
