"""node(id:): any Node the viewer may see, through the same row-scoped loaders as every other path."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import strawberry

from server.authz.decisions import can_reach
from server.ids import decode_any_id
from server.schema.context import Info
from server.schema.types.campaign import Campaign
from server.schema.types.catalogue import Product, Shop
from server.schema.types.common import Node
from server.schema.types.content import Content
from server.schema.types.disputes import Dispute
from server.schema.types.finance import BankAccount, PaymentAccount, PaymentBill, TaxInfo
from server.schema.types.integration_key import IntegrationKey
from server.schema.types.notification import Notification
from server.schema.types.orders import OrderLine
from server.schema.types.product_list import ProductList, ProductListItem, ShareLink
from server.schema.types.registration import Registration
from server.schema.types.sample import SampleRequest
from server.schema.types.showcase import ShowcaseEntry
from server.schema.types.tenants import Agency, Creator, Organisation, User
from server.schema.types.webhook import WebhookEndpoint, WebhookMessage
from server.services import campaigns

# type name -> (loader getter, wrapper)
NODE_TYPES: dict[str, tuple[Callable[[Any], Any], Callable[[Any], Node]]] = {
    "User": (lambda l: l.user_by_id, User.from_row),
    "Organisation": (lambda l: l.organisation_by_id, Organisation.from_row),
    "Agency": (lambda l: l.agency_by_id, Agency.from_row),
    "Shop": (lambda l: l.shop_by_id, Shop.from_row),
    "Creator": (lambda l: l.creator_by_id, Creator.from_row),
    "Product": (lambda l: l.product_by_id, Product.from_row),
    "Notification": (lambda l: l.notification_by_id, Notification.from_row),
    "Campaign": (lambda l: l.campaign_by_id, Campaign.from_row),
    "ProductList": (lambda l: l.product_list_by_id, ProductList.from_row),
    "ProductListItem": (lambda l: l.product_list_item_by_id, ProductListItem.from_row),
    "ShareLink": (lambda l: l.share_link_by_id, ShareLink.from_row),
    "Registration": (lambda l: l.registration_by_id, Registration.from_row),
    "ShowcaseEntry": (lambda l: l.showcase_entry_by_id, ShowcaseEntry.from_row),
    "SampleRequest": (lambda l: l.sample_request_by_id, SampleRequest.from_row),
    "Content": (lambda l: l.content_by_id, Content.from_row),
    "PaymentAccount": (lambda l: l.finance.payment_account_by_org_id, PaymentAccount.from_row),
    "TaxInfo": (lambda l: l.finance.tax_info_by_id, TaxInfo.from_row),
    "BankAccount": (lambda l: l.finance.bank_account_by_id, BankAccount.from_row),
    "PaymentBill": (lambda l: l.finance.bill_by_id, PaymentBill.from_row),
    "IntegrationKey": (lambda l: l.integration_key_by_id, IntegrationKey.from_row),
    "OrderLine": (lambda l: l.orders.line_by_id, OrderLine.from_view),
    "Dispute": (lambda l: l.disputes.dispute_by_id, Dispute.from_row),
    "WebhookEndpoint": (lambda l: l.webhook_endpoint_by_id, WebhookEndpoint.from_row),
    "WebhookMessage": (lambda l: l.webhook_message_by_id, WebhookMessage.from_row),
}


async def resolve_node(info: Info, id: strawberry.ID) -> Node | None:  # noqa: A002
    type_name, pk = decode_any_id(id)
    entry = NODE_TYPES.get(type_name)
    if entry is None or not can_reach(type_name, info.context.principal):
        return None
    get_loader, wrap = entry
    if type_name == "Campaign":  # effective values: a pending change that fell due applies first
        await campaigns.apply_due_pending_changes(info.context.rt, campaign_id=pk)
    row = await get_loader(info.context.loaders).load(pk)
    return None if row is None else wrap(row)
