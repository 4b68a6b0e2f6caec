"""Single-row aggregates (not batched: one per request): the viewer's unread notifications through the Notification
row scope; the platform's counts, which count every row and are reached only through `platformOverview`, an
operator's field (the policy table's Query rules)."""

from __future__ import annotations

from sqlalchemy import func, select

from server import models
from server.auth.principal import Principal
from server.authz.decisions import row_scope
from server.models import enums
from server.runtime import Runtime


async def unread_notification_count(rt: Runtime, principal: Principal | None) -> int:
    stmt = select(func.count()).where(
        row_scope("Notification", principal), models.Notification.read_at.is_(None)
    )
    async with rt.sessionmaker() as session:
        return int((await session.execute(stmt)).scalar_one())


async def platform_counts(rt: Runtime) -> dict[str, int]:
    def count_kind(kind: enums.OrganisationKind):  # noqa: ANN202
        return select(func.count()).where(models.Organisation.kind == kind).scalar_subquery()

    stmt = select(
        count_kind(enums.OrganisationKind.AGENCY).label("agencies"),
        count_kind(enums.OrganisationKind.SHOP).label("shops"),
        count_kind(enums.OrganisationKind.CREATOR).label("creators"),
        select(func.count()).select_from(models.Product).scalar_subquery().label("products"),
        select(func.count())
        .select_from(models.User)
        .where(models.User.deleted_at.is_(None))
        .scalar_subquery()
        .label("users"),
        select(func.count()).select_from(models.Campaign).scalar_subquery().label("campaigns"),
    )
    async with rt.sessionmaker() as session:
        return dict((await session.execute(stmt)).one()._mapping)
