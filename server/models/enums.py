"""Domain enumerations (values are stored as strings with a CHECK constraint)."""

from __future__ import annotations

import enum


class Role(enum.StrEnum):
    AGENCY = "AGENCY"
    SELLER = "SELLER"
    CREATOR = "CREATOR"
    OPERATOR = "OPERATOR"


class OrganisationKind(enum.StrEnum):
    """One organisation kind per role: a user's role is the kind of its organisation."""

    AGENCY = "AGENCY"
    SHOP = "SHOP"
    CREATOR = "CREATOR"
    PLATFORM = "PLATFORM"


KIND_ROLE = {
    OrganisationKind.AGENCY: Role.AGENCY,
    OrganisationKind.SHOP: Role.SELLER,
    OrganisationKind.CREATOR: Role.CREATOR,
    OrganisationKind.PLATFORM: Role.OPERATOR,
}


class Market(enum.StrEnum):
    ID = "ID"
    MY = "MY"
    PH = "PH"
    TH = "TH"
    VN = "VN"
    GB = "GB"
    US = "US"


class Currency(enum.StrEnum):
    IDR = "IDR"
    MYR = "MYR"
    PHP = "PHP"
    THB = "THB"
    VND = "VND"
    GBP = "GBP"
    USD = "USD"


class MemberRole(enum.StrEnum):
    OWNER = "OWNER"
    MEMBER = "MEMBER"


class SellerType(enum.StrEnum):
    LOCAL = "LOCAL"
    CROSS_BORDER = "CROSS_BORDER"


class Messenger(enum.StrEnum):
    LINE = "LINE"
    VIBER = "VIBER"
    ZALO = "ZALO"
    WHATSAPP = "WHATSAPP"


class TargetingMode(enum.StrEnum):
    OPEN = "OPEN"
    SELECTED = "SELECTED"


class CampaignStatus(enum.StrEnum):
    """Derived from the clock and the published flag, never stored (server/services/campaign_rules.py)."""

    READY = "READY"  # not published: invisible to sellers
    UPCOMING = "UPCOMING"  # published, before start
    ONGOING = "ONGOING"  # start <= now < campaign end
    CLOSED = "CLOSED"  # after campaign end: terminal, read-only


class CampaignChangeKind(enum.StrEnum):
    """A campaign-level change announced live (server/services/campaign_events.py)."""

    EDITED = "EDITED"
    CHANGE_REQUESTED = "CHANGE_REQUESTED"
    CHANGE_CANCELLED = "CHANGE_CANCELLED"
    CHANGE_APPLIED = "CHANGE_APPLIED"
    PUBLISHED = "PUBLISHED"
    UNPUBLISHED = "UNPUBLISHED"
    CLOSED = "CLOSED"
    ARCHIVED = "ARCHIVED"
    UNARCHIVED = "UNARCHIVED"
    DELETED = "DELETED"


class RegistrationStatus(enum.StrEnum):
    PENDING = "PENDING"
    APPROVED = "APPROVED"
    PENDING_CLOSED = "PENDING_CLOSED"
    CLOSED = "CLOSED"
    REJECTED = "REJECTED"
    REJECT_FOREVER = "REJECT_FOREVER"
    WITHDRAWN = "WITHDRAWN"


class RejectReason(enum.StrEnum):
    COMMISSION_TOO_LOW = "COMMISSION_TOO_LOW"
    PRODUCT_HARD_TO_PROMOTE = "PRODUCT_HARD_TO_PROMOTE"
    PRODUCT_TOO_EXPENSIVE = "PRODUCT_TOO_EXPENSIVE"
    NO_SUITABLE_CREATOR = "NO_SUITABLE_CREATOR"


class ShowcaseStatus(enum.StrEnum):
    ACTIVE = "ACTIVE"
    REPLACED = "REPLACED"  # the creator chose another offer for the product
    REMOVED = "REMOVED"  # the creator removed it
    ENDED = "ENDED"  # its registration closed


class SampleStatus(enum.StrEnum):
    REQUESTED = "REQUESTED"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"
    SHIPPED = "SHIPPED"
    DELIVERED = "DELIVERED"
    CONTENT_POSTED = "CONTENT_POSTED"
    OVERDUE = "OVERDUE"


class ContentKind(enum.StrEnum):
    VIDEO = "VIDEO"
    LIVE = "LIVE"


class OrderLineStatus(enum.StrEnum):
    PLACED = "PLACED"
    PAID = "PAID"
    SHIPPED = "SHIPPED"
    DELIVERED = "DELIVERED"
    SETTLED = "SETTLED"
    CANCELLED = "CANCELLED"
    REFUNDED = "REFUNDED"
    FROZEN = "FROZEN"


class LedgerAccount(enum.StrEnum):
    SELLER_PAYABLE = "SELLER_PAYABLE"
    CREATOR_EARNINGS = "CREATOR_EARNINGS"
    AGENCY_EARNINGS = "AGENCY_EARNINGS"


class LedgerPhase(enum.StrEnum):
    ESTIMATED = "ESTIMATED"
    SETTLED = "SETTLED"


class TaxInfoStatus(enum.StrEnum):
    PENDING_REVIEW = "PENDING_REVIEW"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"


class BillStatus(enum.StrEnum):
    OPEN = "OPEN"
    ISSUED = "ISSUED"
    PAID = "PAID"
    FAILED = "FAILED"


class ProductStatus(enum.StrEnum):
    ACTIVE = "ACTIVE"
    INACTIVE = "INACTIVE"


class PendingChangeStatus(enum.StrEnum):
    """A campaign edit made after the first publish, waiting for its 30 minutes."""

    PENDING = "PENDING"
    APPLIED = "APPLIED"
    CANCELLED = "CANCELLED"


class ShipmentStatus(enum.StrEnum):
    """One event in a sample's shipment history, pushed by the seller or an integration."""

    SHIPPED = "SHIPPED"
    IN_TRANSIT = "IN_TRANSIT"
    DELIVERED = "DELIVERED"
    FAILED_DELIVERY = "FAILED_DELIVERY"
    RETURNED = "RETURNED"


class TaxForm(enum.StrEnum):
    W9 = "W9"  # US
    LOCAL_TAX_ID = "LOCAL_TAX_ID"  # every other market


class TaxEntityType(enum.StrEnum):
    INDIVIDUAL = "INDIVIDUAL"
    BUSINESS = "BUSINESS"


class TinType(enum.StrEnum):
    """The kind of a W-9's taxpayer identification number."""

    SSN = "SSN"  # social security number (individuals)
    EIN = "EIN"  # employer identification number (businesses; individuals may have one)


class PayoutStatus(enum.StrEnum):
    PENDING = "PENDING"
    SUCCEEDED = "SUCCEEDED"
    FAILED = "FAILED"


MARKET_CURRENCY = {
    Market.ID: Currency.IDR,
    Market.MY: Currency.MYR,
    Market.PH: Currency.PHP,
    Market.TH: Currency.THB,
    Market.VN: Currency.VND,
    Market.GB: Currency.GBP,
    Market.US: Currency.USD,
}

CURRENCY_EXPONENT = {c: (0 if c is Currency.VND else 2) for c in Currency}

MARKET_TIMEZONE = {
    Market.ID: "Asia/Jakarta",
    Market.MY: "Asia/Kuala_Lumpur",
    Market.PH: "Asia/Manila",
    Market.TH: "Asia/Bangkok",
    Market.VN: "Asia/Ho_Chi_Minh",
    Market.GB: "Europe/London",
    Market.US: "America/Los_Angeles",
}
