"""Opening a dispute from the object it concerns: the claimant's own showcase entry (a missing order), order line
(a commission), registration (an appeal) or sample request. The parties come from that object, never from
input; the first message opens the thread and the agency's deadline starts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from server import models
from server.auth.principal import Principal
from server.models.dispute import DisputeStatus, DisputeType
from server.models.enums import MARKET_CURRENCY, Currency, RegistrationStatus, SampleStatus
from server.money import decimal_string_to_minor
from server.runtime import Runtime
from server.services import dispute_rules as rules
from server.services.disputes import messages
from server.services.disputes.effects import announce, thread_message
from server.services.errors import DomainError, DomainErrors, not_found
from server.services.unit_of_work import UnitOfWork

APPEALABLE = (RegistrationStatus.REJECTED, RegistrationStatus.REJECT_FOREVER)
NOT_RECEIVED = (SampleStatus.SHIPPED, SampleStatus.DELIVERED, SampleStatus.OVERDUE)
CONTENT_DUE = (SampleStatus.DELIVERED, SampleStatus.OVERDUE)


@dataclass(frozen=True, slots=True)
class OpenSpec:
    type: DisputeType
    subject_type: str  # decoded from the subject's global id
    subject_id: int
    body: str
    links: list[str]
    order_number: str | None = None
    order_date: date | None = None
    claimed_amount: str | None = None  # decimal string in the campaign's currency


@dataclass(frozen=True, slots=True)
class _Subject:
    campaign_id: int
    agency_id: int
    shop_id: int
    creator_id: int | None
    product_id: int
    currency: Currency
    columns: dict[str, Any]


def _subject_error(spec: OpenSpec, message: str) -> DomainError:
    return DomainError("INVALID_SUBJECT", message, ["input", "subjectId"])


async def _subject(uow: UnitOfWork, principal: Principal, spec: OpenSpec) -> _Subject:
    """The object the dispute concerns, as the claimant's own, with the parties it names."""
    s = uow.session
    me = principal.organisation_id
    campaign = models.Campaign
    registration = models.Registration
    if spec.type is DisputeType.MISSING_ORDER:
        row = (
            await s.execute(
                select(
                    models.ShowcaseEntry,
                    registration.shop_id,
                    campaign.id,
                    campaign.agency_id,
                    campaign.market,
                )
                .join(registration, registration.id == models.ShowcaseEntry.registration_id)
                .join(campaign, campaign.id == registration.campaign_id)
                .where(models.ShowcaseEntry.id == spec.subject_id, models.ShowcaseEntry.creator_id == me)
            )
        ).first()
        if row is None:
            raise not_found("Showcase entry", ["input", "subjectId"])
        entry, shop_id, campaign_id, agency_id, market = row
        return _Subject(
            campaign_id,
            agency_id,
            shop_id,
            me,
            entry.product_id,
            MARKET_CURRENCY[market],
            {"showcase_entry_id": entry.id, "registration_id": entry.registration_id},
        )
    if spec.type in rules.MONEY_TYPES:
        row = (
            await s.execute(
                select(models.OrderLine, models.Order.shop_id)
                .join(models.Order, models.Order.id == models.OrderLine.order_id)
                .where(models.OrderLine.id == spec.subject_id, models.OrderLine.creator_id == me)
            )
        ).first()
        if row is None:
            raise not_found("Order line", ["input", "subjectId"])
        line, shop_id = row
        assert line.campaign_id is not None and line.agency_id is not None  # attributed: it names the creator
        return _Subject(
            line.campaign_id,
            line.agency_id,
            shop_id,
            me,
            line.product_id,
            line.currency,
            {"order_line_id": line.id, "registration_id": line.registration_id},
        )
    if spec.type is DisputeType.REJECTION_APPEAL:
        row = (
            await s.execute(
                select(registration, campaign.agency_id, campaign.market)
                .join(campaign, campaign.id == registration.campaign_id)
                .where(registration.id == spec.subject_id, registration.shop_id == me)
            )
        ).first()
        if row is None:
            raise not_found("Registration", ["input", "subjectId"])
        reg, agency_id, market = row
        if reg.status not in APPEALABLE:
            raise _subject_error(spec, "Only a rejected registration can be appealed")
        return _Subject(
            reg.campaign_id,
            agency_id,
            me,
            None,
            reg.product_id,
            MARKET_CURRENCY[market],
            {"registration_id": reg.id},
        )
    sample = models.SampleRequest
    owner = (
        sample.creator_id == me
        if spec.type is DisputeType.SAMPLE_NOT_RECEIVED
        else registration.shop_id == me
    )
    row = (
        await s.execute(
            select(sample, registration.shop_id, campaign.id, campaign.agency_id, campaign.market)
            .join(registration, registration.id == sample.registration_id)
            .join(campaign, campaign.id == registration.campaign_id)
            .where(sample.id == spec.subject_id, owner)
        )
    ).first()
    if row is None:
        raise not_found("Sample request", ["input", "subjectId"])
    request, shop_id, campaign_id, agency_id, market = row
    allowed = NOT_RECEIVED if spec.type is DisputeType.SAMPLE_NOT_RECEIVED else CONTENT_DUE
    if request.status not in allowed:
        raise _subject_error(
            spec, f"This sample is {request.status.value.lower().replace('_', ' ')}: nothing to dispute"
        )
    return _Subject(
        campaign_id,
        agency_id,
        shop_id,
        request.creator_id,
        request.product_id,
        MARKET_CURRENCY[market],
        {"sample_request_id": request.id, "registration_id": request.registration_id},
    )


