"""Commission events follow the money: `commission.estimated` when a line is paid, `commission.adjusted` whenever
its commission changes after that (a partial or full refund, a cancellation, a freeze, a dispute adjustment),
`commission.settled` when it settles, `commission.paid` when a bill is paid out — to each party whose figures
changed, once per change; shipping and delivery raise none, and a dispute adjustment does not reach the seller."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

from standardwebhooks.webhooks import Webhook

from server.models.enums import Role
from server.services.finance.bills import issue_monthly_bills
from server.services.orders.settlement import settle_due_lines
from tests.disputes.conftest import DECIDE, OPEN, Subjects, open_input, subjects  # noqa: F401 - fixtures
from tests.finance.conftest import earnings, payee_ready, run_payouts  # noqa: F401 - fixtures
from tests.orders.world import created, event, line
from tests.orders_api.conftest import api, people, story  # noqa: F401 - fixtures
from tests.webhooks.conftest import messages, principal, subscribe

COMMISSION = ("commission.estimated", "commission.adjusted", "commission.settled", "commission.paid")


async def _hooks(rt, ow, inbox) -> dict[int, str]:  # noqa: ANN001
    """An endpoint per party asking for every commission event; endpoint id -> party."""
    parties = {
        "seller": principal(Role.SELLER, ow.us.id),
        "agency": principal(Role.AGENCY, ow.agency_id),
        "creator": principal(Role.CREATOR, ow.creators["alice"]),
    }
    return {
        (await subscribe(rt, who, inbox.url(f"/{name}"), *COMMISSION)).endpoint.id: name
        for name, who in parties.items()
    }


async def _sent(rt, hooks: dict[int, str], since: int = 0) -> Counter[tuple[str, str]]:  # noqa: ANN001
    """(party, event type) -> how many messages, among the outbox's rows after the first `since`."""
    return Counter((hooks[m.endpoint_id], m.event_type) for m in (await messages(rt))[since:])


def _each(kind: str, *parties: str) -> Counter[tuple[str, str]]:
    return Counter({(party, kind): 1 for party in parties or ("seller", "agency", "creator")})


async def _send(us, body) -> None:  # noqa: ANN001
    response = await us.send(body)
    assert response.status_code == 200, response.text


async def _attributed_order(ow, us, clock, order_id: str, quantity: int = 2) -> None:  # noqa: ANN001
    product = ow.us.registered[0]
    attribution = {"showcase_entry_id": product.entry_gid("alice")}
    item = line(
        "1", product, quantity=quantity, price="40.00", currency=ow.us.currency, attribution=attribution
    )
    await _send(us, created(order_id, clock.now(), [item]))


async def test_every_change_of_a_lines_commission_is_one_event_per_party(rt, ow, us, clock, inbox) -> None:
    hooks = await _hooks(rt, ow, inbox)
    await _attributed_order(ow, us, clock, "o-1")
    assert await _sent(rt, hooks) == Counter()  # placed: no commission yet
    await _send(us, event("paid", "o-1", clock.now()))
    assert await _sent(rt, hooks) == _each("commission.estimated")
    steps = [
        (event("shipped", "o-1", clock.now()), Counter()),
        # A partial refund lowers the estimate pro rata: adjusted, not estimated again.
        (
            event("refunded", "o-1", clock.now(), lines=[{"line_id": "1", "quantity": 1}]),
            _each("commission.adjusted"),
        ),
        (
            event(
                "refunded", "o-1", clock.now(), lines=[{"line_id": "1", "amount": "5.00", "currency": "USD"}]
            ),
            _each("commission.adjusted"),
        ),
        (event("delivered", "o-1", clock.now()), Counter()),
        (event("frozen", "o-1", clock.now(), reason="risk review"), _each("commission.adjusted")),
        (event("unfrozen", "o-1", clock.now()), _each("commission.adjusted")),
    ]
    for body, expected in steps:
        before = len(await messages(rt))
        await _send(us, body)
        assert await _sent(rt, hooks, before) == expected, body["type"]
    before = len(await messages(rt))
    clock.advance(timedelta(days=16))
    assert await settle_due_lines(rt) == 1
    assert await _sent(rt, hooks, before) == _each("commission.settled")


async def test_cancellation_and_full_refund_are_adjustments(rt, ow, us, clock, inbox) -> None:
    hooks = await _hooks(rt, ow, inbox)
    await _attributed_order(ow, us, clock, "o-1")
    await _attributed_order(ow, us, clock, "o-2")
    for order_id in ("o-1", "o-2"):
        await _send(us, event("paid", order_id, clock.now()))
    before = len(await messages(rt))
    await _send(us, event("cancelled", "o-1", clock.now()))
    assert await _sent(rt, hooks, before) == _each("commission.adjusted")
    before = len(await messages(rt))
    await _send(us, event("refunded", "o-2", clock.now()))
    assert await _sent(rt, hooks, before) == _each("commission.adjusted")


