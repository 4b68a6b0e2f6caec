"""orderLines with every nested field (product, shop, campaign, creator, receipt) costs the same number of SQL
statements for 1 line as for 10."""

from __future__ import annotations

import pytest

from tests.orders.world import created, event, line

QUERY = """{ orderLines(first: 50) { totalCount edges { node {
  id platformOrderId status shopName creatorName sellerCommission { estimated { amount } actual { amount } }
  creatorCommission { estimated { amount } } agencyCommission { estimated { amount } }
  product { title price { amount } } shop { name } campaign { name } creator { displayName }
  receipt { base { amount } totalRate { bps source } creatorRate { bps source } estimated { seller { amount } }
            postings { at reason legs { account amount { amount } } } events { type occurredAt } }
} } } }"""


async def _orders(ow, us, clock, ids: range) -> None:  # noqa: ANN001
    product = ow.us.registered[0]
    for i in ids:
        await us.send(
            created(
                f"count-{i}",
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
        await us.send(event("paid", f"count-{i}", clock.now()))


# session, page with its count, product, SKU summary, shop, campaign, creator, receipt (lines, ledger legs, events); fields
# the viewer may not see are not loaded: a seller never the creator, a creator never the shop or the campaign.
STATEMENTS = {"agency": 10, "operator": 10, "seller_us": 9, "alice": 8}


@pytest.mark.parametrize("who", sorted(STATEMENTS))
async def test_the_statement_count_does_not_grow_with_the_lines(
    ow, us, clock, api, queries, who: str
) -> None:
    viewer = await api(who)
    counts = []
    for ids in (range(1), range(1, 10)):  # 1 line, then 10
        await _orders(ow, us, clock, ids)
        queries.reset()
        data = await viewer(QUERY)
        counts.append(queries.count)
        assert data["orderLines"]["totalCount"] == ids.stop
    assert counts == [STATEMENTS[who]] * 2, queries.statements
