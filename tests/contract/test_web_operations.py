"""Every operation the web app sends (web/src/graphql/**/*.graphql) runs for each role its header names.

Queries and safe mutations execute against the two-tenant world and must return no errors, under a statement
budget. Login runs anonymously with the role's own credentials and must log that role in. Subscriptions run over
a real websocket with the role's token: each must be accepted and become live at the broker, or, for a campaign
that does not exist, end at once without an error.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from graphql import OperationDefinitionNode, parse, validate

from server.ids import encode_id
from server.schema.build import build_schema
from tests.api.test_websocket import ws_client
from tests.conftest import make_settings
from tests.plugins.api import PASSWORD, Api, login_token
from tests.plugins.ws import until_listening
from tests.web_documents import document_text, operation_paths

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = operation_paths()
ROLE_TENANT = {"agency": "agency_a", "seller": "seller_a", "creator": "creator_a", "operator": "operator"}
STATEMENT_BUDGET = 12
VARIABLES = {"NotificationsMarkRead": {"ids": None}}


def _missing(type_name: str) -> str:
    """A well-formed id of a row that does not exist: queries answer null, mutations a NOT_FOUND userError."""
    return encode_id(type_name, 999_999_999)


# Campaign and registration screens: ids that match nothing and inputs the server refuses, so nothing changes.
VARIABLES |= {
    "AgencyCampaign": {"id": _missing("Campaign")},
    "SellerCampaign": {"id": _missing("Campaign")},
    "RegistrationHistory": {"id": _missing("Registration")},
    "CampaignHistory": {"id": _missing("Campaign")},
    "ShowcaseEntryHistory": {"id": _missing("ShowcaseEntry")},
    "SampleRequestHistory": {"id": _missing("SampleRequest")},
    "CampaignCreate": {
        "input": {
            "name": "",
            "market": "TH",
            "commissionRequirementBps": 1000,
            "contact": {"email": "team@agency.test"},
            "registrationStart": "2020-01-01T00:00:00Z",
            "registrationEnd": "2020-01-02T00:00:00Z",
            "campaignStart": "2020-01-01T00:00:00Z",
            "campaignEnd": "2020-01-03T00:00:00Z",
            "targeting": {"mode": "OPEN"},
        }
    },
    "CampaignUpdate": {"input": {"id": _missing("Campaign"), "name": "Renamed"}},
    "CampaignPublish": {"input": {"id": _missing("Campaign"), "published": True}},
    "CampaignPendingChangeCancel": {"input": {"campaignId": _missing("Campaign")}},
    "RegistrationReview": {"input": {"ids": [_missing("Registration")], "decision": "APPROVE"}},
    "RegistrationCancellationDecide": {"input": {"id": _missing("Registration"), "approve": True}},
    "BookmarkSet": {"input": {"registrationId": _missing("Registration"), "bookmarked": True}},
    "RegistrationCreate": {
        "input": {
            "campaignId": _missing("Campaign"),
            "items": [{"productId": _missing("Product"), "totalRateBps": 1000}],
            "contactEmail": "shop@shop.test",
        }
    },
    "RegistrationWithdraw": {"input": {"id": _missing("Registration")}},
    "RegistrationSampleQuotaIncrease": {"input": {"id": _missing("Registration"), "sampleQuota": 5}},
    "RegistrationCancellationRequest": {"input": {"id": _missing("Registration"), "reason": "Out of stock"}},
    "CampaignDelete": {"input": {"id": _missing("Campaign")}},
    "CampaignDuplicate": {
        "input": {
            "id": _missing("Campaign"),
            "campaignStart": "2030-01-01T00:00:00Z",
            "registrationEnd": "2030-01-02T00:00:00Z",
            "campaignEnd": "2030-01-03T00:00:00Z",
        }
    },
    "CampaignArchive": {"input": {"id": _missing("Campaign"), "archived": True}},
    "RegistrationCancellationsDecide": {"input": {"ids": [_missing("Registration")], "approve": True}},
    "RegistrationTermsUpdate": {"input": {"id": _missing("Registration"), "sampleQuota": 5}},
    "ShareLinkPreview": {"token": "x" * 32},
}

# Product lists, share links, showcase and samples: the same (missing ids, refused input, unknown token).
_UNKNOWN_TOKEN = "x" * 32
VARIABLES |= {
    "ProductList": {"id": _missing("ProductList")},
    "ProductListCreate": {"input": {"campaignId": _missing("Campaign"), "name": "Picks"}},
    "ProductListUpdate": {"input": {"id": _missing("ProductList"), "name": "Renamed"}},
    "ProductListDuplicate": {"input": {"id": _missing("ProductList")}},
    "ProductListDelete": {"input": {"id": _missing("ProductList")}},
    "ProductListItemsSet": {
        "input": {"listId": _missing("ProductList"), "remove": [_missing("Registration")]}
    },
    "ShareLinkCreate": {"input": {"listId": _missing("ProductList")}},
    "ShareLinkRevoke": {"input": {"id": _missing("ShareLink")}},
    "SharedOffer": {"token": _UNKNOWN_TOKEN},
    "ShowcaseAdd": {"input": {"token": _UNKNOWN_TOKEN, "acceptTerms": False}},
    "ShowcaseRemove": {"input": {"entryIds": [_missing("ShowcaseEntry")]}},
    "RequestSample": {
        "input": {
            "showcaseEntryId": _missing("ShowcaseEntry"),
            "address": {
                "recipientName": "A",
                "phone": "+66 81 234 5678",
                "line1": "1 Road",
                "city": "Bangkok",
                "postalCode": "10110",
                "country": "TH",
            },
        }
    },
    "ContentRecord": {
        "input": {"showcaseEntryId": _missing("ShowcaseEntry"), "kind": "VIDEO", "url": "https://v.test/1"}
    },
    "SampleContentExtension": {"input": {"id": _missing("SampleRequest")}},
    "SampleRequestReview": {"input": {"id": _missing("SampleRequest"), "approve": True}},
    "SampleShipmentUpdate": {
        "input": {
            "id": _missing("SampleRequest"),
            "status": "SHIPPED",
            "carrier": "Kerry",
            "trackingNumber": "KEX1",
        }
    },
}

# Performance, finance and orders screens: the same (missing ids, refused input, a month that has not ended).
_EMPTY_ADDRESS = {"line1": "", "city": "", "postalCode": "", "country": ""}
VARIABLES |= {
    "CampaignPerformance": {"campaignId": _missing("Campaign")},
    "CampaignPerformanceSeries": {"campaignId": _missing("Campaign")},
    "CampaignProductPerformance": {"campaignId": _missing("Campaign")},
    "CampaignProductCollaborations": {"registrationId": _missing("Registration")},
    "TaxInfoSubmit": {
        "input": {
            "local": {
                "legalName": "",
                "entityType": "INDIVIDUAL",
                "taxId": "",
                "address": _EMPTY_ADDRESS,
            }
        }
    },
    "BankAccountLink": {"input": {"holderName": "", "bankName": "", "accountNumber": "", "routingCode": ""}},
    "BankAccountUnlink": {"input": {"id": _missing("BankAccount")}},
    "TaxInfoReview": {"input": {"id": _missing("TaxInfo"), "approve": True}},
    "BillsGenerate": {"input": {"period": "2999-01"}},
    "PayoutRun": {"input": {"billIds": [_missing("PaymentBill")]}},
    "OrderLineReceipt": {"id": _missing("OrderLine")},
    # The language switcher: null follows the browser again (changes nothing another case reads).
    "ViewerLocaleSet": {"input": {"locale": None}},
    # Integration keys: a name the server refuses, a key that does not exist.
    "IntegrationKeyCreate": {"input": {"name": ""}},
    "IntegrationKeyRevoke": {"input": {"id": _missing("IntegrationKey")}},
    # Campaign row actions, bulk cancellation decisions, term edits and the link preview: nothing that exists.
    "CampaignArchive": {"input": {"id": _missing("Campaign"), "archived": True}},
    "CampaignDelete": {"input": {"id": _missing("Campaign")}},
    "CampaignDuplicate": {
        "input": {
            "id": _missing("Campaign"),
            "campaignStart": "2030-01-01T00:00:00Z",
            "registrationEnd": "2030-01-02T00:00:00Z",
            "campaignEnd": "2030-01-03T00:00:00Z",
        }
    },
    "RegistrationCancellationsDecide": {"input": {"ids": [_missing("Registration")], "approve": False}},
    "RegistrationTermsUpdate": {"input": {"id": _missing("Registration"), "sampleQuota": 1}},
    "ShareLinkPreview": {"token": "no-such-link"},
    # Disputes: a subject and a dispute that do not exist.
    "DisputeOpen": {
        "input": {"type": "WRONG_COMMISSION", "subjectId": _missing("OrderLine"), "message": {"body": "Why?"}}
    },
    "DisputeReply": {"input": {"id": _missing("Dispute"), "body": "Hello"}},
    "DisputeDecide": {"input": {"id": _missing("Dispute"), "uphold": False, "note": "No"}},
    # Webhooks: a URL and event types the server refuses, endpoints and messages that do not exist.
    "WebhookEndpointCreate": {"input": {"url": "", "eventTypes": []}},
    "WebhookEndpointUpdate": {"input": {"id": _missing("WebhookEndpoint"), "enabled": False}},
    "WebhookEndpointDelete": {"input": {"id": _missing("WebhookEndpoint")}},
    "WebhookEndpointTest": {"input": {"id": _missing("WebhookEndpoint")}},
    "WebhookMessageReplay": {"input": {"id": _missing("WebhookMessage")}},
}


def _roles(path: Path) -> list[str]:
    match = re.match(r"#\s*roles:\s*(.+)", path.read_text().splitlines()[0])
    assert match, f"{path.relative_to(ROOT)} must start with '# roles: ...'"
    roles = [r.strip() for r in match.group(1).split(",")]
    assert set(roles) <= set(ROLE_TENANT), roles
    return roles


# Forecast, simulator, scorecards (docs/forecast.md): a campaign that does not exist, a shop that does not exist.
VARIABLES |= {
    "RegistrationSimulate": {
        "campaignId": _missing("Campaign"),
        "items": [{"productId": _missing("Product"), "totalRateBps": 1000}],
    },
    "Scorecard": {"id": _missing("Shop")},
    "SampleRoi": {"campaignId": _missing("Campaign")},
    "ProductListItemSimulate": {
        "items": [{"registrationId": _missing("Registration"), "creatorRateBps": 1000}]
    },
}


# The agency's markets, set to the ones agency_a already serves (tests/plugins/api.py): nothing changes.
VARIABLES |= {"AgencyMarketsSet": {"input": {"markets": ["TH", "VN"]}}}


CASES = [(path, role) for path in DOCUMENTS for role in _roles(path)]


def test_the_web_app_has_operations() -> None:
    assert len(DOCUMENTS) >= 5


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.stem)
def test_document_is_valid_against_the_schema(path: Path) -> None:
    schema = build_schema(make_settings("sqlite+aiosqlite:///:memory:"))._schema
    assert validate(schema, parse(document_text(path))) == []


@pytest.mark.parametrize(("path", "role"), CASES, ids=lambda v: v.stem if isinstance(v, Path) else v)
async def test_operation_runs_for_its_roles(app, rt, http, world, queries, path: Path, role: str) -> None:  # noqa: ANN001
    document = parse(document_text(path))
    operation = next(d for d in document.definitions if isinstance(d, OperationDefinitionNode))
    name = operation.name.value if operation.name else path.stem
    tenant = world[ROLE_TENANT[role]]
    if name == "Login":
        credentials = {"input": {"email": tenant.email, "password": PASSWORD}}
        body = await Api(http, None).raw(document_text(path), credentials)
        assert "errors" not in body, body["errors"]
        assert body["data"]["login"]["userErrors"] == []
        assert body["data"]["login"]["viewer"]["role"] == tenant.role.value
        return
    if operation.operation.value == "subscription":
        await _subscription_is_accepted(app, rt, http, path, name, tenant.email)
        return
    api = Api(http, await login_token(http, tenant.email))
    queries.reset()
    body = await api.raw(document_text(path), VARIABLES.get(name, {}))
    assert "errors" not in body, body["errors"]
    assert queries.count <= STATEMENT_BUDGET, queries.statements


async def _subscription_is_accepted(app, rt, http, path: Path, name: str, email: str) -> None:  # noqa: ANN001
    async with ws_client(app) as ws:
        assert (await ws.init({"token": await login_token(http, email)}))["type"] == "connection_ack"
        listening = rt.broker.listening()
        await ws.subscribe("1", document_text(path), VARIABLES.get(name, {}))
        if name in ENDS_AT_ONCE:
            assert await ws.next_payload() == {"id": "1", "type": "complete"}
        else:
            await until_listening(rt.broker, listening + 1)


# Subscriptions to a campaign that does not exist: the stream ends at once, without an error.
ENDS_AT_ONCE = {"CampaignNumbersChanged"}
VARIABLES["CampaignNumbersChanged"] = {"campaignId": _missing("Campaign")}
