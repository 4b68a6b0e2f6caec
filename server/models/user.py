"""People and machines that act: users, memberships, sessions, login throttling, integration keys."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from server.models.base import Base, BigID, CreatedMixin, IdMixin, enum_column
from server.models.enums import Locale, MemberRole


class User(IdMixin, CreatedMixin, Base):
    __tablename__ = "users"
    __table_args__ = (UniqueConstraint("email"),)

    email: Mapped[str] = mapped_column(String(254))  # stored lower-cased
    password_hash: Mapped[str] = mapped_column(String(200))
    full_name: Mapped[str] = mapped_column(String(120))
    deleted_at: Mapped[datetime | None]
    # The web app's language; null follows the browser. sort_order: last, where migration 0009_user_locale added it.
    locale: Mapped[Locale | None] = mapped_column(enum_column(Locale, "locale"), nullable=True, sort_order=1)


class Membership(IdMixin, CreatedMixin, Base):
    """Every user belongs to exactly one organisation (unique user_id); its kind is the user's role."""

    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("user_id"),)

    user_id: Mapped[int] = mapped_column(BigID, ForeignKey("users.id", ondelete="CASCADE"))
    organisation_id: Mapped[int] = mapped_column(
        BigID, ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    member_role: Mapped[MemberRole] = mapped_column(enum_column(MemberRole, "member_role"))


class UserSession(IdMixin, CreatedMixin, Base):
    """A login. Only the SHA-256 of the token is stored; logout revokes it."""

    __tablename__ = "user_sessions"
    __table_args__ = (UniqueConstraint("token_hash"),)

    user_id: Mapped[int] = mapped_column(BigID, ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64))
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]
    user_agent: Mapped[str | None] = mapped_column(String(300))


class LoginFailure(IdMixin, CreatedMixin, Base):
    """Failed logins by normalised email, counted in a window to throttle guessing (shared by all workers)."""

    __tablename__ = "login_failures"
    __table_args__ = (
        Index("ix_login_failures_email_created", "email", "created_at"),
        Index("ix_login_failures_client_ip_created", "client_ip", "created_at"),
    )

    email: Mapped[str] = mapped_column(String(254))
    client_ip: Mapped[str | None] = mapped_column(String(64))


class IntegrationKey(IdMixin, CreatedMixin, Base):
    """A machine credential bound to one shop, or to the platform (organisation of kind PLATFORM)."""

    __tablename__ = "integration_keys"
    __table_args__ = (UniqueConstraint("key_id"),)

    organisation_id: Mapped[int] = mapped_column(
        BigID, ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(80))
    key_id: Mapped[str] = mapped_column(String(32))  # public prefix, e.g. mk_live_ab12cd34
    secret_hash: Mapped[str] = mapped_column(String(200))  # SHA-256 of the (random, 256-bit) secret
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]
