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
    "Query.performanceSeries": 10,
    "Query.earnings": 5,
    **dict.fromkeys(
        ("Query.earningsForecast", "Query.registrationSimulate", "Query.productListItemSimulate"), 10
    ),
    "Query.paymentAccount": 5,
    "Subscription.campaignNumbersChanged": 10,
}

# Lists of objects without `first`: how many they hold — the most the rules allow where they fix one (a batch, the
# accounts of a ledger posting, the days of a series), else a generous usual size (a registration's history grows
# with every edit; the time limit covers the rare list that is longer).
LIST_BOUNDS: dict[str, int] = {
    "*.userErrors": 10,
    "BillsGeneratePayload.bills": 100,
    "Campaign.history": 10,
    "CampaignSampleRoi.byCreator": 100,  # the campaign's creators with samples
    "CampaignSampleRoi.byProduct": 100,  # the campaign's products with samples
    "CreatorCollaboration.contents": 5,
    "Dispute.messages": 10,
    "OrderLineReceipt.postings": 10,
    "OrderLineReceipt.events": 10,
    "PaymentAccount.balances": 10,
    "PaymentBill.payouts": 10,
    "PayoutRunPayload.results": 100,
    "PerformanceSeries.days": 366,
    "Product.skus": 10,  # usually 1-5; catalogue.SKUS_MAX is 50
    "ProductOffers.offers": 10,
    "Query.earnings": 10,
    "ReceiptPosting.legs": 6,  # three accounts, estimated and settled
    "Registration.history": 10,
    "RegistrationCreatePayload.registrations": 100,
    "RegistrationCreatePayload.results": 100,
    "RegistrationEvent.changes": 5,
    "RegistrationReviewPayload.results": 100,
    "SampleRequest.shipments": 5,
    "SampleRequest.contents": 5,
    "SampleRequest.history": 10,
    "SharedOffer.items": 100,
    "ShowcaseAddPayload.entries": 100,
    "ShowcaseAddPayload.replaced": 100,
    "ShowcaseEntry.contents": 5,
    "ShowcaseEntry.history": 10,
    "TermsEvent.changes": 10,
    "Query.webhookEndpoints": 10,  # services/webhooks.py: ENDPOINTS_PER_ORGANISATION
    "Query.webhookEventTypes": 20,
    "WebhookMessage.attempts": 10,  # types/webhook.py: ATTEMPTS_SHOWN
    "WebhookAttempt.requestHeaders": 5,
    # Scorecards, simulator, forecast (server/services/insight/): a few tips, input-sized items, 13 weeks, currencies.
    **dict.fromkeys(("SellerScorecard.tips", "AgencyScorecard.tips", "CreatorScorecard.tips"), 3),
    **dict.fromkeys(("RegistrationSimulation.items", "ProductListItemSimulation.items"), 100),
    "EarningsForecast.currencies": 7,
    "ForecastCurrency.weeks": 13,
    "ForecastCurrency.payDates": 5,
    "ForecastCurrency.basis": 5,
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
