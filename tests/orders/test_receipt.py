"""The receipt of one line ("why this number") and what each party may see of it."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import true

from server.auth.principal import Principal
from server.authz.decisions import receipt_view
from server.authz.rules import Audience
from server.loaders.orders import OrderLoaders
from server.models.enums import LedgerAccount, LedgerPhase, OrderLineStatus, Role
from server.services.orders import ledger
from server.services.orders.receipt import Amounts, Receipt, line_receipt, receipt_for
from server.services.orders.settlement import settle_due_lines
from tests.orders.conftest import lines_of
from tests.orders.world import created, event, line


async def settled_line_with_a_refund(rt, ow, us, clock):  # noqa: ANN001, ANN201
    product = ow.us.registered[0]
    await us.send(
        created(
            "o-1",
            clock.now(),
            [
                line(
                    "1",
                    product,
                    quantity=2,
                    price="40.00",
                    currency=ow.us.currency,
                    attribution={"showcase_entry_id": product.entry_gid("alice")},
                )
            ],
        )
    )
    paid_at = clock.now() + timedelta(minutes=5)
    clock.set(paid_at)
    await us.send(event("paid", "o-1", paid_at))
    clock.advance(timedelta(days=1))
    await us.send(
        event("refunded", "o-1", clock.now(), lines=[{"line_id": "1", "amount": "10.00", "currency": "USD"}])
    )
    await us.send(event("delivered", "o-1", clock.now()))
    clock.advance(timedelta(days=15))
    await settle_due_lines(rt)
    (row,) = await lines_of(rt, "o-1")
    async with rt.sessionmaker() as s:
        return await line_receipt(s, row.id, scope=true()), product, paid_at


async def test_the_receipt_explains_every_number(rt, ow, us, clock) -> None:
    receipt, product, paid_at = await settled_line_with_a_refund(rt, ow, us, clock)
    assert (receipt.status, receipt.gross_minor, receipt.refunded_amount_minor, receipt.base_minor) == (
        OrderLineStatus.SETTLED,
        8000,
        1000,
        7000,
    )
    assert (receipt.total_rate_bps, receipt.total_rate_source, receipt.registration_id) == (
        2000,
        "REGISTRATION",
        product.registration_id,
    )
    assert (
        receipt.creator_rate_bps,
        receipt.creator_rate_source,
        receipt.showcase_entry_id,
        receipt.list_item_id,
    ) == (1500, "SHOWCASE_ENTRY", product.entries["alice"], product.item_id)
    assert receipt.agency_rate_bps == 500
    assert receipt.first_estimate == Amounts(1600, 1200, 400)  # 80.00 at payment
    assert receipt.estimated == Amounts(0, 0, 0)  # released at settlement
    assert receipt.actual == receipt.due_now == Amounts(1400, 1050, 350)  # 70.00 after the refund
    assert [(p.reason.split(" (")[0].split(":")[0], p.created_at) for p in receipt.postings] == [
        ("Estimated at payment", paid_at),
        ("Refund of 10.00 USD", paid_at + timedelta(days=1)),
        ("Settlement", paid_at + timedelta(days=16)),
        ("Settled", paid_at + timedelta(days=16)),
    ]
    assert receipt.postings[1].reason.startswith(
        "Refund of 10.00 USD: recomputed on 70.00 USD (order.refunded"
    )
    assert [leg.amount_minor for leg in receipt.postings[1].legs] == [200, -150, -50]
    for posting in receipt.postings:
        assert sum(leg.amount_minor for leg in posting.legs) == 0
    assert [(e.type, e.occurred_at, e.applied_at is not None) for e in receipt.events] == [
        ("order.created", paid_at - timedelta(minutes=5), True),
        ("order.paid", paid_at, True),
        ("order.refunded", paid_at + timedelta(days=1), True),
        ("order.delivered", paid_at + timedelta(days=1), True),
    ]


async def test_the_receipt_keeps_the_platforms_reasons_and_only_this_lines_events(rt, ow, us, clock) -> None:
    first, second = ow.us.registered
    await us.send(
        created(
            "o-1",
            clock.now(),
            [
                line(
                    "1",
                    first,
                    price="40.00",
                    currency=ow.us.currency,
                    attribution={"showcase_entry_id": first.entry_gid("alice")},
                ),
                line(
                    "2",
                    second,
                    price="19.99",
                    currency=ow.us.currency,
                    attribution={"showcase_entry_id": second.entry_gid("alice")},
                ),
            ],
        )
    )
    await us.send(event("paid", "o-1", clock.now()))
    await us.send(event("cancelled", "o-1", clock.now(), line_ids=["2"], reason="out of stock"))
    one, two = await lines_of(rt, "o-1")
    async with rt.sessionmaker() as s:
        kept = await line_receipt(s, one.id, scope=true())
        cancelled = await line_receipt(s, two.id, scope=true())
    assert [e.type for e in kept.events] == ["order.created", "order.paid"]
    assert [(e.type, e.reason) for e in cancelled.events][-1] == ("order.cancelled", "out of stock")
    assert cancelled.postings[-1].reason.startswith("Order cancelled: commission reversed (order.cancelled ")
    assert cancelled.postings[-1].reason.endswith(": out of stock)")
    assert cancelled.estimated == Amounts(0, 0, 0) and cancelled.first_estimate == Amounts(400, 300, 100)


def seen_by(receipt: Receipt, audience: Audience) -> Receipt:
    view = receipt_view(audience)
    assert view is not None, audience
    return receipt_for(receipt, view)


async def test_each_party_sees_its_own_share_only(rt, ow, us, clock) -> None:
    receipt, _, _ = await settled_line_with_a_refund(rt, ow, us, clock)
    assert seen_by(receipt, Audience.AGENCY) == receipt
    assert seen_by(receipt, Audience.OPERATOR) == receipt
    assert receipt_view(Audience.ANONYMOUS) is None

    seller = seen_by(receipt, Audience.SELLER)
    assert (
        seller.creator_id,
        seller.creator_rate_bps,
        seller.agency_rate_bps,
        seller.showcase_entry_id,
        seller.list_item_id,
        seller.share_link_id,
        seller.creator_rate_source,
    ) == (None,) * 7
    assert seller.total_rate_bps == 2000 and seller.actual == Amounts(1400, None, None)
    assert {leg.account for p in seller.postings for leg in p.legs} == {LedgerAccount.SELLER_PAYABLE}

    creator = seen_by(receipt, Audience.CREATOR)
    assert (
        creator.total_rate_bps,
        creator.agency_rate_bps,
        creator.registration_id,
        creator.total_rate_source,
    ) == (None,) * 4
    assert creator.creator_rate_bps == 1500 and creator.actual == Amounts(None, 1050, None)
    assert {leg.account for p in creator.postings for leg in p.legs} == {LedgerAccount.CREATOR_EARNINGS}


async def test_the_receipt_loader_reads_only_the_lines_of_the_viewers_row_scope(rt, ow, us, clock) -> None:
    receipt, _, _ = await settled_line_with_a_refund(rt, ow, us, clock)
    parties = [
        (Role.AGENCY, ow.agency_id, True),
        (Role.OPERATOR, 12345, True),
        (Role.SELLER, ow.us.id, True),
        (Role.CREATOR, ow.creators["alice"], True),
        (Role.AGENCY, ow.agency_id + 999, False),
        (Role.SELLER, ow.vn.id, False),
        (Role.CREATOR, ow.creators["carol"], False),
    ]
    for role, organisation_id, theirs in parties:
        principal = Principal(user_id=1, role=role, organisation_id=organisation_id)
        loaded = await OrderLoaders(rt, principal, cache=False).receipt_by_line_id.load(receipt.line_id)
        expected = seen_by(receipt, Audience(role.value)) if theirs else None
        assert loaded == expected, (role, organisation_id)
    assert await OrderLoaders(rt, None, cache=False).receipt_by_line_id.load(receipt.line_id) is None


async def test_balances_are_sums_per_party_account_and_phase(rt, ow, us, clock) -> None:
    await settled_line_with_a_refund(rt, ow, us, clock)
    product = ow.us.registered[0]
    await us.send(
        created(
            "o-2",
            clock.now(),
            [
                line(
                    "1",
                    product,
                    price="40.00",
                    currency=ow.us.currency,
                    attribution={"showcase_entry_id": product.entry_gid("alice")},
                )
            ],
        )
    )
    await us.send(event("paid", "o-2", clock.now()))
    async with rt.sessionmaker() as s:
        rows = await ledger.balances(s, party_ids=[ow.us.id, ow.creators["alice"], ow.agency_id])
        assert await ledger.unbalanced_postings(s) == []
    got = {(b.party_organisation_id, b.account, b.phase): b.amount_minor for b in rows if b.amount_minor}
    assert got == {
        (ow.us.id, LedgerAccount.SELLER_PAYABLE, LedgerPhase.SETTLED): -1400,
        (ow.creators["alice"], LedgerAccount.CREATOR_EARNINGS, LedgerPhase.SETTLED): 1050,
        (ow.agency_id, LedgerAccount.AGENCY_EARNINGS, LedgerPhase.SETTLED): 350,
        (ow.us.id, LedgerAccount.SELLER_PAYABLE, LedgerPhase.ESTIMATED): -800,
        (ow.creators["alice"], LedgerAccount.CREATOR_EARNINGS, LedgerPhase.ESTIMATED): 600,
        (ow.agency_id, LedgerAccount.AGENCY_EARNINGS, LedgerPhase.ESTIMATED): 200,
    }
    assert {b.currency.value for b in rows} == {"USD"}
