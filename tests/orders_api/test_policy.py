"""The order types in the policy table: a creator never reaches the seller's total rate or the agency's share, a
seller never the creator, its rate or the split — by any field of any order type (the schema walk of
tests/schema/test_reachability.py keeps them from the types)."""

from __future__ import annotations

import pytest

from server.authz.decisions import field_access
from server.authz.policy import RECEIPT_LEGS, TYPE_ACCESS
from server.authz.rules import Access, Audience
from server.models.enums import LedgerAccount
from tests.schema import object_types, sdl_schema
from tests.schema.test_reachability import reachable_types

NEVER = {
    Audience.CREATOR: {
        "OrderLine": {
            "totalRateBps",
            "agencyRateBps",
            "sellerCommission",
            "agencyCommission",
            "shop",
            "campaign",
            "unattributedReason",
        },
        "OrderLineReceipt": {"totalRate", "agencyRate", "unattributedReason"},
        "ReceiptAmounts": {"seller", "agency"},
    },
    Audience.SELLER: {
        "OrderLine": {
            "creator",
            "creatorName",
            "creatorRateBps",
            "agencyRateBps",
            "creatorCommission",
            "agencyCommission",
        },
        "OrderLineReceipt": {"creatorRate", "agencyRate"},
        "ReceiptAmounts": {"creator", "agency"},
    },
    Audience.AGENCY: {"OrderLine": {"unattributedReason"}},
}


@pytest.mark.parametrize("audience", sorted(NEVER), ids=str)
def test_forbidden_order_fields_are_denied(audience: Audience) -> None:
    types = object_types(sdl_schema())
    for type_name, fields in NEVER[audience].items():
        assert fields <= set(types[type_name].fields), (
            f"{type_name} has no {fields - set(types[type_name].fields)}"
        )
        allowed = {f for f in fields if field_access(type_name, f, audience) is not Access.DENY}
        assert not allowed, f"{audience} may see {type_name}.{sorted(allowed)}"


def test_every_party_reaches_its_orders() -> None:
    for audience in (Audience.AGENCY, Audience.SELLER, Audience.CREATOR, Audience.OPERATOR):
        reached = reachable_types(sdl_schema(), audience)
        assert {"OrderLine", "OrderLineReceipt", "ReceiptAmounts", "OrderLineCommission"} <= reached.keys(), (
            audience
        )
    assert "Creator" not in reachable_types(sdl_schema(), Audience.SELLER)
    assert "Earnings" not in reachable_types(sdl_schema(), Audience.OPERATOR)


def test_the_receipt_and_the_line_agree_on_who_sees_each_share() -> None:
    """The same share is visible to the same parties wherever it shows: on the line, its receipt and the amounts."""
    pairs = {
        ("OrderLine", "sellerCommission"): ("ReceiptAmounts", "seller"),
        ("OrderLine", "creatorCommission"): ("ReceiptAmounts", "creator"),
        ("OrderLine", "agencyCommission"): ("ReceiptAmounts", "agency"),
        ("OrderLine", "totalRateBps"): ("OrderLineReceipt", "totalRate"),
        ("OrderLine", "creatorRateBps"): ("OrderLineReceipt", "creatorRate"),
        ("OrderLine", "agencyRateBps"): ("OrderLineReceipt", "agencyRate"),
    }
    for audience in Audience:
        for (t1, f1), (t2, f2) in pairs.items():
            assert field_access(t1, f1, audience) == field_access(t2, f2, audience), (audience, f1, f2)


def test_the_legs_of_a_receipt_follow_the_shares_it_shows() -> None:
    """RECEIPT_LEGS: an audience sees the legs of exactly the accounts whose share it sees (ReceiptAmounts), and
    only an audience that reaches receipts has an entry (no entry: no receipt)."""
    share_of = {
        LedgerAccount.SELLER_PAYABLE: "seller",
        LedgerAccount.CREATOR_EARNINGS: "creator",
        LedgerAccount.AGENCY_EARNINGS: "agency",
    }
    assert set(RECEIPT_LEGS) == TYPE_ACCESS["ReceiptLeg"] == TYPE_ACCESS["OrderLineReceipt"]
    for audience, accounts in RECEIPT_LEGS.items():
        shares = {f for f in share_of.values() if field_access("ReceiptAmounts", f, audience) is Access.ALLOW}
        assert {share_of[a] for a in accounts} == shares, audience
