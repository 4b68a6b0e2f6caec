"""Query / Mutation / Subscription: the root fields, wired to their resolvers (the only importer of resolvers)."""

from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry

from server.resolvers.mutation.login import LoginInput, LoginPayload, resolve_login
from server.resolvers.mutation.logout import LogoutPayload, resolve_logout
from server.resolvers.mutation.notifications_mark_read import (
    NotificationsMarkReadInput,
    NotificationsMarkReadPayload,
    resolve_notifications_mark_read,
)
from server.resolvers.query.campaign import resolve_campaign
from server.resolvers.query.node import resolve_node
from server.resolvers.query.notifications import resolve_notifications
from server.resolvers.query.platform import resolve_platform_overview
from server.resolvers.query.products import resolve_products
from server.resolvers.query.viewer import resolve_viewer
from server.resolvers.subscription.notification_received import subscribe_notification_received
from server.schema.context import Info
from server.schema.pagination import Connection
from server.schema.types.campaign import Campaign
from server.schema.types.catalogue import Product
from server.schema.types.common import Node
from server.schema.types.notification import Notification
from server.schema.types.tenants import PlatformOverview, Viewer


@strawberry.type
class Query:
    @strawberry.field(description="The logged-in user; null when not logged in.")
    async def viewer(self, info: Info) -> Viewer | None:
        return await resolve_viewer(info)

    @strawberry.field(description="Any object by its global id; null when it does not exist or is not visible.")
    async def node(self, info: Info, id: strawberry.ID) -> Node | None:  # noqa: A002
        return await resolve_node(info, id)

    @strawberry.field(description="The viewer's notifications, newest first.")
    async def notifications(
        self, info: Info, first: int = 20, after: str | None = None, unread_only: bool = False
    ) -> Connection[Notification]:
        return await resolve_notifications(info, first, after, unread_only)

    @strawberry.field(description="Products the viewer may see (a seller: its catalogue), newest first.")
    async def products(
        self, info: Info, first: int = 20, after: str | None = None, search: str | None = None
    ) -> Connection[Product]:
        return await resolve_products(info, first, after, search)

    @strawberry.field(description="One campaign by id; null when it does not exist or is not visible.")
    async def campaign(self, info: Info, id: strawberry.ID) -> Campaign | None:  # noqa: A002
        return await resolve_campaign(info, id)

    @strawberry.field(description="Platform-wide counts (operators).")
    async def platform_overview(self, info: Info) -> PlatformOverview | None:
        return await resolve_platform_overview(info)


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Log in with email and password. Sets the session cookie and returns a token.")
    async def login(self, info: Info, input: LoginInput) -> LoginPayload:  # noqa: A002
        return await resolve_login(info, input)

    @strawberry.mutation(description="End the current session.")
    async def logout(self, info: Info) -> LogoutPayload:
        return await resolve_logout(info)

    @strawberry.mutation(description="Mark notifications read.")
    async def notifications_mark_read(
        self, info: Info, input: NotificationsMarkReadInput  # noqa: A002
    ) -> NotificationsMarkReadPayload:
        return await resolve_notifications_mark_read(info, input)


@strawberry.type
class Subscription:
    @strawberry.subscription(description="Each new notification of the viewer, live.")
    async def notification_received(self, info: Info) -> AsyncGenerator[Notification, None]:
        async for notification in subscribe_notification_received(info):
            yield notification
