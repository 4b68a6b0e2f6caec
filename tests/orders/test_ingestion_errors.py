"""Refused requests: each answers {"error": {code, message, field}} with the offending field, and stores nothing."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import update

from server import models
from tests.orders.conftest import stored
from tests.orders.world import Integration, created, event, iso, line, signature

NOTHING = {"orders": 0, "order_lines": 0, "order_events": 0, "ledger_entries": 0}


def assert_error(response, status: int, code: str, field: list[str] | None) -> None:  # noqa: ANN001
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "field"}, body
    assert (body["error"]["code"], body["error"]["field"]) == (code, field), body
    assert body["error"]["message"]


def an_order(ow, clock, **line_fields: Any) -> dict[str, Any]:  # noqa: ANN001
    product = ow.us.registered[0]
    fields = {"price": "40.00", "currency": ow.us.currency, **line_fields}
    return created("o-1", clock.now(), [line("1", product, **fields)])


KEY, TS, SIG = "X-Matchup-Key", "X-Matchup-Timestamp", "X-Matchup-Signature"


async def test_missing_unknown_and_revoked_keys(rt, ow, us, http, clock) -> None:
    body = json.dumps(an_order(ow, clock)).encode()
    headers = us.headers(body)
    del headers[KEY]
    assert_error(
        await http.post("/integrations/orders", content=body, headers=headers),
        401,
        "MISSING_KEY",
        ["headers", KEY],
    )
    for bad in ("mk_0000000000000000.nope", "not-a-key", ow.us.api_key[:-2] + "xx"):
        assert_error(await us.send(body, **{KEY: bad}), 401, "UNKNOWN_KEY", ["headers", KEY])
    async with rt.sessionmaker() as s:
        await s.execute(
            update(models.IntegrationKey)
            .where(models.IntegrationKey.organisation_id == ow.us.id)
            .values(revoked_at=clock.now())
        )
        await s.commit()
    assert_error(await us.send(body), 401, "UNKNOWN_KEY", ["headers", KEY])
    assert await stored(rt) == NOTHING


async def test_timestamps_outside_five_minutes_are_refused(rt, ow, us, http, clock) -> None:
    body = json.dumps(an_order(ow, clock)).encode()
    now = int(clock.now().timestamp())

    async def post(headers: dict[str, str]):  # noqa: ANN202
        return await http.post("/integrations/orders", content=body, headers=headers)

    headers = us.headers(body)
    del headers[TS]
    assert_error(await post(headers), 401, "MISSING_TIMESTAMP", ["headers", TS])
    assert_error(
        await post({**us.headers(body), TS: "2026-11-21T09:00:00Z"}),
        401,
        "INVALID_TIMESTAMP",
        ["headers", TS],
    )
    for skew in (-301, 301, -3600):
        # Correctly signed with its own timestamp: refused for its age alone.
        assert_error(
            await post(us.headers(body, timestamp=now + skew)), 401, "STALE_TIMESTAMP", ["headers", TS]
        )
    assert await stored(rt) == NOTHING
    response = await post(us.headers(body, timestamp=now - 299))
    assert response.status_code == 200, response.text


async def test_signatures_must_match_key_timestamp_and_body(rt, ow, us, vn, http, clock) -> None:
    body = json.dumps(an_order(ow, clock)).encode()
    now = int(clock.now().timestamp())

    async def post(headers: dict[str, str], content: bytes = body):  # noqa: ANN202
        return await http.post("/integrations/orders", content=content, headers=headers)

    headers = us.headers(body)
    del headers[SIG]
    assert_error(await post(headers), 401, "MISSING_SIGNATURE", ["headers", SIG])
    wrong = {
        "another key's secret": {**us.headers(body), SIG: signature(ow.vn.signing_secret, now, body)},
        "the API key as secret": {**us.headers(body), SIG: signature(ow.us.api_key, now, body)},
        "another timestamp": {**us.headers(body), SIG: signature(ow.us.signing_secret, now - 1, body)},
        "no version prefix": {**us.headers(body), SIG: us.headers(body)[SIG].removeprefix("v1=")},
    }
    for headers in wrong.values():
        assert_error(await post(headers), 401, "BAD_SIGNATURE", ["headers", SIG])
    tampered = body.replace(b'"40.00"', b'"4.00"')
    assert_error(await post(us.headers(body), tampered), 401, "BAD_SIGNATURE", ["headers", SIG])
    assert await stored(rt) == NOTHING


async def test_malformed_json_is_refused_after_the_signature(rt, us) -> None:
    for body in (b'{"id": "e1", ', b"\xff\xfe", b'{"quantity": NaN}', b""):
        assert_error(await us.send(body), 400, "MALFORMED_JSON", None)
    assert_error(await us.send(b"[1, 2]"), 400, "INVALID_EVENT", None)
    assert await stored(rt) == NOTHING


async def test_body_size_is_bounded(rt, us) -> None:
    assert_error(await us.send(b" " * (256 * 1024 + 1)), 413, "BODY_TOO_LARGE", None)
    assert await stored(rt) == NOTHING


def _with(event: dict[str, Any], path: list[Any], value: Any) -> dict[str, Any]:
    copy = json.loads(json.dumps(event))
    target = copy
    for part in path[:-1]:
        target = target[part]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return copy


_DELETE = object()

FIELD_ERRORS = [
    # (what, path to change, new value, status, code, field)
    ("no type", ["type"], _DELETE, 422, "REQUIRED", ["type"]),
    ("unknown type", ["type"], "order.lost", 422, "UNKNOWN_EVENT_TYPE", ["type"]),
    ("no event id", ["id"], _DELETE, 422, "REQUIRED", ["id"]),
    ("event id with spaces", ["id"], "e 1", 422, "INVALID_ID", ["id"]),
    ("unknown field", ["lines", 0, "colour"], "red", 422, "UNKNOWN_FIELD", ["lines", "0", "colour"]),
    ("zero quantity", ["lines", 0, "quantity"], 0, 422, "INVALID_QUANTITY", ["lines", "0", "quantity"]),
    ("negative quantity", ["lines", 0, "quantity"], -2, 422, "INVALID_QUANTITY", ["lines", "0", "quantity"]),
    ("quantity as a string", ["lines", 0, "quantity"], "2", 422, "INVALID", ["lines", "0", "quantity"]),
    ("price as a number", ["lines", 0, "unit_price"], 40.0, 422, "INVALID", ["lines", "0", "unit_price"]),
    (
        "negative price",
        ["lines", 0, "unit_price"],
        "-40.00",
        422,
        "INVALID_AMOUNT",
        ["lines", "0", "unit_price"],
    ),
    (
        "cents of a cent",
        ["lines", 0, "unit_price"],
        "40.001",
        422,
        "INVALID_AMOUNT",
        ["lines", "0", "unit_price"],
    ),
    (
        "absurd price",
        ["lines", 0, "unit_price"],
        "999999999999999",
        422,
        "INVALID_AMOUNT",
        ["lines", "0", "unit_price"],
    ),
    (
        "absurd quantity",
        ["lines", 0, "quantity"],
        100_001,
        422,
        "INVALID_QUANTITY",
        ["lines", "0", "quantity"],
    ),
    (
        "unknown currency",
        ["lines", 0, "currency"],
        "EUR",
        422,
        "INVALID_CURRENCY",
        ["lines", "0", "currency"],
    ),
    (
        "another market's currency",
        ["lines", 0, "currency"],
        "VND",
        422,
        "CURRENCY_MISMATCH",
        ["lines", "0", "currency"],
    ),
    ("not a global id", ["lines", 0, "product_id"], "123", 422, "INVALID_ID", ["lines", "0", "product_id"]),
    ("unknown seller sku", ["lines", 0, "sku"], "NOPE-1", 422, "UNKNOWN_SKU", ["lines", "0", "sku"]),
    ("time without zone", ["occurred_at"], "2026-11-21T09:00:00", 422, "INVALID_TIME", ["occurred_at"]),
    ("no lines", ["lines"], [], 422, "REQUIRED", ["lines"]),
    (
        "two sources",
        ["lines", 0, "attribution"],
        {"showcase_entry_id": "x", "share_link_token": "y", "creator": "c"},
        422,
        "INVALID_ATTRIBUTION",
        ["lines", "0", "attribution"],
    ),
    (
        "link without creator",
        ["lines", 0, "attribution"],
        {"share_link_token": "share-us-0123456789"},
        422,
        "REQUIRED",
        ["lines", "0", "attribution"],
    ),
    (
        "malformed entry id",
        ["lines", 0, "attribution"],
        {"showcase_entry_id": "UHJvZHVjdDox"},
        422,
        "INVALID_ID",
        ["lines", "0", "attribution", "showcase_entry_id"],
    ),
    ("another shop's code", ["shop"], "VNSHOP0001", 403, "SHOP_MISMATCH", ["shop"]),
]


@pytest.mark.parametrize(
    ("what", "path", "value", "status", "code", "field"), FIELD_ERRORS, ids=[c[0] for c in FIELD_ERRORS]
)
async def test_field_errors_name_the_field_and_store_nothing(
    rt, ow, us, clock, what, path, value, status, code, field
) -> None:
    response = await us.send(_with(an_order(ow, clock), path, value))
    assert_error(response, status, code, field)
    assert await stored(rt) == NOTHING


async def test_products_of_other_shops_and_future_times_are_refused(rt, ow, us, clock) -> None:
    theirs = ow.vn.registered[0]
    order = an_order(ow, clock)
    order["lines"][0]["product_id"] = theirs.gid
    assert_error(await us.send(order), 422, "UNKNOWN_PRODUCT", ["lines", "0", "product_id"])
    order = an_order(ow, clock)
    order["lines"].append(dict(order["lines"][0]))
    assert_error(await us.send(order), 422, "DUPLICATE_LINE_ID", ["lines"])
    future = iso(clock.now() + timedelta(minutes=6))
    assert_error(
        await us.send({**an_order(ow, clock), "placed_at": future}), 422, "TIME_IN_FUTURE", ["placed_at"]
    )
    assert_error(
        await us.send(event("paid", "o-1", clock.now() + timedelta(minutes=6))),
        422,
        "TIME_IN_FUTURE",
        ["occurred_at"],
    )
    assert await stored(rt) == NOTHING


async def test_platform_keys_name_a_known_shop(rt, ow, platform: Integration, clock) -> None:
    order = an_order(ow, clock)
    assert_error(await platform.send(order), 422, "REQUIRED", ["shop"])
    assert_error(await platform.send({**order, "shop": "XXSHOP9999"}), 422, "UNKNOWN_SHOP", ["shop"])
    assert await stored(rt) == NOTHING
    response = await platform.send({**order, "shop": ow.us.code})
    assert response.status_code == 200 and response.json()["status"] == "applied", response.text
