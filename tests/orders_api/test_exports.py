"""/exports/orders.csv and /exports/earnings.csv: authorised like the API, each role exactly the columns it may
see over GraphQL (never a forbidden one, not even empty), its own rows only."""

from __future__ import annotations

import csv
import io

import httpx

from server.ids import encode_id
from tests.orders_api.conftest import Story
from tests.plugins.api import login_token

ALWAYS = [
    "placed at",
    "order id",
    "line id",
    "status",
    "product",
    "product id",
    "seller sku",
    "shop",
    "campaign",
    "agency",
]
MONEY = [
    "currency",
    "quantity",
    "unit price",
    "paid amount",
    "refunded quantity",
    "refunded amount",
    "commission base",
]
TIMES = ["paid at", "delivered at", "settle after", "settled at"]
CREATOR = ["creator", "creator handle"]
SELLER_SIDE = ["total rate %", "seller commission estimated", "seller commission actual"]
CREATOR_SIDE = ["creator rate %", "creator commission estimated", "creator commission actual"]
AGENCY_SIDE = ["agency rate %", "agency commission estimated", "agency commission actual"]


def columns(*, creator: bool, reason: bool, seller: bool, creator_side: bool, agency: bool) -> list[str]:
    order = [
        *ALWAYS,
        *CREATOR,
        "attributed",
        "unattributed reason",
        *MONEY,
        "total rate %",
        "creator rate %",
        "agency rate %",
        *SELLER_SIDE[1:],
        *CREATOR_SIDE[1:],
        *AGENCY_SIDE[1:],
        *TIMES,
    ]
    hidden = set()
    if not creator:
        hidden |= set(CREATOR)
    if not reason:
        hidden.add("unattributed reason")
    for shown, group in ((seller, SELLER_SIDE), (creator_side, CREATOR_SIDE), (agency, AGENCY_SIDE)):
        if not shown:
            hidden |= set(group)
    return [c for c in order if c not in hidden]


EXPECTED = {
    "agency": columns(creator=True, reason=False, seller=True, creator_side=True, agency=True),
    "operator": columns(creator=True, reason=True, seller=True, creator_side=True, agency=True),
    "alice": columns(creator=True, reason=False, seller=False, creator_side=True, agency=False),
    "seller_us": columns(creator=False, reason=True, seller=True, creator_side=False, agency=False),
}
FORBIDDEN = {
    "alice": {
        "total rate %",
        "agency rate %",
        "seller commission estimated",
        "seller commission actual",
        "agency commission estimated",
        "agency commission actual",
    },
    "seller_us": {
        "creator",
        "creator handle",
        "creator rate %",
        "agency rate %",
        "creator commission estimated",
        "creator commission actual",
        "agency commission estimated",
        "agency commission actual",
    },
}


async def download(http: httpx.AsyncClient, who: str | None, path: str, **params: str) -> httpx.Response:
    headers = (
        {} if who is None else {"Authorization": f"Bearer {await login_token(http, f'{who}@orders.test')}"}
    )
    return await http.get(path, params=params, headers=headers)


def parse(response: httpx.Response) -> tuple[list[str], list[dict[str, str]]]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    reader = csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))
    rows = list(reader)
    return list(reader.fieldnames or []), rows


