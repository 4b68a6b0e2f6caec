"""The commission math of docs/domain.md through the endpoint and the ledger: the worked example, VND without
decimals, half-up rounding per line, and partial refunds recomputed pro rata on the remaining base."""

from __future__ import annotations

import pytest

from server.models.enums import OrderLineStatus
from server.services.orders.commission import Split, split
from tests.orders.conftest import ledger_of, lines_of
from tests.orders.test_ingestion_errors import assert_error
from tests.orders.world import created, event, line

EST = "ESTIMATED"


def estimated(seller: int, creator: int, agency: int) -> dict[tuple[str, str], int]:
    legs = {
        (EST, "SELLER_PAYABLE"): -seller,
        (EST, "CREATOR_EARNINGS"): creator,
        (EST, "AGENCY_EARNINGS"): agency,
    }
    return {k: v for k, v in legs.items() if v}


@pytest.mark.parametrize(
    ("base", "total", "creator", "expected"),
    [
        (
            4000,
            2000,
            1500,
            Split(800, 600, 200),
        ),  # docs/domain.md: 40.00 USD at 2000/1500 → 8.00 / 6.00 / 2.00
        (99999, 1250, 1075, Split(12500, 10750, 1750)),  # 12499.875 → 12500; 10749.8925 → 10750
        (1, 5000, 5000, Split(1, 1, 0)),  # 0.5 rounds up
        (3, 1667, 1666, Split(1, 0, 1)),  # 0.5001 → 1, 0.4998 → 0: the agency gets the rounding difference
        (0, 8000, 100, Split(0, 0, 0)),
    ],
)
def test_split_is_half_up_per_line_and_agency_is_the_rest(
    base: int, total: int, creator: int, expected: Split
) -> None:
    assert split(base, total, creator) == expected


def test_the_creator_rate_is_part_of_the_total() -> None:
    with pytest.raises(ValueError):
        split(100, 1000, 1001)


async def test_worked_example_40_usd_at_2000_1500(rt, ow, us, clock) -> None:
    product = ow.us.registered[0]
    await us.send(
        created(
            "o-1",
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
    (placed,) = await lines_of(rt, "o-1")
    assert await ledger_of(rt, placed.id) == {}  # PLACED: no commission before payment
    await us.send(event("paid", "o-1", clock.now()))
    (paid,) = await lines_of(rt, "o-1")
    assert (paid.status, paid.unit_price_minor, paid.total_rate_bps, paid.creator_rate_bps) == (
        OrderLineStatus.PAID,
        4000,
        2000,
        1500,
    )
    assert await ledger_of(rt, paid.id) == estimated(800, 600, 200)


async def test_vnd_has_no_decimals(rt, ow, vn, clock) -> None:
    product = ow.vn.registered[0]
    attribution = {"showcase_entry_id": product.entry_gid("bao")}
    assert_error(
        await vn.send(
            created(
                "o-0",
                clock.now(),
                [line("1", product, price="99999.5", currency=ow.vn.currency, attribution=attribution)],
            )
        ),
        422,
        "INVALID_AMOUNT",
        ["lines", "0", "unit_price"],
    )
    await vn.send(
        created(
            "o-1",
            clock.now(),
            [line("1", product, quantity=3, price="99999", currency=ow.vn.currency, attribution=attribution)],
        )
    )
    await vn.send(event("paid", "o-1", clock.now()))
    (row,) = await lines_of(rt, "o-1")
    # base 299997 VND at 1250/1075: 37499.625 → 37500; 32249.6775 → 32250; agency 5250
    assert (row.unit_price_minor, row.currency.value) == (99999, "VND")
    assert await ledger_of(rt, row.id) == estimated(37500, 32250, 5250)


async def test_partial_refunds_recompute_on_the_remaining_base(rt, ow, us, clock) -> None:
    product = ow.us.registered[0]
    await us.send(
        created(
            "o-1",
            clock.now(),
            [
                line(
                    "1",
                    product,
                    quantity=3,
                    price="40.00",
                    currency=ow.us.currency,
                    attribution={"showcase_entry_id": product.entry_gid("alice")},
                )
            ],
        )
    )
    await us.send(event("paid", "o-1", clock.now()))
    (row,) = await lines_of(rt, "o-1")
    assert await ledger_of(rt, row.id) == estimated(2400, 1800, 600)

    await us.send(event("refunded", "o-1", clock.now(), lines=[{"line_id": "1", "quantity": 1}]))
    assert await ledger_of(rt, row.id) == estimated(1600, 1200, 400)  # base 80.00
    await us.send(
        event("refunded", "o-1", clock.now(), lines=[{"line_id": "1", "amount": "15.00", "currency": "USD"}])
    )
    assert await ledger_of(rt, row.id) == estimated(1300, 975, 325)  # base 65.00
    (row,) = await lines_of(rt, "o-1")
    assert (row.status, row.refunded_quantity, row.refunded_amount_minor) == (OrderLineStatus.PAID, 1, 5500)

    too_much = event(
        "refunded", "o-1", clock.now(), lines=[{"line_id": "1", "amount": "65.01", "currency": "USD"}]
    )
    assert_error(await us.send(too_much), 422, "REFUND_EXCEEDS_PAID", ["lines", "0", "amount"])
    too_many = event(
        "refunded", "o-1", clock.now(), lines=[{"line_id": "1", "quantity": 2}]
    )  # 80.00 > 65.00 left
    assert_error(await us.send(too_many), 422, "REFUND_EXCEEDS_PAID", ["lines", "0", "quantity"])
    wrong_currency = event(
        "refunded", "o-1", clock.now(), lines=[{"line_id": "1", "amount": "1.00", "currency": "VND"}]
    )
    assert_error(await us.send(wrong_currency), 422, "CURRENCY_MISMATCH", ["lines", "0", "currency"])
    assert await ledger_of(rt, row.id) == estimated(1300, 975, 325)

    await us.send(event("refunded", "o-1", clock.now()))  # the whole order: everything left
    (row,) = await lines_of(rt, "o-1")
    assert (row.status, row.refunded_quantity, row.refunded_amount_minor) == (
        OrderLineStatus.REFUNDED,
        3,
        12000,
    )
    assert await ledger_of(rt, row.id) == {}  # a full refund nets to zero
    assert_error(await us.send(event("refunded", "o-1", clock.now())), 409, "LINE_REFUNDED", ["order_id"])


async def test_unattributed_lines_never_post(rt, ow, us, clock) -> None:
    organic = ow.us.organic
    await us.send(created("o-1", clock.now(), [line("1", organic, price="25.00", currency=ow.us.currency)]))
    await us.send(event("paid", "o-1", clock.now()))
    (row,) = await lines_of(rt, "o-1")
    assert (row.unattributed_reason, row.campaign_id, row.total_rate_bps) == ("NO_ATTRIBUTION", None, None)
    assert await ledger_of(rt, row.id) == {}
