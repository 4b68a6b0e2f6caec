"""The policy table's entries for trust scorecards, the commission simulator and the earnings forecast, merged into
server/authz/policy.py (TYPE_ACCESS, FIELD_RULES) — kept apart only so that they read as one decision:

- a scorecard is seen by its party and by the counterparties that decide about it (row scopes of Shop, Agency and
  Creator say which rows each reaches: an agency the shops registered with it, a seller the agencies of its market,
  an agency the creators of its links), and by the operator; its tips only by the party itself (each role reaches
  only its own Shop / Agency / Creator row);
- the seller's simulator is the seller's, the agency's the agency's;
- a forecast is the viewer's own (the root field computes it for the principal only); the operator has none.
"""

from __future__ import annotations

from server.authz.rules import A, Audience, C, O, Rule, S, allow

ALL = frozenset({A, S, C, O})
_SCORECARDS = {
    "SellerScorecard": (frozenset({A, S, O}), ("sampleShipping", "cancellationRequests", "refunds"), S),
    "AgencyScorecard": (frozenset({A, S, O}), ("reviewLatency", "approvals", "cancellationDecisions"), A),
    "CreatorScorecard": (frozenset({A, C, O}), ("samplesPostedOnTime", "refunds"), C),
}
_FORECAST = (
    "EarningsForecast",
    "ForecastCurrency",
    "ForecastBand",
    "ForecastWeek",
    "ForecastPayDate",
    "ForecastBasis",
    "ForecastLine",
)

INSIGHT_TYPE_ACCESS: dict[str, frozenset[Audience]] = {
    **{name: audiences for name, (audiences, _, _) in _SCORECARDS.items()},
    "ScoreRate": ALL,
    "ScorecardTip": frozenset({A, S, C}),  # the party's own tips
    "ScoreDuration": frozenset({A, S, O}),  # creators' cards have no durations
    **dict.fromkeys(
        ("RegistrationSimulation", "RegistrationSimulationItem", "RateComparison"), frozenset({S})
    ),
    **dict.fromkeys(("ProductListItemSimulation", "ProductListItemSimulationItem"), frozenset({A})),
    "SimulationUserError": frozenset({A, S}),
    **dict.fromkeys(_FORECAST, frozenset({A, S, C})),
    **dict.fromkeys(("CampaignSampleRoi", "RoiFigures", "ProductSampleRoi"), frozenset({A, S})),
    **dict.fromkeys(
        ("SampleRoiSample", "SampleRoiCreator"), frozenset({A})
    ),  # creator identity: never sellers
}


def _fields(rule: Rule, *names: str) -> dict[str, Rule]:
    return dict.fromkeys(names, rule)


INSIGHT_QUERY_RULES: dict[str, Rule] = {
    "earningsForecast": allow(A, S, C),
    "registrationSimulate": allow(S),
    "productListItemSimulate": allow(A),
    "sampleRoi": allow(A, S),
}
# The scorecard field of each party's type (merged into FIELD_RULES["Shop" / "Agency" / "Creator"]).
SCORECARD_FIELD = {
    "Shop": allow(A, S, O),
    "Agency": allow(A, S, O),
    "Creator": allow(A, C, O),
}

INSIGHT_FIELD_RULES: dict[str, dict[str, Rule]] = {
    **{
        name: {**_fields(allow(audiences), *figures), "tips": allow(party)}
        for name, (audiences, figures, party) in _SCORECARDS.items()
    },
    "ScoreRate": _fields(allow(ALL), "bps", "part", "sampleSize", "periodStart", "periodEnd"),
    "ScoreDuration": _fields(allow(A, S, O), "hours", "sampleSize", "periodStart", "periodEnd"),
    "ScorecardTip": _fields(allow(A, S, C), "code", "message"),
    "RegistrationSimulation": _fields(allow(S), "items", "userErrors"),
    "RegistrationSimulationItem": _fields(
        allow(S),
        "product",
        "price",
        "totalRateBps",
        "refundRateBps",
        "refundBasis",
        "refundSampleSize",
        "commissionPerOrder",
        "expectedCommissionPerOrder",
        "shopAdsPerOrder",
        "sampleQuotaCost",
        "costPer100Orders",
        "effectiveRateBps",
        "comparison",
    ),
    "RateComparison": _fields(allow(S), "scope", "count", "p25Bps", "medianBps", "p75Bps", "belowShareBps"),
    "ProductListItemSimulation": _fields(allow(A), "items", "userErrors"),
    "ProductListItemSimulationItem": _fields(
        allow(A),
        "registration",
        "price",
        "totalRateBps",
        "creatorRateBps",
        "agencyRateBps",
        "creatorPerOrder",
        "agencyPerOrder",
        "recentDays",
        "recentOrders",
        "recentGmv",
        "creatorRecent",
        "agencyRecent",
        "creatorsElsewhere",
        "creatorsEarningMore",
    ),
    "SimulationUserError": _fields(allow(A, S), "field", "message", "code"),
    "EarningsForecast": _fields(allow(A, S, C), "account", "computedAt", "horizonDays", "currencies"),
    "ForecastCurrency": _fields(
        allow(A, S, C),
        "currency",
        "openLines",
        "estimated",
        "onHold",
        "next30Days",
        "weeks",
        "payDates",
        "basis",
        "lines",
    ),
    "ForecastBand": _fields(allow(A, S, C), "low", "likely", "high", "estimated", "lines"),
    "ForecastWeek": _fields(allow(A, S, C), "start", "band"),
    "ForecastPayDate": _fields(allow(A, S, C), "date", "band"),
    "ForecastBasis": _fields(allow(A, S, C), "level", "lines", "estimated"),
    "ForecastLine": _fields(
        allow(A, S, C), "amount", "settleAt", "payOn", "survivalBps", "basis", "basisSampleSize", "orderLine"
    ),
    # Sample-to-revenue ROI: a seller sees its own products' samples (the row scope), never a creator, a single
    # sample, nor the creator's or the agency's commission.
    "CampaignSampleRoi": {
        **_fields(allow(A, S), "currency", "total", "byProduct"),
        **_fields(allow(A), "byCreator", "samples"),
    },
    "RoiFigures": {
        **_fields(
            allow(A, S),
            "samplesRequested",
            "samplesApproved",
            "samplesShipped",
            "samplesWithContent",
            "contents",
            "orders",
            "gmv",
            "sellerCommission",
            "sampleCost",
            "gmvPerCostBps",
        ),
        **_fields(allow(A), "creatorCommission", "agencyCommission"),
    },
    "ProductSampleRoi": _fields(allow(A, S), "product", "figures"),
    "SampleRoiCreator": _fields(allow(A), "creator", "figures"),
    "SampleRoiSample": _fields(allow(A), "sampleRequest", "creator", "product", "requestedAt", "figures"),
}
