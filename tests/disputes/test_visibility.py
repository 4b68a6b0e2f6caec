"""Who sees which dispute, and what of it: each party only its own; the seller never the creator (the agency relays),
by any path of the schema or in any answer; the operator everything, read-only, with ageing; the inbox puts the
nearest deadline first."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest

from server.authz.decisions import field_access
from server.authz.rules import Access, Audience
from tests.disputes.conftest import OPEN, REPLY, Subjects, open_input
from tests.schema import object_types, sdl_schema
from tests.schema.test_reachability import reachable_types

# Fields that would tell who a creator is (names, handles, the profile; counts of creators are not), and a
# dispute's claimant and authors.
CREATOR_IDENTITY = re.compile(
    r"^(creator(?!s|RateBps$|Commission)|claimant(?!Role$)|handle$|displayName$|avatarUrl$|followers$|authorName$)",
    re.IGNORECASE,
)
# The seller's own people, only ever: a person's name is shown inside the author's organisation.
OWN_ORGANISATION_ONLY = {("DisputeMessage", "authorPersonName")}

FULL = """query($id: ID!) { node(id: $id) { ... on Dispute {
  id type status claimantRole claimantName agencyName campaignName orderNumber orderDate claimedAmount { amount }
  dueAt answerWindowDays ageDays product { title shopName } sampleRequest { status creator { handle } }
  messages { body authorRole authorName authorPersonName } } } }"""


def test_a_seller_walking_the_schema_finds_no_creator_identity() -> None:
    schema = sdl_schema()
    found = []
    for type_name in reachable_types(schema, Audience.SELLER):
        for field_name in object_types(schema)[type_name].fields:
            access = field_access(type_name, field_name, Audience.SELLER)
            if access is Access.DENY or (type_name, field_name) in OWN_ORGANISATION_ONLY:
                continue
            if CREATOR_IDENTITY.match(field_name):
                found.append(f"{type_name}.{field_name} ({access.name})")
    assert found == []
    # The walk is not vacuous: the seller reaches disputes and their threads.
    assert {"Dispute", "DisputeMessage"} <= set(reachable_types(schema, Audience.SELLER))


async def test_the_seller_reads_a_sample_dispute_without_learning_the_creator(
    rt, api, subjects: Subjects
) -> None:
    alice, agency, seller = await api("alice"), await api("agency"), await api("seller_us")
    d = await alice(
        OPEN, open_input("SAMPLE_NOT_RECEIVED", subjects.sample, "Tracking says delivered; nothing here.")
    )
    dispute_id = d["disputeOpen"]["dispute"]["id"]
    await agency(REPLY, {"input": {"id": dispute_id, "body": "Seller: can you check with the carrier?"}})
    await seller(REPLY, {"input": {"id": dispute_id, "body": "Checking with the carrier."}})
    seen = (await seller(FULL, {"id": dispute_id}))["node"]
    assert (seen["claimantRole"], seen["claimantName"], seen["sampleRequest"]) == (
        "CREATOR",
        None,
        {"status": "DELIVERED", "creator": None},
    )
    assert [(m["authorRole"], m["authorName"], m["authorPersonName"]) for m in seen["messages"]] == [
        ("CREATOR", None, None),
        ("AGENCY", None, None),
        ("SELLER", None, "Seller_Us"),
    ]
    text = json.dumps(seen)
    assert "Alice" not in text and "alice" not in text
    # The creator sees the seller's words and the agency's, with the organisations.
    mine = (await alice(FULL, {"id": dispute_id}))["node"]
    assert [m["authorName"] for m in mine["messages"]] == ["Alice", "Agency Orders", "Shop US"]


async def test_each_party_sees_only_its_disputes_and_the_operator_all_with_ageing(
    rt, api, subjects: Subjects, clock
) -> None:
    alice, carol, seller = await api("alice"), await api("carol"), await api("seller_us")
    other, operator = await api("other_agency"), await api("operator")
    money = (await alice(OPEN, open_input("WRONG_COMMISSION", subjects.settled_line)))["disputeOpen"][
        "dispute"
    ]["id"]
    clock.advance(timedelta(days=3))
    appeal = (await seller(OPEN, open_input("REJECTION_APPEAL", subjects.rejected)))["disputeOpen"][
        "dispute"
    ]["id"]
    inbox = "{ disputes { totalCount edges { node { id type dueAt ageDays } } } }"

    async def ids(client) -> list[str]:  # noqa: ANN001
        return [e["node"]["id"] for e in (await client(inbox))["disputes"]["edges"]]

    assert await ids(alice) == [money]
    assert await ids(seller) == [appeal]  # a money dispute of its line is not the seller's
    assert await ids(carol) == [] and await ids(other) == []
    agency_inbox = (await (await api("agency"))(inbox))["disputes"]["edges"]
    # Deadlines first: the appeal (7 days, opened later) is due before the money dispute (14 days).
    assert [e["node"]["id"] for e in agency_inbox] == [appeal, money]
    seen = (await operator(inbox))["disputes"]["edges"]
    assert [(e["node"]["id"], e["node"]["ageDays"]) for e in seen] == [(appeal, 0), (money, 3)]
    assert (await carol.raw(FULL, {"id": money}))["data"]["node"] is None
    # Read-only for the operator: writing is refused by the policy.
    body = await operator.raw(REPLY, {"input": {"id": money, "body": "hi"}})
    assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]
    filtered = await operator("{ disputes(type: [REJECTION_APPEAL]) { edges { node { id } } } }")
    assert [e["node"]["id"] for e in filtered["disputes"]["edges"]] == [appeal]
    closed = await operator("{ disputes(open: false) { totalCount } }")
    assert closed["disputes"]["totalCount"] == 0


@pytest.mark.parametrize("size", [0, 1, 10])
async def test_the_inbox_costs_the_same_whatever_its_size(
    rt, api, subjects: Subjects, queries, size: int
) -> None:
    from sqlalchemy import select

    from server import models
    from tests.disputes.seed_many import add_disputes

    agency = await api("agency")
    async with rt.sessionmaker() as s:
        line = await s.get(
            models.OrderLine,
            (await s.scalar(select(models.OrderLine.id).where(models.OrderLine.creator_id.is_not(None)))),
        )
    await add_disputes(rt, line, size)
    queries.reset()
    data = await agency(
        "{ disputes(first: 20) { edges { node { id claimantName product { title } "
        "messages { body authorName } orderLine { status } } } } }"
    )
    assert len(data["disputes"]["edges"]) == size
    assert queries.count <= 8, queries.statements
