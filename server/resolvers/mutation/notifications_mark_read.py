from __future__ import annotations

import strawberry

from server.authz.errors import InvalidId
from server.ids import decode_id
from server.loaders.counts import unread_notification_count
from server.schema.context import Info
from server.schema.errors import NotificationErrorCode, NotificationUserError
from server.schema.inputs.notifications import NotificationsMarkReadInput
from server.services import notifications

MAX_IDS = 100


@strawberry.type
class NotificationsMarkReadPayload:
    unread_count: int | None
    user_errors: list[NotificationUserError]


async def resolve_notifications_mark_read(
    info: Info,
    input: NotificationsMarkReadInput,  # noqa: A002
) -> NotificationsMarkReadPayload:
    principal = info.context.principal
    assert principal is not None  # the policy gate let only logged-in roles in
    pks: list[int] | None = None
    if input.ids is not None:
        if len(input.ids) > MAX_IDS:
            return NotificationsMarkReadPayload(
                unread_count=None,
                user_errors=[
                    NotificationUserError(
                        field=["input", "ids"],
                        message=f"At most {MAX_IDS} ids at once (got {len(input.ids)})",
                        code=NotificationErrorCode.TOO_MANY,
                    )
                ],
            )
        pks = []
        for index, raw in enumerate(input.ids):
            try:
                pks.append(decode_id(raw, "Notification"))
            except InvalidId as exc:
                return NotificationsMarkReadPayload(
                    unread_count=None,
                    user_errors=[
                        NotificationUserError(
                            field=["input", "ids", str(index)],
                            message=str(exc),
                            code=NotificationErrorCode.INVALID_ID,
                        )
                    ],
                )
    await notifications.mark_read(info.context.rt, principal, pks)
    count = await unread_notification_count(info.context.rt, principal)
    return NotificationsMarkReadPayload(unread_count=count, user_errors=[])
