"""One registry of loaders per request (cache on) or per websocket connection (cache off: batching only).

Loaders are created lazily, inside the running event loop (aiodataloader binds the loop at construction).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import replace
from functools import cached_property
from typing import Any

from sqlalchemy import func, select

from server import models
from server.auth.principal import Principal
from server.loaders.base import ScopedLoader
from server.loaders.creator_side import CreatorSideLoaders
from server.loaders.disputes import DisputeLoaders
from server.loaders.finance import FinanceLoaders
from server.loaders.history import HistoryLoaders
from server.loaders.insight import InsightLoaders
from server.loaders.integrations import IntegrationLoaders
from server.loaders.orders import OrderLoaders
from server.loaders.pages import ScopedPageLoader
from server.loaders.request_session import RequestSession
from server.models import enums
from server.runtime import Runtime


class LoaderRegistry(CreatorSideLoaders, IntegrationLoaders):
    def __init__(
        self,
        rt: Runtime,
        principal: Principal | None,
        *,
        cache: bool = True,
        reads: RequestSession | None = None,
    ) -> None:
        # With `reads` (HTTP), every batch of this request runs on the request's one connection (`rt` may already
        # read through it).
        self.rt = rt if reads is None or rt.sessionmaker is reads else replace(rt, sessionmaker=reads)
        self.reads = reads
        self.principal = principal
        self.cache = cache
        self._loaders: dict[str, ScopedLoader | ScopedPageLoader] = {}
        self._unmade_primes: dict[str, list[tuple[Hashable, Any]]] = {}

    def _get(self, name: str, **spec: Any) -> ScopedLoader:
        loader = self._loaders.get(name)
        if not isinstance(loader, ScopedLoader):  # not made yet
            loader = ScopedLoader(
                self.rt, self.principal, cache=self.cache, name=(type(self).__qualname__, name), **spec
            )
            self._loaders[name] = loader
            primes = self._unmade_primes.pop(name, None)
            if primes is not None:
                loader.prime_many(primes)
        return loader

    def prime_many(self, name: str, pairs: Iterable[tuple[Hashable, Any]]) -> None:
        """The loader `name`'s prime_many, without making a loader no field has asked for yet: it takes the pairs
        when it is made. A page primes its rows' relations for fields that often never read them, and making a
        loader (aiodataloader's checks) cost a one-row page more than keeping the pairs."""
        if not isinstance(getattr(type(self), name, None), cached_property):
            raise AttributeError(f"{type(self).__name__} has no loader {name!r}")
        loader = self._loaders.get(name)
        if isinstance(loader, ScopedLoader):
            loader.prime_many(pairs)
        elif self.cache:  # a loader that does not cache takes no primes (ScopedLoader.prime_many)
            self._unmade_primes.setdefault(name, []).extend(pairs)

    # --- tenants -----------------------------------------------------------------------------------
    @cached_property
    def user_by_id(self) -> ScopedLoader:
        return self._get(
            "user_by_id",
            type_name="User",
            statement=lambda: select(models.User).where(models.User.deleted_at.is_(None)),
            key_column=models.User.id,
            key_of=lambda u: u.id,
        )

    @cached_property
    def organisation_by_id(self) -> ScopedLoader:
        return self._get(
            "organisation_by_id",
            type_name="Organisation",
            statement=lambda: select(models.Organisation),
            key_column=models.Organisation.id,
            key_of=lambda o: o.id,
        )

    @cached_property
    def agency_by_id(self) -> ScopedLoader:
        return self._get(
            "agency_by_id",
            type_name="Agency",
            statement=lambda: select(models.Agency, models.Organisation).join(
                models.Organisation, models.Organisation.id == models.Agency.organisation_id
            ),
            key_column=models.Agency.organisation_id,
            key_of=lambda r: r[0].organisation_id,
        )

    @cached_property
    def shop_by_id(self) -> ScopedLoader:
        return self._get(
            "shop_by_id",
            type_name="Shop",
            statement=lambda: select(models.Shop, models.Organisation).join(
                models.Organisation, models.Organisation.id == models.Shop.organisation_id
            ),
            key_column=models.Shop.organisation_id,
            key_of=lambda r: r[0].organisation_id,
        )

    @cached_property
    def shop_name_by_id(self) -> ScopedLoader:
        """Display names of shops: visible wherever the product is (no row scope on the name alone)."""
        return self._get(
            "shop_name_by_id",
            type_name=None,
            statement=lambda: select(models.Organisation.id, models.Organisation.name),
            key_column=models.Organisation.id,
            key_of=lambda r: r[0],
        )

    @cached_property
    def creator_by_id(self) -> ScopedLoader:
        return self._get(
            "creator_by_id",
            type_name="Creator",
            statement=lambda: select(models.CreatorProfile),
            key_column=models.CreatorProfile.organisation_id,
            key_of=lambda c: c.organisation_id,
        )

    # --- catalogue ---------------------------------------------------------------------------------
    @cached_property
    def product_by_id(self) -> ScopedLoader:
        return self._get(
            "product_by_id",
            type_name="Product",
            statement=lambda: select(models.Product),
            key_column=models.Product.id,
            key_of=lambda p: p.id,
        )

    @cached_property
    def skus_by_product_id(self) -> ScopedLoader:
        # The parent product was loaded through its own scope; SKUs are plain children of it.
        return self._get(
            "skus_by_product_id",
            type_name=None,
            statement=lambda: select(models.Sku).order_by(models.Sku.id),
            key_column=models.Sku.product_id,
            key_of=lambda s: s.product_id,
            many=True,
        )

    @cached_property
    def sku_summary_by_product_id(self) -> ScopedLoader:
        """(product_id, lowest price, total stock, SKU count) in one aggregate per batch."""
        return self._get(
            "sku_summary_by_product_id",
            type_name=None,
            statement=lambda: select(
                models.Sku.product_id,
                func.min(models.Sku.price_minor),
                func.sum(models.Sku.stock),
                func.count(),
            ).group_by(models.Sku.product_id),
            key_column=models.Sku.product_id,
            key_of=lambda r: r[0],
        )

    # --- campaigns and registrations -------------------------------------------------------------------
    @cached_property
    def campaign_by_id(self) -> ScopedLoader:
        return self._get(
            "campaign_by_id",
            type_name="Campaign",
            statement=lambda: select(models.Campaign),
            key_column=models.Campaign.id,
            key_of=lambda c: c.id,
        )

    @cached_property
    def registration_by_id(self) -> ScopedLoader:
        return self._get(
            "registration_by_id",
            type_name="Registration",
            statement=lambda: select(models.Registration),
            key_column=models.Registration.id,
            key_of=lambda r: r.id,
        )

    @cached_property
    def bookmark_by_registration_id(self) -> ScopedLoader:
        """The viewer's own bookmarks (agencies; nobody else has any)."""
        agency_id = self.principal.agency_id if self.principal is not None else None
        return self._get(
            "bookmark_by_registration_id",
            type_name=None,
            statement=lambda: select(models.Bookmark).where(models.Bookmark.agency_id == agency_id),
            key_column=models.Bookmark.registration_id,
            key_of=lambda b: b.registration_id,
        )

    @cached_property
    def history_by_registration_id(self) -> ScopedLoader:
        """(audit event, actor organisation name, its kind) per registration, oldest first. The parent
        registration was loaded through its own scope; its history goes with it."""
        return self._get(
            "history_by_registration_id",
            type_name=None,
            statement=lambda: (
                select(models.AuditEvent, models.Organisation.name, models.Organisation.kind)
                .outerjoin(
                    models.Organisation, models.Organisation.id == models.AuditEvent.actor_organisation_id
                )
                .where(models.AuditEvent.subject_type == "Registration")
                .order_by(models.AuditEvent.created_at, models.AuditEvent.id)
            ),
            key_column=models.AuditEvent.subject_id,
            key_of=lambda row: row[0].subject_id,
            many=True,
        )

    @cached_property
    def target_shop_codes_by_campaign_id(self) -> ScopedLoader:
        """(campaign id, shop code) of the shops a SELECTED campaign targets, by code."""
        return self._get(
            "target_shop_codes_by_campaign_id",
            type_name="Campaign",
            statement=lambda: (
                select(models.CampaignTargetShop.campaign_id, models.Shop.shop_code)
                .join(models.Shop, models.Shop.organisation_id == models.CampaignTargetShop.shop_id)
                .join(models.Campaign, models.Campaign.id == models.CampaignTargetShop.campaign_id)
                .order_by(models.Shop.shop_code)
            ),
            key_column=models.CampaignTargetShop.campaign_id,
            key_of=lambda r: r[0],
            many=True,
        )

    @cached_property
    def pending_change_by_campaign_id(self) -> ScopedLoader:
        return self._get(
            "pending_change_by_campaign_id",
            type_name="Campaign",
            statement=lambda: (
                select(models.CampaignPendingChange)
                .join(models.Campaign, models.Campaign.id == models.CampaignPendingChange.campaign_id)
                .where(models.CampaignPendingChange.status == enums.PendingChangeStatus.PENDING)
            ),
            key_column=models.CampaignPendingChange.campaign_id,
            key_of=lambda c: c.campaign_id,
        )

    @cached_property
    def registration_counts_by_campaign_id(self) -> ScopedLoader:
        """(campaign id, total, one count per RegistrationStatus in enum order, distinct products not withdrawn)
        over the registrations the viewer may see: all of its campaigns' for an agency, its own for a seller."""
        r = models.Registration
        return self._get(
            "registration_counts_by_campaign_id",
            type_name="Registration",
            statement=lambda: select(
                r.campaign_id,
                func.count(),
                *(func.count().filter(r.status == status) for status in enums.RegistrationStatus),
                func.count(r.product_id.distinct()).filter(r.status != enums.RegistrationStatus.WITHDRAWN),
            ).group_by(r.campaign_id),
            key_column=r.campaign_id,
            key_of=lambda row: row[0],
        )

    # --- product lists and share links ------------------------------------------------------------------
    @cached_property
    def product_list_by_id(self) -> ScopedLoader:
        return self._get(
            "product_list_by_id",
            type_name="ProductList",
            statement=lambda: select(models.ProductList),
            key_column=models.ProductList.id,
            key_of=lambda row: row.id,
        )

    @cached_property
    def product_list_item_by_id(self) -> ScopedLoader:
        """(item, product id, total rate bps): the registration's product and the seller's total rate."""
        return self._get(
            "product_list_item_by_id",
            type_name="ProductListItem",
            statement=_list_items,
            key_column=models.ProductListItem.id,
            key_of=lambda row: row[0].id,
        )

    @cached_property
    def product_list_items_page(self) -> ScopedPageLoader:
        """Pages of (item, product id, total rate bps) by (list id, first, after), oldest item first."""
        loader = self._loaders.get("product_list_items_page")
        if not isinstance(loader, ScopedPageLoader):  # not made yet
            loader = ScopedPageLoader(
                self.rt,
                self.principal,
                type_name="ProductListItem",
                statement=_list_items,
                parent_column=models.ProductListItem.list_id,
                sort=models.ProductListItem.created_at,
                pk=models.ProductListItem.id,
                parent_of=lambda row: row[0].list_id,
                cache=self.cache,
            )
            self._loaders["product_list_items_page"] = loader
        return loader

    @cached_property
    def product_list_item_count_by_list_id(self) -> ScopedLoader:
        return self._get(
            "product_list_item_count_by_list_id",
            type_name="ProductListItem",
            statement=lambda: select(models.ProductListItem.list_id, func.count()).group_by(
                models.ProductListItem.list_id
            ),
            key_column=models.ProductListItem.list_id,
            key_of=lambda row: row[0],
        )

    @cached_property
    def active_creator_count_by_list_item_id(self) -> ScopedLoader:
        # The parent item was loaded through its own scope; this is an aggregate of it.
        return self._get(
            "active_creator_count_by_list_item_id",
            type_name=None,
            statement=lambda: (
                select(models.ShowcaseEntry.list_item_id, func.count())
                .where(models.ShowcaseEntry.status == enums.ShowcaseStatus.ACTIVE)
                .group_by(models.ShowcaseEntry.list_item_id)
            ),
            key_column=models.ShowcaseEntry.list_item_id,
            key_of=lambda row: row[0],
        )

    @cached_property
    def share_link_by_id(self) -> ScopedLoader:
        return self._get(
            "share_link_by_id",
            type_name="ShareLink",
            statement=lambda: select(models.ShareLink),
            key_column=models.ShareLink.id,
            key_of=lambda row: row.id,
        )

    @cached_property
    def active_share_link_by_list_id(self) -> ScopedLoader:
        return self._get(
            "active_share_link_by_list_id",
            type_name="ShareLink",
            statement=lambda: select(models.ShareLink).where(models.ShareLink.revoked_at.is_(None)),
            key_column=models.ShareLink.list_id,
            key_of=lambda row: row.list_id,
        )

    @cached_property
    def link_open_count_by_share_link_id(self) -> ScopedLoader:
        # The parent link was loaded through its own scope; this is an aggregate of it.
        return self._get(
            "link_open_count_by_share_link_id",
            type_name=None,
            statement=lambda: select(models.LinkOpen.share_link_id, func.count()).group_by(
                models.LinkOpen.share_link_id
            ),
            key_column=models.LinkOpen.share_link_id,
            key_of=lambda row: row[0],
        )

    # --- orders: order lines and their receipts (server/loaders/orders.py) ---------------------------------
    @cached_property
    def orders(self) -> OrderLoaders:
        return OrderLoaders(self.rt, self.principal, cache=self.cache)

    # --- finance: payment accounts, tax info, bank accounts, bills (server/loaders/finance.py) -------------
    @cached_property
    def finance(self) -> FinanceLoaders:
        return FinanceLoaders(self.rt, self.principal, cache=self.cache)

    @cached_property
    def history(self) -> HistoryLoaders:
        return HistoryLoaders(self.rt, self.principal, cache=self.cache)

    @cached_property
    def disputes(self) -> DisputeLoaders:
        return DisputeLoaders(self.rt, self.principal, cache=self.cache)

    @cached_property
    def insight(self) -> InsightLoaders:  # trust scorecards (server/loaders/insight.py)
        return InsightLoaders(self.rt, cache=self.cache)

    # --- notifications -----------------------------------------------------------------------------
    @cached_property
    def notification_by_id(self) -> ScopedLoader:
        return self._get(
            "notification_by_id",
            type_name="Notification",
            statement=lambda: select(models.Notification),
            key_column=models.Notification.id,
            key_of=lambda n: n.id,
        )


def _list_items() -> Any:
    return select(
        models.ProductListItem, models.Registration.product_id, models.Registration.total_rate_bps
    ).join(models.Registration, models.Registration.id == models.ProductListItem.registration_id)
