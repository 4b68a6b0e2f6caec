"""Notification params: every kind the services write is listed in KIND_PARAMS and has messages in the web
app's catalogue that use exactly its values; the values a notification keeps are ones its English title and
body show to that recipient (a seller never gets a creator's name); Notification.params over the API."""

from __future__ import annotations

import ast
import json
import re
from datetime import timedelta
from pathlib import Path

from sqlalchemy import update

from server import models
from server.models.enums import ShipmentStatus
from server.services import sample_sweep
from server.services.disputes.effects import TITLES as DISPUTE_TITLES
from server.services.notification_kinds import KIND_PARAMS
from server.services.registration_changes import _TITLES as REGISTRATION_TITLES
from server.services.showcase_rates import (
    RATE_DECREASE_CANCELLED,
    RATE_DECREASE_REMINDER,
    RATE_DECREASE_SCHEDULED,
    RATE_INCREASED,
)
from tests.api.notification_params import assert_params_shown
from tests.plugins.api import Api, login_token

from .offers import EXTENSION, add_ok, make_offer, request_sample, review, rows, ship

ROOT = Path(__file__).resolve().parents[3]
EN = json.loads((ROOT / "web" / "src" / "i18n" / "messages" / "en.json").read_text(encoding="utf-8"))
PREFIX = "notification."

# The notify() calls whose kind is not a literal, by file and expression, and the kinds each can be.
DYNAMIC_KINDS = {
    ("server/services/disputes/effects.py", "kind"): set(DISPUTE_TITLES),
    ("server/services/registration_changes.py", "kind"): set(REGISTRATION_TITLES),
    ("server/services/showcase_rates.py", "kind"): {
        RATE_INCREASED,
        RATE_DECREASE_SCHEDULED,
        RATE_DECREASE_CANCELLED,
        RATE_DECREASE_REMINDER,
    },
    ("server/services/sample_shipment.py", "f'SAMPLE_{status.value}'"): {
        f"SAMPLE_{s.value}" for s in ShipmentStatus
    },
}


