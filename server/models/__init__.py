"""Every model, re-exported, so that `from server import models` gives a complete `Base.metadata`."""

from server.models.audit import AuditEvent
from server.models.base import Base, BigID, CreatedMixin, IdMixin, UTCDateTime, enum_column
from server.models.campaign import Campaign, CampaignPendingChange, CampaignTargetShop
from server.models.creator import Content, SampleRequest, Shipment, ShowcaseEntry
from server.models.dispute import Dispute, DisputeMessage
from server.models.finance import BankAccount, PaymentAccount, PaymentBill, PaymentBillEntry, Payout, TaxInfo
from server.models.idempotency import IdempotencyKey
from server.models.ledger import LedgerEntry
from server.models.notification import Notification
from server.models.order import Order, OrderEvent, OrderLine
from server.models.organisation import Agency, CreatorProfile, Organisation, Shop
from server.models.product import Product, Sku
from server.models.product_list import LinkOpen, ProductList, ProductListItem, ShareLink
from server.models.registration import LIVE_REGISTRATION_STATUSES, Bookmark, Registration
from server.models.rollup import (
    ROLLUP_TABLES,
    rollup_campaign_days,
    rollup_campaign_shops,
    rollup_creator_campaigns,
    rollup_creator_days,
    rollup_creator_markets,
    rollup_creator_products,
    rollup_lines,
    rollup_registrations,
)
from server.models.rollup_forecast import OPEN_TABLES, rollup_open_days, rollup_open_products
from server.models.rollup_open import OPEN_LINE_INDEXES  # noqa: F401  (indexes on rollup_lines)
from server.models.user import IntegrationKey, LoginFailure, Membership, User, UserSession
from server.models.webhook import (
    WebhookAttempt,
    WebhookEndpoint,
    WebhookEndpointStatus,
    WebhookMessage,
    WebhookMessageStatus,
)

metadata = Base.metadata

__all__ = [
    "WebhookAttempt",
    "WebhookEndpoint",
    "WebhookEndpointStatus",
    "WebhookMessage",
    "WebhookMessageStatus",
    "LIVE_REGISTRATION_STATUSES",
    "ROLLUP_TABLES",
    "Agency",
    "AuditEvent",
    "BankAccount",
    "Base",
    "BigID",
    "Bookmark",
    "Campaign",
    "CampaignPendingChange",
    "CampaignTargetShop",
    "Content",
    "CreatedMixin",
    "CreatorProfile",
    "Dispute",
    "DisputeMessage",
    "IdMixin",
    "IdempotencyKey",
    "IntegrationKey",
    "LedgerEntry",
    "LinkOpen",
    "LoginFailure",
    "Membership",
    "Notification",
    "Order",
    "OrderEvent",
    "OrderLine",
    "Organisation",
    "PaymentAccount",
    "PaymentBill",
    "PaymentBillEntry",
    "Payout",
    "Product",
    "ProductList",
    "ProductListItem",
    "Registration",
    "SampleRequest",
    "ShareLink",
    "Shipment",
    "Shop",
    "ShowcaseEntry",
    "Sku",
    "TaxInfo",
    "UTCDateTime",
    "User",
    "UserSession",
    "enum_column",
    "metadata",
    "rollup_campaign_days",
    "rollup_campaign_shops",
    "rollup_creator_campaigns",
    "rollup_creator_days",
    "rollup_creator_markets",
    "rollup_creator_products",
    "rollup_lines",
    "OPEN_TABLES",
    "rollup_open_days",
    "rollup_open_products",
    "rollup_registrations",
]
