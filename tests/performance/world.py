"""A small campaign with known figures, on top of the two-tenant world (tests/plugins/api.py), in Thailand (THB,
2 decimals, Asia/Bangkok = UTC+7). T0 is 2026-11-21 09:00 UTC (16:00 in Bangkok).

Agency A runs "Perf week" (campaign 1) and "Perf month" (campaign 2). Registrations:

    r1  seller A product 0  APPROVED  total 2000  bookmarked by agency A
    r2  seller A product 1  PENDING   total 1500
    r3  seller B product 0  APPROVED  total 1000
    r4  seller B product 1  REJECTED  total 1200  (category Home & Living)
    r5  seller A product 1  APPROVED  total 2000  in campaign 2

Showcase: creator A on r1 (1500, since T0-9d), r3 (500) and r5 (1200), all ACTIVE; creator B on r1 (1000, since
T0-8d) ACTIVE and on r3 REMOVED. Samples: A/r1 DELIVERED, B/r1 REQUESTED, A/r3 SHIPPED, B/r3 REJECTED. Content:
A/r1 a video (1000 views, 100 likes, 2 orders) and a LIVE (500, 20, 1); A/r3 a video (10, 1, 0).

Order lines (ledger legs written as ingestion would: estimate at payment, adjustments, release + SETTLED):

    L1 O1 r1 A  2 x 20.00 = 40.00 -> 8.00 / 6.00 / 2.00  SETTLED    paid T0-5d (11-16 in Bangkok)
    L2 O2 r1 B  1 x 50.00, 10.00 refunded = 40.00 -> 8.00 / 4.00 / 4.00  DELIVERED  paid T0-3d (11-18)
    L3 O2 --    seller A product 1, unattributed (r2 is pending)   PAID
    L4 O3 r1 A  1 x 30.00, CANCELLED after payment -> 0            paid 11-18 17:30 UTC (11-19 00:30 in Bangkok)
    L5 O4 r3 A  1 x 10.00, PLACED (never paid)
    L6 O5 r3 A  3 x 10.00 = 30.00 -> 3.00 / 1.50 / 1.50  PAID       paid T0-2d (11-19)
    L7 O6 r1 B  1 x 15.00, fully REFUNDED -> 0                    paid T0-1d (11-20)
    L8 O7 r5 A  1 x 100.00 -> 20.00 / 12.00 / 8.00  PAID          paid T0-4h (11-21), campaign 2
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import update

from server import models
from server.models.enums import (
    ContentKind,
    Currency,
    LedgerAccount,
    LedgerPhase,
    Market,
    OrderLineStatus,
    RegistrationStatus,
    RejectReason,
    SampleStatus,
    ShipmentStatus,
    ShowcaseStatus,
    TargetingMode,
)
from server.runtime import Runtime
from server.services import onboarding
from server.services.unit_of_work import UnitOfWork
from tests.plugins.api import World

THB = Currency.THB
PAID_L4 = datetime(2026, 11, 18, 17, 30, tzinfo=UTC)


@dataclass
class PerfWorld:
    campaign: int
    other_campaign: int
    registrations: dict[str, int]
    creators: dict[str, int]  # "a", "b" -> organisation id
    samples: dict[str, int] = field(default_factory=dict)  # "a/r1" -> id
    contents: dict[str, int] = field(default_factory=dict)
    list_id: int = 0
    link_id: int = 0


class Ledger:
    """Writes lines, orders and their ledger legs as the ingestion service would."""

    def __init__(self, s, agency_id: int) -> None:  # noqa: ANN001
        self.s = s
        self.agency_id = agency_id
        self.orders = 0

    async def order(self, shop_id: int, placed_at: datetime) -> models.Order:
        self.orders += 1
        order = models.Order(
            shop_id=shop_id,
            platform_order_id=f"perf-{self.orders}-{uuid.uuid4().hex[:8]}",
            market=Market.TH,
            currency=THB,
            placed_at=placed_at,
            created_at=placed_at,
        )
        self.s.add(order)
        await self.s.flush()
        return order

    async def line(
        self,
        order: models.Order,
        product_id: int,
        *,
        quantity: int,
        price: int,
        status: OrderLineStatus,
        registration: models.Registration | None = None,
        creator_id: int | None = None,
        creator_rate: int | None = None,
        paid_at: datetime | None = None,
        refunded_quantity: int = 0,
        refunded_amount: int = 0,
        **times: datetime,
    ) -> models.OrderLine:
        attributed = registration is not None
        line = models.OrderLine(
            order_id=order.id,
            platform_line_id=str(uuid.uuid4().hex[:8]),
            product_id=product_id,
            quantity=quantity,
            unit_price_minor=price,
            currency=THB,
            status=status,
            refunded_quantity=refunded_quantity,
            refunded_amount_minor=refunded_amount,
            campaign_id=registration.campaign_id if attributed else None,
            registration_id=registration.id if attributed else None,
            creator_id=creator_id if attributed else None,
            agency_id=self.agency_id if attributed else None,
            total_rate_bps=registration.total_rate_bps if attributed else None,
            creator_rate_bps=creator_rate if attributed else None,
            unattributed_reason=None if attributed else "REGISTRATION_NOT_APPROVED",
            paid_at=paid_at,
            created_at=order.placed_at,
            updated_at=order.placed_at,
            **times,
        )
        self.s.add(line)
        await self.s.flush()
        return line

    def post(
        self,
        line: models.OrderLine,
        shop_id: int,
        phase: LedgerPhase,
        seller: int,
        creator: int,
        agency: int,
        at: datetime,
    ) -> None:
        assert seller == creator + agency
        posting = str(uuid.uuid4())
        for account, party, amount in (
            (LedgerAccount.SELLER_PAYABLE, shop_id, -seller),
            (LedgerAccount.CREATOR_EARNINGS, line.creator_id, creator),
            (LedgerAccount.AGENCY_EARNINGS, line.agency_id, agency),
        ):
            self.s.add(
                models.LedgerEntry(
                    posting_id=posting,
                    order_line_id=line.id,
                    account=account,
                    party_organisation_id=party,
                    phase=phase,
                    amount_minor=amount,
                    currency=THB,
                    reason="test",
                    created_at=at,
                )
            )


def campaign_row(agency_id: int, name: str, now: datetime) -> models.Campaign:
    start, end = now - timedelta(days=10), now + timedelta(days=20)
    return models.Campaign(
        agency_id=agency_id,
        name=name,
        description="",
        market=Market.TH,
        seller_requirements="",
        commission_requirement_bps=1000,
        contact_email="perf@agency.test",
        registration_start=start,
        registration_end=end - timedelta(days=1),
        campaign_start=start,
        campaign_end=end,
        targeting_mode=TargetingMode.OPEN,
        published=True,
        first_published_at=start,
        created_at=start,
        updated_at=start,
    )


def registration_row(
    campaign: models.Campaign,
    product_id: int,
    shop_id: int,
    status: RegistrationStatus,
    total: int,
    now: datetime,
) -> models.Registration:
    rejected = status is RegistrationStatus.REJECTED
    return models.Registration(
        campaign_id=campaign.id,
        product_id=product_id,
        shop_id=shop_id,
        status=status,
        total_rate_bps=total,
        sample_quota=5,
        contact_email="shop@shop.test",
        registered_at=now - timedelta(days=9, hours=12),
        decided_at=None if status is RegistrationStatus.PENDING else now - timedelta(days=9),
        reject_reason=RejectReason.COMMISSION_TOO_LOW if rejected else None,
    )


def entry_row(
    creator_id: int,
    registration: models.Registration,
    rate: int,
    added_at: datetime,
    status: ShowcaseStatus = ShowcaseStatus.ACTIVE,
) -> models.ShowcaseEntry:
    return models.ShowcaseEntry(
        creator_id=creator_id,
        product_id=registration.product_id,
        registration_id=registration.id,
        creator_rate_bps=rate,
        status=status,
        added_at=added_at,
        terms_accepted_at=added_at,
        ended_at=None if status is ShowcaseStatus.ACTIVE else added_at + timedelta(days=1),
    )


def sample_row(
    creator_id: int, registration: models.Registration, status: SampleStatus, now: datetime, **times: datetime
) -> models.SampleRequest:
    return models.SampleRequest(
        creator_id=creator_id,
        registration_id=registration.id,
        product_id=registration.product_id,
        status=status,
        recipient_name="Creator",
        phone="+66 81 234 5678",
        line1="1 Sukhumvit Road",
        city="Bangkok",
        postal_code="10110",
        country="TH",
        created_at=now - timedelta(days=7),
        reject_reason="Not this time" if status is SampleStatus.REJECTED else None,
        **times,
    )


async def build_performance_world(rt: Runtime, world: World) -> PerfWorld:
    now = rt.clock.now()
    agency_id = world["agency_a"].organisation_id
    shop_a, shop_b = world["seller_a"].organisation_id, world["seller_b"].organisation_id
    a, b = world["creator_a"].organisation_id, world["creator_b"].organisation_id
    async with UnitOfWork(rt) as uow:
        s = uow.session
        c1, c2 = campaign_row(agency_id, "Perf week", now), campaign_row(agency_id, "Perf month", now)
        s.add_all([c1, c2])
        await s.flush()
        pa, pb = world.products["seller_a"], world.products["seller_b"]
        await s.execute(
            update(models.Product).where(models.Product.id == pb[1]).values(category="Home & Living")
        )
        regs = {
            "r1": registration_row(c1, pa[0], shop_a, RegistrationStatus.APPROVED, 2000, now),
            "r2": registration_row(c1, pa[1], shop_a, RegistrationStatus.PENDING, 1500, now),
            "r3": registration_row(c1, pb[0], shop_b, RegistrationStatus.APPROVED, 1000, now),
            "r4": registration_row(c1, pb[1], shop_b, RegistrationStatus.REJECTED, 1200, now),
            "r5": registration_row(c2, pa[1], shop_a, RegistrationStatus.APPROVED, 2000, now),
        }
        for reg in regs.values():  # in order: ids ascend r1..r5
            s.add(reg)
            await s.flush()
        r1, r3, r5 = regs["r1"], regs["r3"], regs["r5"]
        s.add(models.Bookmark(agency_id=agency_id, registration_id=r1.id, created_at=now))
        # The creators reached the agency through its share link (that is what lets the agency see them).
        product_list = models.ProductList(
            agency_id=agency_id, campaign_id=c1.id, name="Perf", created_at=now, updated_at=now
        )
        s.add(product_list)
        await s.flush()
        link = models.ShareLink(list_id=product_list.id, token="perf-share-link-token-0001", created_at=now)
        s.add(link)
        await s.flush()
        s.add_all(
            [
                models.LinkOpen(share_link_id=link.id, creator_id=c, first_opened_at=now - timedelta(days=9))
                for c in (a, b)
            ]
        )
        s.add_all(
            [
                entry_row(a, r1, 1500, now - timedelta(days=9)),
                entry_row(b, r1, 1000, now - timedelta(days=8)),
                entry_row(a, r3, 500, now - timedelta(days=8)),
                entry_row(b, r3, 800, now - timedelta(days=8), ShowcaseStatus.REMOVED),
                entry_row(a, r5, 1200, now - timedelta(days=7)),
            ]
        )
        samples = {
            "a/r1": sample_row(
                a,
                r1,
                SampleStatus.DELIVERED,
                now,
                shipped_at=now - timedelta(days=6),
                delivered_at=now - timedelta(days=4),
                content_due_at=now + timedelta(days=10),
            ),
            "b/r1": sample_row(b, r1, SampleStatus.REQUESTED, now),
            "a/r3": sample_row(a, r3, SampleStatus.SHIPPED, now, shipped_at=now - timedelta(days=1)),
            "b/r3": sample_row(b, r3, SampleStatus.REJECTED, now),
        }
        s.add_all(samples.values())
        await s.flush()
        contents = {
            "a/r1/video": (a, r1, ContentKind.VIDEO, 1000, 100, 2, now - timedelta(days=3)),
            "a/r1/live": (a, r1, ContentKind.LIVE, 500, 20, 1, now - timedelta(days=2)),
            "a/r3/video": (a, r3, ContentKind.VIDEO, 10, 1, 0, now - timedelta(days=1)),
        }
        content_rows = {
            key: models.Content(
                creator_id=creator,
                product_id=reg.product_id,
                registration_id=reg.id,
                kind=kind,
                url=f"https://www.tiktok.com/@c/video/{n}",
                external_id=f"perf-{n}",
                posted_at=posted,
                views=views,
                likes=likes,
                orders_count=orders,
                created_at=posted,
            )
            for n, (key, (creator, reg, kind, views, likes, orders, posted)) in enumerate(contents.items())
        }
        s.add_all(content_rows.values())

        ledger = Ledger(s, agency_id)
        d = timedelta(days=1)
        o1 = await ledger.order(shop_a, now - 5 * d)
        l1 = await ledger.line(
            o1,
            pa[0],
            quantity=2,
            price=2000,
            status=OrderLineStatus.SETTLED,
            registration=r1,
            creator_id=a,
            creator_rate=1500,
            paid_at=now - 5 * d,
            delivered_at=now - 4 * d,
            settled_at=now - timedelta(hours=1),
        )
        ledger.post(l1, shop_a, LedgerPhase.ESTIMATED, 800, 600, 200, now - 5 * d)
        ledger.post(l1, shop_a, LedgerPhase.ESTIMATED, -800, -600, -200, now - timedelta(hours=1))
        ledger.post(l1, shop_a, LedgerPhase.SETTLED, 800, 600, 200, now - timedelta(hours=1))

        o2 = await ledger.order(shop_a, now - 3 * d)
        l2 = await ledger.line(
            o2,
            pa[0],
            quantity=1,
            price=5000,
            status=OrderLineStatus.DELIVERED,
            registration=r1,
            creator_id=b,
            creator_rate=1000,
            paid_at=now - 3 * d,
            delivered_at=now - 2 * d,
            refunded_amount=1000,
            refunded_at=now - d,
        )
        ledger.post(l2, shop_a, LedgerPhase.ESTIMATED, 1000, 500, 500, now - 3 * d)
        ledger.post(l2, shop_a, LedgerPhase.ESTIMATED, -200, -100, -100, now - d)
        await ledger.line(o2, pa[1], quantity=1, price=9900, status=OrderLineStatus.PAID, paid_at=now - 3 * d)

        o3 = await ledger.order(shop_a, PAID_L4)
        l4 = await ledger.line(
            o3,
            pa[0],
            quantity=1,
            price=3000,
            status=OrderLineStatus.CANCELLED,
            registration=r1,
            creator_id=a,
            creator_rate=1500,
            paid_at=PAID_L4,
            cancelled_at=now - d,
        )
        ledger.post(l4, shop_a, LedgerPhase.ESTIMATED, 600, 450, 150, PAID_L4)
        ledger.post(l4, shop_a, LedgerPhase.ESTIMATED, -600, -450, -150, now - d)

        o4 = await ledger.order(shop_b, now - d)
        await ledger.line(
            o4,
            pb[0],
            quantity=1,
            price=1000,
            status=OrderLineStatus.PLACED,
            registration=r3,
            creator_id=a,
            creator_rate=500,
        )

        o5 = await ledger.order(shop_b, now - 2 * d)
        l6 = await ledger.line(
            o5,
            pb[0],
            quantity=3,
            price=1000,
            status=OrderLineStatus.PAID,
            registration=r3,
            creator_id=a,
            creator_rate=500,
            paid_at=now - 2 * d,
        )
        ledger.post(l6, shop_b, LedgerPhase.ESTIMATED, 300, 150, 150, now - 2 * d)

        o6 = await ledger.order(shop_a, now - d)
        l7 = await ledger.line(
            o6,
            pa[0],
            quantity=1,
            price=1500,
            status=OrderLineStatus.REFUNDED,
            registration=r1,
            creator_id=b,
            creator_rate=1000,
            paid_at=now - d,
            refunded_quantity=1,
            refunded_amount=1500,
            refunded_at=now - timedelta(hours=2),
        )
        ledger.post(l7, shop_a, LedgerPhase.ESTIMATED, 300, 150, 150, now - d)
        ledger.post(l7, shop_a, LedgerPhase.ESTIMATED, -300, -150, -150, now - timedelta(hours=2))

        o7 = await ledger.order(shop_a, now - timedelta(hours=4))
        l8 = await ledger.line(
            o7,
            pa[1],
            quantity=1,
            price=10000,
            status=OrderLineStatus.PAID,
            registration=r5,
            creator_id=a,
            creator_rate=1200,
            paid_at=now - timedelta(hours=4),
        )
        ledger.post(l8, shop_a, LedgerPhase.ESTIMATED, 2000, 1200, 800, now - timedelta(hours=4))
        await s.flush()
        return PerfWorld(
            campaign=c1.id,
            other_campaign=c2.id,
            registrations={k: r.id for k, r in regs.items()},
            creators={"a": a, "b": b},
            samples={k: v.id for k, v in samples.items()},
            contents={k: v.id for k, v in content_rows.items()},
            list_id=product_list.id,
            link_id=link.id,
        )


async def add_volume(
    rt: Runtime, world: World, pw: PerfWorld, *, products: int, creators: int, orders: int
) -> None:
    """More of everything in campaign 1 (for statement counts): seller A products registered and approved, new
    creators with an entry, a shipped sample and a video on them, and paid, attributed orders spread over them."""
    from server.services import catalogue

    now = rt.clock.now()
    shop_a = world["seller_a"].organisation_id
    async with UnitOfWork(rt) as uow:
        s = uow.session
        campaign = await s.get(models.Campaign, pw.campaign)
        regs = []
        for n in range(products):
            product = await catalogue.create_product(
                uow,
                shop_id=shop_a,
                title=f"Volume product {n}",
                category="Beauty & Personal Care",
                description="",
                image_url=None,
                skus=[catalogue.SkuSpec(seller_sku=f"V{n}", name=None, price_minor=1000, stock=5)],
            )
            reg = registration_row(campaign, product.id, shop_a, RegistrationStatus.APPROVED, 2000, now)
            s.add(reg)
            regs.append(reg)
        await s.flush()
        creator_ids = []
        for n in range(creators):
            org = await onboarding.create_creator(
                uow,
                handle=f"v{uuid.uuid4().hex[:12]}",
                display_name=f"Volume {n}",
                market=Market.TH,
                followers=n,
                categories=["Beauty & Personal Care"],
            )
            creator_ids.append(org.id)
            reg = regs[n % len(regs)]
            s.add(models.LinkOpen(share_link_id=pw.link_id, creator_id=org.id, first_opened_at=now))
            s.add(entry_row(org.id, reg, 1000, now - timedelta(days=2)))
            sample = sample_row(org.id, reg, SampleStatus.SHIPPED, now, shipped_at=now - timedelta(days=1))
            s.add(sample)
            await s.flush()
            s.add(
                models.Shipment(
                    sample_request_id=sample.id,
                    status=ShipmentStatus.SHIPPED,
                    occurred_at=now - timedelta(days=1),
                    created_at=now - timedelta(days=1),
                )
            )
            s.add(
                models.Content(
                    creator_id=org.id,
                    product_id=reg.product_id,
                    registration_id=reg.id,
                    kind=ContentKind.VIDEO,
                    url=f"https://www.tiktok.com/@v/video/{org.id}",
                    posted_at=now,
                    views=n,
                    likes=0,
                    orders_count=0,
                    created_at=now,
                )
            )
        await s.flush()
        ledger = Ledger(s, campaign.agency_id)
        for n in range(orders):
            reg = regs[n % len(regs)]
            order = await ledger.order(shop_a, now - timedelta(hours=n + 1))
            line = await ledger.line(
                order,
                reg.product_id,
                quantity=1,
                price=1000,
                status=OrderLineStatus.PAID,
                registration=reg,
                creator_id=creator_ids[n % len(creator_ids)],
                creator_rate=1000,
                paid_at=order.placed_at,
            )
            ledger.post(line, shop_a, LedgerPhase.ESTIMATED, 200, 100, 100, order.placed_at)
