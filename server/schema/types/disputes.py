"""Disputes as each party sees them. A seller never learns the creator through one: the claimant's name, the
order details and the amounts are not its fields, and a creator's message reaches it as "CREATOR" only (the
agency relays). A person's name appears only to the author's own organisation."""

from __future__ import annotations

import enum
from datetime import date, datetime

import strawberry

from server import models
from server.ids import encode_id
from server.models import dispute as dispute_enums
from server.schema.context import Info
from server.schema.errors import UserError
from server.schema.types.catalogue import Product
from server.schema.types.common import Money, Node, Role
from server.schema.types.orders import OrderLine
from server.schema.types.registration import Registration
from server.schema.types.sample import SampleRequest
from server.services import dispute_rules as rules

DisputeType = dispute_enums.DisputeType
strawberry.enum(
    DisputeType,
    description="Creator → agency: MISSING_ORDER (from a showcase entry), WRONG_COMMISSION, RATE_NOT_HONOURED, "
    "SPLIT_DISPUTED (from an order line). Seller → agency: REJECTION_APPEAL (from a rejected registration). Through "
    "the agency: SAMPLE_NOT_RECEIVED (creator), CONTENT_NOT_POSTED (seller), from a sample request.",
)
DisputeStatus = dispute_enums.DisputeStatus
strawberry.enum(
    DisputeStatus,
    description="OPEN (the agency must answer by dueAt) → ANSWERED (the agency must decide by dueAt) → RESOLVED "
    "(for the claimant) | REJECTED | EXPIRED (the deadline passed: the type's default outcome was applied).",
)
DisputeOutcome = dispute_enums.DisputeOutcome
strawberry.enum(DisputeOutcome)


@strawberry.type(description="One message of a dispute's thread, oldest first.")
class DisputeMessage:
    row: strawberry.Private[models.DisputeMessage]
    org_name: strawberry.Private[str | None]
    person_name: strawberry.Private[str | None]
    author_organisation_id: strawberry.Private[int | None]
    at: datetime
    body: str
    links: list[str]
    author_role: Role | None = strawberry.field(description="Null: the platform (a deadline passed).")

    @classmethod
    def from_row(cls, row: tuple[models.DisputeMessage, str | None, str | None]) -> DisputeMessage:
        message, org_name, person_name = row
        return cls(
            row=message,
            org_name=org_name,
            person_name=person_name,
            author_organisation_id=message.author_organisation_id,
            at=message.created_at,
            body=message.body,
            links=list(message.links or []),
            author_role=message.author_role,
        )

    @strawberry.field(
        description="The author's organisation (never a creator's to a seller: the agency relays)."
    )
    def author_name(self) -> str | None:
        return self.org_name

    @strawberry.field(
        description="The person who wrote it: only for members of the author's own organisation."
    )
    def author_person_name(self) -> str | None:
        return self.person_name  # the policy's own_organisation rule on author_organisation_id