def _check_spec(rt: Runtime, spec: OpenSpec, currency: Currency) -> dict[str, Any]:
    """The type's own fields: order number and date for a missing order, an optional claimed amount for money."""
    errors: list[DomainError] = []
    values: dict[str, Any] = {}
    if spec.type is DisputeType.MISSING_ORDER:
        number = (spec.order_number or "").strip()
        if not number:
            errors.append(DomainError("REQUIRED", "Enter the order number", ["input", "orderNumber"]))
        elif len(number) > messages.ORDER_NUMBER_MAX:
            errors.append(
                DomainError(
                    "TOO_LONG",
                    f"Use at most {messages.ORDER_NUMBER_MAX} characters",
                    ["input", "orderNumber"],
                )
            )
        if spec.order_date is None:
            errors.append(DomainError("REQUIRED", "Enter the order date", ["input", "orderDate"]))
        elif spec.order_date > rt.clock.now().date():
            errors.append(
                DomainError("INVALID_DATE", "The order date is in the future", ["input", "orderDate"])
            )
        values.update(order_number=number, order_date=spec.order_date)
    elif spec.order_number is not None or spec.order_date is not None:
        errors.append(
            DomainError(
                "NOT_ALLOWED", "Only a missing-order dispute names an order", ["input", "orderNumber"]
            )
        )
    if spec.claimed_amount is not None:
        if spec.type not in rules.CREDIT_TYPES:
            errors.append(
                DomainError(
                    "NOT_ALLOWED", "Only a dispute about money claims an amount", ["input", "claimedAmount"]
                )
            )
        else:
            values["claimed_amount_minor"] = parse_amount(
                spec.claimed_amount, currency, ["input", "claimedAmount"]
            )
    if errors:
        raise DomainErrors(errors)
    return values


def parse_amount(amount: str, currency: Currency, field: list[str]) -> int:
    try:
        minor = decimal_string_to_minor(amount.strip(), currency)
    except (ValueError, ArithmeticError) as exc:
        message = str(exc) if "decimals" in str(exc) else f"Enter an amount in {currency.value}, e.g. 12.50"
        raise DomainError("INVALID_AMOUNT", message, field) from None
    if minor <= 0:
        raise DomainError("INVALID_AMOUNT", "Enter an amount above zero", field)
    if minor > 10**12:
        raise DomainError("INVALID_AMOUNT", "The amount is too large", field)
    return minor


async def open_dispute(rt: Runtime, principal: Principal, spec: OpenSpec) -> int:
    if rules.CLAIMANT[spec.type] is not principal.role:
        raise DomainError(
            "WRONG_PARTY",
            f"A {rules.CLAIMANT[spec.type].value.lower()} opens this kind of dispute",
            ["input", "type"],
        )
    if spec.subject_type != rules.SUBJECT[spec.type]:
        raise _subject_error(spec, f"Open this dispute from a {rules.SUBJECT[spec.type]}")
    message = messages.check_message(spec.body, spec.links, ["input", "message"])
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        subject = await _subject(uow, principal, spec)
        values = _check_spec(rt, spec, subject.currency)
        subject_column = next(iter(subject.columns))
        already = await uow.session.scalar(
            select(models.Dispute.id).where(
                models.Dispute.type == spec.type,
                getattr(models.Dispute, subject_column) == subject.columns[subject_column],
                models.Dispute.claimant_organisation_id == principal.organisation_id,
                models.Dispute.status.in_(rules.OPEN_STATUSES),
                *(
                    [models.Dispute.order_number == values["order_number"]]
                    if "order_number" in values
                    else []
                ),
            )
        )
        if already is not None:
            raise DomainError("ALREADY_OPEN", "A dispute about this is already open", ["input", "subjectId"])
        dispute = models.Dispute(
            type=spec.type,
            status=DisputeStatus.OPEN,
            claimant_organisation_id=principal.organisation_id,
            claimant_role=principal.role,
            agency_id=subject.agency_id,
            shop_id=subject.shop_id if spec.type in rules.SELLER_PARTY_TYPES else None,
            creator_id=subject.creator_id,
            campaign_id=subject.campaign_id,
            product_id=subject.product_id,
            currency=subject.currency,
            opened_by_user_id=principal.user_id,
            due_at=rules.due_at(rt.settings.dispute_answer_days, spec.type, now),
            created_at=now,
            updated_at=now,
            version=1,
            **subject.columns,
            **values,
        )
        uow.session.add(dispute)
        await uow.session.flush()
        thread_message(uow, dispute, principal, message)
        await announce(uow, dispute, principal, "DISPUTE_OPENED", None)
        return dispute.id
