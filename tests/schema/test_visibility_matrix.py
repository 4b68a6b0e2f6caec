"""Every (role, node type) through the API, with the policy as the oracle.

For each role and each Node type, every seeded instance of the type (the role's own and other tenants') is
fetched with `node(id:)` selecting every field of the type. Expected, computed from server/authz/policy.py:

- the type is not in TYPE_ACCESS for the role, or the row fails the role's ROW_SCOPES predicate (evaluated
  with a SELECT against the database) → `node` is null, with no error;
- otherwise each field is non-null iff field_access is ALLOW. The world fills
  every column (EMPTY_BY_DESIGN lists the exceptions), so null can only mean hidden.

Tenants A of each role are connected (a campaign, a registration, a share link opened by a creator), so that
other organisations' rows fall inside row scopes and the field rules, not only type access, are exercised.

Every root field a role (or an anonymous caller) may not use answers FORBIDDEN (UNAUTHENTICATED).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import graphql
import pytest
from sqlalchemy import ColumnElement, Select, select

from server import models
from server.auth.principal import Principal
from server.authz.decisions import field_access
from server.authz.policy import ROW_SCOPES, TYPE_ACCESS
from server.authz.rules import Access, Audience
from server.ids import encode_id
from server.models.enums import (
    ContentKind,
    Market,
    RegistrationStatus,
    RejectReason,
    SampleStatus,
    SellerType,
    ShipmentStatus,
    ShowcaseStatus,
    TargetingMode,
)
from server.resolvers.query.node import NODE_TYPES
from server.runtime import Runtime
from server.services.notifications import notify
from server.services.unit_of_work import UnitOfWork
from tests.api.integration_keys_seed import INTEGRATION_KEYS_EMPTY_BY_DESIGN, seed_integration_keys
from tests.disputes.seed import DISPUTES_EMPTY_BY_DESIGN, seed_disputes
from tests.finance.seed import FINANCE_EMPTY_BY_DESIGN, seed_finance
from tests.orders_api.seed import ORDERS_EMPTY_BY_DESIGN, seed_orders
from tests.plugins.api import Api, World
from tests.webhooks.seed import WEBHOOKS_EMPTY_BY_DESIGN, seed_webhooks

from . import AUDIENCES, ROLE_AUDIENCES, call, object_types, sdl_schema, selection

# How a node type's global id maps to a database key (facts about the models, not expectations).
KEY_COLUMNS: dict[str, ColumnElement[int]] = {
    "User": models.User.id,
    "Organisation": models.Organisation.id,
    "Agency": models.Agency.organisation_id,
    "Shop": models.Shop.organisation_id,
    "Creator": models.CreatorProfile.organisation_id,
    "Product": models.Product.id,
    "Notification": models.Notification.id,
    "Campaign": models.Campaign.id,
    "ProductList": models.ProductList.id,
    "ProductListItem": models.ProductListItem.id,
    "ShareLink": models.ShareLink.id,
    "Registration": models.Registration.id,
    "ShowcaseEntry": models.ShowcaseEntry.id,
    "SampleRequest": models.SampleRequest.id,
    "Content": models.Content.id,
    "PaymentAccount": models.Organisation.id,  # one per payee organisation
    "TaxInfo": models.TaxInfo.id,
    "BankAccount": models.BankAccount.id,
    "PaymentBill": models.PaymentBill.id,
    "OrderLine": models.OrderLine.id,
    "IntegrationKey": models.IntegrationKey.id,
    "Dispute": models.Dispute.id,
    "WebhookEndpoint": models.WebhookEndpoint.id,
    "WebhookMessage": models.WebhookMessage.id,
}
# The one documented exception to "the world fills every column": values the domain leaves empty on purpose,
# as a query for the keys where the value is empty. Visible there may be null; hidden must still be null.
EMPTY_BY_DESIGN: dict[tuple[str, str], Select[tuple[int]]] = {
    # The platform organisation has no home market.
    ("Organisation", "market"): select(models.Organisation.id).where(models.Organisation.market.is_(None)),
    # Only a closed campaign can be archived (the world's campaigns run).
    ("Campaign", "archivedAt"): select(models.Campaign.id).where(models.Campaign.archived_at.is_(None)),
    # An active share link has not been revoked.
    ("ShareLink", "revokedAt"): select(models.ShareLink.id).where(models.ShareLink.revoked_at.is_(None)),
    # Only rejections carry a reason and note; only a cancellation request (PENDING_CLOSED, then CLOSED) has its
    # time; only a CLOSED registration has closed.
    **{
        ("Registration", name): select(models.Registration.id).where(
            models.Registration.status.not_in(
                [RegistrationStatus.REJECTED, RegistrationStatus.REJECT_FOREVER]
            )
        )
        for name in ("rejectReason", "rejectNote")
    },
    ("Registration", "cancellationRequestedAt"): select(models.Registration.id).where(
        models.Registration.status.not_in([RegistrationStatus.PENDING_CLOSED, RegistrationStatus.CLOSED])
    ),
    ("Registration", "closedAt"): select(models.Registration.id).where(
        models.Registration.status != RegistrationStatus.CLOSED
    ),
    # An ACTIVE entry has not ended (and one that ended is no longer active); a pending decrease is occasional; a
    # sample is requested for some products only; only a rejected sample request has a reason.
    ("ShowcaseEntry", "endedAt"): select(models.ShowcaseEntry.id).where(
        models.ShowcaseEntry.ended_at.is_(None)
    ),
    ("ShowcaseEntry", "activeSince"): select(models.ShowcaseEntry.id).where(
        models.ShowcaseEntry.status != ShowcaseStatus.ACTIVE
    ),
    **{
        ("ShowcaseEntry", name): select(models.ShowcaseEntry.id).where(
            models.ShowcaseEntry.pending_rate_bps.is_(None)
        )
        for name in ("pendingRateBps", "pendingRateEffectiveAt")
    },
    ("ShowcaseEntry", "sampleRequest"): select(models.ShowcaseEntry.id).where(
        ~select(models.SampleRequest.id)
        .where(
            models.SampleRequest.creator_id == models.ShowcaseEntry.creator_id,
            models.SampleRequest.product_id == models.ShowcaseEntry.product_id,
        )
        .exists()
    ),
    ("SampleRequest", "rejectReason"): select(models.SampleRequest.id).where(
        models.SampleRequest.reject_reason.is_(None)
    ),
    **FINANCE_EMPTY_BY_DESIGN,
    **ORDERS_EMPTY_BY_DESIGN,
    **INTEGRATION_KEYS_EMPTY_BY_DESIGN,
    **DISPUTES_EMPTY_BY_DESIGN,
    **WEBHOOKS_EMPTY_BY_DESIGN,
}
# Who acts for each role; the other tenants' rows are fetched too.
ACTING_TENANT = {
    Audience.AGENCY: "agency_a",
    Audience.SELLER: "seller_a",
    Audience.CREATOR: "creator_a",
    Audience.OPERATOR: "operator",
}


def test_every_node_type_is_in_the_matrix() -> None:
    assert set(KEY_COLUMNS) == set(NODE_TYPES), (
        "add the new node type to KEY_COLUMNS (and seed it in the world)"
    )


def node_query(type_name: str) -> tuple[str, list[str]]:
    """`node(id:)` selecting every field of the type (fields with required arguments are left out)."""
    fields = {
        name: field
        for name, field in object_types(sdl_schema())[type_name].fields.items()
        if not any(graphql.is_required_argument(a) for a in field.args.values())
    }
    body = " ".join(f"{name}{selection(field.type)}" for name, field in fields.items())
    return f"query($id: ID!) {{ node(id: $id) {{ __typename ... on {type_name} {{ {body} }} }} }}", list(
        fields
    )


async def connect_tenants_a(rt: Runtime, world: World) -> None:
    """Tenant A of each role meets the others, so that rows of other organisations fall inside row scopes and
    field rules (not only type access) decide: agency A runs a published campaign in the sellers' market, seller
    A's first product is registered into it, and creator A opened the share link of agency A's list with it."""
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        s = uow.session
        campaign = models.Campaign(
            agency_id=world["agency_a"].organisation_id,
            name="Serum week",
            description="Serums.",
            market=Market.TH,
            seller_requirements="Rated 4+",
            commission_requirement_bps=1000,
            contact_email="hello-a@agency.test",
            registration_start=now,
            registration_end=now + timedelta(days=7),
            campaign_start=now,
            campaign_end=now + timedelta(days=14),
            targeting_mode=TargetingMode.OPEN,
            published=True,
            target_seller_type=SellerType.LOCAL,
            first_published_at=now,
            created_at=now,
            updated_at=now,
        )
        s.add(campaign)
        await s.flush()
        # An edit after publishing, waiting out its 30 minutes (pendingChange, editableAt).
        s.add(
            models.CampaignPendingChange(
                campaign_id=campaign.id,
                changes={"name": "Serum fortnight"},
                requested_by_user_id=world["agency_a"].user_id,
                requested_at=now,
                applies_at=now + timedelta(minutes=30),
            )
        )
        registration = models.Registration(
            campaign_id=campaign.id,
            product_id=world.products["seller_a"][0],
            shop_id=world["seller_a"].organisation_id,
            status=RegistrationStatus.APPROVED,
            total_rate_bps=2000,
            contact_email="shop-a@shop.test",
            registered_at=now,
            decided_at=now,
            sample_quota=5,
            shop_ads_rate_bps=300,
            contact_whatsapp="+66811112222",
            decided_by_user_id=world["agency_a"].user_id,
        )
        # The same product's earlier, rejected registration; the second product's ended on a cancellation.
        earlier_terms = dict(
            campaign_id=campaign.id,
            shop_id=world["seller_a"].organisation_id,
            total_rate_bps=1500,
            sample_quota=2,
            shop_ads_rate_bps=200,
            contact_email="shop-a@shop.test",
            contact_whatsapp="+66811112222",
            registered_at=now - timedelta(hours=2),
            decided_at=now - timedelta(hours=1),
            decided_by_user_id=world["agency_a"].user_id,
        )
        s.add_all(
            [
                models.Registration(
                    product_id=world.products["seller_a"][0],
                    status=RegistrationStatus.REJECTED,
                    reject_reason=RejectReason.COMMISSION_TOO_LOW,
                    reject_note="Offer at least 20%.",
                    **earlier_terms,
                ),
                models.Registration(
                    product_id=world.products["seller_a"][1],
                    status=RegistrationStatus.CLOSED,
                    cancellation_requested_at=now - timedelta(minutes=30),
                    closed_at=now,
                    **earlier_terms,
                ),
            ]
        )
        product_list = models.ProductList(
            agency_id=campaign.agency_id,
            campaign_id=campaign.id,
            name="Serums",
            created_at=now,
            updated_at=now,
        )
        s.add_all([registration, product_list])
        await s.flush()
        s.add_all(
            [
                models.Bookmark(
                    agency_id=campaign.agency_id, registration_id=registration.id, created_at=now
                ),
                models.AuditEvent(
                    actor_user_id=world["agency_a"].user_id,
                    actor_organisation_id=campaign.agency_id,
                    subject_type="Registration",
                    subject_id=registration.id,
                    campaign_id=campaign.id,
                    action="registration.approve",
                    changes={"status": ["PENDING", "APPROVED"]},
                    created_at=now,
                ),
            ]
        )
        link = models.ShareLink(list_id=product_list.id, token="matrix-share-link-token-0001", created_at=now)
        rotated = models.ShareLink(  # the list's earlier link, revoked when the current one was made
            list_id=product_list.id,
            token="matrix-share-link-token-0000",
            created_at=now - timedelta(days=1),
            revoked_at=now,
        )
        s.add_all(
            [
                rotated,
                models.ProductListItem(
                    list_id=product_list.id,
                    registration_id=registration.id,
                    creator_rate_bps=1000,
                    created_at=now,
                    updated_at=now,
                ),
                link,
            ]
        )
        await s.flush()
        s.add(
            models.LinkOpen(
                share_link_id=link.id, creator_id=world["creator_a"].organisation_id, first_opened_at=now
            )
        )
        await connect_creator_side(s, world, registration, link, now)
        await seed_finance(s, world, now)
        await seed_orders(s, world, registration, now)
        await seed_integration_keys(s, world, now)
        await seed_disputes(s, world, now)
        await seed_webhooks(s, world, now)


async def connect_creator_side(s, world: World, registration, link, now) -> None:  # noqa: ANN001
    """Creator A added agency A's offer to its showcase (a rate decrease pending), got the sample delivered by
    seller A and posted a video for it."""
    creator_id = world["creator_a"].organisation_id
    item_id = await s.scalar(
        select(models.ProductListItem.id).where(models.ProductListItem.registration_id == registration.id)
    )
    entry = models.ShowcaseEntry(
        creator_id=creator_id,
        product_id=registration.product_id,
        registration_id=registration.id,
        list_item_id=item_id,
        share_link_id=link.id,
        creator_rate_bps=1000,
        pending_rate_bps=800,
        pending_rate_effective_at=now + timedelta(days=30),
        added_at=now,
        terms_accepted_at=now,
    )
    s.add(entry)
    await s.flush()
    shipped = dict(carrier="Kerry Express", tracking_number="KE123456789TH")
    sample = models.SampleRequest(
        creator_id=creator_id,
        registration_id=registration.id,
        product_id=registration.product_id,
        showcase_entry_id=entry.id,
        status=SampleStatus.CONTENT_POSTED,
        recipient_name="Creator A Person",
        phone="+66 81 234 5678",
        line1="1 Sukhumvit Road",
        line2="Unit 5",
        city="Bangkok",
        region="Bangkok",
        postal_code="10110",
        country="TH",
        reviewed_at=now,
        reviewed_by_user_id=world["agency_a"].user_id,
        shipped_at=now,
        delivered_at=now,
        content_due_at=now + timedelta(days=14),
        created_at=now,
        **shipped,
    )
    s.add(sample)
    await s.flush()
    s.add_all(
        [
            models.Shipment(
                sample_request_id=sample.id,
                status=ShipmentStatus.SHIPPED,
                note="Left the warehouse",
                occurred_at=now,
                created_at=now,
                **shipped,
            ),
            models.Shipment(
                sample_request_id=sample.id,
                status=ShipmentStatus.DELIVERED,
                note="Signed for",
                occurred_at=now,
                created_at=now,
                **shipped,
            ),
            models.Content(
                creator_id=creator_id,
                product_id=registration.product_id,
                registration_id=registration.id,
                sample_request_id=sample.id,
                kind=ContentKind.VIDEO,
                url="https://www.tiktok.com/@creatora/video/1",
                external_id="matrix-video-1",
                posted_at=now,
                views=1200,
                likes=80,
                orders_count=3,
                created_at=now,
            ),
        ]
    )


@pytest.fixture
async def logged_in(rt: Runtime, world: World, as_role) -> dict[str, Api]:  # noqa: ANN001
    """Tenants A connected; every tenant logged in, notified (a sign-in notifies no one) and its notifications
    read, so that every notification column is filled."""
    await connect_tenants_a(rt, world)
    async with UnitOfWork(rt) as uow:
        for tenant in world.tenants.values():
            await notify(
                uow,
                recipient_organisation_id=tenant.organisation_id,
                recipient_user_id=tenant.user_id,
                kind="SECURITY_TEST",
                title="Test",
                body="A notification with every column.",
                subject_type="User",
                subject_id=tenant.user_id,
                data={"source": "visibility matrix"},
            )
    apis = {key: await as_role(key) for key in world.tenants}
    for api in apis.values():
        await api("mutation { notificationsMarkRead(input: {}) { unreadCount } }")
    return apis


def principal_of(world: World, audience: Audience) -> Principal:
    tenant = world[ACTING_TENANT[audience]]
    return Principal(user_id=tenant.user_id, role=tenant.role, organisation_id=tenant.organisation_id)


async def instances_and_scope(
    rt: Runtime, type_name: str, principal: Principal
) -> tuple[list[int], set[int]]:
    """Every key of the type in the database, and the keys inside the role's row scope (the oracle)."""
    key = KEY_COLUMNS[type_name]
    scope = ROW_SCOPES.get(type_name, {}).get(Audience(principal.role.value))
    async with rt.sessionmaker() as session:
        keys = list((await session.scalars(select(key).order_by(key))).all())
        in_scope = (
            set()
            if scope is None
            else set((await session.scalars(select(key).where(scope(principal)))).all())
        )
    return keys, in_scope


