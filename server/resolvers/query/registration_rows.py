"""What each row of the registrations page shows, read by the page's own select.

The page selects a registration's campaign (or only its end, for status and closedAt), product, shop (with its
organisation), whether the viewer bookmarked it and its product's SKU summary as outer joins of the page statement,
so the page costs one statement instead of one per loader batch. Each joined relation is the loader's own select
under the loader's own row scope (the policy table), as a derived table: a row the loader would not return joins
as NULL, exactly what the loader would have answered. Only what the operation selects (and the policy lets run)
is joined. The joined relations are read as plain columns into snapshots (server/loaders/snapshots.py), not as
ORM entities.

Each node carries what was read with it (`Joined`, its select_related), and its fields answer from that without
asking a loader: a page of 100 rows made some 600 loader calls and closures otherwise. The loaders are primed
with the campaigns, products, shops and SKU summaries too, for other fields of the operation that reach the same
rows another way (a product's shop, the registration's campaign).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import aliased

from server import models
from server.auth.principal import Principal
from server.authz.decisions import field_access, row_scope
from server.authz.rules import Access, audience_of
from server.loaders.ready import selected
from server.loaders.snapshots import Snapshot, columns_of
from server.lru import LRU, STATEMENT_CACHE_SIZE
from server.schema.context import Info
from server.schema.types.catalogue import Product, shop_of
from server.schema.types.common import UNREAD
from server.schema.types.registration import Joined, Registration
from server.services.registration_rules import campaign_closed_at

R = models.Registration
REGISTRATION = Snapshot(R)
_CAMPAIGN, _PRODUCT, _SHOP, _ORGANISATION = (
    Snapshot(m) for m in (models.Campaign, models.Product, models.Shop, models.Organisation)
)
_JOINS: LRU[tuple[list[tuple[Any, Any]], list[Any]]] = LRU(STATEMENT_CACHE_SIZE)


@dataclass(frozen=True)
class Shown:
    """The relations the operation reads of each row (as the field resolvers would load them)."""

    campaign: bool  # the campaign itself
    campaign_end: bool  # only its end (status, closedAt)
    product: bool
    shop: bool
    bookmark: bool
    skus: bool

    @classmethod
    def of(cls, info: Info, *path: str) -> Shown:
        """What the operation selects of the registrations at `path` below the field (a connection's nodes by
        default; `edges`, `node`, `registration` for pages whose nodes carry a registration)."""
        path = path or ("edges", "node")
        node = selected(info, *path)
        audience = audience_of(info.context.principal)

        def wanted(type_name: str, field: str, names: frozenset[str]) -> bool:
            return field in names and field_access(type_name, field, audience) is not Access.DENY

        product = wanted("Registration", "product", node)
        product_fields = selected(info, *path, "product") if product else frozenset()
        return cls(
            campaign=wanted("Registration", "campaign", node),
            campaign_end=any(wanted("Registration", f, node) for f in ("status", "closedAt")),
            product=product,
            shop=wanted("Registration", "shop", node),
            bookmark=wanted("Registration", "bookmarked", node),
            skus=product
            and any(wanted("Product", f, product_fields) for f in ("price", "stock", "skuCount")),
        )

    def extend(
        self, principal: Principal | None
    ) -> Callable[[Select[*tuple[Any, ...]]], Select[*tuple[Any, ...]]]:
        """Adds the shown relations' columns to the page's select (after the registration, in this order)."""
        joins, columns = _JOINS.get_or_build((self, principal), lambda: self._joins(principal))

        def page(stmt: Select[*tuple[Any, ...]]) -> Select[*tuple[Any, ...]]:
            for target, on in joins:
                stmt = stmt.outerjoin(target, on)
            return stmt.add_columns(*columns)

        return page

    def _joins(self, principal: Principal | None) -> tuple[list[tuple[Any, Any]], list[Any]]:
        """(outer join target, on clause) pairs and the columns they add: built once per (relations, principal),
        like the loaders' own selects (server/loaders/base.py)."""
        joins: list[tuple[Any, Any]] = []
        columns: list[Any] = []

        def scoped(model: Any, type_name: str, name: str) -> Any:
            return aliased(model, select(model).where(row_scope(type_name, principal)).subquery(name))

        if self.campaign or self.campaign_end:
            c = scoped(models.Campaign, "Campaign", "shown_campaigns")
            joins.append((c, c.id == R.campaign_id))
            columns += columns_of(models.Campaign, c) if self.campaign else [c.campaign_end]
        if self.product:
            p = scoped(models.Product, "Product", "shown_products")
            joins.append((p, p.id == R.product_id))
            columns += columns_of(models.Product, p)
        if self.shop:
            s = scoped(models.Shop, "Shop", "shown_shops")
            o = aliased(models.Organisation, name="shown_shop_organisations")
            joins += [(s, s.organisation_id == R.shop_id), (o, o.id == s.organisation_id)]
            columns += columns_of(models.Shop, s) + columns_of(models.Organisation, o)
        if self.bookmark:
            agency_id = principal.agency_id if principal is not None else None
            b = aliased(models.Bookmark, name="shown_bookmarks")
            joins.append((b, (b.registration_id == R.id) & (b.agency_id == agency_id)))
            columns.append(b.id)  # only whether there is one: `bookmarked` is the one field that reads it
        if self.skus:
            sku = models.Sku
            columns += [
                select(column).where(sku.product_id == R.product_id).scalar_subquery()
                for column in (func.min(sku.price_minor), func.sum(sku.stock), func.count())
            ]
        return joins, columns

    @property
    def any(self) -> bool:
        return self.campaign or self.campaign_end or self.product or self.shop or self.bookmark or self.skus

    def nodes(self, info: Info, rows: Sequence[Sequence[Any]]) -> list[Registration]:
        """The registrations of page rows, each selected as the registration's columns, then the shown ones (then
        anything else), with what was read of them (`Joined`); the loaders are primed with it too."""
        return self.joined(info, REGISTRATION.read_all(rows, 0), rows, REGISTRATION.width)

    def node(self, info: Info, registration: Any, shown: Sequence[Any]) -> Registration:
        """One registration with what was read of it (`shown`: the columns `extend` added)."""
        return self.joined(info, [registration], [shown], 0)[0]

    def joined(
        self, info: Info, registrations: Sequence[Any], rows: Sequence[Sequence[Any]], start: int
    ) -> list[Registration]:
        """Each registration's node with its relations: `rows[i][start:]` are the columns `extend` added for
        `registrations[i]`. One pass per relation over all the rows. The loaders are primed with them as well (for
        other fields of the operation that load them); a key keeps its first row's value, as a prime per row would,
        and rows that share a relation share its object, as ScopedLoader.shared would."""
        if not self.any:
            return [Registration.from_row(r) for r in registrations]
        loaders = info.context.loaders
        n = len(registrations)
        unread: list[Any] = [UNREAD] * n
        ends, products, shops, bookmarks = unread, unread, unread, unread
        at = start
        if self.campaign:
            campaigns = _CAMPAIGN.read_all(rows, at)
            at += _CAMPAIGN.width
            loaders.prime_many(
                "campaign_by_id", zip([r.campaign_id for r in registrations], campaigns, strict=True)
            )
            ends = [None if c is None else c.campaign_end for c in campaigns]
        elif self.campaign_end:
            ends = [row[at] for row in rows]
            at += 1
        product_rows: list[Any] = []
        if self.product:
            product_rows = _PRODUCT.read_all(rows, at)
            at += _PRODUCT.width
            loaders.prime_many(
                "product_by_id", zip([r.product_id for r in registrations], product_rows, strict=True)
            )
        if self.shop:
            shop_rows = _SHOP.read_all(rows, at)
            organisations = _ORGANISATION.read_all(rows, at + _SHOP.width)
            at += _SHOP.width + _ORGANISATION.width
            pairs = [None if s is None else (s, o) for s, o in zip(shop_rows, organisations, strict=True)]
            loaders.prime_many("shop_by_id", zip([r.shop_id for r in registrations], pairs, strict=True))
            shops = _one_per_key([r.shop_id for r in registrations], pairs, shop_of)
        if self.bookmark:
            bookmarks = [row[at] is not None for row in rows]
            at += 1
        if self.product:
            summaries: list[Any] = unread
            if self.skus:  # as the fields would: only for a product the viewer sees
                low, stock, count = at, at + 1, at + 2
                summaries = [
                    None if p is None else (p.id, row[low], row[stock], row[count]) if row[count] else None
                    for p, row in zip(product_rows, rows, strict=True)
                ]
                loaders.prime_many(
                    "sku_summary_by_product_id",
                    [(p.id, s) for p, s in zip(product_rows, summaries, strict=True) if p is not None],
                )
            products = _one_per_key(
                [r.product_id for r in registrations],
                list(zip(product_rows, summaries, strict=True)),
                _product_of,
            )
        closed_at = unread
        if ends is not unread:  # the campaigns that had ended as the page read them, at one instant
            now = info.context.rt.clock.now()
            closed_at = [campaign_closed_at(end, now) for end in ends]
        return [
            Registration.from_row(r, Joined(campaign_closed_at=c, product=p, shop=s, bookmarked=b))
            for r, c, p, s, b in zip(registrations, closed_at, products, shops, bookmarks, strict=True)
        ]


def _one_per_key(keys: Sequence[Any], values: Sequence[Any], make: Callable[[Any], Any]) -> list[Any]:
    """make(value) for each row, made once per key: the rows that share a relation share its object."""
    made: dict[Any, Any] = {}
    return [made[k] if k in made else made.setdefault(k, make(v)) for k, v in zip(keys, values, strict=True)]


def _product_of(read: tuple[Any, Any]) -> Product | None:
    """The product of a page row's (product snapshot, SKU summary), None where the viewer may not see it."""
    product, summary = read
    return None if product is None else Product.from_row(product, summary)