@strawberry.type(
    description="A dispute: what it concerns, its parties' thread, its deadline and its outcome."
)
class Dispute(Node):
    row: strawberry.Private[models.Dispute]
    type: DisputeType
    status: DisputeStatus
    outcome: DisputeOutcome | None
    claimant_role: Role
    opened_at: datetime
    due_at: datetime = strawberry.field(
        description="The agency's deadline: to answer while OPEN, to decide once ANSWERED (the past once closed)."
    )
    answered_at: datetime | None
    closed_at: datetime | None
    updated_at: datetime
    order_number: str | None = strawberry.field(
        description="MISSING_ORDER: the order the creator says is missing."
    )
    order_date: date | None
    decision_note: str | None = strawberry.field(
        description="Why it was decided so (or that the deadline passed)."
    )

    @classmethod
    def from_row(cls, row: models.Dispute) -> Dispute:
        return cls(
            id=encode_id("Dispute", row.id),
            row=row,
            type=row.type,
            status=row.status,
            outcome=row.outcome,
            claimant_role=row.claimant_role,
            opened_at=row.created_at,
            due_at=row.due_at,
            answered_at=row.answered_at,
            closed_at=row.closed_at,
            updated_at=row.updated_at,
            order_number=row.order_number,
            order_date=row.order_date,
            decision_note=row.decision_note,
        )

    @strawberry.field(
        description="Days the agency has for each step of this type (MATCHUP_DISPUTE_ANSWER_DAYS)."
    )
    def answer_window_days(self, info: Info) -> int:
        return rules.answer_window(info.context.rt.settings.dispute_answer_days, self.row.type).days

    @strawberry.field(description="Whole days since it was opened, until it closed (the operator's ageing).")
    def age_days(self, info: Info) -> int:
        return rules.age_days(self.row.created_at, self.row.closed_at or info.context.rt.clock.now())

    @strawberry.field(description="Amount the claimant asks for (money disputes).")
    def claimed_amount(self) -> Money | None:
        r = self.row
        return (
            None
            if r.claimed_amount_minor is None or r.currency is None
            else Money.of(r.claimed_amount_minor, r.currency)
        )

    @strawberry.field(description="Posted to the ledger when resolved for the claimant (agency → creator).")
    def adjustment(self) -> Money | None:
        r = self.row
        return (
            None
            if r.adjustment_minor is None or r.currency is None
            else Money.of(r.adjustment_minor, r.currency)
        )

    async def _names(self, info: Info) -> tuple[int, str, str, str] | None:
        return await info.context.loaders.disputes.names_by_dispute_id.load(self.row.id)

    @strawberry.field
    async def campaign_name(self, info: Info) -> str | None:
        names = await self._names(info)
        return None if names is None else names[1]

    @strawberry.field
    async def agency_name(self, info: Info) -> str | None:
        names = await self._names(info)
        return None if names is None else names[2]

    @strawberry.field(
        description="Who opened it (never to a seller: a creator's identity stays with the agency)."
    )
    async def claimant_name(self, info: Info) -> str | None:
        names = await self._names(info)
        return None if names is None else names[3]

    @strawberry.field
    async def product(self, info: Info) -> Product | None:
        row = await info.context.loaders.product_by_id.load(self.row.product_id)
        return None if row is None else Product.from_row(row)

    @strawberry.field(description="The order line it concerns (money disputes).")
    async def order_line(self, info: Info) -> OrderLine | None:
        if self.row.order_line_id is None:
            return None
        view = await info.context.loaders.orders.line_by_id.load(self.row.order_line_id)
        return None if view is None else OrderLine.from_view(view)

    @strawberry.field(description="The registration it concerns (appeals; the agency's and seller's view).")
    async def registration(self, info: Info) -> Registration | None:
        if (
            self.row.registration_id is None
            or self.row.type is not dispute_enums.DisputeType.REJECTION_APPEAL
        ):
            return None
        row = await info.context.loaders.registration_by_id.load(self.row.registration_id)
        return None if row is None else Registration.from_row(row)

    @strawberry.field(description="The sample request it concerns (sample disputes).")
    async def sample_request(self, info: Info) -> SampleRequest | None:
        if self.row.sample_request_id is None:
            return None
        row = await info.context.loaders.sample_request_by_id.load(self.row.sample_request_id)
        return None if row is None else SampleRequest.from_row(row)

    @strawberry.field(description="The thread, oldest first.")
    async def messages(self, info: Info) -> list[DisputeMessage]:
        rows = await info.context.loaders.disputes.messages_by_dispute_id.load(self.row.id)
        return [DisputeMessage.from_row(row) for row in rows]


@strawberry.enum
class DisputeErrorCode(enum.StrEnum):
    INVALID_ID = "INVALID_ID"
    NOT_FOUND = "NOT_FOUND"
    WRONG_PARTY = "WRONG_PARTY"
    INVALID_SUBJECT = "INVALID_SUBJECT"
    ALREADY_OPEN = "ALREADY_OPEN"
    CLOSED = "CLOSED"
    CONFLICT = "CONFLICT"
    REQUIRED = "REQUIRED"
    TOO_LONG = "TOO_LONG"
    TOO_MANY = "TOO_MANY"
    TOO_LARGE = "TOO_LARGE"
    INVALID_FORMAT = "INVALID_FORMAT"
    INVALID_DATE = "INVALID_DATE"
    INVALID_AMOUNT = "INVALID_AMOUNT"
    NOT_ALLOWED = "NOT_ALLOWED"
    CANNOT_REOPEN = "CANNOT_REOPEN"


@strawberry.type
class DisputeUserError(UserError):
    code: DisputeErrorCode


@strawberry.type
class DisputePayload:
    dispute: Dispute | None
    user_errors: list[DisputeUserError]