async def test_each_role_gets_exactly_its_columns_and_rows(http, people, story: Story) -> None:
    for who, expected in EXPECTED.items():
        header, rows = parse(await download(http, who, "/exports/orders.csv"))
        assert header == expected, who
        assert not FORBIDDEN.get(who, set()) & set(header), who
    _, agency = parse(await download(http, "agency", "/exports/orders.csv"))
    by_order = {r["order id"]: r for r in agency}
    assert sorted(by_order) == sorted([story.settled, story.cancelled, story.vn_paid])
    settled = by_order[story.settled]
    assert {
        k: settled[k]
        for k in (
            "creator",
            "creator handle",
            "status",
            "paid amount",
            "commission base",
            "total rate %",
            "creator rate %",
            "agency rate %",
            "seller commission actual",
            "creator commission actual",
            "agency commission actual",
        )
    } == {
        "creator": "Alice",
        "creator handle": "alice",
        "status": "SETTLED",
        "paid amount": "80.00",
        "commission base": "70.00",
        "total rate %": "20%",
        "creator rate %": "15%",
        "agency rate %": "5%",
        "seller commission actual": "14.00",
        "creator commission actual": "10.50",
        "agency commission actual": "3.50",
    }
    assert by_order[story.vn_paid]["agency commission estimated"] == "3500"
    assert by_order[story.vn_paid]["agency commission actual"] == ""  # not settled yet
    _, alice = parse(await download(http, "alice", "/exports/orders.csv"))
    assert sorted(r["order id"] for r in alice) == sorted([story.settled, story.cancelled])
    _, seller = parse(await download(http, "seller_us", "/exports/orders.csv"))
    organic = next(r for r in seller if r["order id"] == story.organic)
    assert (
        organic["attributed"],
        organic["unattributed reason"],
        organic["seller commission estimated"],
    ) == ("no", "NO_ATTRIBUTION", "0.00")
    _, stranger = parse(await download(http, "other_agency", "/exports/orders.csv"))
    assert stranger == []


async def test_filters_and_bad_parameters(http, people, ow, story: Story) -> None:
    _, rows = parse(await download(http, "operator", "/exports/orders.csv", status="settled,cancelled"))
    assert sorted(r["order id"] for r in rows) == sorted([story.settled, story.cancelled])
    _, rows = parse(await download(http, "operator", "/exports/orders.csv", attributed="false"))
    assert [r["order id"] for r in rows] == [story.organic]
    _, rows = parse(
        await download(
            http, "operator", "/exports/orders.csv", campaignId=encode_id("Campaign", ow.vn.campaign_id)
        )
    )
    assert [r["order id"] for r in rows] == [story.vn_paid]
    _, rows = parse(
        await download(http, "operator", "/exports/orders.csv", **{"from": "2026-12-01", "to": "2026-12-31"})
    )
    assert sorted(r["order id"] for r in rows) == sorted([story.organic, story.cancelled, story.vn_paid])
    for params in (
        {"status": "LOST"},
        {"campaignId": "nope"},
        {"from": "yesterday"},
        {"creator": "alice"},
        {"from": "2026-12-02", "to": "2026-12-01"},
        {"attributed": "maybe"},
    ):
        response = await download(http, "operator", "/exports/orders.csv", **params)
        assert response.status_code == 400, params
    assert (await download(http, None, "/exports/orders.csv")).status_code == 401
    assert (await download(http, None, "/exports/earnings.csv")).status_code == 401


async def test_earnings_is_the_statement_of_the_viewers_own_account(http, people, story: Story) -> None:
    header, rows = parse(await download(http, "alice", "/exports/earnings.csv"))
    assert header == [
        "posted at",
        "phase",
        "amount",
        "currency",
        "reason",
        "placed at",
        "order id",
        "line id",
        "status",
        "product",
        "campaign",
        "creator",
    ]
    assert [(r["order id"], r["phase"], r["amount"]) for r in rows] == [
        (story.settled, "ESTIMATED", "12.00"),
        (story.settled, "ESTIMATED", "-1.50"),
        (story.settled, "ESTIMATED", "-10.50"),
        (story.settled, "SETTLED", "10.50"),
        (story.cancelled, "ESTIMATED", "3.00"),
        (story.cancelled, "ESTIMATED", "-3.00"),
    ]
    assert rows[1]["reason"].startswith("Refund of 10.00 USD")
    header, rows = parse(await download(http, "agency", "/exports/earnings.csv"))
    assert "creator" in header
    assert sum(float(r["amount"]) for r in rows if r["currency"] == "USD" and r["phase"] == "SETTLED") == 3.5
    assert {r["order id"] for r in rows} == {story.settled, story.cancelled, story.vn_paid}
    _, recent = parse(
        await download(http, "agency", "/exports/earnings.csv", **{"from": "2026-12-07T09:30:00Z"})
    )
    assert {r["order id"] for r in recent} == {story.cancelled, story.vn_paid}  # posted after the settlement
    for who in ("seller_us", "operator"):
        assert (await download(http, who, "/exports/earnings.csv")).status_code == 404
