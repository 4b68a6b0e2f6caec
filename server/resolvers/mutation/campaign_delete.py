from __future__ import annotations

from server.ids import decode_id
from server.resolvers.errors import user_errors
from server.schema.context import Info
from server.schema.inputs.campaign_ops import CampaignDeleteInput
from server.schema.types.campaign_ops import CampaignDeletePayload
from server.schema.types.campaign_payloads import CampaignErrorCode, CampaignUserError
from server.services import campaign_drafts
from server.services.errors import DomainError


async def resolve_campaign_delete(info: Info, input: CampaignDeleteInput) -> CampaignDeletePayload:  # noqa: A002
    principal = info.context.principal
    assert principal is not None  # the policy gate lets only agencies in
    try:
        await campaign_drafts.delete_draft(info.context.rt, principal, decode_id(input.id, "Campaign"))
    except DomainError as error:
        return CampaignDeletePayload(
            deleted_id=None, user_errors=user_errors(error, CampaignUserError, CampaignErrorCode)
        )
    return CampaignDeletePayload(deleted_id=input.id, user_errors=[])
