"""The commission simulator: what terms would cost or pay before anyone commits to them. Pure reads.

Seller (registering products into a campaign), per product and for the terms it types:
- commission per order at the product's price (its lowest SKU price) and the total rate typed;
- the observed refund rate (refund_rates.survival: product, shop, category in market, market) — a refunded or
  cancelled order pays no commission, so the *expected* commission per order is the commission × survival;
- the sample quota's cost at the product's price, and (if typed) the shop-ads rate's cost per order;
- per 100 orders: 100 expected commissions + the sample quota (spent once), and that as an effective rate of the
  GMV kept (100 orders × price × survival);
- how the rate compares with the total rates of comparable APPROVED products in the campaign (the same category,
  else the whole campaign; other shops' only): quartiles and the share of them below the typed rate, only when at
  least MIN_COMPARABLE exist — never a name or one product's terms.

Agency (setting creator rates on a list), per approved registration and creator rate typed:
- the creator's and the agency's take per order at the product's price, and over the product's attributed sales
  of the last RECENT days (its GMV kept then × the rate);
- how the rate compares with what creators already get for the product elsewhere: of the creators with an ACTIVE
  showcase entry for it through another offer, how many earn more (the rate in force that the creator's
  lower-rate notice would show) — counts only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from server import models
from server.auth.principal import Principal
from server.models.constraints import RATE_MAX_BPS, RATE_MIN_BPS
from server.models.enums import MARKET_CURRENCY, Currency, RegistrationStatus, ShowcaseStatus
from server.money import agency_rate_bps, apply_rate, bps_to_percent
from server.rates import rate_in_force
from server.runtime import Runtime
from server.services import campaign_rules
from server.services.errors import DomainError, DomainErrors, not_found
from server.services.insight import refund_rates
from server.services.insight.refund_rates import Survival
from server.services.insight.stats import ratio_bps
from server.services.performance.numbers import SALE_STATUSES, line_base, total

Reg, Line = models.Registration, models.OrderLine
MIN_COMPARABLE = 5
RECENT = timedelta(days=30)
ORDERS = 100  # the "per 100 orders" figure
MAX_ITEMS = 100


@dataclass(frozen=True, slots=True)
class SellerItemSpec:
    product_id: int
    total_rate_bps: int
    sample_quota: int = 0
    shop_ads_rate_bps: int | None = None


@dataclass(frozen=True, slots=True)
class RateDistribution:
    scope: str  # CATEGORY or CAMPAIGN
    count: int
    p25_bps: int
    median_bps: int
    p75_bps: int
    below_share_bps: int  # share of the comparable rates below the typed one


@dataclass(frozen=True, slots=True)
class SellerItem:
    product_id: int
    currency: Currency
    price: int
    total_rate_bps: int
    survival: Survival
    commission_per_order: int
    expected_commission_per_order: int
    shop_ads_per_order: int | None
    sample_quota_cost: int
    cost_per_100_orders: int
    effective_rate_bps: int | None
    comparison: RateDistribution | None


@dataclass(frozen=True, slots=True)
class AgencyItemSpec:
    registration_id: int
    creator_rate_bps: int


@dataclass(frozen=True, slots=True)
class AgencyItem:
    registration_id: int
    currency: Currency
    price: int
    total_rate_bps: int
    creator_rate_bps: int
    agency_rate_bps: int
    creator_per_order: int
    agency_per_order: int
    recent_orders: int
    recent_gmv: int
    creator_recent: int
    agency_recent: int
    creators_elsewhere: int
    creators_earning_more: int
    recent_days: int = RECENT.days


def _check_rate(bps: int, field: list[str | int]) -> None:
    if not RATE_MIN_BPS <= bps <= RATE_MAX_BPS:
        raise DomainError(
            "OUT_OF_RANGE",
            f"A rate is between {bps_to_percent(RATE_MIN_BPS)} and {bps_to_percent(RATE_MAX_BPS)}",
            field,
        )


def _check_count(n: int) -> None:
    if not 1 <= n <= MAX_ITEMS:
        raise DomainError("OUT_OF_RANGE", f"Simulate 1 to {MAX_ITEMS} items at once", ["items"])


async def product_prices(
    session: AsyncSession, product_ids: Sequence[int]
) -> dict[int, tuple[int, Currency]]:
    stmt = (
        select(models.Sku.product_id, func.min(models.Sku.price_minor), models.Product.currency)
        .join(models.Product, models.Product.id == models.Sku.product_id)
        .where(models.Sku.product_id.in_(product_ids))
        .group_by(models.Sku.product_id, models.Product.currency)
    )
    return {pid: (int(price), Currency(cur)) for pid, price, cur in await session.execute(stmt)}


def quartile(sorted_values: Sequence[int], q: int) -> int:
    """The q-th quartile (nearest rank) of sorted values."""
    rank = max(1, -(-q * len(sorted_values) // 4))
    return sorted_values[rank - 1]


def distribution(scope: str, rates: Sequence[int], typed: int) -> RateDistribution:
    values = sorted(rates)
    below = sum(1 for v in values if v < typed)
    return RateDistribution(
        scope,
        len(values),
        quartile(values, 1),
        quartile(values, 2),
        quartile(values, 3),
        ratio_bps(below, len(values)) or 0,
    )


async def simulate_registration(
    rt: Runtime, principal: Principal, campaign_id: int, specs: Sequence[SellerItemSpec]
) -> list[SellerItem]:
    """A seller's terms for its own products in a campaign it can see (NOT_FOUND otherwise)."""
    _check_count(len(specs))
    shop_id = principal.organisation_id
    errors: list[DomainError] = []
    for i, spec in enumerate(specs):
        for name, bps in (("totalRateBps", spec.total_rate_bps), ("shopAdsRateBps", spec.shop_ads_rate_bps)):
            if bps is not None:
                try:
                    _check_rate(bps, ["items", i, name])
                except DomainError as e:
                    errors.append(e)
        if not 0 <= spec.sample_quota <= 100000:
            errors.append(
                DomainError(
                    "OUT_OF_RANGE", "A sample quota is 0 to 100000 units", ["items", i, "sampleQuota"]
                )
            )
    async with rt.sessionmaker() as session:
        campaign = await session.scalar(
            select(models.Campaign).where(
                models.Campaign.id == campaign_id,
                campaign_rules.visible_to_shop(shop_id) | campaign_rules.registered_by_shop(shop_id),
            )
        )
        if campaign is None:
            raise DomainErrors([not_found("Campaign", ["campaignId"])])
        ids = [s.product_id for s in specs]
        own = dict(
            (
                await session.execute(
                    select(models.Product.id, models.Product.category).where(
                        models.Product.id.in_(ids), models.Product.shop_id == shop_id
                    )
                )
            ).all()
        )
        errors += [
            not_found("Product", ["items", i, "productId"])
            for i, s in enumerate(specs)
            if s.product_id not in own
        ]
        if errors:
            raise DomainErrors(errors)
        prices = await product_prices(session, ids)
        now = rt.clock.now()
        keys = (await refund_rates.product_keys(session, ids)).values()
        survival = {
            pid: c.at(0)
            for pid, c in (
                await refund_rates.curves(session, keys, now, sqlite=rt.settings.is_sqlite)
            ).items()
        }
        comparable = list(
            await session.execute(
                select(models.Product.category, Reg.total_rate_bps)
                .join(models.Product, models.Product.id == Reg.product_id)
                .where(
                    Reg.campaign_id == campaign_id,
                    Reg.status == RegistrationStatus.APPROVED,
                    Reg.shop_id != shop_id,
                )
            )
        )
    out: list[SellerItem] = []
    for spec in specs:
        price, currency = prices.get(spec.product_id, (0, MARKET_CURRENCY[campaign.market]))
        s = survival[spec.product_id]
        commission = apply_rate(price, spec.total_rate_bps)
        expected = apply_rate(commission, s.bps)
        samples = price * spec.sample_quota
        per_100 = ORDERS * expected + samples
        same_category = [rate for category, rate in comparable if category == own[spec.product_id]]
        if len(same_category) >= MIN_COMPARABLE:
            comparison = distribution("CATEGORY", same_category, spec.total_rate_bps)
        elif len(comparable) >= MIN_COMPARABLE:
            comparison = distribution("CAMPAIGN", [rate for _, rate in comparable], spec.total_rate_bps)
        else:
            comparison = None
        out.append(
            SellerItem(
                product_id=spec.product_id,
                currency=currency,
                price=price,
                total_rate_bps=spec.total_rate_bps,
                survival=s,
                commission_per_order=commission,
                expected_commission_per_order=expected,
                shop_ads_per_order=None
                if spec.shop_ads_rate_bps is None
                else apply_rate(apply_rate(price, spec.shop_ads_rate_bps), s.bps),
                sample_quota_cost=samples,
                cost_per_100_orders=per_100,
                effective_rate_bps=ratio_bps(per_100, apply_rate(ORDERS * price, s.bps)),
                comparison=comparison,
            )
        )
    return out


