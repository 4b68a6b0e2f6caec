"""Who is acting: resolved once per request (or per websocket connection) from a session token."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from server.models.enums import Role


@dataclass(frozen=True, slots=True)
class Principal:
    user_id: int
    role: Role
    organisation_id: int
    session_id: int | None = None
    expires_at: datetime | None = None

    @property
    def agency_id(self) -> int | None:
        return self.organisation_id if self.role is Role.AGENCY else None

    @property
    def shop_id(self) -> int | None:
        return self.organisation_id if self.role is Role.SELLER else None

    @property
    def creator_id(self) -> int | None:
        return self.organisation_id if self.role is Role.CREATOR else None
