"""contentRecord: a video or LIVE for a product in the showcase; it fulfils a delivered (or overdue) sample."""

from __future__ import annotations

from datetime import timedelta

from server import models
from server.ids import encode_id
from server.models.enums import SampleStatus
from server.services import sample_sweep
from tests.api.notification_params import assert_params_shown
from tests.plugins.api import Api, login_token

from .offers import CONTENT_RECORD, SAMPLE_FIELDS, add_ok, make_offer, request_sample, review, rows, ship


async def record(api, entry_id: str, **extra) -> dict:  # noqa: ANN001
    data = await api(
        CONTENT_RECORD,
        {
            "i": {
                "showcaseEntryId": entry_id,
                "kind": "VIDEO",
                "url": "https://www.tiktok.com/@creatora/video/7",
                **extra,
            }
        },
    )
    return data["contentRecord"]


async def test_content_for_a_product_in_the_showcase(rt, world, as_role, clock) -> None:
    p0, p1 = world.products["seller_a"]
    offer = await make_offer(rt, world, [p0, p1])
    creator = await as_role("creator_a")
    [entry, other] = await add_ok(creator, offer.token)
    await creator(
        "mutation($ids: [ID!]!) { showcaseRemove(input: {entryIds: $ids}) { removedIds } }",
        {"ids": [other["id"]]},
    )

    assert [e["code"] for e in (await record(creator, other["id"]))["userErrors"]] == ["NOT_IN_SHOWCASE"]
    theirs = await add_ok(await as_role("creator_b"), offer.token)
    assert [e["code"] for e in (await record(creator, theirs[0]["id"]))["userErrors"]] == ["NOT_IN_SHOWCASE"]
    for url, code in (
        ("", "REQUIRED"),
        ("http://www.tiktok.com/v/1", "INVALID_FORMAT"),
        ("https://" + "a" * 500 + ".com", "TOO_LONG"),
        ("javascript:alert(1)", "INVALID_FORMAT"),
    ):
        result = await record(creator, entry["id"], url=url)
        assert [(e["field"], e["code"]) for e in result["userErrors"]] == [(["input", "url"], code)], url
    future = (clock.now() + timedelta(minutes=1)).isoformat()
    result = await record(creator, entry["id"], postedAt=future)
    assert [(e["field"], e["code"]) for e in result["userErrors"]] == [
        (["input", "postedAt"], "OUT_OF_RANGE")
    ]
    assert await rows(rt, models.Content) == []

    result = await record(creator, entry["id"], kind="LIVE")
    assert result["userErrors"] == [] and result["sampleRequest"] is None
    assert result["content"] | {"id": None} == {
        "id": None,
        "kind": "LIVE",
        "url": "https://www.tiktok.com/@creatora/video/7",
        "postedAt": clock.now().isoformat(),
        "product": {"id": encode_id("Product", p0)},
        "campaignName": "Serum week",
    }
    notes = await rows(rt, models.Notification, models.Notification.kind == "CONTENT_POSTED")
    assert [(n.recipient_organisation_id, n.title) for n in notes] == [
        (world["agency_a"].organisation_id, "Creator A posted a LIVE")
    ]
    shown = (await creator("{ showcase(status: [ACTIVE]) { edges { node { contents { kind } } } } }"))[
        "showcase"
    ]
    assert shown["edges"][0]["node"]["contents"] == [{"kind": "LIVE"}]
    await assert_params_shown(rt)


async def test_content_fulfils_a_delivered_or_overdue_sample(rt, world, as_role, http, clock) -> None:
    p0, p1 = world.products["seller_a"]
    offer = await make_offer(rt, world, [p0, p1])
    creator, agency, seller = await as_role("creator_a"), await as_role("agency_a"), await as_role("seller_a")
    entries = await add_ok(creator, offer.token)
    ids = []
    for entry in entries:
        sample_id = (await request_sample(creator, entry["id"]))["sampleRequest"]["id"]
        await review(agency, sample_id)
        await ship(seller, sample_id, "SHIPPED", carrier="Kerry", trackingNumber=f"KE{len(ids)}")
        ids.append(sample_id)
    await ship(seller, ids[0], "DELIVERED")
    # Shipped, not delivered yet: content is recorded, the sample stays SHIPPED.
    early = await record(creator, entries[1]["id"])
    assert early["sampleRequest"] is None
    result = await record(creator, entries[0]["id"])
    assert result["sampleRequest"] == {"id": ids[0], "status": "CONTENT_POSTED"}
    # The agency sees the content on the request.
    query = f"query($id: ID!) {{ node(id: $id) {{ ... on SampleRequest {{ {SAMPLE_FIELDS} }} }} }}"
    seen = (await agency(query, {"id": ids[0]}))["node"]
    assert [c["id"] for c in seen["contents"]] == [result["content"]["id"]]
    assert (await seller(query, {"id": ids[0]}))["node"]["contents"] is None

    await ship(seller, ids[1], "DELIVERED")
    clock.advance(timedelta(days=15))
    assert await sample_sweep.mark_overdue_samples(rt) == 1
    creator = Api(http, await login_token(http, world["creator_a"].email))  # sessions last 14 days
    late = await record(creator, entries[1]["id"], postedAt=clock.now().isoformat())
    assert late["sampleRequest"] == {"id": ids[1], "status": "CONTENT_POSTED"}
    assert {s.status for s in await rows(rt, models.SampleRequest)} == {SampleStatus.CONTENT_POSTED}
    audits = await rows(
        rt, models.AuditEvent, models.AuditEvent.action.in_(["content.record", "sample.content"])
    )
    assert sorted(a.action for a in audits) == ["content.record"] * 3 + ["sample.content"] * 2
