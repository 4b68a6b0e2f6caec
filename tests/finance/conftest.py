"""Finance fixtures: settled (or only estimated) earnings posted through the orders ledger, a US creator for the
W-9, and GraphQL helpers for tax info, bank accounts, bills and payouts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from server import models
from server.models.enums import (
    MARKET_CURRENCY,
    LedgerPhase,
    Market,
    MemberRole,
    OrderLineStatus,
    RegistrationStatus,
    Role,
    SellerType,
    TargetingMode,
)
from server.runtime import Runtime
from server.services import auth, catalogue, onboarding
from server.services.orders import ledger
from server.services.unit_of_work import UnitOfWork
from tests.plugins.api import PASSWORD, Api, Tenant, World, login_token

# base 400.00 THB at total 2000 / creator 1500 bps: the seller pays 80.00, the creator earns 60.00, the agency 20.00
BASE = 40000
TOTAL_BPS, CREATOR_BPS = 2000, 1500

ACCOUNT_FIELDS = """id payeeName payeeKind market currency taxStatus
  taxInfo { id status form entityType legalName businessName tinType taxIdLast4 certifiedAt submittedAt reviewedAt
            rejectReason address { line1 line2 city region postalCode country } }
  bankAccount { id holderName bankName accountNumberLast4 currency linkedAt unlinkedAt }
  balances { currency estimated { amount currency } settledUnbilled { amount } billed { amount } paid { amount } }"""
ACCOUNT = f"{{ paymentAccount {{ {ACCOUNT_FIELDS} }} }}"
ERRORS = "userErrors { field message code }"
TAX_INFO_FIELDS = "id status form legalName businessName tinType taxIdLast4 rejectReason reviewedAt"
SUBMIT = f"""mutation($input: TaxInfoSubmitInput!) {{ taxInfoSubmit(input: $input) {{
  taxInfo {{ {TAX_INFO_FIELDS} }} paymentAccount {{ id taxStatus }} {ERRORS} }} }}"""
REVIEW = f"""mutation($input: TaxInfoReviewInput!) {{ taxInfoReview(input: $input) {{
  taxInfo {{ {TAX_INFO_FIELDS} }} paymentAccount {{ id payeeName taxStatus }} {ERRORS} }} }}"""
BANK_FIELDS = "id holderName bankName accountNumberLast4 currency linkedAt unlinkedAt"
LINK = f"""mutation($input: BankAccountLinkInput!) {{ bankAccountLink(input: $input) {{
  bankAccount {{ {BANK_FIELDS} }} paymentAccount {{ id bankAccount {{ id }} }} {ERRORS} }} }}"""
UNLINK = f"""mutation($input: BankAccountUnlinkInput!) {{ bankAccountUnlink(input: $input) {{
  bankAccount {{ {BANK_FIELDS} }} paymentAccount {{ id bankAccount {{ id }} }} {ERRORS} }} }}"""
BILL_FIELDS = """id period periodStart periodEnd amount { amount currency } status issuedAt paidAt failedReason attempts
  payee { id payeeName } bankAccount { accountNumberLast4 }
  payouts { attempt status amount { amount currency } reference failureReason bankAccount { accountNumberLast4 } }"""
BILLS = f"""query($first: Int = 50, $status: [BillStatus!], $period: String) {{
  bills(first: $first, status: $status, period: $period) {{ totalCount edges {{ node {{ {BILL_FIELDS} }} }} }} }}"""
GENERATE = f"""mutation($input: BillsGenerateInput!) {{ billsGenerate(input: $input) {{
  bills {{ {BILL_FIELDS} }} {ERRORS} }} }}"""
PAYOUT_RUN = f"""mutation($input: PayoutRunInput!) {{ payoutRun(input: $input) {{
  results {{ bill {{ id period status attempts amount {{ amount currency }} payee {{ payeeName }} }} outcome blockReason
             message payout {{ attempt status reference failureReason bankAccount {{ accountNumberLast4 }} }} }}
  {ERRORS} }} }}"""


def address(market: str = "TH", **overrides: Any) -> dict[str, Any]:
    base = {
        "line1": "99 Rama IV Road",
        "line2": "Floor 12",
        "city": "Bangkok",
        "region": "Bangkok",
        "postalCode": "10500",
        "country": market,
    }
    if market == "US":
        base = {
            "line1": "1 Market St",
            "line2": None,
            "city": "San Francisco",
            "region": "CA",
            "postalCode": "94105",
            "country": "US",
        }
    return {**base, **overrides}


def local_form(**overrides: Any) -> dict[str, Any]:
    return {
        "local": {
            "legalName": "Creator A Co., Ltd.",
            "entityType": "BUSINESS",
            "taxId": "0-1055-51234-56-7",
            "address": address(),
            **overrides,
        }
    }


def w9_form(**overrides: Any) -> dict[str, Any]:
    return {
        "w9": {
            "legalName": "Casey Creator",
            "businessName": "Casey Creates LLC",
            "entityType": "INDIVIDUAL",
            "tinType": "SSN",
            "tin": "123-45-6789",
            "address": address("US"),
            "certify": True,
            **overrides,
        }
    }


def bank_form(**overrides: Any) -> dict[str, Any]:
    return {
        "holderName": "Creator A Co., Ltd.",
        "bankName": "Bangkok Bank",
        "accountNumber": "123-4-56789-4321",
        "routingCode": "BKKBTHBK",
        **overrides,
    }


async def submit(api: Api, form: dict[str, Any]) -> dict[str, Any]:
    return (await api(SUBMIT, {"input": form}))["taxInfoSubmit"]


async def review(
    api: Api, tax_info_id: str, approve: bool = True, reason: str | None = None
) -> dict[str, Any]:
    return (await api(REVIEW, {"input": {"id": tax_info_id, "approve": approve, "reason": reason}}))[
        "taxInfoReview"
    ]


async def link(api: Api, **overrides: Any) -> dict[str, Any]:
    return (await api(LINK, {"input": bank_form(**overrides)}))["bankAccountLink"]


async def run_payouts(api: Api, bill_ids: list[str] | None = None) -> dict[str, Any]:
    return (await api(PAYOUT_RUN, {"input": {} if bill_ids is None else {"billIds": bill_ids}}))["payoutRun"]


async def generate(api: Api, period: str | None = None) -> dict[str, Any]:
    return (await api(GENERATE, {"input": {} if period is None else {"period": period}}))["billsGenerate"]


async def bills_of(api: Api, **variables: Any) -> list[dict[str, Any]]:
    return [e["node"] for e in (await api(BILLS, variables))["bills"]["edges"]]


async def logged_in(http: httpx.AsyncClient, world: World, key: str) -> Api:
    """A new session for `key` (as_role's sessions expire when the clock moves past their 14 days)."""
    return Api(http, await login_token(http, world[key].email))


async def approved(as_role, key: str, form: dict[str, Any] | None = None) -> str:  # noqa: ANN001
    """Tax info submitted by `key` and approved by the operator; returns the tax info id."""
    submitted = await submit(await as_role(key), form or local_form())
    assert submitted["userErrors"] == [], submitted
    reviewed = await review(await as_role("operator"), submitted["taxInfo"]["id"])
    assert reviewed["userErrors"] == [], reviewed
    return submitted["taxInfo"]["id"]


async def payee_ready(as_role, key: str, **bank: Any) -> str:  # noqa: ANN001
    """Approved tax info and a linked bank account (last four 4321 unless told); returns the bank account id."""
    await approved(as_role, key)
    linked = await link(await as_role(key), **bank)
    assert linked["userErrors"] == [], linked
    return linked["bankAccount"]["id"]


async def table_counts(rt: Runtime) -> dict[str, int]:
    """Rows of every finance table, to prove that a refused input changed nothing."""
    tables = (
        models.PaymentAccount,
        models.TaxInfo,
        models.BankAccount,
        models.PaymentBill,
        models.PaymentBillEntry,
        models.Payout,
    )
    async with rt.sessionmaker() as s:
        return {t.__tablename__: await s.scalar(select(func.count()).select_from(t)) for t in tables}


async def finance_snapshot(rt: Runtime) -> list[tuple[Any, ...]]:
    """Every finance row, whole: refused inputs must leave it exactly as it was."""
    out: list[tuple[Any, ...]] = []
    async with rt.sessionmaker() as s:
        for model in (
            models.PaymentAccount,
            models.TaxInfo,
            models.BankAccount,
            models.PaymentBill,
            models.Payout,
        ):
            for row in await s.scalars(select(model).order_by(model.id)):
                out.append((model.__tablename__, *(getattr(row, c.key) for c in model.__table__.columns)))
        out += [
            ("entries", *r)
            for r in (
                await s.execute(
                    select(models.PaymentBillEntry.ledger_entry_id, models.PaymentBillEntry.bill_id)
                )
            ).all()
        ]
    return out


# --- earnings: order lines with their postings, through the orders ledger ----------------------------------------


@dataclass
class Earnings:
    """Posts commission through server/services/orders/ledger.py exactly as ingestion and settlement do: the
    estimate when a line is paid, then (settle=True) its release and the SETTLED posting, at clock.now()."""

    rt: Runtime
    world: World
    shops: dict[Market, tuple[int, int]] = field(default_factory=dict)  # market -> (shop id, product id)
    campaigns: dict[tuple[str, Market], int] = field(default_factory=dict)
    registrations: dict[tuple[str, Market], int] = field(default_factory=dict)
    count: int = 0

    async def _shop(self, uow: UnitOfWork, market: Market) -> tuple[int, int]:
        if market not in self.shops:
            if market is Market.TH:
                self.shops[market] = (
                    self.world["seller_a"].organisation_id,
                    self.world.products["seller_a"][0],
                )
            else:
                shop = await onboarding.create_shop(
                    uow,
                    name=f"Shop {market.value}",
                    shop_code=f"{market.value}SHOPFIN1",
                    market=market,
                    seller_type=SellerType.LOCAL,
                    contact_email=f"shop-{market.value.lower()}@shop.test",
                )
                product = await catalogue.create_product(
                    uow,
                    shop_id=shop.id,
                    title=f"{market.value} serum",
                    category="Beauty & Personal Care",
                    description="",
                    image_url=None,
                    skus=[
                        catalogue.SkuSpec(
                            seller_sku=f"{market.value}-1", name=None, price_minor=BASE, stock=10
                        )
                    ],
                )
                self.shops[market] = (shop.id, product.id)
        return self.shops[market]

    async def _registration(self, uow: UnitOfWork, agency: str, market: Market) -> tuple[int, int]:
        key = (agency, market)
        if key not in self.campaigns:
            now = self.rt.clock.now()
            shop_id, product_id = await self._shop(uow, market)
            campaign = models.Campaign(
                agency_id=self.world[agency].organisation_id,
                name=f"Finance {agency} {market.value}",
                description="",
                market=market,
                seller_requirements="",
                commission_requirement_bps=1000,
                contact_email="c@agency.test",
                registration_start=now - timedelta(days=30),
                registration_end=now + timedelta(days=300),
                campaign_start=now - timedelta(days=30),
                campaign_end=now + timedelta(days=330),
                targeting_mode=TargetingMode.OPEN,
                published=True,
                first_published_at=now - timedelta(days=30),
                created_at=now - timedelta(days=30),
                updated_at=now,
            )
            uow.session.add(campaign)
            await uow.session.flush()
            registration = models.Registration(
                campaign_id=campaign.id,
                product_id=product_id,
                shop_id=shop_id,
                status=RegistrationStatus.APPROVED,
                total_rate_bps=TOTAL_BPS,
                sample_quota=0,
                contact_email="shop@shop.test",
                registered_at=now - timedelta(days=30),
                decided_at=now - timedelta(days=30),
            )
            uow.session.add(registration)
            await uow.session.flush()
            self.campaigns[key], self.registrations[key] = campaign.id, registration.id
        return self.campaigns[key], self.registrations[key]

    async def line(
        self,
        *,
        creator: str = "creator_a",
        agency: str = "agency_a",
        market: Market = Market.TH,
        base: int = BASE,
        settle: bool = True,
    ) -> int:
        """A paid line (its estimate posted), settled now when `settle`; returns the line id."""
        now = self.rt.clock.now()
        currency = MARKET_CURRENCY[market]
        self.count += 1
        async with UnitOfWork(self.rt) as uow:
            s = uow.session
            campaign_id, registration_id = await self._registration(uow, agency, market)
            shop_id, product_id = await self._shop(uow, market)
            order = models.Order(
                shop_id=shop_id,
                platform_order_id=f"fin-{self.count}",
                market=market,
                currency=currency,
                placed_at=now,
                created_at=now,
            )
            s.add(order)
            await s.flush()
            line = models.OrderLine(
                order_id=order.id,
                platform_line_id="1",
                product_id=product_id,
                quantity=1,
                unit_price_minor=base,
                currency=currency,
                status=OrderLineStatus.DELIVERED,
                campaign_id=campaign_id,
                registration_id=registration_id,
                creator_id=self.world[creator].organisation_id,
                agency_id=self.world[agency].organisation_id,
                total_rate_bps=TOTAL_BPS,
                creator_rate_bps=CREATOR_BPS,
                paid_at=now,
                delivered_at=now,
                settle_after=now,
                created_at=now,
                updated_at=now,
            )
            s.add(line)
            await s.flush()
            await ledger.reconcile(s, [(line, shop_id)], {line.id: "Paid: estimated commission"}, now)
            if settle:
                line.status, line.settled_at = OrderLineStatus.SETTLED, now
                await s.flush()
                reasons = {
                    LedgerPhase.ESTIMATED: "Settlement: the estimate is released",
                    LedgerPhase.SETTLED: "Settled: actual commission",
                }
                await ledger.reconcile(s, [(line, shop_id)], {line.id: reasons}, now)
            return line.id


@pytest.fixture
def earnings(rt: Runtime, world: World) -> Earnings:
    return Earnings(rt, world)


@pytest.fixture
async def creator_us(rt: Runtime, world: World) -> Tenant:
    """A US creator (W-9) with a user, added to the world as "creator_us"."""
    return await add_creator(rt, world, Market.US, key="creator_us", handle="caseycreates", name="Casey")


async def add_creator(
    rt: Runtime, world: World, market: Market, *, key: str, handle: str, name: str
) -> Tenant:
    """A creator in `market` with a user (email `<key>@test.local` with dashes), added to the world as `key`."""
    email = f"{key.replace('_', '-')}@test.local"
    async with UnitOfWork(rt) as uow:
        org = await onboarding.create_creator(
            uow,
            handle=handle,
            display_name=name,
            market=market,
            followers=9000,
            categories=["Beauty & Personal Care"],
        )
        user = await auth.create_user(
            uow,
            organisation_id=org.id,
            email=email,
            password=PASSWORD,
            full_name=f"{name} Creator",
            member_role=MemberRole.OWNER,
        )
    tenant = Tenant(role=Role.CREATOR, organisation_id=org.id, user_id=user.id, email=email)
    world.tenants[key] = tenant
    return tenant
