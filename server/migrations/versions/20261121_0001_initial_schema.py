"""initial schema: every table of docs/domain.md

Generated with autogenerate against an empty database, then edited by hand so that it does not depend on
the application's code: enum columns are VARCHAR(32) with an explicit, named CHECK of their values (as
`enum_column` creates them), datetimes are plain timezone-aware DateTime. The CHECK constraints, partial
unique indexes (sqlite_where and postgresql_where) and composite foreign keys are spelled out here.
tests/test_migrations.py proves the result equals `Base.metadata.create_all` on SQLite and PostgreSQL.

Revision ID: 0001
Revises:
Create Date: 2026-11-21 00:32:45.584200

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "login_failures",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("client_ip", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_failures")),
    )
    op.create_index(
        "ix_login_failures_email_created", "login_failures", ["email", "created_at"], unique=False
    )
    op.create_table(
        "organisations",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("market", sa.String(length=32), nullable=True),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("length(name) between 1 and 120", name=op.f("ck_organisations_name_length")),
        sa.CheckConstraint(
            "kind IN ('AGENCY', 'SHOP', 'CREATOR', 'PLATFORM')",
            name=op.f("ck_organisations_organisation_kind"),
        ),
        sa.CheckConstraint(
            "market IN ('ID', 'MY', 'PH', 'TH', 'VN', 'GB', 'US')", name=op.f("ck_organisations_market")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisations")),
    )
    op.create_index(op.f("ix_organisations_kind"), "organisations", ["kind"], unique=False)
    op.create_table(
        "users",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("full_name", sa.String(length=120), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("email", name=op.f("uq_users_email")),
    )
    op.create_table(
        "agencies",
        sa.Column("organisation_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("markets", sa.JSON(), nullable=False),
        sa.Column("contact_email", sa.String(length=254), nullable=False),
        sa.Column("website", sa.String(length=300), nullable=True),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_agencies_organisation_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("organisation_id", name=op.f("pk_agencies")),
    )
    op.create_table(
        "creator_profiles",
        sa.Column("organisation_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("handle", sa.String(length=40), nullable=False),
        sa.Column("display_name", sa.String(length=80), nullable=False),
        sa.Column("avatar_url", sa.String(length=500), nullable=True),
        sa.Column("followers", sa.Integer(), nullable=False),
        sa.Column("market", sa.String(length=32), nullable=False),
        sa.Column("categories", sa.JSON(), nullable=False),
        sa.Column("bio", sa.Text(), nullable=True),
        sa.Column("messenger", sa.String(length=32), nullable=True),
        sa.CheckConstraint("followers >= 0", name=op.f("ck_creator_profiles_followers_non_negative")),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_creator_profiles_organisation_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.CheckConstraint(
            "market IN ('ID', 'MY', 'PH', 'TH', 'VN', 'GB', 'US')", name=op.f("ck_creator_profiles_market")
        ),
        sa.CheckConstraint(
            "messenger IN ('LINE', 'VIBER', 'ZALO', 'WHATSAPP')", name=op.f("ck_creator_profiles_messenger")
        ),
        sa.PrimaryKeyConstraint("organisation_id", name=op.f("pk_creator_profiles")),
        sa.UniqueConstraint("handle", name=op.f("uq_creator_profiles_handle")),
    )
    op.create_index(op.f("ix_creator_profiles_market"), "creator_profiles", ["market"], unique=False)
    op.create_table(
        "integration_keys",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("organisation_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("key_id", sa.String(length=32), nullable=False),
        sa.Column("secret_hash", sa.String(length=200), nullable=False),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_integration_keys_organisation_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_integration_keys")),
        sa.UniqueConstraint("key_id", name=op.f("uq_integration_keys_key_id")),
    )
    op.create_index(
        op.f("ix_integration_keys_organisation_id"), "integration_keys", ["organisation_id"], unique=False
    )
    op.create_table(
        "memberships",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("user_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("organisation_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("member_role", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_memberships_organisation_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_memberships_user_id_users"), ondelete="CASCADE"
        ),
        sa.CheckConstraint("member_role IN ('OWNER', 'MEMBER')", name=op.f("ck_memberships_member_role")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_memberships")),
        sa.UniqueConstraint("user_id", name=op.f("uq_memberships_user_id")),
    )
    op.create_index(op.f("ix_memberships_organisation_id"), "memberships", ["organisation_id"], unique=False)
    op.create_table(
        "notifications",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column(
            "recipient_organisation_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("recipient_user_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("kind", sa.String(length=60), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("subject_type", sa.String(length=40), nullable=True),
        sa.Column("subject_id", sa.BigInteger(), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["recipient_organisation_id"],
            ["organisations.id"],
            name=op.f("fk_notifications_recipient_organisation_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recipient_user_id"],
            ["users.id"],
            name=op.f("fk_notifications_recipient_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notifications")),
    )
    op.create_index(
        "ix_notifications_recipient_organisation_id_created_at",
        "notifications",
        ["recipient_organisation_id", "created_at"],
        unique=False,
    )
    op.create_index(
        op.f("ix_notifications_recipient_user_id"), "notifications", ["recipient_user_id"], unique=False
    )
    op.create_table(
        "payment_accounts",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("organisation_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("market", sa.String(length=32), nullable=False),
        sa.Column("currency", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "(market = 'ID' and currency = 'IDR') or (market = 'MY' and currency = 'MYR') or (market = 'PH' and currency = 'PHP') or (market = 'TH' and currency = 'THB') or (market = 'VN' and currency = 'VND') or (market = 'GB' and currency = 'GBP') or (market = 'US' and currency = 'USD')",
            name=op.f("ck_payment_accounts_currency_of_market"),
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_payment_accounts_organisation_id_organisations"),
            ondelete="RESTRICT",
        ),
        sa.CheckConstraint(
            "market IN ('ID', 'MY', 'PH', 'TH', 'VN', 'GB', 'US')", name=op.f("ck_payment_accounts_market")
        ),
        sa.CheckConstraint(
            "currency IN ('IDR', 'MYR', 'PHP', 'THB', 'VND', 'GBP', 'USD')",
            name=op.f("ck_payment_accounts_currency"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_accounts")),
        sa.UniqueConstraint("organisation_id", name=op.f("uq_payment_accounts_organisation_id")),
    )
    op.create_table(
        "shops",
        sa.Column("organisation_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("shop_code", sa.String(length=20), nullable=False),
        sa.Column("seller_type", sa.String(length=32), nullable=False),
        sa.Column("market", sa.String(length=32), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("contact_email", sa.String(length=254), nullable=False),
        sa.CheckConstraint("length(shop_code) between 6 and 20", name=op.f("ck_shops_shop_code_length")),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisations.id"],
            name=op.f("fk_shops_organisation_id_organisations"),
            ondelete="CASCADE",
        ),
        sa.CheckConstraint("seller_type IN ('LOCAL', 'CROSS_BORDER')", name=op.f("ck_shops_seller_type")),
        sa.CheckConstraint(
            "market IN ('ID', 'MY', 'PH', 'TH', 'VN', 'GB', 'US')", name=op.f("ck_shops_market")
        ),
        sa.PrimaryKeyConstraint("organisation_id", name=op.f("pk_shops")),
        sa.UniqueConstraint("shop_code", name=op.f("uq_shops_shop_code")),
    )
    op.create_index(op.f("ix_shops_market"), "shops", ["market"], unique=False)
    op.create_table(
        "user_sessions",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("user_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("user_agent", sa.String(length=300), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_user_sessions_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_sessions")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_user_sessions_token_hash")),
    )
    op.create_index(op.f("ix_user_sessions_user_id"), "user_sessions", ["user_id"], unique=False)
    op.create_table(
        "bank_accounts",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("payment_account_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("holder_name", sa.String(length=200), nullable=False),
        sa.Column("bank_name", sa.String(length=120), nullable=False),
        sa.Column("account_number_last4", sa.String(length=4), nullable=False),
        sa.Column("account_token", sa.String(length=200), nullable=False),
        sa.Column("currency", sa.String(length=32), nullable=False),
        sa.Column("linked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("unlinked_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("length(account_number_last4) = 4", name=op.f("ck_bank_accounts_last4_length")),
        sa.ForeignKeyConstraint(
            ["payment_account_id"],
            ["payment_accounts.id"],
            name=op.f("fk_bank_accounts_payment_account_id_payment_accounts"),
            ondelete="CASCADE",
        ),
        sa.CheckConstraint(
            "currency IN ('IDR', 'MYR', 'PHP', 'THB', 'VND', 'GBP', 'USD')",
            name=op.f("ck_bank_accounts_currency"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bank_accounts")),
    )
    op.create_index(
        op.f("ix_bank_accounts_payment_account_id"), "bank_accounts", ["payment_account_id"], unique=False
    )
    op.create_index(
        "uq_bank_accounts_one_linked",
        "bank_accounts",
        ["payment_account_id"],
        unique=True,
        sqlite_where=sa.text("unlinked_at is null"),
        postgresql_where=sa.text("unlinked_at is null"),
    )
    op.create_table(
        "campaigns",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("agency_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("name", sa.String(length=49), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("market", sa.String(length=32), nullable=False),
        sa.Column("seller_requirements", sa.Text(), nullable=False),
        sa.Column("commission_requirement_bps", sa.Integer(), nullable=False),
        sa.Column("contact_email", sa.String(length=254), nullable=False),
        sa.Column("contact_phone", sa.String(length=32), nullable=True),
        sa.Column("messenger", sa.String(length=32), nullable=True),
        sa.Column("messenger_handle", sa.String(length=100), nullable=True),
        sa.Column("registration_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("registration_end", sa.DateTime(timezone=True), nullable=False),
        sa.Column("campaign_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("campaign_end", sa.DateTime(timezone=True), nullable=False),
        sa.Column("targeting_mode", sa.String(length=32), nullable=False),
        sa.Column("target_seller_type", sa.String(length=32), nullable=True),
        sa.Column("published", sa.Boolean(), nullable=False),
        sa.Column("first_published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "(messenger is null) = (messenger_handle is null)",
            name=op.f("ck_campaigns_messenger_with_handle"),
        ),
        sa.CheckConstraint("campaign_end > campaign_start", name=op.f("ck_campaigns_campaign_period")),
        sa.CheckConstraint(
            "commission_requirement_bps between 100 and 8000",
            name=op.f("ck_campaigns_commission_requirement_bps_range"),
        ),
        sa.CheckConstraint("length(description) <= 999", name=op.f("ck_campaigns_description_length")),
        sa.CheckConstraint("length(name) between 1 and 49", name=op.f("ck_campaigns_name_length")),
        sa.CheckConstraint(
            "registration_end <= campaign_end", name=op.f("ck_campaigns_registration_ends_in_campaign")
        ),
        sa.CheckConstraint(
            "registration_end > registration_start", name=op.f("ck_campaigns_registration_period")
        ),
        sa.CheckConstraint(
            "registration_start = campaign_start", name=op.f("ck_campaigns_registration_starts_with_campaign")
        ),
        sa.CheckConstraint("version >= 1", name=op.f("ck_campaigns_version_positive")),
        sa.ForeignKeyConstraint(
            ["agency_id"],
            ["agencies.organisation_id"],
            name=op.f("fk_campaigns_agency_id_agencies"),
            ondelete="RESTRICT",
        ),
        sa.CheckConstraint(
            "market IN ('ID', 'MY', 'PH', 'TH', 'VN', 'GB', 'US')", name=op.f("ck_campaigns_market")
        ),
        sa.CheckConstraint(
            "messenger IN ('LINE', 'VIBER', 'ZALO', 'WHATSAPP')", name=op.f("ck_campaigns_messenger")
        ),
        sa.CheckConstraint(
            "targeting_mode IN ('OPEN', 'SELECTED')", name=op.f("ck_campaigns_targeting_mode")
        ),
        sa.CheckConstraint(
            "target_seller_type IN ('LOCAL', 'CROSS_BORDER')", name=op.f("ck_campaigns_target_seller_type")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaigns")),
        sa.UniqueConstraint("id", "agency_id", name=op.f("uq_campaigns_id_agency_id")),
    )
    op.create_index(op.f("ix_campaigns_agency_id"), "campaigns", ["agency_id"], unique=False)
    op.create_index(op.f("ix_campaigns_campaign_end"), "campaigns", ["campaign_end"], unique=False)
    op.create_index(op.f("ix_campaigns_campaign_start"), "campaigns", ["campaign_start"], unique=False)
    op.create_index(op.f("ix_campaigns_created_at"), "campaigns", ["created_at"], unique=False)
    op.create_index("ix_campaigns_market_published", "campaigns", ["market", "published"], unique=False)
    op.create_table(
        "orders",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("shop_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("platform_order_id", sa.String(length=64), nullable=False),
        sa.Column("market", sa.String(length=32), nullable=False),
        sa.Column("currency", sa.String(length=32), nullable=False),
        sa.Column("placed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "(market = 'ID' and currency = 'IDR') or (market = 'MY' and currency = 'MYR') or (market = 'PH' and currency = 'PHP') or (market = 'TH' and currency = 'THB') or (market = 'VN' and currency = 'VND') or (market = 'GB' and currency = 'GBP') or (market = 'US' and currency = 'USD')",
            name=op.f("ck_orders_currency_of_market"),
        ),
        sa.ForeignKeyConstraint(
            ["shop_id"], ["shops.organisation_id"], name=op.f("fk_orders_shop_id_shops"), ondelete="RESTRICT"
        ),
        sa.CheckConstraint(
            "market IN ('ID', 'MY', 'PH', 'TH', 'VN', 'GB', 'US')", name=op.f("ck_orders_market")
        ),
        sa.CheckConstraint(
            "currency IN ('IDR', 'MYR', 'PHP', 'THB', 'VND', 'GBP', 'USD')", name=op.f("ck_orders_currency")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_orders")),
        sa.UniqueConstraint("shop_id", "platform_order_id", name=op.f("uq_orders_shop_id_platform_order_id")),
    )
    op.create_index(op.f("ix_orders_created_at"), "orders", ["created_at"], unique=False)
    op.create_index(op.f("ix_orders_placed_at"), "orders", ["placed_at"], unique=False)
    op.create_table(
        "products",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("shop_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("title", sa.String(length=255), nullable=False),
        sa.Column("category", sa.String(length=80), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("image_url", sa.String(length=500), nullable=True),
        sa.Column("currency", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("length(title) between 1 and 255", name=op.f("ck_products_title_length")),
        sa.ForeignKeyConstraint(
            ["shop_id"], ["shops.organisation_id"], name=op.f("fk_products_shop_id_shops"), ondelete="CASCADE"
        ),
        sa.CheckConstraint(
            "currency IN ('IDR', 'MYR', 'PHP', 'THB', 'VND', 'GBP', 'USD')", name=op.f("ck_products_currency")
        ),
        sa.CheckConstraint("status IN ('ACTIVE', 'INACTIVE')", name=op.f("ck_products_status")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_products")),
        sa.UniqueConstraint("id", "shop_id", name=op.f("uq_products_id_shop_id")),
    )
    op.create_index(op.f("ix_products_category"), "products", ["category"], unique=False)
    op.create_index(op.f("ix_products_created_at"), "products", ["created_at"], unique=False)
    op.create_index(op.f("ix_products_shop_id"), "products", ["shop_id"], unique=False)
    op.create_index(op.f("ix_products_status"), "products", ["status"], unique=False)
    op.create_table(
        "tax_infos",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("payment_account_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("form", sa.String(length=32), nullable=False),
        sa.Column("entity_type", sa.String(length=32), nullable=False),
        sa.Column("legal_name", sa.String(length=200), nullable=False),
        sa.Column("tax_id", sa.String(length=40), nullable=False),
        sa.Column("address_line1", sa.String(length=200), nullable=False),
        sa.Column("address_line2", sa.String(length=200), nullable=True),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("region", sa.String(length=100), nullable=True),
        sa.Column("postal_code", sa.String(length=20), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reviewed_by_user_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("reject_reason", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "status != 'REJECTED' or reject_reason is not null",
            name=op.f("ck_tax_infos_rejection_has_reason"),
        ),
        sa.ForeignKeyConstraint(
            ["payment_account_id"],
            ["payment_accounts.id"],
            name=op.f("fk_tax_infos_payment_account_id_payment_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["reviewed_by_user_id"],
            ["users.id"],
            name=op.f("fk_tax_infos_reviewed_by_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.CheckConstraint(
            "status IN ('PENDING_REVIEW', 'APPROVED', 'REJECTED')", name=op.f("ck_tax_infos_status")
        ),
        sa.CheckConstraint("form IN ('W9', 'LOCAL_TAX_ID')", name=op.f("ck_tax_infos_form")),
        sa.CheckConstraint(
            "entity_type IN ('INDIVIDUAL', 'BUSINESS')", name=op.f("ck_tax_infos_entity_type")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tax_infos")),
    )
    op.create_index(
        op.f("ix_tax_infos_payment_account_id"), "tax_infos", ["payment_account_id"], unique=False
    )
    op.create_index("ix_tax_infos_status_submitted_at", "tax_infos", ["status", "submitted_at"], unique=False)
    op.create_index(
        "uq_tax_infos_one_pending_review",
        "tax_infos",
        ["payment_account_id"],
        unique=True,
        sqlite_where=sa.text("status = 'PENDING_REVIEW'"),
        postgresql_where=sa.text("status = 'PENDING_REVIEW'"),
    )
    op.create_table(
        "audit_events",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("actor_user_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column(
            "actor_organisation_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("subject_type", sa.String(length=40), nullable=False),
        sa.Column("subject_id", sa.BigInteger(), nullable=False),
        sa.Column("campaign_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_organisation_id"],
            ["organisations.id"],
            name=op.f("fk_audit_events_actor_organisation_id_organisations"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["actor_user_id"],
            ["users.id"],
            name=op.f("fk_audit_events_actor_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name=op.f("fk_audit_events_campaign_id_campaigns"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
    )
    op.create_index(
        op.f("ix_audit_events_actor_organisation_id"), "audit_events", ["actor_organisation_id"], unique=False
    )
    op.create_index(op.f("ix_audit_events_campaign_id"), "audit_events", ["campaign_id"], unique=False)
    op.create_index(op.f("ix_audit_events_created_at"), "audit_events", ["created_at"], unique=False)
    op.create_index("ix_audit_events_subject", "audit_events", ["subject_type", "subject_id"], unique=False)
    op.create_table(
        "campaign_pending_changes",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("campaign_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.Column(
            "requested_by_user_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("applies_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("applied_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "applies_at >= requested_at", name=op.f("ck_campaign_pending_changes_applies_after_request")
        ),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name=op.f("fk_campaign_pending_changes_campaign_id_campaigns"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["requested_by_user_id"],
            ["users.id"],
            name=op.f("fk_campaign_pending_changes_requested_by_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.CheckConstraint(
            "status IN ('PENDING', 'APPLIED', 'CANCELLED')", name=op.f("ck_campaign_pending_changes_status")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaign_pending_changes")),
    )
    op.create_index(
        op.f("ix_campaign_pending_changes_campaign_id"),
        "campaign_pending_changes",
        ["campaign_id"],
        unique=False,
    )
    op.create_index(
        "ix_campaign_pending_changes_status_applies_at",
        "campaign_pending_changes",
        ["status", "applies_at"],
        unique=False,
    )
    op.create_index(
        "uq_campaign_pending_changes_one_pending",
        "campaign_pending_changes",
        ["campaign_id"],
        unique=True,
        sqlite_where=sa.text("status = 'PENDING'"),
        postgresql_where=sa.text("status = 'PENDING'"),
    )
    op.create_table(
        "campaign_target_shops",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("campaign_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("shop_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name=op.f("fk_campaign_target_shops_campaign_id_campaigns"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["shop_id"],
            ["shops.organisation_id"],
            name=op.f("fk_campaign_target_shops_shop_id_shops"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaign_target_shops")),
        sa.UniqueConstraint(
            "campaign_id", "shop_id", name=op.f("uq_campaign_target_shops_campaign_id_shop_id")
        ),
    )
    op.create_index(
        op.f("ix_campaign_target_shops_shop_id"), "campaign_target_shops", ["shop_id"], unique=False
    )
    op.create_table(
        "order_events",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("shop_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("platform_event_id", sa.String(length=64), nullable=False),
        sa.Column("order_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("event_type", sa.String(length=40), nullable=False),
        sa.Column("body_sha256", sa.String(length=64), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("applied_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("held_reason", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_order_events_order_id_orders"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["shop_id"],
            ["shops.organisation_id"],
            name=op.f("fk_order_events_shop_id_shops"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_events")),
        sa.UniqueConstraint(
            "shop_id", "platform_event_id", name=op.f("uq_order_events_shop_id_platform_event_id")
        ),
    )
    op.create_index(op.f("ix_order_events_order_id"), "order_events", ["order_id"], unique=False)
    op.create_index("ix_order_events_received_at", "order_events", ["received_at"], unique=False)
    op.create_table(
        "payment_bills",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column(
            "payee_organisation_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("currency", sa.String(length=32), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("paid_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("failed_reason", sa.String(length=200), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("bank_account_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "length(period) = 7 and substr(period, 5, 1) = '-' and substr(period, 6, 2) between '01' and '12'",
            name=op.f("ck_payment_bills_period_format"),
        ),
        sa.CheckConstraint("amount_minor >= 0", name=op.f("ck_payment_bills_amount_minor_non_negative")),
        sa.CheckConstraint("attempts >= 0", name=op.f("ck_payment_bills_attempts_non_negative")),
        sa.ForeignKeyConstraint(
            ["bank_account_id"],
            ["bank_accounts.id"],
            name=op.f("fk_payment_bills_bank_account_id_bank_accounts"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["payee_organisation_id"],
            ["organisations.id"],
            name=op.f("fk_payment_bills_payee_organisation_id_organisations"),
            ondelete="RESTRICT",
        ),
        sa.CheckConstraint(
            "currency IN ('IDR', 'MYR', 'PHP', 'THB', 'VND', 'GBP', 'USD')",
            name=op.f("ck_payment_bills_currency"),
        ),
        sa.CheckConstraint(
            "status IN ('OPEN', 'ISSUED', 'PAID', 'FAILED')", name=op.f("ck_payment_bills_status")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_bills")),
        sa.UniqueConstraint(
            "payee_organisation_id",
            "period",
            "currency",
            name=op.f("uq_payment_bills_payee_organisation_id_period_currency"),
        ),
    )
    op.create_index(
        op.f("ix_payment_bills_bank_account_id"), "payment_bills", ["bank_account_id"], unique=False
    )
    op.create_index("ix_payment_bills_status_period", "payment_bills", ["status", "period"], unique=False)
    op.create_table(
        "product_lists",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("agency_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("campaign_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("length(name) between 1 and 100", name=op.f("ck_product_lists_name_length")),
        sa.ForeignKeyConstraint(
            ["agency_id"],
            ["agencies.organisation_id"],
            name=op.f("fk_product_lists_agency_id_agencies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["campaign_id", "agency_id"],
            ["campaigns.id", "campaigns.agency_id"],
            name="fk_product_lists_campaign_id_campaigns",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_product_lists")),
    )
    op.create_index(
        "ix_product_lists_agency_id_created_at", "product_lists", ["agency_id", "created_at"], unique=False
    )
    op.create_index(op.f("ix_product_lists_campaign_id"), "product_lists", ["campaign_id"], unique=False)
    op.create_table(
        "registrations",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("campaign_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("product_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("shop_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("total_rate_bps", sa.Integer(), nullable=False),
        sa.Column("sample_quota", sa.Integer(), nullable=False),
        sa.Column("shop_ads_rate_bps", sa.Integer(), nullable=True),
        sa.Column("contact_email", sa.String(length=254), nullable=False),
        sa.Column("contact_whatsapp", sa.String(length=32), nullable=True),
        sa.Column("reject_reason", sa.String(length=32), nullable=True),
        sa.Column("reject_note", sa.Text(), nullable=True),
        sa.Column("registered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decided_by_user_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("cancellation_requested_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "status not in ('REJECTED', 'REJECT_FOREVER') or reject_reason is not null",
            name=op.f("ck_registrations_rejection_has_reason"),
        ),
        sa.CheckConstraint("sample_quota >= 0", name=op.f("ck_registrations_sample_quota_non_negative")),
        sa.CheckConstraint(
            "shop_ads_rate_bps between 100 and 8000", name=op.f("ck_registrations_shop_ads_rate_bps_range")
        ),
        sa.CheckConstraint(
            "total_rate_bps between 100 and 8000", name=op.f("ck_registrations_total_rate_bps_range")
        ),
        sa.CheckConstraint("version >= 1", name=op.f("ck_registrations_version_positive")),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name=op.f("fk_registrations_campaign_id_campaigns"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["decided_by_user_id"],
            ["users.id"],
            name=op.f("fk_registrations_decided_by_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["product_id", "shop_id"],
            ["products.id", "products.shop_id"],
            name="fk_registrations_product_id_products",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["shop_id"],
            ["shops.organisation_id"],
            name=op.f("fk_registrations_shop_id_shops"),
            ondelete="RESTRICT",
        ),
        sa.CheckConstraint(
            "status IN ('PENDING', 'APPROVED', 'PENDING_CLOSED', 'CLOSED', 'REJECTED', 'REJECT_FOREVER', 'WITHDRAWN')",
            name=op.f("ck_registrations_status"),
        ),
        sa.CheckConstraint(
            "reject_reason IN ('COMMISSION_TOO_LOW', 'PRODUCT_HARD_TO_PROMOTE', 'PRODUCT_TOO_EXPENSIVE', 'NO_SUITABLE_CREATOR')",
            name=op.f("ck_registrations_reject_reason"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registrations")),
    )
    op.create_index(
        "ix_registrations_campaign_id_status", "registrations", ["campaign_id", "status"], unique=False
    )
    op.create_index(op.f("ix_registrations_product_id"), "registrations", ["product_id"], unique=False)
    op.create_index(op.f("ix_registrations_registered_at"), "registrations", ["registered_at"], unique=False)
    op.create_index(op.f("ix_registrations_shop_id"), "registrations", ["shop_id"], unique=False)
    op.create_index(op.f("ix_registrations_status"), "registrations", ["status"], unique=False)
    op.create_index(
        "uq_registrations_live_campaign_product",
        "registrations",
        ["campaign_id", "product_id"],
        unique=True,
        sqlite_where=sa.text("status in ('PENDING', 'APPROVED', 'PENDING_CLOSED', 'REJECT_FOREVER')"),
        postgresql_where=sa.text("status in ('PENDING', 'APPROVED', 'PENDING_CLOSED', 'REJECT_FOREVER')"),
    )
    op.create_table(
        "skus",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("product_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("seller_sku", sa.String(length=64), nullable=False),
        sa.Column("variant_name", sa.String(length=120), nullable=True),
        sa.Column("price_minor", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=32), nullable=False),
        sa.Column("stock", sa.Integer(), nullable=False),
        sa.CheckConstraint("price_minor > 0", name=op.f("ck_skus_price_minor_positive")),
        sa.CheckConstraint("stock >= 0", name=op.f("ck_skus_stock_non_negative")),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_skus_product_id_products"), ondelete="CASCADE"
        ),
        sa.CheckConstraint(
            "currency IN ('IDR', 'MYR', 'PHP', 'THB', 'VND', 'GBP', 'USD')", name=op.f("ck_skus_currency")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_skus")),
        sa.UniqueConstraint("product_id", "seller_sku", name=op.f("uq_skus_product_id_seller_sku")),
    )
    op.create_index(op.f("ix_skus_product_id"), "skus", ["product_id"], unique=False)
    op.create_table(
        "bookmarks",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("agency_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("registration_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["agency_id"],
            ["agencies.organisation_id"],
            name=op.f("fk_bookmarks_agency_id_agencies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["registration_id"],
            ["registrations.id"],
            name=op.f("fk_bookmarks_registration_id_registrations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bookmarks")),
        sa.UniqueConstraint(
            "agency_id", "registration_id", name=op.f("uq_bookmarks_agency_id_registration_id")
        ),
    )
    op.create_index(op.f("ix_bookmarks_registration_id"), "bookmarks", ["registration_id"], unique=False)
    op.create_table(
        "payouts",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("bill_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("attempt", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("bank_account_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("reference", sa.String(length=100), nullable=True),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=32), nullable=False),
        sa.Column("failure_reason", sa.String(length=200), nullable=True),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("amount_minor >= 0", name=op.f("ck_payouts_amount_minor_non_negative")),
        sa.CheckConstraint("attempt >= 1", name=op.f("ck_payouts_attempt_positive")),
        sa.ForeignKeyConstraint(
            ["bank_account_id"],
            ["bank_accounts.id"],
            name=op.f("fk_payouts_bank_account_id_bank_accounts"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["bill_id"],
            ["payment_bills.id"],
            name=op.f("fk_payouts_bill_id_payment_bills"),
            ondelete="RESTRICT",
        ),
        sa.CheckConstraint("status IN ('PENDING', 'SUCCEEDED', 'FAILED')", name=op.f("ck_payouts_status")),
        sa.CheckConstraint(
            "currency IN ('IDR', 'MYR', 'PHP', 'THB', 'VND', 'GBP', 'USD')", name=op.f("ck_payouts_currency")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payouts")),
        sa.UniqueConstraint("bill_id", "attempt", name=op.f("uq_payouts_bill_id_attempt")),
    )
    op.create_index(op.f("ix_payouts_bank_account_id"), "payouts", ["bank_account_id"], unique=False)
    op.create_table(
        "product_list_items",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("list_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("registration_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("creator_rate_bps", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "creator_rate_bps between 100 and 8000", name=op.f("ck_product_list_items_creator_rate_bps_range")
        ),
        sa.ForeignKeyConstraint(
            ["list_id"],
            ["product_lists.id"],
            name=op.f("fk_product_list_items_list_id_product_lists"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["registration_id"],
            ["registrations.id"],
            name=op.f("fk_product_list_items_registration_id_registrations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_product_list_items")),
        sa.UniqueConstraint(
            "list_id", "registration_id", name=op.f("uq_product_list_items_list_id_registration_id")
        ),
    )
    op.create_index(
        op.f("ix_product_list_items_registration_id"), "product_list_items", ["registration_id"], unique=False
    )
    op.create_table(
        "share_links",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("list_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("length(token) between 16 and 64", name=op.f("ck_share_links_token_length")),
        sa.ForeignKeyConstraint(
            ["list_id"],
            ["product_lists.id"],
            name=op.f("fk_share_links_list_id_product_lists"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_share_links")),
        sa.UniqueConstraint("token", name=op.f("uq_share_links_token")),
    )
    op.create_index(op.f("ix_share_links_list_id"), "share_links", ["list_id"], unique=False)
    op.create_index(
        "uq_share_links_one_active_per_list",
        "share_links",
        ["list_id"],
        unique=True,
        sqlite_where=sa.text("revoked_at is null"),
        postgresql_where=sa.text("revoked_at is null"),
    )
    op.create_table(
        "link_opens",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("share_link_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("creator_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("first_opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["creator_id"],
            ["creator_profiles.organisation_id"],
            name=op.f("fk_link_opens_creator_id_creator_profiles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["share_link_id"],
            ["share_links.id"],
            name=op.f("fk_link_opens_share_link_id_share_links"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_link_opens")),
        sa.UniqueConstraint(
            "share_link_id", "creator_id", name=op.f("uq_link_opens_share_link_id_creator_id")
        ),
    )
    op.create_index(op.f("ix_link_opens_creator_id"), "link_opens", ["creator_id"], unique=False)
    op.create_table(
        "showcase_entries",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("creator_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("product_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("registration_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("list_item_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("share_link_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("creator_rate_bps", sa.Integer(), nullable=False),
        sa.Column("pending_rate_bps", sa.Integer(), nullable=True),
        sa.Column("pending_rate_effective_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("terms_accepted_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status = 'ACTIVE' or ended_at is not null", name=op.f("ck_showcase_entries_ended_has_time")
        ),
        sa.CheckConstraint(
            "(pending_rate_bps is null) = (pending_rate_effective_at is null)",
            name=op.f("ck_showcase_entries_pending_rate_with_date"),
        ),
        sa.CheckConstraint(
            "creator_rate_bps between 100 and 8000", name=op.f("ck_showcase_entries_creator_rate_bps_range")
        ),
        sa.CheckConstraint(
            "pending_rate_bps between 100 and 8000", name=op.f("ck_showcase_entries_pending_rate_bps_range")
        ),
        sa.ForeignKeyConstraint(
            ["creator_id"],
            ["creator_profiles.organisation_id"],
            name=op.f("fk_showcase_entries_creator_id_creator_profiles"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["list_item_id"],
            ["product_list_items.id"],
            name=op.f("fk_showcase_entries_list_item_id_product_list_items"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_showcase_entries_product_id_products"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["registration_id"],
            ["registrations.id"],
            name=op.f("fk_showcase_entries_registration_id_registrations"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["share_link_id"],
            ["share_links.id"],
            name=op.f("fk_showcase_entries_share_link_id_share_links"),
            ondelete="SET NULL",
        ),
        sa.CheckConstraint(
            "status IN ('ACTIVE', 'REPLACED', 'REMOVED', 'ENDED')", name=op.f("ck_showcase_entries_status")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_showcase_entries")),
    )
    op.create_index(
        "ix_showcase_entries_creator_id_status", "showcase_entries", ["creator_id", "status"], unique=False
    )
    op.create_index(
        op.f("ix_showcase_entries_list_item_id"), "showcase_entries", ["list_item_id"], unique=False
    )
    op.create_index(op.f("ix_showcase_entries_product_id"), "showcase_entries", ["product_id"], unique=False)
    op.create_index(
        op.f("ix_showcase_entries_registration_id"), "showcase_entries", ["registration_id"], unique=False
    )
    op.create_index(op.f("ix_showcase_entries_status"), "showcase_entries", ["status"], unique=False)
    op.create_index(
        "uq_showcase_entries_active_creator_product",
        "showcase_entries",
        ["creator_id", "product_id"],
        unique=True,
        sqlite_where=sa.text("status = 'ACTIVE'"),
        postgresql_where=sa.text("status = 'ACTIVE'"),
    )
    op.create_table(
        "order_lines",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("order_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("platform_line_id", sa.String(length=64), nullable=False),
        sa.Column("product_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("sku_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_price_minor", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("refunded_quantity", sa.Integer(), nullable=False),
        sa.Column("refunded_amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("showcase_entry_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("share_link_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("campaign_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("registration_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("creator_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("agency_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("total_rate_bps", sa.Integer(), nullable=True),
        sa.Column("creator_rate_bps", sa.Integer(), nullable=True),
        sa.Column("unattributed_reason", sa.String(length=40), nullable=True),
        sa.Column("paid_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("shipped_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("settle_after", sa.DateTime(timezone=True), nullable=True),
        sa.Column("settled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("frozen_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("refunded_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "campaign_id is null or (registration_id is not null and creator_id is not null and agency_id is not null and total_rate_bps is not null and creator_rate_bps is not null)",
            name=op.f("ck_order_lines_attribution_complete"),
        ),
        sa.CheckConstraint(
            "creator_rate_bps <= total_rate_bps", name=op.f("ck_order_lines_creator_rate_within_total")
        ),
        sa.CheckConstraint(
            "creator_rate_bps between 100 and 8000", name=op.f("ck_order_lines_creator_rate_bps_range")
        ),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_order_lines_quantity_positive")),
        sa.CheckConstraint(
            "refunded_amount_minor <= unit_price_minor * quantity",
            name=op.f("ck_order_lines_refunded_amount_max"),
        ),
        sa.CheckConstraint(
            "refunded_amount_minor >= 0", name=op.f("ck_order_lines_refunded_amount_minor_non_negative")
        ),
        sa.CheckConstraint(
            "refunded_quantity <= quantity", name=op.f("ck_order_lines_refunded_quantity_max")
        ),
        sa.CheckConstraint(
            "refunded_quantity >= 0", name=op.f("ck_order_lines_refunded_quantity_non_negative")
        ),
        sa.CheckConstraint(
            "total_rate_bps between 100 and 8000", name=op.f("ck_order_lines_total_rate_bps_range")
        ),
        sa.CheckConstraint(
            "unit_price_minor >= 0", name=op.f("ck_order_lines_unit_price_minor_non_negative")
        ),
        sa.CheckConstraint("version >= 1", name=op.f("ck_order_lines_version_positive")),
        sa.ForeignKeyConstraint(
            ["agency_id"],
            ["agencies.organisation_id"],
            name=op.f("fk_order_lines_agency_id_agencies"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name=op.f("fk_order_lines_campaign_id_campaigns"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["creator_id"],
            ["creator_profiles.organisation_id"],
            name=op.f("fk_order_lines_creator_id_creator_profiles"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_order_lines_order_id_orders"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_order_lines_product_id_products"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["registration_id"],
            ["registrations.id"],
            name=op.f("fk_order_lines_registration_id_registrations"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["share_link_id"],
            ["share_links.id"],
            name=op.f("fk_order_lines_share_link_id_share_links"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["showcase_entry_id"],
            ["showcase_entries.id"],
            name=op.f("fk_order_lines_showcase_entry_id_showcase_entries"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["sku_id"], ["skus.id"], name=op.f("fk_order_lines_sku_id_skus"), ondelete="SET NULL"
        ),
        sa.CheckConstraint(
            "currency IN ('IDR', 'MYR', 'PHP', 'THB', 'VND', 'GBP', 'USD')",
            name=op.f("ck_order_lines_currency"),
        ),
        sa.CheckConstraint(
            "status IN ('PLACED', 'PAID', 'SHIPPED', 'DELIVERED', 'SETTLED', 'CANCELLED', 'REFUNDED', 'FROZEN')",
            name=op.f("ck_order_lines_status"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_lines")),
        sa.UniqueConstraint(
            "order_id", "platform_line_id", name=op.f("uq_order_lines_order_id_platform_line_id")
        ),
    )
    op.create_index(
        "ix_order_lines_agency_id_created_at", "order_lines", ["agency_id", "created_at"], unique=False
    )
    op.create_index(
        "ix_order_lines_campaign_id_created_at", "order_lines", ["campaign_id", "created_at"], unique=False
    )
    op.create_index(
        "ix_order_lines_creator_id_created_at", "order_lines", ["creator_id", "created_at"], unique=False
    )
    op.create_index(op.f("ix_order_lines_product_id"), "order_lines", ["product_id"], unique=False)
    op.create_index(op.f("ix_order_lines_registration_id"), "order_lines", ["registration_id"], unique=False)
    op.create_index(
        op.f("ix_order_lines_showcase_entry_id"), "order_lines", ["showcase_entry_id"], unique=False
    )
    op.create_index(
        "ix_order_lines_status_settle_after", "order_lines", ["status", "settle_after"], unique=False
    )
    op.create_table(
        "sample_requests",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("creator_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("registration_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("product_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("showcase_entry_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("recipient_name", sa.String(length=120), nullable=False),
        sa.Column("phone", sa.String(length=32), nullable=False),
        sa.Column("line1", sa.String(length=200), nullable=False),
        sa.Column("line2", sa.String(length=200), nullable=True),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("region", sa.String(length=100), nullable=True),
        sa.Column("postal_code", sa.String(length=20), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reviewed_by_user_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("reject_reason", sa.Text(), nullable=True),
        sa.Column("carrier", sa.String(length=80), nullable=True),
        sa.Column("tracking_number", sa.String(length=80), nullable=True),
        sa.Column("shipped_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("content_due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("extension_used", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["creator_id"],
            ["creator_profiles.organisation_id"],
            name=op.f("fk_sample_requests_creator_id_creator_profiles"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_sample_requests_product_id_products"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["registration_id"],
            ["registrations.id"],
            name=op.f("fk_sample_requests_registration_id_registrations"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["reviewed_by_user_id"],
            ["users.id"],
            name=op.f("fk_sample_requests_reviewed_by_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["showcase_entry_id"],
            ["showcase_entries.id"],
            name=op.f("fk_sample_requests_showcase_entry_id_showcase_entries"),
            ondelete="SET NULL",
        ),
        sa.CheckConstraint(
            "status IN ('REQUESTED', 'APPROVED', 'REJECTED', 'SHIPPED', 'DELIVERED', 'CONTENT_POSTED', 'OVERDUE')",
            name=op.f("ck_sample_requests_status"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sample_requests")),
        sa.UniqueConstraint(
            "creator_id", "registration_id", name=op.f("uq_sample_requests_creator_id_registration_id")
        ),
    )
    op.create_index(op.f("ix_sample_requests_created_at"), "sample_requests", ["created_at"], unique=False)
    op.create_index(op.f("ix_sample_requests_product_id"), "sample_requests", ["product_id"], unique=False)
    op.create_index(
        "ix_sample_requests_registration_id_status",
        "sample_requests",
        ["registration_id", "status"],
        unique=False,
    )
    op.create_index(
        op.f("ix_sample_requests_showcase_entry_id"), "sample_requests", ["showcase_entry_id"], unique=False
    )
    op.create_index(op.f("ix_sample_requests_status"), "sample_requests", ["status"], unique=False)
    op.create_table(
        "contents",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("creator_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("product_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("registration_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("sample_request_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("url", sa.String(length=500), nullable=False),
        sa.Column("external_id", sa.String(length=64), nullable=True),
        sa.Column("posted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("views", sa.BigInteger(), nullable=False),
        sa.Column("likes", sa.BigInteger(), nullable=False),
        sa.Column("orders_count", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("likes >= 0", name=op.f("ck_contents_likes_non_negative")),
        sa.CheckConstraint("orders_count >= 0", name=op.f("ck_contents_orders_count_non_negative")),
        sa.CheckConstraint("views >= 0", name=op.f("ck_contents_views_non_negative")),
        sa.ForeignKeyConstraint(
            ["creator_id"],
            ["creator_profiles.organisation_id"],
            name=op.f("fk_contents_creator_id_creator_profiles"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_contents_product_id_products"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["registration_id"],
            ["registrations.id"],
            name=op.f("fk_contents_registration_id_registrations"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["sample_request_id"],
            ["sample_requests.id"],
            name=op.f("fk_contents_sample_request_id_sample_requests"),
            ondelete="SET NULL",
        ),
        sa.CheckConstraint("kind IN ('VIDEO', 'LIVE')", name=op.f("ck_contents_kind")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contents")),
        sa.UniqueConstraint("kind", "external_id", name=op.f("uq_contents_kind_external_id")),
    )
    op.create_index("ix_contents_creator_id_posted_at", "contents", ["creator_id", "posted_at"], unique=False)
    op.create_index(op.f("ix_contents_product_id"), "contents", ["product_id"], unique=False)
    op.create_index(op.f("ix_contents_registration_id"), "contents", ["registration_id"], unique=False)
    op.create_index(op.f("ix_contents_sample_request_id"), "contents", ["sample_request_id"], unique=False)
    op.create_table(
        "ledger_entries",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("posting_id", sa.String(length=36), nullable=False),
        sa.Column("order_line_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("account", sa.String(length=32), nullable=False),
        sa.Column(
            "party_organisation_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("phase", sa.String(length=32), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_line_id"],
            ["order_lines.id"],
            name=op.f("fk_ledger_entries_order_line_id_order_lines"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["party_organisation_id"],
            ["organisations.id"],
            name=op.f("fk_ledger_entries_party_organisation_id_organisations"),
            ondelete="RESTRICT",
        ),
        sa.CheckConstraint(
            "account IN ('SELLER_PAYABLE', 'CREATOR_EARNINGS', 'AGENCY_EARNINGS')",
            name=op.f("ck_ledger_entries_account"),
        ),
        sa.CheckConstraint("phase IN ('ESTIMATED', 'SETTLED')", name=op.f("ck_ledger_entries_phase")),
        sa.CheckConstraint(
            "currency IN ('IDR', 'MYR', 'PHP', 'THB', 'VND', 'GBP', 'USD')",
            name=op.f("ck_ledger_entries_currency"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_entries")),
    )
    op.create_index(op.f("ix_ledger_entries_created_at"), "ledger_entries", ["created_at"], unique=False)
    op.create_index(
        "ix_ledger_entries_order_line_id_phase", "ledger_entries", ["order_line_id", "phase"], unique=False
    )
    op.create_index(
        "ix_ledger_entries_party_account_phase",
        "ledger_entries",
        ["party_organisation_id", "account", "phase"],
        unique=False,
    )
    op.create_index(op.f("ix_ledger_entries_posting_id"), "ledger_entries", ["posting_id"], unique=False)
    op.create_table(
        "shipments",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("sample_request_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("carrier", sa.String(length=80), nullable=True),
        sa.Column("tracking_number", sa.String(length=80), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["sample_request_id"],
            ["sample_requests.id"],
            name=op.f("fk_shipments_sample_request_id_sample_requests"),
            ondelete="CASCADE",
        ),
        sa.CheckConstraint(
            "status IN ('SHIPPED', 'IN_TRANSIT', 'DELIVERED', 'FAILED_DELIVERY', 'RETURNED')",
            name=op.f("ck_shipments_status"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shipments")),
    )
    op.create_index(
        "ix_shipments_sample_request_id_occurred_at",
        "shipments",
        ["sample_request_id", "occurred_at"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_shipments_sample_request_id_occurred_at", table_name="shipments")
    op.drop_table("shipments")
    op.drop_index(op.f("ix_ledger_entries_posting_id"), table_name="ledger_entries")
    op.drop_index("ix_ledger_entries_party_account_phase", table_name="ledger_entries")
    op.drop_index("ix_ledger_entries_order_line_id_phase", table_name="ledger_entries")
    op.drop_index(op.f("ix_ledger_entries_created_at"), table_name="ledger_entries")
    op.drop_table("ledger_entries")
    op.drop_index(op.f("ix_contents_sample_request_id"), table_name="contents")
    op.drop_index(op.f("ix_contents_registration_id"), table_name="contents")
    op.drop_index(op.f("ix_contents_product_id"), table_name="contents")
    op.drop_index("ix_contents_creator_id_posted_at", table_name="contents")
    op.drop_table("contents")
    op.drop_index(op.f("ix_sample_requests_status"), table_name="sample_requests")
    op.drop_index(op.f("ix_sample_requests_showcase_entry_id"), table_name="sample_requests")
    op.drop_index("ix_sample_requests_registration_id_status", table_name="sample_requests")
    op.drop_index(op.f("ix_sample_requests_product_id"), table_name="sample_requests")
    op.drop_index(op.f("ix_sample_requests_created_at"), table_name="sample_requests")
    op.drop_table("sample_requests")
    op.drop_index("ix_order_lines_status_settle_after", table_name="order_lines")
    op.drop_index(op.f("ix_order_lines_showcase_entry_id"), table_name="order_lines")
    op.drop_index(op.f("ix_order_lines_registration_id"), table_name="order_lines")
    op.drop_index(op.f("ix_order_lines_product_id"), table_name="order_lines")
    op.drop_index("ix_order_lines_creator_id_created_at", table_name="order_lines")
    op.drop_index("ix_order_lines_campaign_id_created_at", table_name="order_lines")
    op.drop_index("ix_order_lines_agency_id_created_at", table_name="order_lines")
    op.drop_table("order_lines")
    op.drop_index(
        "uq_showcase_entries_active_creator_product",
        table_name="showcase_entries",
        sqlite_where=sa.text("status = 'ACTIVE'"),
        postgresql_where=sa.text("status = 'ACTIVE'"),
    )
    op.drop_index(op.f("ix_showcase_entries_status"), table_name="showcase_entries")
    op.drop_index(op.f("ix_showcase_entries_registration_id"), table_name="showcase_entries")
    op.drop_index(op.f("ix_showcase_entries_product_id"), table_name="showcase_entries")
    op.drop_index(op.f("ix_showcase_entries_list_item_id"), table_name="showcase_entries")
    op.drop_index("ix_showcase_entries_creator_id_status", table_name="showcase_entries")
    op.drop_table("showcase_entries")
    op.drop_index(op.f("ix_link_opens_creator_id"), table_name="link_opens")
    op.drop_table("link_opens")
    op.drop_index(
        "uq_share_links_one_active_per_list",
        table_name="share_links",
        sqlite_where=sa.text("revoked_at is null"),
        postgresql_where=sa.text("revoked_at is null"),
    )
    op.drop_index(op.f("ix_share_links_list_id"), table_name="share_links")
    op.drop_table("share_links")
    op.drop_index(op.f("ix_product_list_items_registration_id"), table_name="product_list_items")
    op.drop_table("product_list_items")
    op.drop_index(op.f("ix_payouts_bank_account_id"), table_name="payouts")
    op.drop_table("payouts")
    op.drop_index(op.f("ix_bookmarks_registration_id"), table_name="bookmarks")
    op.drop_table("bookmarks")
    op.drop_index(op.f("ix_skus_product_id"), table_name="skus")
    op.drop_table("skus")
    op.drop_index(
        "uq_registrations_live_campaign_product",
        table_name="registrations",
        sqlite_where=sa.text("status in ('PENDING', 'APPROVED', 'PENDING_CLOSED', 'REJECT_FOREVER')"),
        postgresql_where=sa.text("status in ('PENDING', 'APPROVED', 'PENDING_CLOSED', 'REJECT_FOREVER')"),
    )
    op.drop_index(op.f("ix_registrations_status"), table_name="registrations")
    op.drop_index(op.f("ix_registrations_shop_id"), table_name="registrations")
    op.drop_index(op.f("ix_registrations_registered_at"), table_name="registrations")
    op.drop_index(op.f("ix_registrations_product_id"), table_name="registrations")
    op.drop_index("ix_registrations_campaign_id_status", table_name="registrations")
    op.drop_table("registrations")
    op.drop_index(op.f("ix_product_lists_campaign_id"), table_name="product_lists")
    op.drop_index("ix_product_lists_agency_id_created_at", table_name="product_lists")
    op.drop_table("product_lists")
    op.drop_index("ix_payment_bills_status_period", table_name="payment_bills")
    op.drop_index(op.f("ix_payment_bills_bank_account_id"), table_name="payment_bills")
    op.drop_table("payment_bills")
    op.drop_index("ix_order_events_received_at", table_name="order_events")
    op.drop_index(op.f("ix_order_events_order_id"), table_name="order_events")
    op.drop_table("order_events")
    op.drop_index(op.f("ix_campaign_target_shops_shop_id"), table_name="campaign_target_shops")
    op.drop_table("campaign_target_shops")
    op.drop_index(
        "uq_campaign_pending_changes_one_pending",
        table_name="campaign_pending_changes",
        sqlite_where=sa.text("status = 'PENDING'"),
        postgresql_where=sa.text("status = 'PENDING'"),
    )
    op.drop_index("ix_campaign_pending_changes_status_applies_at", table_name="campaign_pending_changes")
    op.drop_index(op.f("ix_campaign_pending_changes_campaign_id"), table_name="campaign_pending_changes")
    op.drop_table("campaign_pending_changes")
    op.drop_index("ix_audit_events_subject", table_name="audit_events")
    op.drop_index(op.f("ix_audit_events_created_at"), table_name="audit_events")
    op.drop_index(op.f("ix_audit_events_campaign_id"), table_name="audit_events")
    op.drop_index(op.f("ix_audit_events_actor_organisation_id"), table_name="audit_events")
    op.drop_table("audit_events")
    op.drop_index(
        "uq_tax_infos_one_pending_review",
        table_name="tax_infos",
        sqlite_where=sa.text("status = 'PENDING_REVIEW'"),
        postgresql_where=sa.text("status = 'PENDING_REVIEW'"),
    )
    op.drop_index("ix_tax_infos_status_submitted_at", table_name="tax_infos")
    op.drop_index(op.f("ix_tax_infos_payment_account_id"), table_name="tax_infos")
    op.drop_table("tax_infos")
    op.drop_index(op.f("ix_products_status"), table_name="products")
    op.drop_index(op.f("ix_products_shop_id"), table_name="products")
    op.drop_index(op.f("ix_products_created_at"), table_name="products")
    op.drop_index(op.f("ix_products_category"), table_name="products")
    op.drop_table("products")
    op.drop_index(op.f("ix_orders_placed_at"), table_name="orders")
    op.drop_index(op.f("ix_orders_created_at"), table_name="orders")
    op.drop_table("orders")
    op.drop_index("ix_campaigns_market_published", table_name="campaigns")
    op.drop_index(op.f("ix_campaigns_created_at"), table_name="campaigns")
    op.drop_index(op.f("ix_campaigns_campaign_start"), table_name="campaigns")
    op.drop_index(op.f("ix_campaigns_campaign_end"), table_name="campaigns")
    op.drop_index(op.f("ix_campaigns_agency_id"), table_name="campaigns")
    op.drop_table("campaigns")
    op.drop_index(
        "uq_bank_accounts_one_linked",
        table_name="bank_accounts",
        sqlite_where=sa.text("unlinked_at is null"),
        postgresql_where=sa.text("unlinked_at is null"),
    )
    op.drop_index(op.f("ix_bank_accounts_payment_account_id"), table_name="bank_accounts")
    op.drop_table("bank_accounts")
    op.drop_index(op.f("ix_user_sessions_user_id"), table_name="user_sessions")
    op.drop_table("user_sessions")
    op.drop_index(op.f("ix_shops_market"), table_name="shops")
    op.drop_table("shops")
    op.drop_table("payment_accounts")
    op.drop_index(op.f("ix_notifications_recipient_user_id"), table_name="notifications")
    op.drop_index("ix_notifications_recipient_organisation_id_created_at", table_name="notifications")
    op.drop_table("notifications")
    op.drop_index(op.f("ix_memberships_organisation_id"), table_name="memberships")
    op.drop_table("memberships")
    op.drop_index(op.f("ix_integration_keys_organisation_id"), table_name="integration_keys")
    op.drop_table("integration_keys")
    op.drop_index(op.f("ix_creator_profiles_market"), table_name="creator_profiles")
    op.drop_table("creator_profiles")
    op.drop_table("agencies")
    op.drop_table("users")
    op.drop_index(op.f("ix_organisations_kind"), table_name="organisations")
    op.drop_table("organisations")
    op.drop_index("ix_login_failures_email_created", table_name="login_failures")
    op.drop_table("login_failures")
