"""Attribution at order time: the snapshot of campaign, registration, creator, agency and rates — unchanged by
later changes — or an unattributed line with the reason."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import update

from server import models
from server.models.enums import RegistrationStatus, ShowcaseStatus
from server.services.orders import attribution as a
from server.services.orders.settlement import settle_due_lines
from tests.orders.conftest import ledger_of, lines_of
from tests.orders.world import created, event, line


async def change(rt, model, row_id: int, **values: Any) -> None:  # noqa: ANN001
    async with rt.sessionmaker() as s:
        await s.execute(update(model).where(model.id == row_id).values(**values))
        await s.commit()


async def order(
    rt, us, ow, clock, attribution: dict[str, Any] | None, *, product=None, order_id: str = "o-1"
):  # noqa: ANN001, ANN201
    product = product or ow.us.registered[0]
    response = await us.send(
        created(
            order_id,
            clock.now(),
            [line("1", product, price="40.00", currency=ow.us.currency, attribution=attribution)],
        )
    )
    assert response.status_code == 200, response.text
    (row,) = await lines_of(rt, order_id)
    return row


async def test_a_showcase_entry_snapshots_the_collaboration(rt, ow, us, clock) -> None:
    product = ow.us.registered[0]
    row = await order(rt, us, ow, clock, {"showcase_entry_id": product.entry_gid("alice")})
    assert {
        k: getattr(row, k)
        for k in (
            "campaign_id",
            "registration_id",
            "creator_id",
            "agency_id",
            "total_rate_bps",
            "creator_rate_bps",
            "showcase_entry_id",
            "list_item_id",
            "share_link_id",
            "creator_rate_source",
            "unattributed_reason",
        )
    } == {
        "campaign_id": ow.us.campaign_id,
        "registration_id": product.registration_id,
        "creator_id": ow.creators["alice"],
        "agency_id": ow.agency_id,
        "total_rate_bps": 2000,
        "creator_rate_bps": 1500,
        "showcase_entry_id": product.entries["alice"],
        "list_item_id": product.item_id,
        "share_link_id": row.share_link_id,
        "creator_rate_source": a.SHOWCASE_ENTRY,
        "unattributed_reason": None,
    }
    assert row.share_link_id is not None


async def test_later_rate_changes_never_rewrite_the_snapshot(rt, ow, us, clock) -> None:
    product = ow.us.registered[0]
    row = await order(rt, us, ow, clock, {"showcase_entry_id": product.entry_gid("alice")})
    await us.send(event("paid", "o-1", clock.now()))
    before = await ledger_of(rt, row.id)
    # Afterwards the entry is repriced, the item deleted, the registration closed and the campaign ended.
    await change(rt, models.ShowcaseEntry, product.entries["alice"], creator_rate_bps=900)
    await change(rt, models.Registration, product.registration_id, total_rate_bps=3000)
    async with rt.sessionmaker() as s:
        await s.execute(update(models.ShowcaseEntry).values(list_item_id=None))
        await s.execute(
            models.ProductListItem.__table__.delete().where(models.ProductListItem.id == product.item_id)
        )
        await s.commit()
    soon = clock.now() + timedelta(minutes=1)
    await change(rt, models.Campaign, ow.us.campaign_id, campaign_end=soon, registration_end=soon)
    clock.advance(timedelta(hours=1))
    await us.send(
        event("refunded", "o-1", clock.now(), lines=[{"line_id": "1", "amount": "10.00", "currency": "USD"}])
    )
    await us.send(event("delivered", "o-1", clock.now()))
    clock.advance(timedelta(days=15))
    assert await settle_due_lines(rt) == 1
    (after,) = await lines_of(rt, "o-1")
    assert (after.total_rate_bps, after.creator_rate_bps, after.list_item_id) == (2000, 1500, product.item_id)
    assert before == {
        ("ESTIMATED", "SELLER_PAYABLE"): -800,
        ("ESTIMATED", "CREATOR_EARNINGS"): 600,
        ("ESTIMATED", "AGENCY_EARNINGS"): 200,
    }
    # 30.00 left at the snapshot's 2000/1500 → 6.00 / 4.50 / 1.50
    assert await ledger_of(rt, row.id) == {
        ("SETTLED", "SELLER_PAYABLE"): -600,
        ("SETTLED", "CREATOR_EARNINGS"): 450,
        ("SETTLED", "AGENCY_EARNINGS"): 150,
    }


async def test_a_pending_decrease_counts_once_due_at_order_time(rt, ow, us, clock) -> None:
    first, second = ow.us.registered
    await change(
        rt,
        models.ShowcaseEntry,
        first.entries["alice"],
        pending_rate_bps=1000,
        pending_rate_effective_at=clock.now() - timedelta(seconds=1),
    )
    await change(
        rt,
        models.ShowcaseEntry,
        second.entries["alice"],
        pending_rate_bps=1000,
        pending_rate_effective_at=clock.now() + timedelta(days=1),
    )
    due = await order(
        rt, us, ow, clock, {"showcase_entry_id": first.entry_gid("alice")}, product=first, order_id="o-1"
    )
    ahead = await order(
        rt, us, ow, clock, {"showcase_entry_id": second.entry_gid("alice")}, product=second, order_id="o-2"
    )
    assert (due.creator_rate_bps, due.creator_rate_source) == (1000, a.SHOWCASE_ENTRY_DECREASE)
    assert (ahead.creator_rate_bps, ahead.creator_rate_source) == (1500, a.SHOWCASE_ENTRY)


async def test_share_links_attribute_with_the_named_creator(rt, ow, us, clock) -> None:
    product = ow.us.registered[0]
    with_entry = await order(
        rt, us, ow, clock, {"share_link_token": ow.us.share_token, "creator": "@Alice"}, order_id="o-1"
    )
    assert (with_entry.showcase_entry_id, with_entry.creator_id, with_entry.creator_rate_source) == (
        product.entries["alice"],
        ow.creators["alice"],
        a.SHOWCASE_ENTRY,
    )
    await change(rt, models.ProductListItem, product.item_id, creator_rate_bps=1200)
    without_entry = await order(
        rt, us, ow, clock, {"share_link_token": ow.us.share_token, "creator": "carol"}, order_id="o-2"
    )
    assert (
        without_entry.showcase_entry_id,
        without_entry.creator_id,
        without_entry.creator_rate_bps,
        without_entry.creator_rate_source,
        without_entry.list_item_id,
        without_entry.total_rate_bps,
    ) == (None, ow.creators["carol"], 1200, a.LIST_ITEM, product.item_id, 2000)
    assert without_entry.share_link_id == with_entry.share_link_id is not None


UNATTRIBUTED = [
    # (reason, how the world changes first, attribution sent, product index (-1: organic))
    (a.NO_ATTRIBUTION, None, None, 0),
    (
        a.NO_SHOWCASE_ENTRY,
        None,
        {"showcase_entry_id": "U2hvd2Nhc2VFbnRyeTo5OTk5OTk="},
        0,
    ),  # ShowcaseEntry:999999
    (a.ENTRY_NOT_FOR_PRODUCT, None, "entry of product 1", 0),
    (a.CREATOR_MISMATCH, None, "entry with creator carol", 0),
    (a.ENTRY_ENDED, "end entry", "entry", 0),
    (a.NO_SHOWCASE_ENTRY, "entry added later", "entry", 0),
    (a.REGISTRATION_NOT_APPROVED, "registration pending", "entry", 0),
    (a.REGISTRATION_CLOSED, "registration closed", "entry", 0),
    (a.CAMPAIGN_CLOSED, "campaign ended", "entry", 0),
    (a.CAMPAIGN_NOT_STARTED, "campaign later", "entry", 0),
    (a.UNKNOWN_SHARE_LINK, None, {"share_link_token": "nope-nope-nope-nope", "creator": "carol"}, 0),
    (a.LINK_REVOKED, "revoke link", "link", 0),
    (a.UNKNOWN_CREATOR, None, {"share_link_token": "share-us-0123456789", "creator": "nobody"}, 0),
    (a.PRODUCT_NOT_IN_LIST, None, "link", -1),
    (a.REGISTRATION_NOT_APPROVED, "registration pending", "link", 0),
]


@pytest.mark.parametrize(
    ("reason", "setup", "claim", "index"), UNATTRIBUTED, ids=[f"{r[0]}-{r[1]}-{r[2]}" for r in UNATTRIBUTED]
)
async def test_lines_without_a_valid_entry_are_unattributed_with_the_reason(
    rt, ow, us, clock, reason, setup, claim, index
) -> None:
    product = ow.us.products[index]
    entry_id = ow.us.registered[0].entries["alice"]
    past = clock.now() - timedelta(minutes=1)
    if setup == "end entry":
        await change(rt, models.ShowcaseEntry, entry_id, status=ShowcaseStatus.REMOVED, ended_at=past)
    elif setup == "entry added later":
        await change(rt, models.ShowcaseEntry, entry_id, added_at=clock.now() + timedelta(minutes=1))
    elif setup == "registration pending":
        await change(
            rt,
            models.Registration,
            product.registration_id,
            status=RegistrationStatus.PENDING,
            decided_at=None,
        )
    elif setup == "registration closed":
        await change(
            rt, models.Registration, product.registration_id, status=RegistrationStatus.CLOSED, closed_at=past
        )
    elif setup == "campaign ended":
        await change(
            rt,
            models.Campaign,
            ow.us.campaign_id,
            campaign_end=past,
            registration_end=past - timedelta(days=1),
        )
    elif setup == "campaign later":
        later = clock.now() + timedelta(days=1)
        await change(rt, models.Campaign, ow.us.campaign_id, campaign_start=later, registration_start=later)
    elif setup == "revoke link":
        async with rt.sessionmaker() as s:
            await s.execute(update(models.ShareLink).values(revoked_at=past))
            await s.commit()
    claims = {
        "entry": {"showcase_entry_id": ow.us.registered[0].entry_gid("alice")},
        "entry of product 1": {"showcase_entry_id": ow.us.registered[1].entry_gid("alice")},
        "entry with creator carol": {
            "showcase_entry_id": ow.us.registered[0].entry_gid("alice"),
            "creator": "carol",
        },
        "link": {"share_link_token": ow.us.share_token, "creator": "carol"},
    }
    row = await order(
        rt, us, ow, clock, claims.get(claim, claim) if isinstance(claim, str) else claim, product=product
    )
    assert row.unattributed_reason == reason
    assert (
        row.campaign_id,
        row.registration_id,
        row.creator_id,
        row.agency_id,
        row.total_rate_bps,
        row.creator_rate_bps,
    ) == (None,) * 6
    await us.send(event("paid", "o-1", clock.now()))
    assert await ledger_of(rt, row.id) == {}