def _notify_kinds() -> tuple[set[str], set[tuple[str, str]]]:
    """The literal kinds of every notify() call under server/, and the (file, expression) of the others."""
    literal: set[str] = set()
    dynamic: set[tuple[str, str]] = set()
    for path in sorted((ROOT / "server").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
            if name != "notify":
                continue
            kind = next(k.value for k in node.keywords if k.arg == "kind")
            if isinstance(kind, ast.Constant) and isinstance(kind.value, str):
                literal.add(kind.value)
            else:
                dynamic.add((path.relative_to(ROOT).as_posix(), ast.unparse(kind)))
    return literal, dynamic


def test_the_kinds_the_services_write_are_the_listed_ones() -> None:
    literal, dynamic = _notify_kinds()
    assert dynamic == set(DYNAMIC_KINDS), "a notify() call with a computed kind: add it to DYNAMIC_KINDS"
    written = literal.union(*DYNAMIC_KINDS.values())
    assert written == set(KIND_PARAMS)


def test_the_listed_kinds_are_the_ones_the_web_app_has_messages_for() -> None:
    with_messages = {key.removeprefix(PREFIX).rsplit(".", 1)[0] for key in EN if key.startswith(PREFIX)}
    assert with_messages == set(KIND_PARAMS)
    for kind in KIND_PARAMS:
        assert {f"{PREFIX}{kind}.title", f"{PREFIX}{kind}.body"} <= set(EN), kind


def _arguments(text: str) -> set[str]:
    """The argument names of an ICU message (simple arguments, selects and plurals, nested)."""
    found: set[str] = set()

    def message(
        i: int,
    ) -> int:  # reads up to the '}' that closes this message (or the end); returns its index
        while i < len(text) and text[i] != "}":
            if text[i] != "{":
                i += 1
                continue
            head = re.match(r"\{\s*(\w+)\s*(?:,\s*(\w+)\s*,?)?", text[i:])
            assert head, text[i:]
            found.add(head[1])
            i += head.end()
            if head[2] in ("select", "plural"):
                while (option := re.match(r"\s*(=?\w+)\s*\{", text[i:])) is not None:
                    i = message(i + option.end()) + 1
                i = text.index("}", i)
            elif head[2] is not None:
                i = text.index("}", i)
            i += 1
        return i

    message(0)
    return found


def test_each_kinds_messages_use_exactly_its_values() -> None:
    assert _arguments("{a} x {n, plural, =1 {One} other {# {b}}} {c, select, y {{d}} other {Z}}") == {
        "a",
        "n",
        "b",
        "c",
        "d",
    }
    for kind, names in KIND_PARAMS.items():
        text = EN[f"{PREFIX}{kind}.title"] + EN[f"{PREFIX}{kind}.body"]
        assert _arguments(text) == names, kind


async def test_a_samples_notifications_keep_what_their_text_shows(rt, world, as_role, clock) -> None:
    offer = await make_offer(rt, world, world.products["seller_a"], sample_quota=1)
    [first, _] = await add_ok(await as_role("creator_a"), offer.token)
    creator = await as_role("creator_a")
    requested = await request_sample(creator, first["id"])
    sample_id = requested["sampleRequest"]["id"]
    assert (await review(await as_role("agency_a"), sample_id))["userErrors"] == []
    seller = await as_role("seller_a")
    await ship(seller, sample_id, "SHIPPED", carrier="Kerry", trackingNumber="KE1")
    await ship(seller, sample_id, "DELIVERED")
    assert (await creator(EXTENSION, {"i": {"id": sample_id}}))["sampleContentExtension"]["userErrors"] == []
    clock.advance(timedelta(days=22))
    assert await sample_sweep.mark_overdue_samples(rt) == 1

    notes = await rows(rt, models.Notification)
    kinds = {n.kind for n in notes}
    assert {
        "SHOWCASE_ADDED",
        "SAMPLE_REQUESTED",
        "SAMPLE_APPROVED",
        "SAMPLE_TO_SHIP",
        "SAMPLE_SHIPPED",
        "SAMPLE_DELIVERED",
        "SAMPLE_EXTENDED",
        "SAMPLE_OVERDUE",
    } <= kinds
    await assert_params_shown(rt)

    shipped = {n.params["to"]: n.params for n in notes if n.kind == "SAMPLE_SHIPPED"}
    title = next(n.params["product"] for n in notes if n.kind == "SAMPLE_APPROVED")
    assert shipped == {
        "creator": {"to": "creator", "product": title, "carrier": "Kerry", "trackingNumber": "KE1"},
        "agency": {"to": "agency", "product": title},
    }


async def test_params_over_the_api(rt, world, as_role, http) -> None:
    offer = await make_offer(rt, world, world.products["seller_a"], sample_quota=1)
    [first, _] = await add_ok(await as_role("creator_a"), offer.token)
    sample_id = (await request_sample(await as_role("creator_a"), first["id"]))["sampleRequest"]["id"]
    await review(await as_role("agency_a"), sample_id)
    [product] = {
        n.params["product"] for n in await rows(rt, models.Notification) if n.kind == "SAMPLE_APPROVED"
    }
    query = "{ notifications(first: 20) { edges { node { kind title params } } } }"

    agency = Api(http, await login_token(http, world["agency_a"].email))
    seen = {e["node"]["kind"]: e["node"] for e in (await agency(query))["notifications"]["edges"]}
    assert seen["SAMPLE_REQUESTED"]["params"] == {"creator": "Creator A", "product": product}
    assert seen["SAMPLE_REQUESTED"]["title"] == "Creator A requested a sample"

    seller = Api(http, await login_token(http, world["seller_a"].email))
    edges = (await seller(query))["notifications"]["edges"]
    assert [
        (e["node"]["kind"], e["node"]["params"]) for e in edges if e["node"]["kind"].startswith("SAMPLE")
    ] == [("SAMPLE_TO_SHIP", {"product": product})]

    # A notification written before params were kept reads null: the app shows its English.
    async with rt.sessionmaker() as s, s.begin():
        await s.execute(update(models.Notification).values(params=None))
    edges = (await seller(query))["notifications"]["edges"]
    assert edges and all(e["node"]["params"] is None for e in edges)
