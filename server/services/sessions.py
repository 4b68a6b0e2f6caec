"""Ending login sessions: logout, revocation and expiry are announced on the broker (channels.sessions_ended), so
that every process closes the websockets opened with those sessions (server/schema/session_sockets.py)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, update

from server import models
from server.events import channels
from server.runtime import Runtime
from server.services.unit_of_work import UnitOfWork


def announce_ended(uow: UnitOfWork, session_ids: Sequence[int], reason: str) -> None:
    if session_ids:
        uow.publish_after_commit(
            channels.sessions_ended(),
            {"type": "SessionsEnded", "sessionIds": list(session_ids), "reason": reason},
        )


async def revoke_sessions(
    rt: Runtime, *, session_ids: Sequence[int] = (), user_id: int | None = None
) -> list[int]:
    """Revokes the given sessions (or every live session of `user_id`); returns the ids that were live."""
    async with UnitOfWork(rt) as uow:
        S = models.UserSession
        stmt = update(S).where(S.revoked_at.is_(None)).values(revoked_at=rt.clock.now()).returning(S.id)
        if user_id is not None:
            stmt = stmt.where(S.user_id == user_id)
        else:
            stmt = stmt.where(S.id.in_(list(session_ids)))
        ended = list((await uow.session.execute(stmt)).scalars())
        announce_ended(uow, ended, "revoked")
    rt.principals.drop_sessions(ended)  # here at once; other processes on the broker's event
    return ended


async def end_expired_sessions(rt: Runtime) -> int:
    """Sweeper job: deletes sessions past their expiry and announces them. DELETE … RETURNING claims each row
    once, so several processes sweeping at once announce each session once."""
    async with UnitOfWork(rt) as uow:
        S = models.UserSession
        ended = list(
            (
                await uow.session.execute(delete(S).where(S.expires_at <= rt.clock.now()).returning(S.id))
            ).scalars()
        )
        announce_ended(uow, ended, "expired")
    rt.principals.drop_sessions(ended)
    return len(ended)