@pytest.mark.parametrize("type_name", sorted(KEY_COLUMNS))
@pytest.mark.parametrize("audience", ROLE_AUDIENCES, ids=str)
async def test_node_fields_as_the_policy_says(
    rt: Runtime, world: World, logged_in: dict[str, Api], audience: Audience, type_name: str
) -> None:
    principal = principal_of(world, audience)
    api = logged_in[ACTING_TENANT[audience]]
    query, fields = node_query(type_name)
    keys, in_scope = await instances_and_scope(rt, type_name, principal)
    assert keys, f"the world has no {type_name}: seed one so the matrix can check it"
    reachable = audience in TYPE_ACCESS.get(type_name, frozenset())
    if reachable:
        assert in_scope, (
            f"no {type_name} inside {audience}'s row scope: seed one, or the matrix checks no field"
        )
    empty: dict[str, set[int]] = {}
    async with rt.sessionmaker() as session:
        for (empty_type, field_name), keys_query in EMPTY_BY_DESIGN.items():
            if empty_type == type_name:
                empty[field_name] = set((await session.scalars(keys_query)).all())
    problems: list[str] = []
    for pk in keys:
        body = await api.raw(query, {"id": encode_id(type_name, pk)})
        where = f"{audience} node({type_name}:{pk})"
        if "errors" in body:
            problems.append(f"{where}: errors {body['errors']}")
            continue
        node: dict[str, Any] | None = body["data"]["node"]
        if not (reachable and pk in in_scope):
            if node is not None:
                why = "type not reachable" if not reachable else "row outside ROW_SCOPES"
                problems.append(f"{where}: expected null ({why}), got {node}")
            continue
        if node is None:
            problems.append(f"{where}: null, but the type is reachable and the row is in scope")
            continue
        if node["__typename"] != type_name:
            problems.append(f"{where}: __typename {node['__typename']}")
        for field_name in fields:
            access = field_access(type_name, field_name, audience)
            visible = access is Access.ALLOW
            value = node.get(field_name)
            if visible and value is None and pk not in empty.get(field_name, ()):
                problems.append(f"{where}.{field_name}: null but {access.name} (or the world left it empty)")
            if not visible and value is not None:
                problems.append(f"{where}.{field_name}: LEAK {value!r} but {access.name}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("audience", AUDIENCES, ids=str)
async def test_denied_root_fields_are_refused(
    logged_in: dict[str, Api], anon: Api, audience: Audience
) -> None:
    api = anon if audience is Audience.ANONYMOUS else logged_in[ACTING_TENANT[audience]]
    expected = "UNAUTHENTICATED" if audience is Audience.ANONYMOUS else "FORBIDDEN"
    viewer = (await api.raw("{ viewer { role } }"))["data"]["viewer"]
    assert (viewer is None) == (audience is Audience.ANONYMOUS), (
        f"the {audience} client is logged in as {viewer} (a session cookie left by an earlier login?)"
    )
    problems = []
    checked = 0
    for root, keyword in (("Query", "query"), ("Mutation", "mutation")):
        for field_name, field in object_types(sdl_schema())[root].fields.items():
            if field_access(root, field_name, audience) is not Access.DENY:
                continue
            checked += 1
            body = await api.raw(f"{keyword} {{ {call(field_name, field)} }}")
            codes = [(e.get("extensions") or {}).get("code") for e in body.get("errors", [])]
            paths = [e.get("path") for e in body.get("errors", [])]
            data = body.get("data")
            if (
                codes != [expected]
                or paths != [[field_name]]
                or (data is not None and data.get(field_name) is not None)
            ):
                problems.append(f"{audience} {root}.{field_name}: {body}")
    assert not problems, "\n".join(problems)
    if audience in (Audience.ANONYMOUS, Audience.SELLER):
        assert checked, f"expected some root field denied to {audience}"  # the matrix is not vacuous