async def test_paid_and_partly_refunded_in_one_batch_is_estimated_then_adjusted(
    rt, ow, us, clock, inbox
) -> None:
    hooks = await _hooks(rt, ow, inbox)
    product = ow.us.registered[0]
    attribution = {"showcase_entry_id": product.entry_gid("alice")}
    item = line("1", product, quantity=2, price="40.00", currency=ow.us.currency, attribution=attribution)
    response = await us.batch(
        [
            created("o-1", clock.now(), [item]),
            event("paid", "o-1", clock.now()),
            event("refunded", "o-1", clock.now(), lines=[{"line_id": "1", "quantity": 1}]),
        ]
    )
    assert response.status_code == 200, response.text
    assert await _sent(rt, hooks) == _each("commission.estimated") + _each("commission.adjusted")


async def test_a_partial_refund_reaches_each_party_trimmed_to_what_it_may_see(
    rt, ow, us, clock, inbox, deliver
) -> None:
    secrets = {}
    for name, who in (
        ("seller", principal(Role.SELLER, ow.us.id)),
        ("creator", principal(Role.CREATOR, ow.creators["alice"])),
    ):
        secrets[name] = (await subscribe(rt, who, inbox.url(f"/{name}"), "commission.adjusted")).secret
    await _attributed_order(ow, us, clock, "o-1")
    await _send(us, event("paid", "o-1", clock.now()))
    await _send(us, event("refunded", "o-1", clock.now(), lines=[{"line_id": "1", "quantity": 1}]))
    assert await deliver() == 2
    seller = Webhook(secrets["seller"]).verify(inbox.at("/seller")[0].body, inbox.at("/seller")[0].headers)
    creator = Webhook(secrets["creator"]).verify(
        inbox.at("/creator")[0].body, inbox.at("/creator")[0].headers
    )
    for body in (seller, creator):
        assert body["type"] == "commission.adjusted"
        assert body["data"]["change"] == {"status": "PAID", "adjustments": ["REFUND"]}
        assert body["data"]["object"]["refundedQuantity"] == 1
    # 80.00 paid, 40.00 refunded: the seller's 20 % and the creator's 15 % of the 40.00 left.
    assert seller["data"]["object"]["sellerCommission"]["estimated"] == {"amount": "8.00", "currency": "USD"}
    assert (
        seller["data"]["object"]["creator"] is None and seller["data"]["object"]["creatorCommission"] is None
    )
    assert "alice" not in inbox.at("/seller")[0].body.lower()
    assert creator["data"]["object"]["creatorCommission"]["estimated"] == {
        "amount": "6.00",
        "currency": "USD",
    }
    assert creator["data"]["object"]["totalRateBps"] is None


async def test_a_dispute_adjustment_reaches_the_agency_and_the_creator_not_the_seller(
    rt,
    ow,
    inbox,
    api,  # noqa: F811
    subjects: Subjects,  # noqa: F811
) -> None:
    hooks = await _hooks(rt, ow, inbox)
    alice, agency = await api("alice"), await api("agency")
    opened = await alice(OPEN, open_input("WRONG_COMMISSION", subjects.settled_line, claimedAmount="2.00"))
    dispute_id = opened["disputeOpen"]["dispute"]["id"]
    before = len(await messages(rt))
    decided = await agency(DECIDE, {"input": {"id": dispute_id, "uphold": True, "note": "fair"}})
    assert decided["disputeDecide"]["dispute"]["adjustment"] == {"amount": "2.00", "currency": "USD"}
    # The seller's figures did not move; the line stays SETTLED and is not "settled" again.
    assert await _sent(rt, hooks, before) == _each("commission.adjusted", "agency", "creator")


async def test_a_paid_bill_is_commission_paid_to_its_payee_only(
    rt,
    world,
    as_role,
    earnings,  # noqa: F811
    clock,
    inbox,
    deliver,
) -> None:
    creator = await subscribe(
        rt, principal(Role.CREATOR, world["creator_a"].organisation_id), inbox.url("/c"), *COMMISSION
    )
    await subscribe(
        rt, principal(Role.AGENCY, world["agency_a"].organisation_id), inbox.url("/a"), *COMMISSION
    )
    await earnings.line()
    clock.set(datetime(2026, 12, 1, tzinfo=UTC))
    assert await issue_monthly_bills(rt) == 2
    await payee_ready(as_role, "creator_a")  # the agency has no bank account: its bill is blocked
    before = len(await messages(rt))
    assert (await run_payouts(await as_role("operator")))["userErrors"] == []
    assert [m.event_type for m in (await messages(rt))[before:]] == ["commission.paid"]
    assert await deliver() == 1
    [request] = inbox.at("/c")
    body = Webhook(creator.secret).verify(request.body, request.headers)
    assert body["type"] == "commission.paid" and body["data"]["object"]["kind"] == "PAYOUT_SENT"
    assert "was paid to" in body["data"]["object"]["body"]
