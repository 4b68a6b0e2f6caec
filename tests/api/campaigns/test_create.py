"""campaignCreate: a valid campaign, and every bad input answered with its code and field path, nothing written."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from server import models
from server.models.enums import Market
from tests.conftest import T0

from .support import CREATE, add_seller, database_state, errors, iso, valid_input


@pytest.fixture(autouse=True)
async def agency_a_serves_every_market(rt, world) -> None:  # noqa: ANN001
    """These tests walk each market's rules; the rule that a campaign's market is one the agency serves is
    tested in test_daily_ops.py."""
    from sqlalchemy import update

    async with rt.sessionmaker() as s, s.begin():
        await s.execute(
            update(models.Agency)
            .where(models.Agency.organisation_id == world["agency_a"].organisation_id)
            .values(markets=[m.value for m in Market])
        )


START = T0 + timedelta(days=1)  # the start of valid_input(T0)
Edit = Callable[[dict[str, Any]], None]


def contact(**fields: Any) -> Edit:
    def edit(data: dict[str, Any]) -> None:
        data["contact"] = {"email": "hello-a@agency.test", **fields}

    return edit


def set_(**fields: Any) -> Edit:
    return lambda data: data.update(fields)


def times(reg_start: Any, reg_end: Any, start: Any, end: Any) -> Edit:
    return set_(
        registrationStart=iso(reg_start),
        registrationEnd=iso(reg_end),
        campaignStart=iso(start),
        campaignEnd=iso(end),
    )


def in_market(market: str, **contact_fields: Any) -> Edit:
    def edit(data: dict[str, Any]) -> None:
        data["market"] = market
        contact(**contact_fields)(data)

    return edit


def selected(*codes: str) -> Edit:
    return set_(targeting={"mode": "SELECTED", "shopCodes": list(codes)})


def name_path(*rest: str) -> list[str]:
    return ["input", *rest]


BAD_INPUT: list[tuple[str, Edit, list[tuple[str, list[str] | None]]]] = [
    ("empty name", set_(name=""), [("REQUIRED", name_path("name"))]),
    ("blank name", set_(name="   "), [("REQUIRED", name_path("name"))]),
    ("name of 50", set_(name="x" * 50), [("TOO_LONG", name_path("name"))]),
    ("description of 1000", set_(description="d" * 1000), [("TOO_LONG", name_path("description"))]),
    (
        "seller requirements of 1000",
        set_(sellerRequirements="r" * 1000),
        [("TOO_LONG", name_path("sellerRequirements"))],
    ),
    (
        "registration starts after the campaign",
        times(START + timedelta(hours=1), START + timedelta(days=5), START, START + timedelta(days=10)),
        [("INVALID_PERIOD", name_path("registrationStart"))],
    ),
    (
        "registration ends after the campaign",
        times(START, START + timedelta(days=11), START, START + timedelta(days=10)),
        [("INVALID_PERIOD", name_path("registrationEnd"))],
    ),
    (
        "end before start",
        times(START, START - timedelta(hours=2), START, START - timedelta(hours=1)),
        [("INVALID_PERIOD", name_path("campaignEnd")), ("INVALID_PERIOD", name_path("registrationEnd"))],
    ),
    (
        "end equals start",
        times(START, START + timedelta(hours=1), START, START),
        [("INVALID_PERIOD", name_path("campaignEnd")), ("INVALID_PERIOD", name_path("registrationEnd"))],
    ),
    (
        "period of 360 days",
        times(START, START + timedelta(days=5), START, START + timedelta(days=360)),
        [("PERIOD_TOO_LONG", name_path("campaignEnd"))],
    ),
    (
        "start in the past",
        times(
            T0 - timedelta(hours=1), T0 + timedelta(days=1), T0 - timedelta(hours=1), T0 + timedelta(days=2)
        ),
        [("START_IN_PAST", name_path("campaignStart"))],
    ),
    (
        "start now",
        times(T0, T0 + timedelta(days=1), T0, T0 + timedelta(days=2)),
        [("START_IN_PAST", name_path("campaignStart"))],
    ),
    (
        "time without offset",
        set_(campaignEnd=(START + timedelta(days=10)).replace(tzinfo=None).isoformat()),
        [("INVALID_FORMAT", name_path("campaignEnd"))],
    ),
    ("TH without LINE", contact(), [("MESSENGER_REQUIRED", name_path("contact", "messenger"))]),
    (
        "TH with WhatsApp",
        contact(messenger="WHATSAPP", messengerHandle="+66812345678"),
        [("MESSENGER_REQUIRED", name_path("contact", "messenger"))],
    ),
    ("PH without Viber", in_market("PH"), [("MESSENGER_REQUIRED", name_path("contact", "messenger"))]),
    (
        "VN with LINE",
        in_market("VN", messenger="LINE", messengerHandle="x"),
        [("MESSENGER_REQUIRED", name_path("contact", "messenger"))],
    ),
    ("MY without WhatsApp", in_market("MY"), [("MESSENGER_REQUIRED", name_path("contact", "messenger"))]),
    ("ID without WhatsApp", in_market("ID"), [("MESSENGER_REQUIRED", name_path("contact", "messenger"))]),
    ("GB without WhatsApp", in_market("GB"), [("MESSENGER_REQUIRED", name_path("contact", "messenger"))]),
    (
        "US with LINE",
        in_market("US", messenger="LINE", messengerHandle="x"),
        [("MESSENGER_REQUIRED", name_path("contact", "messenger"))],
    ),
    (
        "messenger without handle",
        contact(messenger="LINE"),
        [("REQUIRED", name_path("contact", "messengerHandle"))],
    ),
    (
        "handle without messenger",
        in_market("US", messengerHandle="+15551234567"),
        [("REQUIRED", name_path("contact", "messenger"))],
    ),
    (
        "no email",
        contact(email=" ", messenger="LINE", messengerHandle="@a"),
        [("REQUIRED", name_path("contact", "email"))],
    ),
    (
        "malformed email",
        contact(email="hello-at-agency", messenger="LINE", messengerHandle="@a"),
        [("INVALID_FORMAT", name_path("contact", "email"))],
    ),
    (
        "malformed phone",
        contact(phone="call me", messenger="LINE", messengerHandle="@a"),
        [("INVALID_FORMAT", name_path("contact", "phone"))],
    ),
    (
        "requirement 99",
        set_(commissionRequirementBps=99),
        [("OUT_OF_RANGE", name_path("commissionRequirementBps"))],
    ),
    (
        "requirement 8001",
        set_(commissionRequirementBps=8001),
        [("OUT_OF_RANGE", name_path("commissionRequirementBps"))],
    ),
    ("selected without codes", selected(), [("REQUIRED", name_path("targeting", "shopCodes"))]),
    (
        "selected with null codes",
        set_(targeting={"mode": "SELECTED"}),
        [("REQUIRED", name_path("targeting", "shopCodes"))],
    ),
    (
        "101 shop codes",
        selected(*(f"THSHOP{i:04d}" for i in range(101))),
        [("TOO_MANY", name_path("targeting", "shopCodes"))],
    ),
    (
        "malformed codes",
        selected("THSHOPAAA1", "TH SHOP", "THSHOP-1", "ABC12", "X" * 21),
        [("INVALID_FORMAT", name_path("targeting", "shopCodes", str(i))) for i in (1, 2, 3, 4)],
    ),
    (
        "open with codes",
        set_(targeting={"mode": "OPEN", "shopCodes": ["THSHOPAAA1"]}),
        [("INVALID_FORMAT", name_path("targeting", "shopCodes"))],
    ),
    (
        "several rules at once",
        lambda d: (set_(name="", commissionRequirementBps=50)(d), contact(email="nope")(d)),
        [
            ("REQUIRED", name_path("name")),
            ("OUT_OF_RANGE", name_path("commissionRequirementBps")),
            ("INVALID_FORMAT", name_path("contact", "email")),
            ("MESSENGER_REQUIRED", name_path("contact", "messenger")),
        ],
    ),
]


@pytest.mark.parametrize(
    ("edit", "expected"), [(e, x) for _, e, x in BAD_INPUT], ids=[n for n, _, _ in BAD_INPUT]
)
async def test_bad_input_is_refused_with_code_and_path_and_nothing_changes(
    rt, world, as_role, clock, edit, expected
) -> None:
    api = await as_role("agency_a")
    data = valid_input(clock.now())
    edit(data)
    before = await database_state(rt)
    payload = (await api(CREATE, {"i": data}))["campaignCreate"]
    assert payload["campaign"] is None
    assert errors(payload) == expected, payload["userErrors"]
    assert all(e["message"] for e in payload["userErrors"])
    assert await database_state(rt) == before


async def test_unknown_and_other_market_codes_are_listed_back_with_malformed_ones(
    rt, http, world, as_role, clock
) -> None:
    await add_seller(rt, http, "vn-seller", market=Market.VN, code="VNSHOPVVV1")
    api = await as_role("agency_a")
    data = valid_input(clock.now())
    selected("THSHOPAAA1", " thnope0001 ", "VNSHOPVVV1", "bad code", "THNOPE0001")(data)
    before = await database_state(rt)
    payload = (await api(CREATE, {"i": data}))["campaignCreate"]
    assert errors(payload) == [
        ("INVALID_FORMAT", ["input", "targeting", "shopCodes", "3"]),
        ("UNKNOWN_SHOP_CODES", ["input", "targeting", "shopCodes"]),
    ]
    assert payload["userErrors"][1]["unknownShopCodes"] == ["THNOPE0001", "VNSHOPVVV1"]
    assert await database_state(rt) == before


async def test_a_valid_campaign_is_created_ready_with_normalised_values_and_an_audit_event(
    rt, world, as_role, clock
) -> None:
    api = await as_role("agency_a")
    data = valid_input(
        clock.now(),
        name="  Serum week  ",
        commissionRequirementBps=100,
        targeting={
            "mode": "SELECTED",
            "shopCodes": [" thshopbbb2", "THSHOPAAA1", "thshopaaa1 "],
            "sellerType": "LOCAL",
        },
        contact={"email": " Hello-A@Agency.TEST ", "messenger": "LINE", "messengerHandle": " @agencya "},
    )
    payload = (await api(CREATE, {"i": data}))["campaignCreate"]
    assert payload["userErrors"] == []
    campaign = payload["campaign"]
    assert campaign["name"] == "Serum week"
    assert (
        campaign["status"] == "READY"
        and campaign["published"] is False
        and campaign["firstPublishedAt"] is None
    )
    assert campaign["targetingMode"] == "SELECTED" and campaign["targetSellerType"] == "LOCAL"
    assert campaign["targetShopCodes"] == ["THSHOPAAA1", "THSHOPBBB2"]
    assert campaign["contact"] == {
        "email": "hello-a@agency.test",
        "phone": None,
        "messenger": "LINE",
        "messengerHandle": "@agencya",
    }
    assert campaign["currency"] == "THB" and campaign["commissionRequirementBps"] == 100
    assert campaign["pendingChange"] is None and campaign["editableAt"] is None
    async with rt.sessionmaker() as s:
        events = (await s.scalars(select(models.AuditEvent))).all()
    assert [(e.action, e.subject_type, e.actor_user_id) for e in events] == [
        ("campaign.create", "Campaign", world["agency_a"].user_id)
    ]
    assert events[0].changes["name"] == [None, "Serum week"]


@pytest.mark.parametrize(
    ("market", "contact_fields"),
    [
        ("US", {}),
        ("US", {"messenger": "WHATSAPP", "messengerHandle": "+15551234567"}),
        ("VN", {"messenger": "ZALO", "messengerHandle": "0912345678"}),
        ("PH", {"messenger": "VIBER", "messengerHandle": "+639171234567"}),
        ("GB", {"messenger": "WHATSAPP", "messengerHandle": "+447700900123"}),
    ],
)
async def test_each_market_takes_its_messenger(
    world, as_role, clock, market: str, contact_fields: dict
) -> None:
    api = await as_role("agency_a")
    data = valid_input(clock.now(), market=market)
    contact(**contact_fields)(data)
    payload = (await api(CREATE, {"i": data}))["campaignCreate"]
    assert payload["userErrors"] == []
    assert payload["campaign"]["market"] == market


async def test_boundaries_are_accepted(world, as_role, clock) -> None:
    api = await as_role("agency_a")
    start = clock.now() + timedelta(seconds=1)
    data = valid_input(
        clock.now(),
        name="n" * 49,
        description="d" * 999,
        commissionRequirementBps=8000,
        registrationStart=iso(start),
        campaignStart=iso(start),
        registrationEnd=iso(start + timedelta(days=360) - timedelta(seconds=1)),
        campaignEnd=iso(start + timedelta(days=360) - timedelta(seconds=1)),
        targeting={"mode": "SELECTED", "shopCodes": ["THSHOPAAA1"]},
    )
    payload = (await api(CREATE, {"i": data}))["campaignCreate"]
    assert payload["userErrors"] == []


async def test_only_agencies_create_campaigns(world, as_role, clock) -> None:
    for role in ("seller_a", "creator_a", "operator"):
        api = await as_role(role)
        body = await api.raw(CREATE, {"i": valid_input(clock.now())})
        assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"], role
