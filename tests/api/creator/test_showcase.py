"""showcaseAdd, showcaseRemove, showcase, the end-of-collaboration hook and showcaseChanged."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy import update

from server import models
from server.events import channels
from server.ids import encode_id
from server.models.enums import RegistrationStatus, ShowcaseStatus
from server.services import showcase, showcase_endings
from server.services.unit_of_work import UnitOfWork
from tests.api.notification_params import assert_params_shown
from tests.api.test_websocket import ws_client
from tests.plugins.api import Api, login_token
from tests.plugins.ws import until_listening

from .offers import SHOWCASE, add, add_ok, make_offer, more_products, open_link, rows, set_registration_status

REMOVE = """mutation($ids: [ID!]!) { showcaseRemove(input: {entryIds: $ids}) {
  removedIds userErrors { field message code } } }"""


async def active_entries(rt, creator_id: int) -> list[models.ShowcaseEntry]:  # noqa: ANN001
    return await rows(
        rt,
        models.ShowcaseEntry,
        models.ShowcaseEntry.creator_id == creator_id,
        models.ShowcaseEntry.status == ShowcaseStatus.ACTIVE,
    )


async def test_terms_must_be_accepted(rt, world, as_role) -> None:
    offer = await make_offer(rt, world, world.products["seller_a"])
    creator = await as_role("creator_a")
    result = await add(creator, offer.token, acceptTerms=False)
    assert result == {
        "entries": [],
        "replaced": [],
        "userErrors": [
            {
                "field": ["input", "acceptTerms"],
                "message": "Accept the terms to add products",
                "code": "TERMS_NOT_ACCEPTED",
                "productId": None,
            }
        ],
    }
    assert await rows(rt, models.ShowcaseEntry) == []


async def test_adding_all_takes_each_items_current_rate(rt, world, as_role, clock) -> None:
    p0, p1 = world.products["seller_a"]
    offer = await make_offer(rt, world, [p0, p1], rates=[1500, 1100])
    creator = await as_role("creator_a")
    added = await add_ok(creator, offer.token)
    assert [
        (e["product"]["id"], e["creatorRateBps"], e["status"], e["campaignName"], e["agencyName"])
        for e in added
    ] == [
        (encode_id("Product", p0), 1500, "ACTIVE", "Serum week", "Agency A"),
        (encode_id("Product", p1), 1100, "ACTIVE", "Serum week", "Agency A"),
    ]
    stored = await rows(rt, models.ShowcaseEntry)
    assert [(e.registration_id, e.list_item_id, e.share_link_id, e.terms_accepted_at) for e in stored] == [
        (offer.registrations[p], offer.items[p], offer.link_id, clock.now()) for p in (p0, p1)
    ]
    # Adding through a link counts as opening it.
    assert [o.share_link_id for o in await rows(rt, models.LinkOpen)] == [offer.link_id]
    # The agency hears about it; the change is audited.
    notes = await rows(rt, models.Notification, models.Notification.kind == "SHOWCASE_ADDED")
    assert [(n.recipient_organisation_id, n.title) for n in notes] == [
        (world["agency_a"].organisation_id, "Creator A added 2 products")
    ]
    assert {
        a.action for a in await rows(rt, models.AuditEvent, models.AuditEvent.subject_type == "ShowcaseEntry")
    } == {"showcase.add"}
    # Adding the same offer again changes nothing.
    again = await add_ok(creator, offer.token)
    assert [e["id"] for e in again] == [e["id"] for e in added]
    assert len(await rows(rt, models.ShowcaseEntry)) == 2


async def test_adding_chosen_items_and_bad_choices(rt, world, as_role) -> None:
    p0, p1 = world.products["seller_a"]
    offer = await make_offer(rt, world, [p0, p1])
    elsewhere = await make_offer(rt, world, world.products["seller_b"][:1], agency="agency_b")
    creator = await as_role("creator_a")

    result = await add(
        creator,
        offer.token,
        itemIds=[
            offer.item_gid(p0),
            elsewhere.item_gid(world.products["seller_b"][0]),
            offer.item_gid(p0),
            "garbage",
        ],
    )
    assert [(e["field"], e["code"]) for e in result["userErrors"]] == [
        (["input", "itemIds", "3"], "INVALID_ID"),
    ]
    result = await add(
        creator,
        offer.token,
        itemIds=[
            offer.item_gid(p0),
            elsewhere.item_gid(world.products["seller_b"][0]),
            offer.item_gid(p0),
        ],
    )
    assert [(e["field"], e["code"]) for e in result["userErrors"]] == [
        (["input", "itemIds", "1"], "NOT_FOUND"),
        (["input", "itemIds", "2"], "DUPLICATE_ITEM"),
    ]
    assert (await add(creator, offer.token, itemIds=[]))["userErrors"][0]["code"] == "REQUIRED"
    assert await rows(rt, models.ShowcaseEntry) == []

    added = await add_ok(creator, offer.token, itemIds=[offer.item_gid(p1)])
    assert [e["product"]["id"] for e in added] == [encode_id("Product", p1)]


async def test_only_approved_registrations_of_open_campaigns(rt, world, as_role, http, clock) -> None:
    p0, p1 = world.products["seller_a"]
    offer = await make_offer(rt, world, [p0, p1], ends_in=timedelta(days=20))
    creator = await as_role("creator_a")
    await set_registration_status(rt, offer.registrations[p1], RegistrationStatus.PENDING_CLOSED)
    result = await add(creator, offer.token, itemIds=[offer.item_gid(p1)])
    assert [(e["field"], e["code"]) for e in result["userErrors"]] == [
        (["input", "itemIds", "0"], "NOT_AVAILABLE")
    ]
    # "All" means all that can be added.
    assert [e["product"]["id"] for e in await add_ok(creator, offer.token)] == [encode_id("Product", p0)]
    clock.advance(timedelta(days=20))  # the campaign closed: the link is no longer valid
    creator = Api(http, await login_token(http, world["creator_a"].email))  # sessions last 14 days
    result = await add(creator, offer.token)
    assert [(e["field"], e["code"]) for e in result["userErrors"]] == [(["input", "token"], "LINK_NOT_VALID")]


async def test_revoked_or_unknown_link(rt, world, as_role, clock) -> None:
    offer = await make_offer(rt, world, world.products["seller_a"][:1])
    async with UnitOfWork(rt) as uow:
        (await uow.session.get(models.ShareLink, offer.link_id)).revoked_at = clock.now()
    creator = await as_role("creator_a")
    for token in (offer.token, "unknown-token-00000000"):
        result = await add(creator, token)
        assert [(e["field"], e["code"]) for e in result["userErrors"]] == [
            (["input", "token"], "LINK_NOT_VALID")
        ]
    assert await rows(rt, models.ShowcaseEntry) == []


async def test_a_product_active_through_another_offer_needs_a_choice(rt, world, as_role) -> None:
    p0, p1 = world.products["seller_a"]
    first = await make_offer(rt, world, [p0], rates=[1500])
    second = await make_offer(
        rt, world, [p0, p1], agency="agency_b", rates=[1200, 1800], campaign_name="Glow"
    )
    creator = await as_role("creator_a")
    [old] = await add_ok(creator, first.token)

    result = await add(creator, second.token)
    assert result["entries"] == [] and result["userErrors"] == [
        {
            "field": ["input", "choices"],
            "code": "CHOICE_REQUIRED",
            "productId": encode_id("Product", p0),
            "message": "Shop A Serum 0 is already in your showcase at 15% through Serum week · Agency A; this offer is "
            "12%. Choose which offer to keep.",
        }
    ]
    # Nothing changed, not even for the product without a conflict.
    assert [(e.product_id, e.status) for e in await rows(rt, models.ShowcaseEntry)] == [
        (p0, ShowcaseStatus.ACTIVE)
    ]

    # EXISTING keeps the old entry for p0; p1 is added.
    kept = await add_ok(
        creator, second.token, choices=[{"productId": encode_id("Product", p0), "keep": "EXISTING"}]
    )
    assert [e["product"]["id"] for e in kept] == [encode_id("Product", p1)]
    active = await active_entries(rt, world["creator_a"].organisation_id)
    assert sorted((e.product_id, e.creator_rate_bps) for e in active) == [(p0, 1500), (p1, 1800)]

    # NEW replaces it: the old entry is REPLACED, the new one ACTIVE at the new offer's rate.
    result = await add(
        creator, second.token, choices=[{"productId": encode_id("Product", p0), "keep": "NEW"}]
    )
    assert result["userErrors"] == []
    assert [(r["id"], r["status"]) for r in result["replaced"]] == [(old["id"], "REPLACED")]
    assert result["replaced"][0]["endedAt"] is not None
    assert sorted((e["product"]["id"], e["creatorRateBps"]) for e in result["entries"]) == sorted(
        [
            (encode_id("Product", p0), 1200),
            (encode_id("Product", p1), 1800),
        ]
    )
    active = await active_entries(rt, world["creator_a"].organisation_id)
    assert sorted((e.product_id, e.registration_id) for e in active) == [
        (p0, second.registrations[p0]),
        (p1, second.registrations[p1]),
    ]


async def test_a_lost_race_is_a_conflict_from_the_unique_index(rt, world, as_role, monkeypatch) -> None:
    """Two adds of the same product at once: the second finds nothing active when it reads, and the partial unique
    index refuses its insert. Simulated by a stale read of the active entries."""
    p0 = world.products["seller_a"][0]
    first = await make_offer(rt, world, [p0], rates=[1500])
    second = await make_offer(rt, world, [p0], agency="agency_b", rates=[1200])
    creator = await as_role("creator_a")
    await add_ok(creator, first.token)

    async def stale(*_args, **_kwargs):  # noqa: ANN002, ANN003, ANN202
        return {}

    monkeypatch.setattr(showcase, "active_entries", stale)
    result = await add(creator, second.token)
    assert [(e["field"], e["code"]) for e in result["userErrors"]] == [(["input"], "CONFLICT")]
    assert [(e.registration_id, e.status) for e in await rows(rt, models.ShowcaseEntry)] == [
        (first.registrations[p0], ShowcaseStatus.ACTIVE)
    ]


async def test_remove(rt, world, as_role) -> None:
    p0, p1 = world.products["seller_a"]
    offer = await make_offer(rt, world, [p0, p1])
    creator, other = await as_role("creator_a"), await as_role("creator_b")
    added = await add_ok(creator, offer.token)
    theirs = await add_ok(other, offer.token)

    result = (await creator(REMOVE, {"ids": [added[0]["id"], theirs[1]["id"]]}))["showcaseRemove"]
    assert result == {
        "removedIds": [],
        "userErrors": [
            {
                "field": ["input", "entryIds", "1"],
                "message": "This product is not in your showcase",
                "code": "NOT_FOUND",
            }
        ],
    }
    result = (await creator(REMOVE, {"ids": [added[0]["id"]]}))["showcaseRemove"]
    assert result == {"removedIds": [added[0]["id"]], "userErrors": []}
    again = (await creator(REMOVE, {"ids": [added[0]["id"]]}))["showcaseRemove"]
    assert [e["code"] for e in again["userErrors"]] == ["NOT_FOUND"]
    stored = {e.id: e for e in await rows(rt, models.ShowcaseEntry)}
    removed = next(e for e in stored.values() if encode_id("ShowcaseEntry", e.id) == added[0]["id"])
    assert removed.status is ShowcaseStatus.REMOVED and removed.ended_at is not None
    notes = await rows(rt, models.Notification, models.Notification.kind == "SHOWCASE_REMOVED")
    assert [(n.recipient_organisation_id, n.title) for n in notes] == [
        (world["agency_a"].organisation_id, "Creator A removed 1 product")
    ]
    # Removed, the product can be added again through the same offer.
    assert len(await add_ok(creator, offer.token)) == 2
    await assert_params_shown(rt)


async def test_showcase_lists_own_entries_with_status_filter(rt, world, as_role, clock) -> None:
    p0, p1 = world.products["seller_a"]
    offer = await make_offer(rt, world, [p0, p1], rates=[1500, 1100], sample_quota=4)
    creator = await as_role("creator_a")
    added = await add_ok(creator, offer.token)
    await add_ok(await as_role("creator_b"), offer.token)
    await creator(REMOVE, {"ids": [added[1]["id"]]})

    data = (await creator(SHOWCASE, {"status": ["ACTIVE"]}))["showcase"]
    assert data["totalCount"] == 1
    node = data["edges"][0]["node"]
    assert node == {
        "id": added[0]["id"],
        "status": "ACTIVE",
        "creatorRateBps": 1500,
        "pendingRateBps": None,
        "pendingRateEffectiveAt": None,
        "addedAt": clock.now().isoformat(),
        "activeSince": clock.now().isoformat(),
        "endedAt": None,
        "campaignName": "Serum week",
        "campaignEnd": (clock.now() + timedelta(days=30)).isoformat(),
        "agencyName": "Agency A",
        "sampleAvailable": True,
        "samplesLeft": 4,
        "product": {
            "id": encode_id("Product", p0),
            "title": "Shop A Serum 0",
            "price": {"amount": "299.00"},
            "stock": 10,
            "shopName": "Shop A",
        },
        "sampleRequest": None,
        "contents": [],
    }
    everything = (await creator(SHOWCASE))["showcase"]
    assert sorted((e["node"]["status"], e["node"]["activeSince"]) for e in everything["edges"]) == [
        ("ACTIVE", clock.now().isoformat()),
        ("REMOVED", None),
    ]


async def test_end_entries_hook_ends_active_entries_and_notifies(rt, world, as_role) -> None:
    p0, p1 = world.products["seller_a"]
    offer = await make_offer(rt, world, [p0, p1])
    creator = await as_role("creator_a")
    await add_ok(creator, offer.token)
    await add_ok(await as_role("creator_b"), offer.token, itemIds=[offer.item_gid(p0)])
    async with rt.broker.subscribe(
        channels.showcase_of_creator(world["creator_a"].organisation_id)
    ) as events:
        async with UnitOfWork(rt) as uow:
            await showcase_endings.end_entries_for_registrations(uow, [offer.registrations[p0]])
            assert events.qsize() == 0  # nothing is published before the commit
        event = await asyncio.wait_for(anext(events), 2)
    assert event["status"] == "ENDED"
    ended = await rows(rt, models.ShowcaseEntry, models.ShowcaseEntry.status == ShowcaseStatus.ENDED)
    assert sorted(e.creator_id for e in ended) == sorted(
        [world["creator_a"].organisation_id, world["creator_b"].organisation_id]
    )
    assert all(e.ended_at is not None and e.product_id == p0 for e in ended)
    notes = await rows(rt, models.Notification, models.Notification.kind == "SHOWCASE_ENDED")
    assert sorted(n.recipient_organisation_id for n in notes) == sorted(
        [world["creator_a"].organisation_id, world["creator_b"].organisation_id]
    )
    audits = await rows(rt, models.AuditEvent, models.AuditEvent.action == "showcase.end")
    assert len(audits) == 2 and all(a.actor_user_id is None for a in audits)
    # Idempotent: nothing ACTIVE is left to end.
    async with UnitOfWork(rt) as uow:
        await showcase_endings.end_entries_for_registrations(uow, [offer.registrations[p0]])
    assert len(await rows(rt, models.Notification, models.Notification.kind == "SHOWCASE_ENDED")) == 2
    await assert_params_shown(rt)


async def test_showcase_changed_is_live_for_the_creator_only(app, rt, world, http, as_role) -> None:
    offer = await make_offer(rt, world, world.products["seller_a"][:1])
    creator = await as_role("creator_a")
    await open_link(creator, offer.token)
    token = await login_token(http, world["creator_a"].email)
    other = await login_token(http, world["creator_b"].email)
    async with ws_client(app) as mine, ws_client(app) as theirs:
        await mine.init({"token": token})
        await theirs.init({"token": other})
        query = "subscription { showcaseChanged { id status creatorRateBps product { id } } }"
        listening = rt.broker.listening()
        await mine.subscribe("1", query)
        await theirs.subscribe("1", query)
        await until_listening(rt.broker, listening + 2)
        [entry] = await add_ok(creator, offer.token)
        message = await mine.next_payload()
        assert message["payload"]["data"]["showcaseChanged"] == {
            "id": entry["id"],
            "status": "ACTIVE",
            "creatorRateBps": 1500,
            "product": {"id": encode_id("Product", world.products["seller_a"][0])},
        }
        assert await theirs.nothing_within(0.5)


@pytest.mark.parametrize("n", [1, 10])
async def test_showcase_statement_count_does_not_grow(rt, world, as_role, queries, n) -> None:
    products = await more_products(rt, world, n)
    offer = await make_offer(rt, world, products)
    creator = await as_role("creator_a")
    await add_ok(creator, offer.token)
    queries.reset()
    data = (await creator(SHOWCASE, {"first": 50}))["showcase"]
    assert data["totalCount"] == n
    # session, page with its count, products, SKU summaries, shop names, offer context, sample requests, contents
    assert queries.count == 8, queries.statements


async def test_showcase_is_for_creators(world, as_role) -> None:
    for role in ("agency_a", "seller_a", "operator"):
        body = await (await as_role(role)).raw(SHOWCASE)
        assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]


async def test_a_pending_decrease_shows_until_its_day_then_is_the_rate(
    rt, world, as_role, http, clock
) -> None:
    offer = await make_offer(
        rt, world, world.products["seller_a"][:1], rates=[1500], ends_in=timedelta(days=90)
    )
    creator = await as_role("creator_a")
    await add_ok(creator, offer.token)
    effective = clock.now() + timedelta(days=30)
    async with UnitOfWork(rt) as uow:  # what showcase_rates.reprice_entries writes for a cut to 10 %
        await uow.session.execute(
            update(models.ShowcaseEntry).values(pending_rate_bps=1000, pending_rate_effective_at=effective)
        )
    query = "{ showcase { edges { node { creatorRateBps pendingRateBps pendingRateEffectiveAt } } } }"
    offers = "{ commissionOffers { activeRateBps } }"
    assert (await creator(query))["showcase"]["edges"][0]["node"] == {
        "creatorRateBps": 1500,
        "pendingRateBps": 1000,
        "pendingRateEffectiveAt": effective.isoformat(),
    }
    assert (await creator(offers))["commissionOffers"] == [{"activeRateBps": 1500}]
    clock.set(effective)
    creator = Api(http, await login_token(http, world["creator_a"].email))  # sessions last 14 days
    assert (await creator(query))["showcase"]["edges"][0]["node"] == {
        "creatorRateBps": 1000,
        "pendingRateBps": None,
        "pendingRateEffectiveAt": None,
    }
    assert (await creator(offers))["commissionOffers"] == [{"activeRateBps": 1000}]
