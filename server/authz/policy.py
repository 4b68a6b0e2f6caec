"""THE authorization policy. Keys are GraphQL names as in schema.graphql. Anything not listed is denied.

- TYPE_ACCESS: which audiences may reach a type at all (through any field or `node`).
- FIELD_RULES: which audiences may see each field, on every row of the type they can reach (`allow`), or only on
  the rows of their own organisation (`own_organisation`: the row's organisation is an attribute of the field's
  source object, e.g. who acted).
  Root types (Query, Mutation, Subscription) are operation rights.
- ROW_SCOPES: for each type backed by rows, a SQL predicate per audience; a missing audience sees no rows.
- UNSCOPED_LOADERS: the loaders that apply no row scope, each with the reason (every other loader applies one).
- RECEIPT_LEGS and HISTORY_ACTIONS: which ledger legs of a receipt, and which actions of a terms history, each
  audience is shown on the rows it reaches.
Owner ids never come from input: services take the Principal and derive them from it.

The schema attaches one gate to every field that is not visible to everyone who can reach its type
(server/authz/gate.py); tests/schema/ prove this table covers the schema and that nothing leaks.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import ColumnElement, select, true

from server import models
from server.auth.principal import Principal
from server.authz.policy_insight import (
    INSIGHT_FIELD_RULES,
    INSIGHT_QUERY_RULES,
    INSIGHT_TYPE_ACCESS,
    SCORECARD_FIELD,
)
from server.authz.rules import EVERYONE, ROLES, A, Audience, C, O, Rule, S, allow, own_organisation
from server.models.enums import LedgerAccount
from server.services import campaign_rules, offer_rules
from server.services.finance import finance_rules

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
    "CampaignConnection": frozenset({A, S, O}),
    "CampaignEdge": frozenset({A, S, O}),
    "CampaignPendingChange": frozenset({A, O}),
    "CampaignPendingValues": frozenset({A, O}),
    "RegistrationCounts": frozenset({A, S, O}),
    "SellerParticipation": frozenset({S}),
    "Registration": frozenset({A, S, O}),
    "RegistrationConnection": frozenset({A, S, O}),
    "RegistrationEdge": frozenset({A, S, O}),
    "RegistrationEvent": frozenset({A, S, O}),
    "FieldChange": ALL,
    "TermsEvent": ALL,
    "RegistrationStatusChange": frozenset({A, S, O}),
    "RegistrationPayload": frozenset({A, S}),
    "RegistrationUserError": frozenset({A, S}),
    "RegistrationCreatePayload": frozenset({S}),
    "RegistrationItemResult": frozenset({S}),
    "RegistrationReviewPayload": frozenset({A}),
    "RegistrationReviewResult": frozenset({A}),
    "CampaignPayload": frozenset({A}),
    "CampaignUpdatePayload": frozenset({A}),
    "CampaignUserError": frozenset({A}),
    "CampaignDeletePayload": frozenset({A}),
    "AgencyPayload": frozenset({A}),
    "AgencyUserError": frozenset({A}),
    # Campaign-level live events: the agency of its campaigns, sellers of the campaigns they may see.
    "CampaignChange": frozenset({A, S}),
    # Product lists carry the seller's total and the agency's share: the agency and the operator only.
    "ProductList": frozenset({A, O}),
    "ProductListConnection": frozenset({A, O}),
    "ProductListEdge": frozenset({A, O}),
    "ProductListItem": frozenset({A, O}),
    "ProductListItemConnection": frozenset({A, O}),
    "ProductListItemEdge": frozenset({A, O}),
    "ShareLink": frozenset({A, O}),
    "ProductListPayload": frozenset({A}),
    "ProductListDeletePayload": frozenset({A}),
    "ShareLinkPayload": frozenset({A}),
    "ProductListUserError": frozenset({A}),
    # The creator side. A creator sees its own rate only and never reaches campaigns, agencies, registrations or
    # lists: offers and entries carry campaignName / agencyName as plain fields.
    # The agency reaches a shared offer only through the preview of its own links (shareLinkPreview).
    "SharedOffer": frozenset({A, C}),
    "OfferItem": frozenset({A, C}),
    "LowerRateNotice": frozenset({C}),
    "ProductOffers": frozenset({C}),
    "CommissionOffer": frozenset({C}),
    "ShowcaseEntry": frozenset({C, O}),
    "ShowcaseEntryConnection": frozenset({C}),
    "ShowcaseEntryEdge": frozenset({C}),
    "ShowcaseAddPayload": frozenset({C}),
    "ShowcaseRemovePayload": frozenset({C}),
    "ShowcaseUserError": frozenset({C}),
    # Sellers reach sample requests to ship them: the address, never the creator (field rules below).
    "SampleRequest": ALL,
    "SampleRequestConnection": ALL,
    "SampleRequestEdge": ALL,
    "ShippingAddress": frozenset({S, C}),
    "ShipmentEvent": ALL,
    "SampleRequestPayload": frozenset({A, S, C}),
    "SampleRequestUserError": frozenset({A, S, C}),
    "Content": frozenset({A, C, O}),
    "ContentRecordPayload": frozenset({C}),
    "ContentUserError": frozenset({C}),
    "PlatformOverview": frozenset({O}),
    # Performance: sellers get product-level aggregates of their own products; per-creator rows (Creator*) are
    # the agency's and the operator's; creators get their own figures (CreatorPerformance*, PerformanceNumbers).
    "CampaignPerformance": frozenset({A, S, O}),
    "ProductPerformance": frozenset({A, S, O}),
    "ProductPerformanceConnection": frozenset({A, S, O}),
    "ProductPerformanceEdge": frozenset({A, S, O}),
    "CreatorCollaboration": frozenset({A, O}),
    "CreatorCollaborationConnection": frozenset({A, O}),
    "CreatorCollaborationEdge": frozenset({A, O}),
    "CampaignNumbersChange": frozenset({A, S, O}),
    "PerformanceNumbers": ALL,
    "PerformanceSeries": ALL,
    "PerformanceDay": ALL,
    "CreatorPerformance": frozenset({C}),
    "CreatorCampaignPerformance": frozenset({C}),
    "CreatorCampaignPerformanceConnection": frozenset({C}),
    "CreatorCampaignPerformanceEdge": frozenset({C}),
    "CreatorProductPerformance": frozenset({C}),
    "CreatorProductPerformanceConnection": frozenset({C}),
    "CreatorProductPerformanceEdge": frozenset({C}),
    # Finance: agencies and creators are payees (row scopes keep each to its own); sellers pay and have none of it;
    # the operator reads everything and reviews tax info, issues bills and runs payouts.
    **dict.fromkeys(
        (
            "PaymentAccount",
            "PayeeBalance",
            "TaxInfo",
            "TaxAddress",
            "BankAccount",
            "PaymentBill",
            "PaymentBillConnection",
            "PaymentBillEdge",
            "Payout",
            "TaxInfoPayload",
            "FinanceUserError",
        ),
        frozenset({A, C, O}),
    ),
    # Webhooks: the organisations events concern (agencies, sellers, creators), each its own endpoints only.
    **dict.fromkeys(
        (
            "WebhookEndpoint",
            "WebhookMessage",
            "WebhookMessageConnection",
            "WebhookMessageEdge",
            "WebhookAttempt",
            "WebhookHeader",
            "WebhookEventType",
            "WebhookEndpointCreatePayload",
            "WebhookEndpointPayload",
            "WebhookEndpointDeletePayload",
            "WebhookMessagePayload",
            "WebhookUserError",
        ),
        frozenset({A, S, C}),
    ),
    "PaymentAccountConnection": frozenset({O}),
    "PaymentAccountEdge": frozenset({O}),
    "BankAccountPayload": frozenset({A, C}),
    "BillsGeneratePayload": frozenset({O}),
    "PayoutRunPayload": frozenset({O}),
    "PayoutRunResult": frozenset({O}),
    # Orders: every role reaches its own lines (row scopes); the split and the creator are field rules on them.
    **dict.fromkeys(
        (
            "OrderLine",
            "OrderLineConnection",
            "OrderLineEdge",
            "OrderLineCommission",
            "OrderLineReceipt",
            "ReceiptAmounts",
            "ReceiptRate",
            "ReceiptPosting",
            "ReceiptLeg",
            "ReceiptEvent",
        ),
        ALL,
    ),
    "Earnings": frozenset({A, S, C}),
    # Integration keys push a shop's orders: the shop's business and the operator's, never an agency's or a creator's.
    **dict.fromkeys(
        (
            "IntegrationKey",
            "IntegrationKeyConnection",
            "IntegrationKeyEdge",
            "IntegrationKeyPayload",
            "IntegrationKeyUserError",
        ),
        frozenset({S, O}),
    ),
    "IntegrationKeyCreatePayload": frozenset({S}),
    # Disputes: each party its own (row scope), the operator all, read-only; the seller never the creator (fields).
    **dict.fromkeys(("Dispute", "DisputeMessage", "DisputeConnection", "DisputeEdge"), ALL),
    **dict.fromkeys(("DisputePayload", "DisputeUserError"), frozenset({A, S, C})),
    "PageInfo": ALL,
    "Money": ALL,
    "LoginPayload": EVERYONE,
    "LogoutPayload": EVERYONE,
    "AuthUserError": EVERYONE,
    "NotificationsMarkReadPayload": ALL,
    "ViewerLocaleSetPayload": ALL,
    "NotificationUserError": ALL,
    **INSIGHT_TYPE_ACCESS,  # scorecards, simulator, forecast (server/authz/policy_insight.py)
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
        "campaigns": allow(A, S, O),
        "registrations": allow(A, S, O),
        "platformOverview": allow(O),
        "productLists": allow(A, O),
        "productList": allow(A, O),
        **_fields(allow(C), "shareLink", "showcase", "commissionOffers"),
        "shareLinkPreview": allow(A),
        "sampleRequests": allow(ALL),
        "paymentAccount": allow(A, C),
        "paymentAccounts": allow(O),
        "bills": allow(A, C, O),
        **_fields(allow(ALL), "orderLines", "orderLine"),
        "earnings": allow(A, S, C),
        "integrationKeys": allow(S, O),
        "disputes": allow(ALL),
        **_fields(allow(A, S, C), "webhookEndpoints", "webhookEventTypes"),
        **_fields(
            allow(A, S, O), "campaignPerformance", "campaignProductPerformance", "campaignPerformanceSeries"
        ),
        "campaignProductCollaborations": allow(A, O),
        "performanceSeries": allow(A, S),
        **_fields(
            allow(C),
            "creatorPerformance",
            "creatorCampaignPerformance",
            "creatorProductPerformance",
            "creatorPerformanceSeries",
        ),
        **INSIGHT_QUERY_RULES,
    },
    "Mutation": {
        "login": allow(EVERYONE),
        "logout": allow(EVERYONE),
        "notificationsMarkRead": allow(ALL),
        "viewerLocaleSet": allow(ALL),
        **_fields(
            allow(A),
            "productListCreate",
            "productListUpdate",
            "productListDuplicate",
            "productListDelete",
            "productListItemsSet",
            "shareLinkCreate",
            "shareLinkRevoke",
        ),
        **_fields(allow(A), "campaignDelete", "campaignDuplicate", "campaignArchive", "agencyMarketsSet"),
        "registrationTermsUpdate": allow(S),
        "registrationCancellationsDecide": allow(A),
        **_fields(
            allow(A), "campaignCreate", "campaignUpdate", "campaignPublish", "campaignPendingChangeCancel"
        ),
        **_fields(
            allow(S),
            "registrationCreate",
            "registrationWithdraw",
            "registrationSampleQuotaIncrease",
            "registrationCancellationRequest",
        ),
        **_fields(allow(A), "registrationReview", "registrationCancellationDecide", "bookmarkSet"),
        **_fields(
            allow(C),
            "showcaseAdd",
            "showcaseRemove",
            "sampleRequest",
            "contentRecord",
            "sampleContentExtension",
        ),
        "sampleRequestReview": allow(A),
        "sampleShipmentUpdate": allow(S),
        **_fields(allow(A, C), "taxInfoSubmit", "bankAccountLink", "bankAccountUnlink"),
        **_fields(allow(O), "taxInfoReview", "billsGenerate", "payoutRun"),
        "integrationKeyCreate": allow(S),
        "integrationKeyRevoke": allow(S, O),
        # A creator or a seller opens (the service checks which type); every party writes; the agency decides.
        "disputeOpen": allow(S, C),
        "disputeReply": allow(A, S, C),
        "disputeDecide": allow(A),
        **_fields(
            allow(A, S, C),
            "webhookEndpointCreate",
            "webhookEndpointUpdate",
            "webhookEndpointDelete",
            "webhookEndpointTest",
            "webhookMessageReplay",
        ),
    },
    "Subscription": {
        "notificationReceived": allow(ALL),
        "registrationStatusChanged": allow(A, S, O),
        "showcaseChanged": allow(C),
        "sampleStatusChanged": allow(A, S, C),
        "campaignNumbersChanged": allow(A, S, O),
        "commissionChanged": allow(A, C),
        "orderLineChanged": allow(S),
        "disputeChanged": allow(A, S, C),
        "campaignChanged": allow(A, S),
    },
    "Viewer": {
        **_fields(
            allow(ALL),
            "role",
            "user",
            "organisation",
            "unreadNotificationCount",
            "sessionExpiresAt",
            "locale",
        ),
        "agency": allow(A),
        "shop": allow(S),
        "creator": allow(C),
    },
    "User": _fields(allow(ALL), "id", "email", "fullName"),
    "Organisation": _fields(allow(ALL), "id", "kind", "name", "market"),
    "Agency": {
        **_fields(allow(A, S, O), "id", "name", "markets", "contactEmail", "website"),
        "scorecard": SCORECARD_FIELD["Agency"],
    },
    "Shop": {
        **_fields(allow(A, S, O), "id", "name", "shopCode", "sellerType", "market", "rating"),
        "contactEmail": allow(A, S, O),
        "products": allow(S, O),
        "scorecard": SCORECARD_FIELD["Shop"],
    },
    "Creator": {
        **_fields(
            allow(A, C, O),
            "id",
            "handle",
            "displayName",
            "avatarUrl",
            "followers",
            "market",
            "categories",
            "bio",
        ),
        "scorecard": SCORECARD_FIELD["Creator"],
    },
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
        allow(ALL), "id", "kind", "title", "body", "subjectId", "params", "createdAt", "readAt"
    ),
    "NotificationConnection": _fields(allow(ALL), "edges", "pageInfo", "totalCount"),
    "NotificationEdge": _fields(allow(ALL), "cursor", "node"),
    "Campaign": {
        **_fields(
            allow(A, S, O),
            "id",
            "name",
            "description",
            "market",
            "currency",
            "sellerRequirements",
            "commissionRequirementBps",
            "contact",
            "registrationStart",
            "registrationEnd",
            "campaignStart",
            "campaignEnd",
            "targetingMode",
            "targetSellerType",
            "published",
            "createdAt",
            "status",
            "registrationOpen",
            "agency",
        ),
        "archivedAt": allow(A, O),
        # The agency's working view (and the operator's); sellers see the marketplace entry only.
        **_fields(
            allow(A, O),
            "targetShopCodes",
            "firstPublishedAt",
            "updatedAt",
            "pendingChange",
            "editableAt",
            "registrationCounts",
        ),
        "history": allow(A, S, O),
        "myParticipation": allow(S),
    },
    "CampaignContact": _fields(allow(A, S, O), "email", "phone", "messenger", "messengerHandle"),
    "CampaignConnection": _fields(allow(A, S, O), "edges", "pageInfo", "totalCount"),
    "CampaignEdge": _fields(allow(A, S, O), "cursor", "node"),
    "CampaignPendingChange": _fields(
        allow(A, O), "requestedAt", "appliesAt", "requestedBy", "changedFields", "values"
    ),
    "CampaignPendingValues": _fields(
        allow(A, O),
        "name",
        "description",
        "sellerRequirements",
        "commissionRequirementBps",
        "contact",
        "registrationStart",
        "registrationEnd",
        "campaignStart",
        "campaignEnd",
        "targetingMode",
        "targetSellerType",
        "targetShopCodes",
    ),
    "RegistrationCounts": _fields(
        allow(A, S, O),
        "total",
        "pending",
        "approved",
        "pendingClosed",
        "closed",
        "rejected",
        "rejectForever",
        "withdrawn",
    ),
    "SellerParticipation": _fields(allow(S), "joined", "registeredProducts", "counts"),
    # The agency of the campaign, the seller of the product and the operator see a registration whole (row
    # scopes decide which); bookmarks are the agency's own marker.
    "Registration": {
        **_fields(
            allow(A, S, O),
            "id",
            "campaign",
            "product",
            "shop",
            "status",
            "totalRateBps",
            "sampleQuota",
            "shopAdsRateBps",
            "contactEmail",
            "contactWhatsapp",
            "rejectReason",
            "rejectNote",
            "registeredAt",
            "decidedAt",
            "cancellationRequestedAt",
            "closedAt",
            "history",
        ),
        "bookmarked": allow(A),
    },
    "RegistrationConnection": _fields(allow(A, S, O), "edges", "pageInfo", "totalCount"),
    "RegistrationEdge": _fields(allow(A, S, O), "cursor", "node"),
    "RegistrationEvent": _fields(
        allow(A, S, O),
        "id",
        "at",
        "action",
        "actorName",
        "actorRole",
        "fromStatus",
        "toStatus",
        "reason",
        "note",
        "changes",
    ),
    "FieldChange": _fields(allow(ALL), "field", "from", "to"),
    # Terms histories: the subject's own row scope and field rules decide (server/schema/types/history.py drops the
    # fields the viewer may not see from each diff); a seller sees the role of who acted, never a creator's name.
    "TermsEvent": {
        **_fields(allow(ALL), "id", "at", "action", "actorRole", "reason", "changes"),
        "actorName": allow(A, C, O),
        # A person's name stays inside its organisation: only members of the organisation that acted see it.
        "actorPersonName": own_organisation("actor_organisation_id", ALL),
    },
    "RegistrationStatusChange": _fields(
        allow(A, S, O), "registration", "fromStatus", "toStatus", "at", "kind"
    ),
    "RegistrationPayload": _fields(allow(A, S), "registration", "userErrors"),
    "RegistrationUserError": _fields(allow(A, S), "field", "message", "code", "opensAt", "endedAt"),
    "RegistrationCreatePayload": _fields(allow(S), "registrations", "results", "userErrors"),
    "RegistrationItemResult": _fields(allow(S), "index", "productId", "registration", "userErrors"),
    "RegistrationReviewPayload": _fields(allow(A), "results", "userErrors"),
    "RegistrationReviewResult": _fields(allow(A), "id", "registration", "userErrors"),
    "CampaignPayload": _fields(allow(A), "campaign", "userErrors"),
    "CampaignUpdatePayload": _fields(allow(A), "campaign", "pendingChange", "appliedNow", "userErrors"),
    "CampaignUserError": _fields(allow(A), "field", "message", "code", "unknownShopCodes", "editableAt"),
    "CampaignDeletePayload": _fields(allow(A), "deletedId", "userErrors"),
    "AgencyPayload": _fields(allow(A), "agency", "userErrors"),
    "AgencyUserError": _fields(allow(A), "field", "message", "code"),
    "CampaignChange": _fields(allow(A, S), "campaign", "campaignId", "kind", "at"),
    "ProductList": _fields(
        allow(A, O), "id", "name", "campaign", "itemCount", "items", "shareLink", "createdAt", "updatedAt"
    ),
    "ProductListConnection": _fields(allow(A, O), "edges", "pageInfo", "totalCount"),
    "ProductListEdge": _fields(allow(A, O), "cursor", "node"),
    # totalRateBps and agencyRateBps: never a creator's (creators cannot reach the type at all).
    "ProductListItem": _fields(
        allow(A, O),
        "id",
        "registration",
        "product",
        "totalRateBps",
        "creatorRateBps",
        "agencyRateBps",
        "creatorCount",
        "createdAt",
        "updatedAt",
    ),
    "ProductListItemConnection": _fields(allow(A, O), "edges", "pageInfo", "totalCount"),
    "ProductListItemEdge": _fields(allow(A, O), "cursor", "node"),
    "ShareLink": _fields(allow(A, O), "id", "token", "url", "createdAt", "revokedAt", "opens"),
    "ProductListPayload": _fields(allow(A), "productList", "userErrors"),
    "ProductListDeletePayload": _fields(allow(A), "deletedId", "userErrors"),
    "ShareLinkPayload": _fields(allow(A), "shareLink", "userErrors"),
    "ProductListUserError": _fields(allow(A), "field", "message", "code"),
    # What a creator sees of a link, the agency sees in its preview; one creator's own state stays the creator's.
    "SharedOffer": _fields(
        allow(A, C), "token", "agencyName", "campaignName", "campaignEnd", "market", "currency", "items"
    ),
    "OfferItem": {
        **_fields(
            allow(A, C),
            "id",
            "product",
            "creatorRateBps",
            "price",
            "stock",
            "sampleAvailable",
            "samplesLeft",
            "campaignEnd",
        ),
        **_fields(allow(C), "inShowcase", "lowerRateNotice"),
    },
    "LowerRateNotice": _fields(
        allow(C),
        "currentRateBps",
        "offeredRateBps",
        "currentSource",
        "currentIsHigher",
        "currentPendingRateBps",
        "currentPendingEffectiveAt",
    ),
    "ProductOffers": _fields(allow(C), "product", "offers", "bestRateBps", "activeRateBps"),
    "CommissionOffer": _fields(
        allow(C),
        "listItemId",
        "creatorRateBps",
        "campaignName",
        "campaignEnd",
        "agencyName",
        "sampleAvailable",
        "samplesLeft",
        "token",
        "inShowcase",
    ),
    "ShowcaseEntry": _fields(
        allow(C, O),
        "id",
        "status",
        "addedAt",
        "endedAt",
        "creatorRateBps",
        "pendingRateBps",
        "pendingRateEffectiveAt",
        "activeSince",
        "product",
        "campaignName",
        "campaignEnd",
        "agencyName",
        "sampleAvailable",
        "samplesLeft",
        "sampleRequest",
        "contents",
        "history",
    ),
    "ShowcaseEntryConnection": _fields(allow(C), "edges", "pageInfo", "totalCount"),
    "ShowcaseEntryEdge": _fields(allow(C), "cursor", "node"),
    "ShowcaseAddPayload": _fields(allow(C), "entries", "replaced", "userErrors"),
    "ShowcaseRemovePayload": _fields(allow(C), "removedIds", "userErrors"),
    "ShowcaseUserError": _fields(allow(C), "field", "message", "code", "productId"),
    "SampleRequest": {
        **_fields(
            allow(ALL),
            "id",
            "status",
            "requestedAt",
            "reviewedAt",
            "carrier",
            "trackingNumber",
            "shippedAt",
            "deliveredAt",
            "contentDueAt",
            "extensionUsed",
            "product",
            "shipments",
            "shipmentStatus",
            "campaignName",
            "agencyName",
        ),
        # Creator-level: never the seller's.
        **_fields(allow(A, C, O), "creator", "contents", "rejectReason"),
        "history": allow(ALL),
        "campaign": allow(A, S, O),
        # The seller ships to it; the agency never sees it.
        "shippingAddress": allow(S, C),
    },
    "SampleRequestConnection": _fields(allow(ALL), "edges", "pageInfo", "totalCount"),
    "SampleRequestEdge": _fields(allow(ALL), "cursor", "node"),
    "ShippingAddress": _fields(
        allow(S, C), "recipientName", "phone", "line1", "line2", "city", "region", "postalCode", "country"
    ),
    "ShipmentEvent": _fields(allow(ALL), "status", "carrier", "trackingNumber", "note", "occurredAt"),
    "SampleRequestPayload": _fields(allow(A, S, C), "sampleRequest", "userErrors"),
    "SampleRequestUserError": _fields(allow(A, S, C), "field", "message", "code"),
    "Content": _fields(
        allow(A, C, O),
        "id",
        "kind",
        "url",
        "postedAt",
        "views",
        "likes",
        "ordersCount",
        "product",
        "creator",
        "campaignName",
    ),
    "ContentRecordPayload": _fields(allow(C), "content", "sampleRequest", "userErrors"),
    "ContentUserError": _fields(allow(C), "field", "message", "code"),
    "PlatformOverview": _fields(allow(O), "agencies", "shops", "creators", "products", "users", "campaigns"),
    # The split is the agency's (and the operator's): a seller sees what it pays, a creator its own commission.
    "PerformanceNumbers": {
        **_fields(allow(ALL), "paidOrders", "actualOrders", "gmvEstimated", "gmvActual"),
        **_fields(allow(A, S, O), "sellerPaidEstimated", "sellerPaidActual"),
        **_fields(allow(A, C, O), "creatorCommissionEstimated", "creatorCommissionActual"),
        **_fields(allow(A, O), "agencyCommissionEstimated", "agencyCommissionActual"),
    },
    # Sample requests before approval are the agency's and the creator's business (a seller sees a request once
    # there is something to ship), so their count is too.
    "CampaignPerformance": {
        **_fields(
            allow(A, S, O),
            "campaign",
            "currency",
            "computedAt",
            "productsRegistered",
            "productsApproved",
            "productsPending",
            "productsRejected",
            "productsClosed",
            "creatorsCollaborating",
            "creatorsWithSales",
            "samplesApproved",
            "samplesShipped",
            "contentPosted",
            "numbers",
        ),
        "samplesRequested": allow(A, O),
    },
    "ProductPerformance": {
        **_fields(
            allow(A, S, O),
            "registration",
            "status",
            "creatorsCollaborating",
            "creatorsWithSales",
            "samplesApproved",
            "samplesShipped",
            "contentPosted",
            "numbers",
        ),
        "samplesRequested": allow(A, O),
    },
    "ProductPerformanceConnection": _fields(allow(A, S, O), "edges", "pageInfo", "totalCount"),
    "ProductPerformanceEdge": _fields(allow(A, S, O), "cursor", "node"),
    "CreatorCollaboration": _fields(
        allow(A, O),
        "creator",
        "since",
        "showcaseStatus",
        "creatorRateBps",
        "sampleRequest",
        "videos",
        "lives",
        "contentViews",
        "contentLikes",
        "contentOrders",
        "contents",
        "numbers",
    ),
    "CreatorCollaborationConnection": _fields(allow(A, O), "edges", "pageInfo", "totalCount"),
    "CreatorCollaborationEdge": _fields(allow(A, O), "cursor", "node"),
    "CampaignNumbersChange": _fields(allow(A, S, O), "campaign", "at"),
    "PerformanceSeries": _fields(allow(ALL), "timeZone", "currency", "from", "to", "days"),
    "PerformanceDay": _fields(allow(ALL), "date", "start", "numbers"),
    "CreatorPerformance": _fields(
        allow(C), "market", "currency", "computedAt", "productsInShowcase", "numbers"
    ),
    "CreatorCampaignPerformance": _fields(
        allow(C),
        "campaignName",
        "agencyName",
        "campaignStart",
        "campaignEnd",
        "productsInShowcase",
        "numbers",
    ),
    "CreatorCampaignPerformanceConnection": _fields(allow(C), "edges", "pageInfo", "totalCount"),
    "CreatorCampaignPerformanceEdge": _fields(allow(C), "cursor", "node"),
    "CreatorProductPerformance": _fields(
        allow(C),
        "product",
        "campaignName",
        "agencyName",
        "campaignEnd",
        "showcaseEntry",
        "creatorRateBps",
        "sampleRequest",
        "contentDueAt",
        "numbers",
    ),
    "CreatorProductPerformanceConnection": _fields(allow(C), "edges", "pageInfo", "totalCount"),
    "CreatorProductPerformanceEdge": _fields(allow(C), "cursor", "node"),
    # Tax ids and account numbers have no field but their last four characters.
    "PaymentAccount": _fields(
        allow(A, C, O),
        "id",
        "payeeName",
        "payeeKind",
        "market",
        "currency",
        "taxStatus",
        "taxInfo",
        "bankAccount",
        "balances",
    ),
    "PayeeBalance": _fields(allow(A, C, O), "currency", "estimated", "settledUnbilled", "billed", "paid"),
    "TaxInfo": _fields(
        allow(A, C, O),
        "id",
        "status",
        "form",
        "entityType",
        "legalName",
        "businessName",
        "tinType",
        "taxIdLast4",
        "address",
        "certifiedAt",
        "submittedAt",
        "reviewedAt",
        "rejectReason",
        "paymentAccount",
    ),
    "TaxAddress": _fields(allow(A, C, O), "line1", "line2", "city", "region", "postalCode", "country"),
    "BankAccount": _fields(
        allow(A, C, O),
        "id",
        "holderName",
        "bankName",
        "accountNumberLast4",
        "currency",
        "linkedAt",
        "unlinkedAt",
    ),
    "PaymentBill": _fields(
        allow(A, C, O),
        "id",
        "payee",
        "period",
        "periodStart",
        "periodEnd",
        "amount",
        "status",
        "issuedAt",
        "paidAt",
        "failedReason",
        "attempts",
        "bankAccount",
        "payouts",
    ),
    "PaymentBillConnection": _fields(allow(A, C, O), "edges", "pageInfo", "totalCount"),
    "PaymentBillEdge": _fields(allow(A, C, O), "cursor", "node"),
    "Payout": _fields(
        allow(A, C, O),
        "attempt",
        "status",
        "amount",
        "reference",
        "failureReason",
        "createdAt",
        "completedAt",
        "bankAccount",
    ),
    "PaymentAccountConnection": _fields(allow(O), "edges", "pageInfo", "totalCount"),
    "PaymentAccountEdge": _fields(allow(O), "cursor", "node"),
    "TaxInfoPayload": _fields(allow(A, C, O), "taxInfo", "paymentAccount", "userErrors"),
    "BankAccountPayload": _fields(allow(A, C), "bankAccount", "paymentAccount", "userErrors"),
    "BillsGeneratePayload": _fields(allow(O), "bills", "userErrors"),
    "PayoutRunPayload": _fields(allow(O), "results", "userErrors"),
    "PayoutRunResult": _fields(allow(O), "bill", "outcome", "blockReason", "message", "payout"),
    "FinanceUserError": _fields(allow(A, C, O), "field", "message", "code"),
    # docs/domain.md "Orders": the agency with the creator and the split; the seller product level, what it pays and its
    # own total rate, never the creator; the creator its own rate and commission, never the total or the agency's.
    "OrderLine": {
        **_fields(
            allow(ALL),
            "id",
            "platformOrderId",
            "platformLineId",
            "status",
            "currency",
            "placedAt",
            "paidAt",
            "shippedAt",
            "deliveredAt",
            "settleAfter",
            "settledAt",
            "updatedAt",
            "product",
            "sellerSku",
            "shopName",
            "quantity",
            "refundedQuantity",
            "unitPrice",
            "paidAmount",
            "refundedAmount",
            "commissionBase",
            "attributed",
            "campaignName",
            "agencyName",
            "receipt",
        ),
        **_fields(allow(A, S, O), "shop", "campaign", "totalRateBps", "sellerCommission"),
        **_fields(allow(A, C, O), "creator", "creatorName", "creatorRateBps", "creatorCommission"),
        **_fields(allow(A, O), "agencyRateBps", "agencyCommission"),
        # Agencies and creators only ever see attributed lines.
        "unattributedReason": allow(S, O),
    },
    "OrderLineConnection": _fields(allow(ALL), "edges", "pageInfo", "totalCount"),
    "OrderLineEdge": _fields(allow(ALL), "cursor", "node"),
    "OrderLineCommission": _fields(allow(ALL), "estimated", "actual"),
    "OrderLineReceipt": {
        **_fields(
            allow(ALL),
            "status",
            "currency",
            "quantity",
            "unitPrice",
            "paidAmount",
            "refundedQuantity",
            "refundedAmount",
            "base",
            "attributed",
            "placedAt",
            "paidAt",
            "shippedAt",
            "deliveredAt",
            "settleAfter",
            "settledAt",
            "frozenAt",
            "cancelledAt",
            "refundedAt",
            "firstEstimate",
            "estimated",
            "actual",
            "dueNow",
            "postings",
            "events",
        ),
        "unattributedReason": allow(S, O),
        "totalRate": allow(A, S, O),
        "creatorRate": allow(A, C, O),
        "agencyRate": allow(A, O),
    },
    "ReceiptAmounts": {"seller": allow(A, S, O), "creator": allow(A, C, O), "agency": allow(A, O)},
    "ReceiptRate": _fields(allow(ALL), "bps", "source"),
    # Which legs of a posting each audience sees: RECEIPT_LEGS (below ROW_SCOPES).
    "ReceiptPosting": _fields(allow(ALL), "at", "reason", "legs"),
    "ReceiptLeg": _fields(allow(ALL), "account", "phase", "amount"),
    "ReceiptEvent": _fields(
        allow(ALL), "eventId", "type", "occurredAt", "receivedAt", "appliedAt", "heldReason", "reason"
    ),
    "Earnings": {
        **_fields(allow(A, S, C), "currency", "account", "estimated", "settled"),
        **_fields(allow(A, C), "settledUnbilled", "billed", "paid"),
    },
    # The key's secrets are never a field of IntegrationKey: only the create payload carries them, once.
    "IntegrationKey": _fields(
        allow(S, O), "id", "name", "keyId", "organisation", "createdAt", "lastUsedAt", "revokedAt"
    ),
    "IntegrationKeyConnection": _fields(allow(S, O), "edges", "pageInfo", "totalCount"),
    "IntegrationKeyEdge": _fields(allow(S, O), "cursor", "node"),
    "IntegrationKeyCreatePayload": _fields(
        allow(S), "integrationKey", "apiKey", "signingSecret", "userErrors"
    ),
    "IntegrationKeyPayload": _fields(allow(S, O), "integrationKey", "userErrors"),
    "IntegrationKeyUserError": _fields(allow(S, O), "field", "message", "code"),
    "Dispute": {
        **_fields(
            allow(ALL),
            "id",
            "type",
            "status",
            "outcome",
            "claimantRole",
            "openedAt",
            "dueAt",
            "answeredAt",
            "closedAt",
            "updatedAt",
            "decisionNote",
            "answerWindowDays",
            "ageDays",
            "campaignName",
            "agencyName",
            "product",
            "sampleRequest",
            "messages",
        ),
        # Creator-level (the claimant, a missing order's details, a line's money): never the seller's.
        **_fields(
            allow(A, C, O),
            "claimantName",
            "orderNumber",
            "orderDate",
            "claimedAmount",
            "adjustment",
            "orderLine",
        ),
        "registration": allow(A, S, O),
    },
    "DisputeMessage": {
        **_fields(allow(ALL), "at", "body", "links", "authorRole"),
        # A seller sees who wrote only as a role: the agency relays the creator's words.
        "authorName": allow(A, C, O),
        # A person's name stays inside its organisation: only members of the author's organisation see it.
        "authorPersonName": own_organisation("author_organisation_id", ALL),
    },
    "DisputeConnection": _fields(allow(ALL), "edges", "pageInfo", "totalCount"),
    "DisputeEdge": _fields(allow(ALL), "cursor", "node"),
    "DisputePayload": _fields(allow(A, S, C), "dispute", "userErrors"),
    "DisputeUserError": _fields(allow(A, S, C), "field", "message", "code"),
    # The signing secret is never a field of WebhookEndpoint: only the create payload carries it, once.
    "WebhookEndpoint": _fields(
        allow(A, S, C),
        "id",
        "url",
        "description",
        "eventTypes",
        "status",
        "disabledReason",
        "disabledAt",
        "createdAt",
        "messages",
    ),
    "WebhookMessage": _fields(
        allow(A, S, C),
        "id",
        "webhookId",
        "eventType",
        "status",
        "attemptCount",
        "nextAttemptAt",
        "deliveredAt",
        "createdAt",
        "payload",
        "attempts",
    ),
    "WebhookMessageConnection": _fields(allow(A, S, C), "edges", "pageInfo", "totalCount"),
    "WebhookMessageEdge": _fields(allow(A, S, C), "cursor", "node"),
    "WebhookAttempt": _fields(
        allow(A, S, C),
        "attemptedAt",
        "requestHeaders",
        "responseStatus",
        "responseBody",
        "error",
        "durationMs",
    ),
    "WebhookHeader": _fields(allow(A, S, C), "name", "value"),
    "WebhookEventType": _fields(allow(A, S, C), "name", "description"),
    "WebhookEndpointCreatePayload": _fields(allow(A, S, C), "webhookEndpoint", "secret", "userErrors"),
    "WebhookEndpointPayload": _fields(allow(A, S, C), "webhookEndpoint", "userErrors"),
    "WebhookEndpointDeletePayload": _fields(allow(A, S, C), "deletedId", "userErrors"),
    "WebhookMessagePayload": _fields(allow(A, S, C), "webhookMessage", "userErrors"),
    "WebhookUserError": _fields(allow(A, S, C), "field", "message", "code"),
    "PageInfo": _fields(allow(ALL), "hasNextPage", "hasPreviousPage", "startCursor", "endCursor"),
    "Money": _fields(allow(ALL), "amount", "currency"),
    "LoginPayload": {
        "viewer": allow(ALL),
        "token": allow(ALL),
        "userErrors": allow(EVERYONE),
    },
    "LogoutPayload": _fields(allow(EVERYONE), "ok"),
    "AuthUserError": _fields(allow(EVERYONE), "field", "message", "code", "retryAfterSeconds"),
    "NotificationsMarkReadPayload": _fields(allow(ALL), "unreadCount", "userErrors"),
    "ViewerLocaleSetPayload": _fields(allow(ALL), "locale"),
    "NotificationUserError": _fields(allow(ALL), "field", "message", "code"),
    **INSIGHT_FIELD_RULES,
}

Scope = Callable[[Principal], ColumnElement[bool]]


def _agency_campaign_ids(p: Principal):  # noqa: ANN202
    return select(models.Campaign.id).where(models.Campaign.agency_id == p.organisation_id)


def _agency_registration_ids(p: Principal):  # noqa: ANN202
    return select(models.Registration.id).where(models.Registration.campaign_id.in_(_agency_campaign_ids(p)))


def _agency_list_ids(p: Principal):  # noqa: ANN202
    return select(models.ProductList.id).where(models.ProductList.agency_id == p.organisation_id)


def _products_registered_with(p: Principal):  # noqa: ANN202
    return select(models.Registration.product_id).where(
        models.Registration.campaign_id.in_(_agency_campaign_ids(p))
    )


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


def _own_webhook_endpoints(p: Principal) -> ColumnElement[bool]:
    return models.WebhookEndpoint.organisation_id == p.organisation_id


def _webhook_endpoint_ids(p: Principal):  # noqa: ANN202
    return select(models.WebhookEndpoint.id).where(_own_webhook_endpoints(p))


def _own_organisation(p: Principal) -> ColumnElement[bool]:
    return models.Organisation.id == p.organisation_id


def _own_payment_account_ids(p: Principal):  # noqa: ANN202
    return select(models.PaymentAccount.id).where(models.PaymentAccount.organisation_id == p.organisation_id)


def _shop_marketplace_campaigns(p: Principal) -> ColumnElement[bool]:
    return campaign_rules.visible_to_shop(p.organisation_id) | campaign_rules.registered_by_shop(
        p.organisation_id
    )


def _dispute_party(p: Principal) -> ColumnElement[bool]:
    d = models.Dispute
    me = p.organisation_id
    return (d.claimant_organisation_id == me) | (d.agency_id == me) | (d.shop_id == me) | (d.creator_id == me)


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
    "ProductList": {A: lambda p: models.ProductList.agency_id == p.organisation_id, O: _everything},
    "ProductListItem": {A: lambda p: models.ProductListItem.list_id.in_(_agency_list_ids(p)), O: _everything},
    "ShareLink": {A: lambda p: models.ShareLink.list_id.in_(_agency_list_ids(p)), O: _everything},
    # Members of the same organisation see each other; the operator sees everyone.
    "User": {
        A: _same_organisation_users,
        S: _same_organisation_users,
        C: _same_organisation_users,
        O: _everything,
    },
    "Organisation": {A: _own_organisation, S: _own_organisation, C: _own_organisation, O: _everything},
    "Agency": {
        A: lambda p: models.Agency.organisation_id == p.organisation_id,
        # Sellers meet agencies through the campaigns of their market.
        S: lambda p: (
            models.Agency.organisation_id.in_(
                select(models.Campaign.agency_id)
                .join(models.Shop, models.Shop.market == models.Campaign.market)
                .where(models.Shop.organisation_id == p.organisation_id, models.Campaign.published.is_(True))
            )
            | models.Agency.organisation_id.in_(
                select(models.Campaign.agency_id)
                .join(models.Registration, models.Registration.campaign_id == models.Campaign.id)
                .where(models.Registration.shop_id == p.organisation_id)
            )
        ),
        O: _everything,
    },
    "Shop": {
        A: lambda p: models.Shop.organisation_id.in_(
            select(models.Registration.shop_id).where(
                models.Registration.campaign_id.in_(_agency_campaign_ids(p))
            )
        ),
        S: lambda p: models.Shop.organisation_id == p.organisation_id,
        O: _everything,
    },
    "Creator": {
        # Who opened the agency's share links, and who sold through its campaigns (an order can name a creator
        # with a share link the creator never opened here).
        A: lambda p: (
            models.CreatorProfile.organisation_id.in_(
                select(models.LinkOpen.creator_id)
                .join(models.ShareLink, models.ShareLink.id == models.LinkOpen.share_link_id)
                .join(models.ProductList, models.ProductList.id == models.ShareLink.list_id)
                .where(models.ProductList.agency_id == p.organisation_id)
            )
            | models.CreatorProfile.organisation_id.in_(
                select(models.OrderLine.creator_id).where(models.OrderLine.agency_id == p.organisation_id)
            )
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
            lambda p: (
                (models.Notification.recipient_organisation_id == p.organisation_id)
                & (
                    models.Notification.recipient_user_id.is_(None)
                    | (models.Notification.recipient_user_id == p.user_id)
                )
            )
        )
        for audience in ROLES
    },
    "ShowcaseEntry": {
        C: lambda p: models.ShowcaseEntry.creator_id == p.organisation_id,
        O: _everything,
    },
    "SampleRequest": {
        A: lambda p: models.SampleRequest.registration_id.in_(_agency_registration_ids(p)),
        # Only what there is to ship: a seller never sees pending or rejected requests (nor their addresses).
        S: lambda p: (
            models.SampleRequest.registration_id.in_(
                select(models.Registration.id).where(models.Registration.shop_id == p.organisation_id)
            )
            & models.SampleRequest.status.in_(offer_rules.SHIPPABLE_SAMPLE_STATUSES)
        ),
        C: lambda p: models.SampleRequest.creator_id == p.organisation_id,
        O: _everything,
    },
    "Content": {
        A: lambda p: models.Content.registration_id.in_(_agency_registration_ids(p)),
        C: lambda p: models.Content.creator_id == p.organisation_id,
        O: _everything,
    },
    # The attribution snapshot decides: the agency and the creator of the line; the seller every line of its shop.
    "OrderLine": {
        A: lambda p: models.OrderLine.agency_id == p.organisation_id,
        S: lambda p: models.OrderLine.order_id.in_(
            select(models.Order.id).where(models.Order.shop_id == p.organisation_id)
        ),
        C: lambda p: models.OrderLine.creator_id == p.organisation_id,
        O: _everything,
    },
    # A payee sees its own finance only (an agency never a creator's, nor the reverse).
    "PaymentAccount": {
        A: _own_organisation,
        C: _own_organisation,
        O: lambda p: models.Organisation.kind.in_(finance_rules.PAYEE_KINDS),
    },
    "TaxInfo": {
        A: lambda p: models.TaxInfo.payment_account_id.in_(_own_payment_account_ids(p)),
        C: lambda p: models.TaxInfo.payment_account_id.in_(_own_payment_account_ids(p)),
        O: _everything,
    },
    "BankAccount": {
        A: lambda p: models.BankAccount.payment_account_id.in_(_own_payment_account_ids(p)),
        C: lambda p: models.BankAccount.payment_account_id.in_(_own_payment_account_ids(p)),
        O: _everything,
    },
    "PaymentBill": {
        A: lambda p: models.PaymentBill.payee_organisation_id == p.organisation_id,
        C: lambda p: models.PaymentBill.payee_organisation_id == p.organisation_id,
        O: _everything,
    },
    "IntegrationKey": {
        S: lambda p: models.IntegrationKey.organisation_id == p.organisation_id,
        O: _everything,
    },
    "WebhookEndpoint": {audience: _own_webhook_endpoints for audience in (A, S, C)},
    "WebhookMessage": {
        audience: lambda p: models.WebhookMessage.endpoint_id.in_(_webhook_endpoint_ids(p))
        for audience in (A, S, C)
    },
    "WebhookAttempt": {
        audience: lambda p: models.WebhookAttempt.message_id.in_(
            select(models.WebhookMessage.id).where(
                models.WebhookMessage.endpoint_id.in_(_webhook_endpoint_ids(p))
            )
        )
        for audience in (A, S, C)
    },
    "Dispute": {
        **{audience: _dispute_party for audience in (A, S, C)},
        O: _everything,
    },
}

# The exceptions to ROW_SCOPES: loaders that apply no row scope of their own, by their path under
# `info.context.loaders` (server/loaders/registry.py), each with the reason it is safe. Every other loader applies
# the ROW_SCOPES entry of its type; tests/schema/test_loader_scopes.py builds every loader of the registry and
# fails on one that does neither (default deny), and on an exception no loader needs.
UNSCOPED_LOADERS: dict[str, str] = {
    "shop_name_by_id": "a shop's display name only, shown on a product the viewer reached through Product's scope",
    "skus_by_product_id": "keyed by product ids: the SKUs of a product reached through Product's scope",
    "sku_summary_by_product_id": (
        "keyed by product ids: the price, stock and SKU count of a product reached through Product's scope"
    ),
    "bookmark_by_registration_id": (
        "its statement keeps the viewer's own agency's bookmarks only (nobody else has any); keyed by "
        "registrations reached through Registration's scope"
    ),
    "history_by_registration_id": (
        "keyed by registration ids: the audit events of a registration reached through Registration's scope"
    ),
    "active_creator_count_by_list_item_id": (
        "keyed by list item ids: a count over an item reached through ProductListItem's scope"
    ),
    "link_open_count_by_share_link_id": "keyed by share link ids: a count over a link reached through ShareLink's scope",
    "offer_context_by_registration_id": (
        "keyed by the registration of a showcase entry, sample request or content reached through its own scope; "
        "reads what every party of the collaboration may see (campaign and agency names, sample quota), never a rate"
    ),
    "shipments_by_sample_request_id": (
        "keyed by sample request ids: the shipping of a request reached through SampleRequest's scope"
    ),
    "finance.payouts_by_bill_id": "keyed by bill ids: the payouts of a bill reached through PaymentBill's scope",
    "finance.balances_by_payee": (
        "keyed by (organisation, currency) of a payment account reached through PaymentAccount's scope"
    ),
    "disputes.messages_by_dispute_id": "keyed by dispute ids: the thread of a dispute reached through Dispute's scope",
    **{
        f"history.{name}": (
            f"keyed by {subject} ids: the audit events of a row reached through {subject}'s scope "
            "(HISTORY_ACTIONS picks the actions each audience is shown)"
        )
        for name, subject in (
            ("campaign", "Campaign"),
            ("sample_request", "SampleRequest"),
            ("showcase_entry", "ShowcaseEntry"),
        )
    },
    "history.list_item": (
        "keyed by the list item a showcase entry was added from (the entry reached through ShowcaseEntry's scope); "
        "only the events since the entry was added are shown on it"
    ),
    **{
        f"insight.{name}": f"keyed by organisation ids: the scorecard of a {subject} row reached through its scope"
        for name, subject in (("seller_card", "Shop"), ("agency_card", "Agency"), ("creator_card", "Creator"))
    },
}

# A line's receipt (OrderLineReceipt, on the lines of the viewer's OrderLine scope): the ledger accounts whose legs
# each audience sees in its postings. An audience not listed sees no receipt. The amounts and rates beside them
# follow the field rules of ReceiptAmounts and OrderLineReceipt.
RECEIPT_LEGS: dict[Audience, frozenset[LedgerAccount]] = {
    A: frozenset(LedgerAccount),
    S: frozenset({LedgerAccount.SELLER_PAYABLE}),
    C: frozenset({LedgerAccount.CREATOR_EARNINGS}),
    O: frozenset(LedgerAccount),
}

# Terms histories: the actions each audience is shown, per subject (absent: all). A seller follows a sample's
# shipping, not the creator's request or the agency's review of it.
HISTORY_ACTIONS: dict[str, dict[Audience, frozenset[str]]] = {
    "SampleRequest": {
        S: frozenset({"sample.approve", "sample.shipment", "sample.content", "sample.overdue"})
    },
}
