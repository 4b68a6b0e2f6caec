"""Set-based preparation of a request's new orders, so ingestion's statement count does not grow with its size.

For every order a request creates, ingestion needs the same checks and lookups (the shop's products and
SKUs, the attribution snapshot of each line) and new primary keys (the order's and its lines', which its
events and ledger legs refer to before anything is written). `plan_creates` does all of that for the whole
batch with a fixed number of statements — one per kind of lookup, whatever the number of orders — and
`IdAllocator` hands out the keys: one `nextval` query per table on PostgreSQL; on SQLite, the table's
largest id once per transaction (ingestion holds SQLite's write lock from its first statement, so nobody
else can insert in between). `update_lines` writes the changes to lines stored by earlier requests in one
versioned UPDATE, and `insert_all` a request's new rows of one table in one statement (bulk_writes).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import Integer, Table, cast, column, func, inspect, select, text, update, values
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.exc import StaleDataError

from server import models
from server.authz.errors import InvalidId
from server.ids import decode_id
from server.models.enums import Currency
from server.money import decimal_string_to_minor
from server.services.bulk_writes import insert_rows
from server.services.catalogue import PRICE_MAX_MINOR
from server.services.errors import DomainError
from server.services.orders import attribution
from server.services.orders import payloads as p
from server.services.rollups.upkeep import touch as touch_rollups


@dataclass(slots=True)
class IdAllocator:
    """New primary keys for rows written later in the same transaction."""

    session: AsyncSession
    is_sqlite: bool
    _next: dict[str, int] = field(default_factory=dict[str, int])  # SQLite: the next free id per table

    async def take(self, table: Table, n: int) -> list[int]:
        if n <= 0:
            return []
        with self.session.no_autoflush:  # pending rows may refer to rows not inserted yet
            return await self._take(table, n)

    async def _take(self, table: Table, n: int) -> list[int]:
        if not self.is_sqlite:
            rows = await self.session.scalars(
                text("SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)"),
                {"table": table.name, "n": n},
            )
            return sorted(int(i) for i in rows)
        if table.name not in self._next:
            largest = await self.session.scalar(select(func.coalesce(func.max(table.c.id), 0)))
            self._next[table.name] = int(largest or 0) + 1
        first = self._next[table.name]
        self._next[table.name] = first + n
        return list(range(first, first + n))


@dataclass(frozen=True, slots=True)
class Shop:
    id: int
    currency: Currency


@dataclass(slots=True)
class PlannedLine:
    id: int
    product_id: int
    sku_id: int
    price_minor: int
    snapshot: attribution.Attribution


@dataclass(slots=True)
class PlannedOrder:
    """An OrderCreated that passed every check: the keys and values to write, nothing written yet."""

    order_id: int
    lines: list[PlannedLine]


@dataclass(slots=True)
class _Parsed:
    product_ids: list[int]
    prices: list[int]
    claims: list[attribution.Claim]


def _parse_lines(shop: Shop, event: p.OrderCreated, prefix: list[str | int]) -> _Parsed:
    """The checks that need no database: ids, currency, prices; the attribution each line claims."""
    parsed = _Parsed([], [], [])
    for i, line in enumerate(event.lines):
        path = [*prefix, "lines", i]
        try:
            product_id = decode_id(line.product_id, "Product")
        except InvalidId:
            raise DomainError(
                "INVALID_ID", "product_id is a Product's global id", [*path, "product_id"]
            ) from None
        if line.currency is not shop.currency:
            raise DomainError("CURRENCY_MISMATCH", f"This shop sells in {shop.currency}", [*path, "currency"])
        try:
            price = decimal_string_to_minor(line.unit_price, shop.currency)
        except ValueError as exc:
            raise DomainError("INVALID_AMOUNT", str(exc), [*path, "unit_price"]) from None
        if price > PRICE_MAX_MINOR:
            raise DomainError(
                "INVALID_AMOUNT", "The unit price is larger than any product's", [*path, "unit_price"]
            )
        entry_id = None
        claim = line.attribution
        if claim is not None and claim.showcase_entry_id is not None:
            try:
                entry_id = decode_id(claim.showcase_entry_id, "ShowcaseEntry")
            except InvalidId:
                raise DomainError(
                    "INVALID_ID",
                    "showcase_entry_id is a ShowcaseEntry's global id",
                    [*path, "attribution", "showcase_entry_id"],
                ) from None
        parsed.product_ids.append(product_id)
        parsed.prices.append(price)
        parsed.claims.append(
            attribution.Claim(
                product_id=product_id,
                showcase_entry_id=entry_id,
                share_link_token=None if claim is None else claim.share_link_token,
                creator_handle=None
                if claim is None or claim.creator is None
                else claim.creator.lstrip("@").lower(),
            )
        )
    return parsed


async def plan_creates(
    session: AsyncSession,
    ids: IdAllocator,
    candidates: Sequence[tuple[int, Shop, p.OrderCreated, list[str | int]]],
    *,
    claimed: set[tuple[int, str]],
) -> dict[int, PlannedOrder | DomainError]:
    """Per candidate key, in order: its plan, or the DomainError that refuses it (nothing is written).

    A candidate is an OrderCreated to apply when its turn comes. The first one that passes for an order
    not in `claimed` (shop id, platform order id) gets the plan; `claimed` is updated, so a later create of
    the same order is left out (it will be refused as ORDER_EXISTS when its turn comes).
    """
    with session.no_autoflush:  # pending rows may refer to orders not inserted yet
        out: dict[int, PlannedOrder | DomainError] = {}
        parsed: list[tuple[int, Shop, p.OrderCreated, list[str | int], _Parsed]] = []
        for key, shop, event, prefix in candidates:
            try:
                parsed.append((key, shop, event, prefix, _parse_lines(shop, event, prefix)))
            except DomainError as error:
                out[key] = error
        if not parsed:
            return out
        product_ids = {product_id for *_, lines in parsed for product_id in lines.product_ids}
        shop_of_product = {
            product_id: shop_id
            for product_id, shop_id in await session.execute(
                select(models.Product.id, models.Product.shop_id).where(models.Product.id.in_(product_ids))
            )
        }
        skus = {
            (product_id, seller_sku): sku_id
            for sku_id, product_id, seller_sku in await session.execute(
                select(models.Sku.id, models.Sku.product_id, models.Sku.seller_sku).where(
                    models.Sku.product_id.in_(product_ids),
                    models.Sku.seller_sku.in_(
                        {line.sku for _, _, event, _, _ in parsed for line in event.lines}
                    ),
                )
            )
        }
        valid: list[tuple[int, p.OrderCreated, _Parsed]] = []
        for key, shop, event, prefix, lines in parsed:
            try:
                for i, (line, product_id) in enumerate(zip(event.lines, lines.product_ids, strict=True)):
                    if shop_of_product.get(product_id) != shop.id:
                        raise DomainError(
                            "UNKNOWN_PRODUCT",
                            "This shop has no such product",
                            [*prefix, "lines", i, "product_id"],
                        )
                    if (product_id, line.sku) not in skus:
                        raise DomainError(
                            "UNKNOWN_SKU", "The product has no such seller SKU", [*prefix, "lines", i, "sku"]
                        )
            except DomainError as error:
                out[key] = error
                continue
            if (shop.id, event.order_id) in claimed:
                continue
            claimed.add((shop.id, event.order_id))
            valid.append((key, event, lines))
        if not valid:
            return out
        snapshots = await attribution.attribute_many(
            session, [(lines.claims, event.placed_at) for _, event, lines in valid]
        )
        order_ids = await ids.take(models.Order.__table__, len(valid))
        line_ids = iter(
            await ids.take(models.OrderLine.__table__, sum(len(event.lines) for _, event, _ in valid))
        )
        for (key, event, lines), order_id, order_snapshots in zip(valid, order_ids, snapshots, strict=True):
            out[key] = PlannedOrder(
                order_id=order_id,
                lines=[
                    PlannedLine(
                        id=next(line_ids),
                        product_id=product_id,
                        sku_id=skus[(product_id, line.sku)],
                        price_minor=price,
                        snapshot=snapshot,
                    )
                    for line, product_id, price, snapshot in zip(
                        event.lines, lines.product_ids, lines.prices, order_snapshots, strict=True
                    )
                ],
            )
        return out


# A new line's lifecycle times, all set (to None) so that every new line is inserted with the same columns.
NO_TIMES = dict.fromkeys(
    (
        "paid_at",
        "shipped_at",
        "delivered_at",
        "settle_after",
        "settled_at",
        "frozen_at",
        "cancelled_at",
        "refunded_at",
    )
)


async def insert_all(session: AsyncSession, rows: Sequence[models.Base]) -> None:
    """New rows of one table, each with every column set and final, in one Core statement (on PostgreSQL one
    execution over arrays of their values, elsewhere an executemany): not the ORM's unit of work (its flush of a
    request's new lines and events took a tenth of ingestion's time); nothing is read back, and the objects stay
    outside the session."""
    if rows:
        table = rows[0].__table__
        columns = [c.key for c in table.columns]
        await insert_rows(session, table, [{c: getattr(row, c) for c in columns} for row in rows])


async def update_lines(session: AsyncSession, lines: Sequence[models.OrderLine], *, is_sqlite: bool) -> None:
    """Writes the changed columns of stored lines in one UPDATE … FROM (VALUES …), each row guarded by the
    version it was read at (and bumping it), as the ORM's optimistic versioning would one row at a time. A
    line changed by someone else meanwhile raises StaleDataError: the request is retried from scratch. The
    lines are then detached from the session, their new state being written."""
    if not lines:
        return
    table = models.OrderLine.__table__
    changed = sorted(
        {attr.key for line in lines for attr in inspect(line).attrs if attr.history.has_changes()}
        - {"version"}
    )
    if not changed:
        return
    rows = (
        values(
            column("id", table.c.id.type),
            column("seen", Integer),
            *(column(name, table.c[name].type) for name in changed),
            name="v",
        )
        .data([(line.id, line.version, *(getattr(line, name) for name in changed)) for line in lines])
        .cte("v")
    )

    def value(name: str):  # noqa: ANN202 — PostgreSQL types a VALUES column from its rows (text when all NULL)
        return rows.c[name] if is_sqlite else cast(rows.c[name], table.c[name].type)

    statement = (
        update(table)
        .where(table.c.id == rows.c.id, table.c.version == rows.c.seen)
        .values({**{name: value(name) for name in changed}, "version": table.c.version + 1})
        .returning(table.c.id)
    )
    with session.no_autoflush:  # the ORM must not write these lines itself first
        updated = set(await session.scalars(statement))
    if len(updated) != len(lines):
        raise StaleDataError(f"{len(lines) - len(updated)} order line(s) changed by another transaction")
    touch_rollups(session, updated)  # a Core UPDATE, unseen by the ORM: the rollup upkeep runs at commit
    for line in lines:
        session.expunge(line)
        line.version += 1
