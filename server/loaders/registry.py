"""One registry of loaders per request (cache on) or per websocket connection (cache off: batching only).

Loaders are created lazily, inside the running event loop (aiodataloader binds the loop at construction).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from server import models
from server.auth.principal import Principal
from server.loaders.base import ScopedLoader
from server.runtime import Runtime


class LoaderRegistry:
    def __init__(self, rt: Runtime, principal: Principal | None, *, cache: bool = True) -> None:
        self.rt = rt
        self.principal = principal
        self.cache = cache
        self._loaders: dict[str, ScopedLoader] = {}

    def _get(self, name: str, **spec: Any) -> ScopedLoader:
        loader = self._loaders.get(name)
        if loader is None:
            loader = ScopedLoader(self.rt, self.principal, cache=self.cache, **spec)
            self._loaders[name] = loader
        return loader

    # --- tenants -----------------------------------------------------------------------------------
    @property
    def user_by_id(self) -> ScopedLoader:
        return self._get(
            "user_by_id", type_name="User", statement=lambda: select(models.User).where(models.User.deleted_at.is_(None)),
            key_column=models.User.id, key_of=lambda u: u.id,
        )

    @property
    def organisation_by_id(self) -> ScopedLoader:
        return self._get(
            "organisation_by_id", type_name="Organisation", statement=lambda: select(models.Organisation),
            key_column=models.Organisation.id, key_of=lambda o: o.id,
        )

    @property
    def agency_by_id(self) -> ScopedLoader:
        return self._get(
            "agency_by_id", type_name="Agency",
            statement=lambda: select(models.Agency, models.Organisation).join(
                models.Organisation, models.Organisation.id == models.Agency.organisation_id
            ),
            key_column=models.Agency.organisation_id, key_of=lambda r: r[0].organisation_id,
        )

    @property
    def shop_by_id(self) -> ScopedLoader:
        return self._get(
            "shop_by_id", type_name="Shop",
            statement=lambda: select(models.Shop, models.Organisation).join(
                models.Organisation, models.Organisation.id == models.Shop.organisation_id
            ),
            key_column=models.Shop.organisation_id, key_of=lambda r: r[0].organisation_id,
        )

    @property
    def shop_name_by_id(self) -> ScopedLoader:
        """Display names of shops: visible wherever the product is (no row scope on the name alone)."""
        return self._get(
            "shop_name_by_id", type_name=None,
            statement=lambda: select(models.Organisation.id, models.Organisation.name),
            key_column=models.Organisation.id, key_of=lambda r: r[0],
        )

    @property
    def creator_by_id(self) -> ScopedLoader:
        return self._get(
            "creator_by_id", type_name="Creator", statement=lambda: select(models.CreatorProfile),
            key_column=models.CreatorProfile.organisation_id, key_of=lambda c: c.organisation_id,
        )

    # --- catalogue ---------------------------------------------------------------------------------
    @property
    def product_by_id(self) -> ScopedLoader:
        return self._get(
            "product_by_id", type_name="Product", statement=lambda: select(models.Product),
            key_column=models.Product.id, key_of=lambda p: p.id,
        )

    @property
    def skus_by_product_id(self) -> ScopedLoader:
        # The parent product was loaded through its own scope; SKUs are plain children of it.
        return self._get(
            "skus_by_product_id", type_name=None,
            statement=lambda: select(models.Sku).order_by(models.Sku.id),
            key_column=models.Sku.product_id, key_of=lambda s: s.product_id, many=True,
        )

    @property
    def sku_summary_by_product_id(self) -> ScopedLoader:
        """(product_id, lowest price, total stock, SKU count) in one aggregate per batch."""
        return self._get(
            "sku_summary_by_product_id", type_name=None,
            statement=lambda: select(
                models.Sku.product_id, func.min(models.Sku.price_minor), func.sum(models.Sku.stock), func.count()
            ).group_by(models.Sku.product_id),
            key_column=models.Sku.product_id, key_of=lambda r: r[0],
        )

    # --- campaigns and registrations -------------------------------------------------------------------
    @property
    def campaign_by_id(self) -> ScopedLoader:
        return self._get(
            "campaign_by_id", type_name="Campaign", statement=lambda: select(models.Campaign),
            key_column=models.Campaign.id, key_of=lambda c: c.id,
        )

    @property
    def registration_by_id(self) -> ScopedLoader:
        return self._get(
            "registration_by_id", type_name="Registration", statement=lambda: select(models.Registration),
            key_column=models.Registration.id, key_of=lambda r: r.id,
        )

    # --- notifications -----------------------------------------------------------------------------
    @property
    def notification_by_id(self) -> ScopedLoader:
        return self._get(
            "notification_by_id", type_name="Notification", statement=lambda: select(models.Notification),
            key_column=models.Notification.id, key_of=lambda n: n.id,
        )
