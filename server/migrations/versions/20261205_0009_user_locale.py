"""user_locale: each user's web-app language (null follows the browser).

Revision ID: 0009_user_locale
Revises: 0006_forecast_open_lines
Create Date: 2026-12-05 05:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_user_locale"
down_revision: str | Sequence[str] | None = "0006_forecast_open_lines"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LOCALES = ("en", "th", "vi", "id", "ms", "fil")


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("locale", sa.String(length=32), nullable=True))
        batch.create_check_constraint(
            op.f("ck_users_locale"), "locale IN (" + ", ".join(f"'{code}'" for code in LOCALES) + ")"
        )


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_constraint(op.f("ck_users_locale"), type_="check")
        batch.drop_column("locale")
