"""What the commission simulator takes (registrationSimulate, productListItemSimulate)."""

from __future__ import annotations

import strawberry


@strawberry.input(description="Terms a seller is about to register a product with.")
class RegistrationSimulateItemInput:
    product_id: strawberry.ID
    total_rate_bps: int
    sample_quota: int = 0
    shop_ads_rate_bps: int | None = None


@strawberry.input(description="A creator rate an agency is about to set for an approved registration.")
class ProductListItemSimulateInput:
    registration_id: strawberry.ID
    creator_rate_bps: int
