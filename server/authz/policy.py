"""THE authorization policy. Keys are GraphQL names as in schema.graphql. Anything not listed is denied.

- TYPE_ACCESS: which audiences may reach a type at all (through any field or `node`).
- FIELD_RULES: which audiences may see each field (`allow` on every reachable row, `own` only on own rows).
  Root types (Query, Mutation, Subscription) are operation rights.
- ROW_SCOPES: for each type backed by rows, a SQL predicate per audience; a missing audience sees no rows.
- OWNERSHIP: for `own(...)` rules, whether a resolved object belongs to the principal.
Owner ids never come from input: services take the Principal and derive them from it.

The schema attaches one gate to every field that is not visible to everyone who can reach its type
(server/authz/gate.py); tests/schema/ prove this table covers the schema and that nothing leaks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, select, true

from server import models
from server.auth.principal import Principal
from server.authz.rules import EVERYONE, ROLES, A, Audience, C, O, Rule, S, allow
from server.services import campaign_rules

ALL = ROLES

TYPE_ACCESS: dict[str, frozenset[Audience]] = {
    "Query": EVERYONE,
    "Mutation": EVERYONE,
    "Subscription": ROLES,
    # Anonymous callers only ever get a null viewer; no Viewer field is visible to them.
    "Viewer": EVERYONE,
    "User": ALL,
    "Organisation": ALL,
    "Agency": frozenset({A, S, O}),
    "Shop": frozenset({A, S, O}),
    "Creator": frozenset({A, C, O}),
    "Product": ALL,
    "ProductConnection": ALL,
    "ProductEdge": ALL,
    "Sku": ALL,
    "Notification": ALL,
    "NotificationConnection": ALL,
    "NotificationEdge": ALL,
    "Campaign": frozenset({A, S, O}),
    "CampaignContact": frozenset({A, S, O}),
    "PlatformOverview": frozenset({O}),
    "PageInfo": ALL,
    "Money": ALL,
    "LoginPayload": EVERYONE,
    "LogoutPayload": EVERYONE,
    "AuthUserError": EVERYONE,
    "NotificationsMarkReadPayload": ALL,
    "NotificationUserError": ALL,
}


def _fields(rule: Rule, *names: str) -> dict[str, Rule]:
    return dict.fromkeys(names, rule)


FIELD_RULES: dict[str, dict[str, Rule]] = {
    "Query": {
        "viewer": allow(EVERYONE),  # null for anonymous callers
        "node": allow(ALL),
        "notifications": allow(ALL),
        "products": allow(ALL),
        "campaign": allow(A, S, O),
        "platformOverview": allow(O),
    },
    "Mutation": {
        "login": allow(EVERYONE),
        "logout": allow(EVERYONE),
        "notificationsMarkRead": allow(ALL),
    },
    "Subscription": {
        "notificationReceived": allow(ALL),
    },
    "Viewer": {
        **_fields(allow(ALL), "role", "user", "organisation", "unreadNotificationCount", "sessionExpiresAt"),
        "agency": allow(A),
        "shop": allow(S),
        "creator": allow(C),
    },
    "User": _fields(allow(ALL), "id", "email", "fullName"),
    "Organisation": _fields(allow(ALL), "id", "kind", "name", "market"),
    "Agency": _fields(allow(A, S, O), "id", "name", "markets", "contactEmail", "website"),
    "Shop": {
        **_fields(allow(A, S, O), "id", "name", "shopCode", "sellerType", "market", "rating"),
        "contactEmail": allow(A, S, O),
        "products": allow(S, O),
    },
    "Creator": _fields(
        allow(A, C, O), "id", "handle", "displayName", "avatarUrl", "followers", "market", "categories", "bio"
    ),
    "Product": {
        **_fields(allow(ALL), "id", "title", "category", "description", "imageUrl", "price", "stock", "skus"),
        "skuCount": allow(ALL),
        "shopName": allow(ALL),
        "shop": allow(A, S, O),
    },
    "Sku": _fields(allow(ALL), "id", "sellerSku", "name", "price", "stock"),
    "ProductConnection": _fields(allow(ALL), "edges", "pageInfo", "totalCount"),
    "ProductEdge": _fields(allow(ALL), "cursor", "node"),
    "Notification": _fields(
        allow(ALL), "id", "kind", "title", "body", "subjectId", "createdAt", "readAt"
    ),
    "NotificationConnection": _fields(allow(ALL), "edges", "pageInfo", "totalCount"),
    "NotificationEdge": _fields(allow(ALL), "cursor", "node"),
    "Campaign": _fields(
        allow(A, S, O), "id", "name", "description", "market", "currency", "sellerRequirements",
        "commissionRequirementBps", "contact", "registrationStart", "registrationEnd", "campaignStart", "campaignEnd",
        "targetingMode", "targetSellerType", "published", "createdAt", "status", "registrationOpen", "agency",
    ),
    "CampaignContact": _fields(allow(A, S, O), "email", "phone", "messenger", "messengerHandle"),
    "PlatformOverview": _fields(allow(O), "agencies", "shops", "creators", "products", "users", "campaigns"),
    "PageInfo": _fields(allow(ALL), "hasNextPage", "hasPreviousPage", "startCursor", "endCursor"),
    "Money": _fields(allow(ALL), "amount", "currency"),
    "LoginPayload": {
        "viewer": allow(ALL),
        "token": allow(ALL),
        "userErrors": allow(EVERYONE),
    },
    "LogoutPayload": _fields(allow(EVERYONE), "ok"),
    "AuthUserError": _fields(allow(EVERYONE), "field", "message", "code"),
    "NotificationsMarkReadPayload": _fields(allow(ALL), "unreadCount", "userErrors"),
    "NotificationUserError": _fields(allow(ALL), "field", "message", "code"),
}

Scope = Callable[[Principal], ColumnElement[bool]]


def _agency_campaign_ids(p: Principal):  # noqa: ANN202
    return select(models.Campaign.id).where(models.Campaign.agency_id == p.organisation_id)


def _products_registered_with(p: Principal):  # noqa: ANN202
    return select(models.Registration.product_id).where(models.Registration.campaign_id.in_(_agency_campaign_ids(p)))


def _creator_offer_registration_ids(p: Principal):  # noqa: ANN202
    """Registrations offered to the creator through share links it opened, or already in its showcase."""
    via_links = (
        select(models.ProductListItem.registration_id)
        .join(models.ShareLink, models.ShareLink.list_id == models.ProductListItem.list_id)
        .join(models.LinkOpen, models.LinkOpen.share_link_id == models.ShareLink.id)
        .where(models.LinkOpen.creator_id == p.organisation_id)
    )
    via_showcase = select(models.ShowcaseEntry.registration_id).where(
        models.ShowcaseEntry.creator_id == p.organisation_id
    )
    return via_links.union(via_showcase)


def _everything(_: Principal) -> ColumnElement[bool]:
    return true()


def _same_organisation_users(p: Principal) -> ColumnElement[bool]:
    return models.User.id.in_(
        select(models.Membership.user_id).where(models.Membership.organisation_id == p.organisation_id)
    )


def _own_organisation(p: Principal) -> ColumnElement[bool]:
    return models.Organisation.id == p.organisation_id


def _shop_marketplace_campaigns(p: Principal) -> ColumnElement[bool]:
    return campaign_rules.visible_to_shop(p.organisation_id) | campaign_rules.registered_by_shop(p.organisation_id)


ROW_SCOPES: dict[str, dict[Audience, Scope]] = {
    "Campaign": {
        A: lambda p: models.Campaign.agency_id == p.organisation_id,
        S: _shop_marketplace_campaigns,
        O: _everything,
    },
    "Registration": {
        A: lambda p: models.Registration.campaign_id.in_(_agency_campaign_ids(p)),
        S: lambda p: models.Registration.shop_id == p.organisation_id,
        O: _everything,
    },
    # Members of the same organisation see each other; the operator sees everyone.
    "User": {A: _same_organisation_users, S: _same_organisation_users, C: _same_organisation_users, O: _everything},
    "Organisation": {A: _own_organisation, S: _own_organisation, C: _own_organisation, O: _everything},
    "Agency": {
        A: lambda p: models.Agency.organisation_id == p.organisation_id,
        # Sellers meet agencies through the campaigns of their market.
        S: lambda p: models.Agency.organisation_id.in_(
            select(models.Campaign.agency_id)
            .join(models.Shop, models.Shop.market == models.Campaign.market)
            .where(models.Shop.organisation_id == p.organisation_id, models.Campaign.published.is_(True))
        )
        | models.Agency.organisation_id.in_(
            select(models.Campaign.agency_id)
            .join(models.Registration, models.Registration.campaign_id == models.Campaign.id)
            .where(models.Registration.shop_id == p.organisation_id)
        ),
        O: _everything,
    },
    "Shop": {
        A: lambda p: models.Shop.organisation_id.in_(
            select(models.Registration.shop_id).where(models.Registration.campaign_id.in_(_agency_campaign_ids(p)))
        ),
        S: lambda p: models.Shop.organisation_id == p.organisation_id,
        O: _everything,
    },
    "Creator": {
        A: lambda p: models.CreatorProfile.organisation_id.in_(
            select(models.LinkOpen.creator_id)
            .join(models.ShareLink, models.ShareLink.id == models.LinkOpen.share_link_id)
            .join(models.ProductList, models.ProductList.id == models.ShareLink.list_id)
            .where(models.ProductList.agency_id == p.organisation_id)
        ),
        C: lambda p: models.CreatorProfile.organisation_id == p.organisation_id,
        O: _everything,
    },
    "Product": {
        A: lambda p: models.Product.id.in_(_products_registered_with(p)),
        S: lambda p: models.Product.shop_id == p.organisation_id,
        C: lambda p: models.Product.id.in_(
            select(models.Registration.product_id).where(
                models.Registration.id.in_(_creator_offer_registration_ids(p))
            )
        ),
        O: _everything,
    },
    "Notification": {
        audience: (
            lambda p: (models.Notification.recipient_organisation_id == p.organisation_id)
            & (models.Notification.recipient_user_id.is_(None) | (models.Notification.recipient_user_id == p.user_id))
        )
        for audience in ROLES
    },
}

OWNERSHIP: dict[str, Callable[[Any, Principal], bool]] = {}
