"""Loaders of disputes, reached as `info.context.loaders.disputes`: a dispute and its names through the Dispute row
scope (the parties and the operator); its thread as a child of a dispute that was loaded through that scope
(UNSCOPED_LOADERS in the policy table)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import aliased

from server import models
from server.auth.principal import Principal
from server.loaders.base import ScopedLoader
from server.runtime import Runtime

Message = models.DisputeMessage


class DisputeLoaders:
    def __init__(self, rt: Runtime, principal: Principal | None, *, cache: bool = True) -> None:
        self.dispute_by_id = ScopedLoader(
            rt,
            principal,
            type_name="Dispute",
            statement=lambda: select(models.Dispute),
            key_column=models.Dispute.id,
            key_of=lambda d: d.id,
            cache=cache,
        )
        # (message, author organisation name, author person's name), oldest first.
        self.messages_by_dispute_id = ScopedLoader(
            rt,
            principal,
            type_name=None,
            statement=lambda: (
                select(Message, models.Organisation.name, models.User.full_name)
                .outerjoin(models.Organisation, models.Organisation.id == Message.author_organisation_id)
                .outerjoin(models.User, models.User.id == Message.author_user_id)
                .order_by(Message.created_at, Message.id)
            ),
            key_column=Message.dispute_id,
            key_of=lambda row: row[0].dispute_id,
            many=True,
            cache=cache,
        )
        # (dispute id, campaign name, agency name, claimant name), through the Dispute row scope.
        agency, claimant = aliased(models.Organisation), aliased(models.Organisation)
        self.names_by_dispute_id = ScopedLoader(
            rt,
            principal,
            type_name="Dispute",
            statement=lambda: (
                select(models.Dispute.id, models.Campaign.name, agency.name, claimant.name)
                .join(models.Campaign, models.Campaign.id == models.Dispute.campaign_id)
                .join(agency, agency.id == models.Dispute.agency_id)
                .join(claimant, claimant.id == models.Dispute.claimant_organisation_id)
            ),
            key_column=models.Dispute.id,
            key_of=lambda row: row[0],
            cache=cache,
        )
