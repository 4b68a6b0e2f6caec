"""Content a creator records for a product in its showcase: a video or a LIVE session, by its https URL.

Content for a product whose sample was delivered (or is overdue) fulfils the sample: it becomes CONTENT_POSTED.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from sqlalchemy import select, update

from server import models
from server.auth.principal import Principal
from server.db import rowcount
from server.events import channels
from server.models.enums import ContentKind, SampleStatus
from server.runtime import Runtime
from server.services import audit, samples
from server.services.errors import DomainError
from server.services.notifications import notify
from server.services.unit_of_work import UnitOfWork

URL_MAX = 500
URL_RE = re.compile(r"^https://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$")
AWAITING_CONTENT = (SampleStatus.DELIVERED, SampleStatus.OVERDUE)


async def record_content(
    rt: Runtime,
    principal: Principal,
    *,
    showcase_entry_id: int,
    kind: ContentKind,
    url: str,
    posted_at: datetime | None,
) -> tuple[int, int | None]:
    """(content id, id of the sample request it fulfilled, if any)."""
    creator_id = principal.organisation_id
    now = rt.clock.now()
    url = (url or "").strip()
    if not url:
        raise DomainError("REQUIRED", "Enter the content's address", ["input", "url"])
    if len(url) > URL_MAX:
        raise DomainError("TOO_LONG", f"Use at most {URL_MAX} characters", ["input", "url"])
    if not URL_RE.match(url):
        raise DomainError("INVALID_FORMAT", "Enter a full https:// address", ["input", "url"])
    if posted_at is not None and posted_at.tzinfo is None:
        posted_at = posted_at.replace(tzinfo=UTC)
    if posted_at is not None and posted_at > now:
        raise DomainError("OUT_OF_RANGE", "The posting time cannot be in the future", ["input", "postedAt"])
    async with UnitOfWork(rt) as uow:
        s = uow.session
        row = (
            await s.execute(
                samples.active_entry_of(
                    select(
                        models.ShowcaseEntry,
                        models.Campaign.id,
                        models.Campaign.agency_id,
                        models.Product.title,
                        models.CreatorProfile.display_name,
                    ),
                    showcase_entry_id=showcase_entry_id,
                    creator_id=creator_id,
                ).join(
                    models.CreatorProfile,
                    models.CreatorProfile.organisation_id == models.ShowcaseEntry.creator_id,
                )
            )
        ).first()
        if row is None:
            raise DomainError(
                "NOT_IN_SHOWCASE",
                "Content can be recorded only for a product in your showcase",
                ["input", "showcaseEntryId"],
            )
        entry, campaign_id, agency_id, title, creator_name = row
        sample = (
            await s.execute(
                select(
                    models.SampleRequest.id,
                    models.SampleRequest.status,
                    models.Campaign.agency_id,
                    models.Registration.shop_id,
                )
                .join(models.Registration, models.Registration.id == models.SampleRequest.registration_id)
                .join(models.Campaign, models.Campaign.id == models.Registration.campaign_id)
                .where(
                    models.SampleRequest.creator_id == creator_id,
                    models.SampleRequest.product_id == entry.product_id,
                    models.SampleRequest.status.in_(AWAITING_CONTENT),
                )
                .order_by(models.SampleRequest.id.desc())
                .limit(1)
            )
        ).first()
        fulfilled: int | None = None
        if sample is not None:
            result = await s.execute(
                update(models.SampleRequest)
                .where(models.SampleRequest.id == sample.id, models.SampleRequest.status == sample.status)
                .values(status=SampleStatus.CONTENT_POSTED)
                .execution_options(synchronize_session=False)
            )
            fulfilled = sample.id if rowcount(result) == 1 else None
        content = models.Content(
            creator_id=creator_id,
            product_id=entry.product_id,
            registration_id=entry.registration_id,
            sample_request_id=fulfilled,
            kind=kind,
            url=url,
            posted_at=posted_at or now,
            created_at=now,
        )
        s.add(content)
        await s.flush()
        audit.record(
            uow,
            principal,
            subject_type="Content",
            subject_id=content.id,
            action="content.record",
            campaign_id=campaign_id,
            changes={"kind": [None, kind.value], "url": [None, url]},
        )
        await notify(
            uow,
            recipient_organisation_id=agency_id,
            kind="CONTENT_POSTED",
            title=f"{creator_name} posted {'a LIVE' if kind is ContentKind.LIVE else 'a video'}",
            body=f"{title}: {url}",
            subject_type="Content",
            subject_id=content.id,
            params={"creator": creator_name, "contentKind": kind.value, "product": title, "url": url},
        )
        uow.publish_after_commit(
            channels.showcase_of_creator(creator_id),
            {"type": "ShowcaseChanged", "id": entry.id, "status": entry.status.value},
        )
        if fulfilled is not None and sample is not None:  # fulfilled only when the sample was moved
            audit.record(
                uow,
                principal,
                subject_type="SampleRequest",
                subject_id=fulfilled,
                action="sample.content",
                campaign_id=campaign_id,
                changes={"status": [sample.status.value, SampleStatus.CONTENT_POSTED.value]},
            )
            samples.publish_status(
                uow,
                samples.Parties(creator_id, sample.agency_id, sample.shop_id),
                fulfilled,
                SampleStatus.CONTENT_POSTED,
            )
        return content.id, fulfilled
