"""Query cost weights and list bounds, by GraphQL name: the one table server/limits/cost.py reads.

A field's cost is its weight plus the cost of what it selects, times how many it can return:
- leaf fields (scalars, enums) weigh 0 and object fields 1, unless WEIGHTS says otherwise;
- a connection's `edges` count `first` times (the argument, its variable, or its default);
- any other list of objects counts `first` times when it takes `first`, else LIST_BOUNDS times.
A test (tests/limits/test_cost_table.py) fails when a list of objects has no bound or an entry names no field.
"""

from __future__ import annotations

OBJECT_WEIGHT = 1
LEAF_WEIGHT = 0
MUTATION_WEIGHT = 10  # every root mutation field: writes cost more than reads (Shopify's convention)
INTROSPECTION_WEIGHT = 100  # __schema / __type, whatever they select
UNKNOWN_PAGE = 100  # `first` given as a variable that was not sent: the largest page

# Aggregates and figures computed over many rows weigh more than a plain object read.
WEIGHTS: dict[str, int] = {
    "Query.platformOverview": 20,
    "Query.campaignPerformance": 10,
    "Query.campaignPerformanceSeries": 10,
    "Query.creatorPerformance": 10,
    "Query.creatorPerformanceSeries": 10,
    "Query.earnings": 5,
    "Query.paymentAccount": 5,
    "Subscription.campaignNumbersChanged": 10,
}

# Lists of objects without `first`: the most they can hold (from the rules that fill them).
LIST_BOUNDS: dict[str, int] = {
    "*.userErrors": 10,
    "BillsGeneratePayload.bills": 100,
    "CreatorCollaboration.contents": 20,
    "OrderLineReceipt.postings": 20,
    "OrderLineReceipt.events": 20,
    "PaymentAccount.balances": 10,
    "PaymentBill.payouts": 10,
    "PayoutRunPayload.results": 100,
    "PerformanceSeries.days": 366,
    "Product.skus": 50,  # catalogue.SKUS_MAX
    "ProductOffers.offers": 10,
    "Query.earnings": 10,
    "ReceiptPosting.legs": 10,
    "Registration.history": 50,
    "RegistrationCreatePayload.registrations": 100,
    "RegistrationCreatePayload.results": 100,
    "RegistrationEvent.changes": 20,
    "RegistrationReviewPayload.results": 100,
    "SampleRequest.shipments": 20,
    "SampleRequest.contents": 20,
    "SharedOffer.items": 100,
    "ShowcaseAddPayload.entries": 100,
    "ShowcaseAddPayload.replaced": 100,
    "ShowcaseEntry.contents": 20,
}


def weight(type_name: str, field_name: str, *, leaf: bool) -> int:
    key = f"{type_name}.{field_name}"
    if key in WEIGHTS:
        return WEIGHTS[key]
    if type_name == "Mutation":
        return MUTATION_WEIGHT
    return LEAF_WEIGHT if leaf else OBJECT_WEIGHT


def list_bound(type_name: str, field_name: str) -> int | None:
    return LIST_BOUNDS.get(f"{type_name}.{field_name}", LIST_BOUNDS.get(f"*.{field_name}"))