async def simulate_creator_rates(
    rt: Runtime, principal: Principal, specs: Sequence[AgencyItemSpec]
) -> list[AgencyItem]:
    """An agency's creator rates for APPROVED registrations of its own campaigns (NOT_FOUND otherwise)."""
    _check_count(len(specs))
    errors: list[DomainError] = []
    for i, spec in enumerate(specs):
        try:
            _check_rate(spec.creator_rate_bps, ["items", i, "creatorRateBps"])
        except DomainError as e:
            errors.append(e)
    ids = [s.registration_id for s in specs]
    now = rt.clock.now()
    async with rt.sessionmaker() as session:
        registrations = {
            r.id: r
            for r in await session.scalars(
                select(Reg)
                .join(models.Campaign, models.Campaign.id == Reg.campaign_id)
                .where(Reg.id.in_(ids), models.Campaign.agency_id == principal.organisation_id)
            )
        }
        for i, spec in enumerate(specs):
            registration = registrations.get(spec.registration_id)
            if registration is None:
                errors.append(not_found("Registration", ["items", i, "registrationId"]))
            elif registration.status is not RegistrationStatus.APPROVED:
                errors.append(
                    DomainError(
                        "NOT_APPROVED",
                        "Only approved products get a creator rate",
                        ["items", i, "registrationId"],
                    )
                )
            elif spec.creator_rate_bps > registration.total_rate_bps:
                errors.append(
                    DomainError(
                        "ABOVE_TOTAL_RATE",
                        "The creator rate cannot exceed the seller's total rate of "
                        f"{bps_to_percent(registration.total_rate_bps)}",
                        ["items", i, "creatorRateBps"],
                    )
                )
        if errors:
            raise DomainErrors(errors)
        product_ids = [registrations[i].product_id for i in ids]
        prices = await product_prices(session, product_ids)
        recent = {
            rid: (int(n), int(gmv))
            for rid, n, gmv in await session.execute(
                select(Line.registration_id, func.count(func.distinct(Line.order_id)), total(line_base(Line)))
                .where(
                    Line.registration_id.in_(ids),
                    Line.paid_at >= now - RECENT,
                    Line.status.in_(SALE_STATUSES),
                )
                .group_by(Line.registration_id)
            )
        }
        entries = list(
            await session.execute(
                select(
                    models.ShowcaseEntry.product_id,
                    models.ShowcaseEntry.registration_id,
                    models.ShowcaseEntry.creator_rate_bps,
                    models.ShowcaseEntry.pending_rate_bps,
                    models.ShowcaseEntry.pending_rate_effective_at,
                ).where(
                    models.ShowcaseEntry.product_id.in_(product_ids),
                    models.ShowcaseEntry.status == ShowcaseStatus.ACTIVE,
                )
            )
        )
    out: list[AgencyItem] = []
    for spec in specs:
        registration = registrations[spec.registration_id]
        price, currency = prices.get(registration.product_id, (0, Currency.USD))
        agency_bps = agency_rate_bps(registration.total_rate_bps, spec.creator_rate_bps)
        orders, gmv = recent.get(registration.id, (0, 0))
        elsewhere = [
            rate_in_force(rate, pending, pending_at, now)
            for product, rid, rate, pending, pending_at in entries
            if product == registration.product_id and rid != registration.id
        ]
        out.append(
            AgencyItem(
                registration_id=registration.id,
                currency=currency,
                price=price,
                total_rate_bps=registration.total_rate_bps,
                creator_rate_bps=spec.creator_rate_bps,
                agency_rate_bps=agency_bps,
                creator_per_order=apply_rate(price, spec.creator_rate_bps),
                agency_per_order=apply_rate(price, registration.total_rate_bps)
                - apply_rate(price, spec.creator_rate_bps),
                recent_orders=orders,
                recent_gmv=gmv,
                creator_recent=apply_rate(gmv, spec.creator_rate_bps),
                agency_recent=apply_rate(gmv, registration.total_rate_bps)
                - apply_rate(gmv, spec.creator_rate_bps),
                creators_elsewhere=len(elsewhere),
                creators_earning_more=sum(1 for rate in elsewhere if rate > spec.creator_rate_bps),
            )
        )
    return out
