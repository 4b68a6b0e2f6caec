"""Finance rows for the visibility matrix (tests/schema/test_visibility_matrix.py `connect_tenants_a`): every payee
of the world has a payment account and tax info in one state or another, most a linked bank account, and bills in
every status, so that each finance field is filled where the domain fills it (FINANCE_EMPTY_BY_DESIGN says where
it does not). A US creator brings the one W-9."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from server import models
from server.models.enums import (
    MARKET_CURRENCY,
    BillStatus,
    Market,
    OrganisationKind,
    PayoutStatus,
    TaxEntityType,
    TaxForm,
    TaxInfoStatus,
    TinType,
)
from tests.plugins.api import World

Tax = models.TaxInfo
Bill = models.PaymentBill

FINANCE_EMPTY_BY_DESIGN: dict[tuple[str, str], Select[tuple[int]]] = {
    # Creator B's tax info waits for review: no bank account yet.
    ("PaymentAccount", "bankAccount"): select(models.Organisation.id).where(
        ~exists().where(
            models.PaymentAccount.organisation_id == models.Organisation.id,
            models.BankAccount.payment_account_id == models.PaymentAccount.id,
            models.BankAccount.unlinked_at.is_(None),
        )
    ),
    # Only a W-9 has a business name, a TIN type and a certification; only a review sets reviewedAt; only a
    # rejection has a reason.
    **{
        ("TaxInfo", name): select(Tax.id).where(Tax.form != TaxForm.W9)
        for name in ("businessName", "tinType", "certifiedAt")
    },
    ("TaxInfo", "reviewedAt"): select(Tax.id).where(Tax.status == TaxInfoStatus.PENDING_REVIEW),
    ("TaxInfo", "rejectReason"): select(Tax.id).where(Tax.status != TaxInfoStatus.REJECTED),
    ("BankAccount", "unlinkedAt"): select(models.BankAccount.id).where(
        models.BankAccount.unlinked_at.is_(None)
    ),
    # Only a paid bill has paidAt, only a failed one a reason, only an attempted one a bank account.
    ("PaymentBill", "paidAt"): select(Bill.id).where(Bill.status != BillStatus.PAID),
    ("PaymentBill", "failedReason"): select(Bill.id).where(Bill.failed_reason.is_(None)),
    ("PaymentBill", "bankAccount"): select(Bill.id).where(Bill.bank_account_id.is_(None)),
}

ADDRESS = dict(
    address_line1="99 Rama IV Road",
    address_line2="Floor 12",
    city="Bangkok",
    region="Bangkok",
    postal_code="10500",
    country="TH",
)


async def seed_finance(s: AsyncSession, world: World, now: datetime) -> None:
    us = models.Organisation(
        kind=OrganisationKind.CREATOR, name="Creator US", market=Market.US, created_at=now
    )
    s.add(us)
    await s.flush()
    s.add(
        models.CreatorProfile(
            organisation_id=us.id,
            handle="creatorus",
            display_name="Creator US",
            avatar_url="https://img.test/cus.jpg",
            followers=50000,
            market=Market.US,
            categories=["Beauty & Personal Care"],
            bio="Skincare in LA.",
        )
    )
    payees = {
        key: (world[key].organisation_id, market)
        for key, market in (
            ("agency_a", Market.TH),
            ("agency_b", Market.GB),
            ("creator_a", Market.TH),
            ("creator_b", Market.TH),
        )
    }
    payees["creator_us"] = (us.id, Market.US)
    accounts: dict[str, models.PaymentAccount] = {}
    for key, (org_id, market) in payees.items():
        accounts[key] = models.PaymentAccount(
            organisation_id=org_id, market=market, currency=MARKET_CURRENCY[market], created_at=now
        )
    s.add_all(accounts.values())
    await s.flush()
    operator = world["operator"].user_id
    reviewed = dict(reviewed_at=now, reviewed_by_user_id=operator)

    def local(key: str, status: TaxInfoStatus, tax_id: str, **values: Any) -> models.TaxInfo:
        address = {**ADDRESS, "country": accounts[key].market.value}
        return Tax(
            payment_account_id=accounts[key].id,
            status=status,
            form=TaxForm.LOCAL_TAX_ID,
            entity_type=TaxEntityType.BUSINESS if key.startswith("agency") else TaxEntityType.INDIVIDUAL,
            legal_name=f"{key.replace('_', ' ').title()} Legal",
            tax_id=tax_id,
            submitted_at=now - timedelta(days=2),
            **address,
            **values,
        )

    s.add_all(
        [
            local("agency_a", TaxInfoStatus.APPROVED, "0105551234567", **reviewed),
            local("agency_b", TaxInfoStatus.APPROVED, "1234567890", **reviewed),
            local(
                "creator_a",
                TaxInfoStatus.REJECTED,
                "1100700123456",
                reject_reason="The name does not match the id.",
                **reviewed,
            ),
        ]
    )
    await s.flush()  # the rejected submission comes before the approved one
    s.add_all(
        [
            local("creator_a", TaxInfoStatus.APPROVED, "1100700123457", **reviewed),
            local("creator_b", TaxInfoStatus.PENDING_REVIEW, "1100700765432"),
            Tax(
                payment_account_id=accounts["creator_us"].id,
                status=TaxInfoStatus.APPROVED,
                form=TaxForm.W9,
                entity_type=TaxEntityType.INDIVIDUAL,
                legal_name="Casey Creator",
                business_name="Casey Creates LLC",
                tin_type=TinType.SSN,
                tax_id="123456789",
                certified_at=now - timedelta(days=2),
                submitted_at=now - timedelta(days=2),
                address_line1="1 Sunset Blvd",
                address_line2="Apt 4",
                city="Los Angeles",
                region="CA",
                postal_code="90028",
                country="US",
                **reviewed,
            ),
        ]
    )

    def bank(key: str, last4: str, **values: Any) -> models.BankAccount:
        return models.BankAccount(
            payment_account_id=accounts[key].id,
            holder_name=f"{key.replace('_', ' ').title()} Legal",
            bank_name="Bangkok Bank",
            account_number_last4=last4,
            account_token=f"sim_ba_{key}_{last4}",
            currency=accounts[key].currency,
            linked_at=now - timedelta(days=1),
            **values,
        )

    banks = {
        "agency_a_old": bank("agency_a", "1111", unlinked_at=now),
        "agency_a": bank("agency_a", "2222"),
        "agency_b": bank("agency_b", "3333"),
        "creator_a": bank("creator_a", "0000"),  # the simulated bank refuses it
        "creator_us": bank("creator_us", "4444"),
    }
    s.add_all(banks.values())
    await s.flush()

    def bill(key: str, status: BillStatus, amount: int, **values: Any) -> models.PaymentBill:
        return Bill(
            payee_organisation_id=payees[key][0],
            period="2026-10",
            currency=accounts[key].currency,
            amount_minor=amount,
            status=status,
            issued_at=now - timedelta(days=20),
            created_at=now - timedelta(days=20),
            **values,
        )

    bills = {
        "agency_a": bill(
            "agency_a", BillStatus.PAID, 200000, attempts=1, paid_at=now, bank_account_id=banks["agency_a"].id
        ),
        "creator_a": bill(
            "creator_a",
            BillStatus.FAILED,
            600000,
            attempts=1,
            bank_account_id=banks["creator_a"].id,
            failed_reason="The bank refused the transfer to ••••0000 (simulated failure)",
        ),
        "agency_b": bill("agency_b", BillStatus.ISSUED, 12345),
        "creator_b": bill("creator_b", BillStatus.ISSUED, 4500),
        "creator_us": bill(
            "creator_us",
            BillStatus.PAID,
            9999,
            attempts=2,
            paid_at=now,
            bank_account_id=banks["creator_us"].id,
        ),
    }
    s.add_all(bills.values())
    await s.flush()

    def payout(key: str, attempt: int, ok: bool) -> models.Payout:
        b = bills[key]
        return models.Payout(
            bill_id=b.id,
            attempt=attempt,
            status=PayoutStatus.SUCCEEDED if ok else PayoutStatus.FAILED,
            bank_account_id=b.bank_account_id,
            reference=f"MUP-{b.id:08d}-{attempt}",
            amount_minor=b.amount_minor,
            currency=b.currency,
            failure_reason=None if ok else "The bank refused the transfer (simulated failure)",
            completed_at=now,
            created_at=now,
        )

    s.add_all(
        [
            payout("agency_a", 1, True),
            payout("creator_a", 1, False),
            payout("creator_us", 1, False),
            payout("creator_us", 2, True),
        ]
    )
