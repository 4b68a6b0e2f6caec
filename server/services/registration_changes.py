"""Registration status changes, recorded and announced (`StatusChanges`): an audit event in the same transaction,
notifications to the agency and the seller, thin events on the campaign's, the agency's and the shop's channels
after commit; and the message formats they share with the checks.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from server import models
from server.auth.principal import Principal
from server.events import channels
from server.models.enums import RegistrationStatus
from server.services import audit
from server.services.notifications import notify
from server.services.unit_of_work import UnitOfWork

Status = RegistrationStatus


def percent_text(bps: int) -> str:
    return f"{bps / 100:.2f}".rstrip("0").rstrip(".") + "%"


def instant_text(at: datetime) -> str:
    return at.strftime("%Y-%m-%d %H:%M UTC")


@dataclass(frozen=True, slots=True)
class _Change:
    registration_id: int
    campaign_id: int
    shop_id: int
    product_id: int
    old: Status | None
    new: Status


_TITLES = {  # kind -> (title for one registration, title for several)
    "REGISTRATION_CREATED": ("New registration", "{n} new registrations"),
    "REGISTRATION_APPROVED": ("Registration approved", "{n} registrations approved"),
    "REGISTRATION_REJECTED": ("Registration rejected", "{n} registrations rejected"),
    "REGISTRATION_REJECT_FOREVER": ("Registration rejected for good", "{n} registrations rejected for good"),
    "REGISTRATION_WITHDRAWN": ("Registration withdrawn", "{n} registrations withdrawn"),
    "REGISTRATION_PENDING_CLOSED": ("Cancellation requested", "{n} cancellations requested"),
    "REGISTRATION_CANCELLATION_DECLINED": ("Cancellation declined", "{n} cancellations declined"),
    "REGISTRATION_CLOSED": ("Registration closed", "{n} registrations closed"),
    "REGISTRATION_PENDING": (
        "Reopened for review",
        "{n} registrations reopened for review",
    ),  # an appeal upheld
}


def _kind(old: Status | None, new: Status) -> str:
    if old is None:
        return "REGISTRATION_CREATED"
    if old is Status.PENDING_CLOSED and new is Status.APPROVED:
        return "REGISTRATION_CANCELLATION_DECLINED"
    return f"REGISTRATION_{new.value}"


class StatusChanges:
    """The one way registration status changes are recorded and announced, for every path (seller, agency,
    the sweeper). `add` writes the audit event; `announce` writes the notifications (one per recipient,
    campaign and kind, so a batch of 100 is one notification) and queues the thin events for after commit.
    Creation (from nothing to PENDING) is announced to the agency; every other change to the agency and the
    seller, except the one that made it (no one is notified of their own action).
    """

    def __init__(self, uow: UnitOfWork, actor: Principal | None) -> None:
        self.uow = uow
        self.actor = actor
        self._changes: list[_Change] = []
        self._campaigns: dict[int, models.Campaign] = {}

    def add(
        self,
        registration: models.Registration,
        campaign: models.Campaign,
        old: Status | None,
        new: Status,
        *,
        action: str,
        reason: str | None = None,
        note: str | None = None,
        changes: dict[str, list[Any]] | None = None,
    ) -> None:
        recorded: dict[str, list[Any]] = {
            "status": [None if old is None else old.value, new.value],
            **(changes or {}),
        }
        if note:
            recorded["note"] = [None, note]
        audit.record(
            self.uow,
            self.actor,
            subject_type="Registration",
            subject_id=registration.id,
            action=action,
            campaign_id=campaign.id,
            changes=recorded,
            reason=reason,
        )
        self._changes.append(
            _Change(registration.id, campaign.id, registration.shop_id, registration.product_id, old, new)
        )
        self._campaigns[campaign.id] = campaign

    async def announce(self) -> None:
        if not self._changes:
            return
        at = self.uow.rt.clock.now().isoformat()
        groups: dict[tuple[int, int, str], list[_Change]] = defaultdict(list)
        for change in self._changes:
            campaign = self._campaigns[change.campaign_id]
            kind = _kind(change.old, change.new)
            recipients = [campaign.agency_id] + ([] if change.old is None else [change.shop_id])
            for organisation_id in recipients:
                if self.actor is not None and organisation_id == self.actor.organisation_id:
                    continue  # no notification for one's own action (the sweeper's changes notify both)
                groups[(organisation_id, change.campaign_id, kind)].append(change)
            event = {
                "id": change.registration_id,
                "campaignId": change.campaign_id,
                "from": None if change.old is None else change.old.value,
                "to": change.new.value,
                "at": at,
            }
            for name in (
                channels.registrations_of_campaign(change.campaign_id),
                channels.registrations_of_agency(campaign.agency_id),
                channels.registrations_of_shop(change.shop_id),
            ):
                self.uow.publish_after_commit(name, event)
        single_products = {group[0].product_id for group in groups.values() if len(group) == 1}
        titles = (
            dict(
                (
                    await self.uow.session.execute(
                        select(models.Product.id, models.Product.title).where(
                            models.Product.id.in_(single_products)
                        )
                    )
                ).all()
            )
            if single_products
            else {}
        )
        for (organisation_id, campaign_id, kind), group in groups.items():
            one, many = _TITLES[kind]
            campaign_name = self._campaigns[campaign_id].name
            product = titles.get(group[0].product_id, "A product") if len(group) == 1 else None
            if len(group) == 1:
                title = one
                body = f"{product} in {campaign_name}."
                subject_type, subject_id = "Registration", group[0].registration_id
            else:
                title = many.format(n=len(group))
                body = f"{len(group)} products in {campaign_name}."
                subject_type, subject_id = "Campaign", campaign_id
            await notify(
                self.uow,
                recipient_organisation_id=organisation_id,
                kind=kind,
                title=title,
                body=body,
                subject_type=subject_type,
                subject_id=subject_id,
                data={"campaignId": campaign_id, "registrationIds": [c.registration_id for c in group]},
                params={
                    "count": len(group),
                    "product": product,
                    "campaign": campaign_name,
                },
            )
        self._changes.clear()
