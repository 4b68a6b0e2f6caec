"""The dispute root fields, as bases of Query / Mutation / Subscription (server/schema/root.py inherits them), so
that disputes add no lines to the root module but its class headers."""

from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry

from server.models.dispute import DisputeStatus as DisputeStatusEnum
from server.models.dispute import DisputeType as DisputeTypeEnum
from server.resolvers.mutation.dispute_decide import resolve_dispute_decide
from server.resolvers.mutation.dispute_open import resolve_dispute_open
from server.resolvers.mutation.dispute_reply import resolve_dispute_reply
from server.resolvers.query.disputes import resolve_disputes
from server.resolvers.subscription.dispute_changed import subscribe_dispute_changed
from server.schema.context import Info
from server.schema.inputs.disputes import DisputeDecideInput, DisputeOpenInput, DisputeReplyInput
from server.schema.pagination import Connection
from server.schema.types.disputes import Dispute, DisputePayload, DisputeStatus, DisputeType


@strawberry.type
class DisputeQueries:
    @strawberry.field(
        description="The viewer's disputes (the operator's: all, read-only). open: true (default) lists the open ones "
        "by deadline, the nearest first; false the closed ones, the latest first. Filter by status and type."
    )
    async def disputes(
        self,
        info: Info,
        first: int = 20,
        after: str | None = None,
        open: bool = True,  # noqa: A002
        status: list[DisputeStatus] | None = None,
        type: list[DisputeType] | None = None,  # noqa: A002
    ) -> Connection[Dispute]:
        return await resolve_disputes(
            info,
            first,
            after,
            open,
            [DisputeStatusEnum(s) for s in status or []],
            [DisputeTypeEnum(t) for t in type or []],
        )


@strawberry.type
class DisputeMutations:
    @strawberry.mutation(
        description="Open a dispute from what it concerns, with its first message; the campaign's agency must answer "
        "by the type's deadline."
    )
    async def dispute_open(self, info: Info, input: DisputeOpenInput) -> DisputePayload:  # noqa: A002
        return await resolve_dispute_open(info, input)

    @strawberry.mutation(description="Write in a dispute's thread; the agency's first message answers it.")
    async def dispute_reply(self, info: Info, input: DisputeReplyInput) -> DisputePayload:  # noqa: A002
        return await resolve_dispute_reply(info, input)

    @strawberry.mutation(
        description="The campaign's agency decides an open dispute: for the claimant (a money dispute posts a ledger "
        "adjustment, a missing order a credit; an appeal reopens the registration for review) or against."
    )
    async def dispute_decide(self, info: Info, input: DisputeDecideInput) -> DisputePayload:  # noqa: A002
        return await resolve_dispute_decide(info, input)


@strawberry.type
class DisputeSubscriptions:
    @strawberry.subscription(
        description="Disputes the viewer is a party to, as they change, each as it may see it."
    )
    async def dispute_changed(self, info: Info) -> AsyncGenerator[Dispute, None]:
        async for dispute in subscribe_dispute_changed(info):
            yield dispute
