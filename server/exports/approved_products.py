"""A campaign's approved products with, for each list they are in, the creator rate, the agency's rate and the
list's share link: one row per (product, list); a product in no list has empty list columns."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, func, select

from server import models
from server.auth.principal import Principal
from server.authz.decisions import can_reach, row_scope
from server.exports.csv_file import render, text_cell
from server.ids import encode_id
from server.links import share_url
from server.models.enums import RegistrationStatus
from server.money import agency_rate_bps, bps_to_percent, minor_to_decimal_string
from server.runtime import Runtime
from server.services.registration_rules import effective_status_sql

HEADER = (
    "product",
    "product id",
    "shop",
    "price",
    "currency",
    "total rate %",
    "list",
    "creator rate %",
    "agency rate %",
    "share link url",
)


@dataclass(frozen=True, slots=True)
class CsvExport:
    filename: str
    body: bytes


async def approved_products_csv(rt: Runtime, principal: Principal, campaign_id: int) -> CsvExport | None:
    """None when the campaign does not exist or the principal may not export it: the same answer either way.

    Exports carry the seller's total and the agency's rate, so only who may see list items may export
    (an agency its own campaigns, the operator any)."""
    if not can_reach("ProductListItem", principal):
        return None
    price = (
        select(models.Sku.product_id, func.min(models.Sku.price_minor).label("price_minor"))
        .group_by(models.Sku.product_id)
        .subquery()
    )
    async with rt.sessionmaker() as session:
        campaign = await session.scalar(
            select(models.Campaign).where(models.Campaign.id == campaign_id, row_scope("Campaign", principal))
        )
        if campaign is None:
            return None
        # A list's campaign is its agency's (composite foreign key), so every list of the campaign is in scope.
        rows = (
            await session.execute(
                select(
                    models.Product.id,
                    models.Product.title,
                    models.Organisation.name,
                    price.c.price_minor,
                    models.Product.currency,
                    models.Registration.total_rate_bps,
                    models.ProductList.name,
                    models.ProductListItem.creator_rate_bps,
                    models.ShareLink.token,
                )
                .select_from(models.Registration)
                .join(models.Product, models.Product.id == models.Registration.product_id)
                .join(models.Organisation, models.Organisation.id == models.Registration.shop_id)
                .outerjoin(price, price.c.product_id == models.Product.id)
                .outerjoin(
                    models.ProductListItem, models.ProductListItem.registration_id == models.Registration.id
                )
                .outerjoin(models.ProductList, models.ProductList.id == models.ProductListItem.list_id)
                .outerjoin(
                    models.ShareLink,
                    and_(
                        models.ShareLink.list_id == models.ProductList.id,
                        models.ShareLink.revoked_at.is_(None),
                    ),
                )
                .join(models.Campaign, models.Campaign.id == models.Registration.campaign_id)
                .where(
                    models.Registration.campaign_id == campaign.id,
                    effective_status_sql(rt.clock.now()) == RegistrationStatus.APPROVED.value,
                )
                .order_by(
                    models.Product.title, models.Product.id, models.ProductList.name, models.ProductList.id
                )
            )
        ).all()
    base_url = rt.settings.base_url
    lines = [
        [
            text_cell(title),
            encode_id("Product", product_id),
            text_cell(shop),
            "" if price_minor is None else minor_to_decimal_string(price_minor, currency),
            currency.value,
            bps_to_percent(total),
            "" if list_name is None else text_cell(list_name),
            "" if creator is None else bps_to_percent(creator),
            "" if creator is None else bps_to_percent(agency_rate_bps(total, creator)),
            "" if token is None else share_url(base_url, token),
        ]
        for product_id, title, shop, price_minor, currency, total, list_name, creator, token in rows
    ]
    return CsvExport(filename=f"{campaign.name} approved products.csv", body=render(HEADER, lines))
