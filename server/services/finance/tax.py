"""Tax info: the payee submits (US: a W-9; every other market: its local tax id), the operator reviews
(PENDING_REVIEW → APPROVED | REJECTED with a reason). Only an APPROVED payee can link a bank account.

Resubmission: after a rejection the payee submits again (a new row; the rejected one stays as history). A new
submission while one waits for review replaces it: the waiting one is closed as REJECTED with the reason
REPLACED_REASON and no reviewer, so that the operator never approves data it did not see (reviewing it answers
INVALID_STATE: replaced), and the new one waits instead (a new row and id). Approved tax info is final here: a new
submission is refused with ALREADY_APPROVED.

The tax id (TIN) is stored but only its last four characters ever leave the service layer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select, update

from server import models
from server.auth.principal import Principal
from server.db import rowcount
from server.models.enums import Market, OrganisationKind, TaxEntityType, TaxForm, TaxInfoStatus, TinType
from server.runtime import Runtime
from server.services import audit
from server.services.errors import DomainError, DomainErrors, not_found
from server.services.finance.accounts import latest_tax_info, open_account
from server.services.finance.check_digits import tax_id_problem
from server.services.notifications import notify
from server.services.unit_of_work import UnitOfWork, begin_writing

NAME_MAX = 200
LINE_MAX = 200
CITY_MAX = 100
REGION_MAX = 100
REASON_MAX = 500
REPLACED_REASON = "Replaced by a newer submission"
US_STATE_RE = re.compile(r"^[A-Z]{2}$")
US_ZIP_RE = re.compile(r"^\d{5}(-\d{4})?$")
POSTAL_RE = re.compile(r"^[A-Z0-9][A-Z0-9 -]{1,9}$")
TIN_SEPARATORS = re.compile(r"[\s\-./]")
# The local tax id of each market, after removing spaces, dashes, dots and slashes (upper-cased):
# ID NPWP (15 digits) or NIK (16); MY income tax number (a 1-2 letter prefix and 8-12 digits, e.g. IG12345678090);
# PH TIN (9 digits + a 3-5 digit branch code); TH (13 digits); VN MST (10 digits, or 13 with a branch);
# GB Unique Taxpayer Reference (10 digits) or National Insurance number (e.g. AB123456C).
# Then the check digit where the number has one (check_digits.py).
LOCAL_TAX_ID: dict[Market, tuple[re.Pattern[str], str]] = {
    Market.ID: (re.compile(r"^\d{15,16}$"), "a 15-digit NPWP or a 16-digit NIK"),
    Market.MY: (re.compile(r"^[A-Z]{1,2}\d{8,12}$"), "an income tax number such as IG12345678090"),
    Market.PH: (re.compile(r"^\d{12,14}$"), "a TIN with its branch code, e.g. 123-456-789-000"),
    Market.TH: (re.compile(r"^\d{13}$"), "a 13-digit tax identification number"),
    Market.VN: (re.compile(r"^\d{10}(\d{3})?$"), "a 10-digit tax code (13 with a branch)"),
    Market.GB: (
        re.compile(r"^(\d{10}|[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D])$"),
        "a 10-digit UTR or a National Insurance number such as AB123456C",
    ),
}


@dataclass(frozen=True, slots=True)
class Address:
    line1: str
    line2: str | None
    city: str
    region: str | None
    postal_code: str
    country: str


@dataclass(frozen=True, slots=True)
class W9:
    legal_name: str
    business_name: str | None
    entity_type: TaxEntityType
    tin_type: TinType
    tin: str
    address: Address
    certified: bool


@dataclass(frozen=True, slots=True)
class LocalTaxInfo:
    legal_name: str
    entity_type: TaxEntityType
    tax_id: str
    address: Address


def last4(tax_id: str) -> str:
    return tax_id[-4:]


# --- checks (every problem of an input reported together) ----------------------------------------------------


class _Check:
    def __init__(self) -> None:
        self.errors: list[DomainError] = []

    def fail(self, code: str, message: str, field: list[str]) -> None:
        self.errors.append(DomainError(code, message, field))

    def text(self, value: str | None, field: list[str], max_len: int, what: str | None) -> str | None:
        """Trimmed; REQUIRED when `what` names it and it is empty; TOO_LONG past max_len."""
        value = (value or "").strip()
        if not value:
            if what is not None:
                self.fail("REQUIRED", f"Enter {what}", field)
            return None
        if len(value) > max_len:
            self.fail("TOO_LONG", f"Use at most {max_len} characters", field)
        return value

    def raise_any(self) -> None:
        if self.errors:
            raise DomainErrors(self.errors)


def _address(check: _Check, address: Address, market: Market, field: list[str]) -> Address:
    line1 = check.text(address.line1, [*field, "line1"], LINE_MAX, "the street address")
    line2 = check.text(address.line2, [*field, "line2"], LINE_MAX, None)
    city = check.text(address.city, [*field, "city"], CITY_MAX, "the city")
    us = market is Market.US
    region = check.text(address.region, [*field, "region"], REGION_MAX, "the state" if us else None)
    if us and region is not None:
        region = region.upper()
        if not US_STATE_RE.match(region):
            check.fail("INVALID_FORMAT", "Enter the state's two-letter code, e.g. CA", [*field, "region"])
    postal = check.text(address.postal_code, [*field, "postalCode"], 10, "the postal code")
    if postal is not None and len(postal) <= 10:
        postal = postal.upper()
        if not (US_ZIP_RE if us else POSTAL_RE).match(postal):
            example = "a ZIP code such as 94105 or 94105-1234" if us else "a valid postal code"
            check.fail("INVALID_FORMAT", f"Enter {example}", [*field, "postalCode"])
    country = (address.country or "").strip().upper()
    if not country:
        check.fail("REQUIRED", "Choose the country", [*field, "country"])
    elif country != market.value:
        check.fail(
            "INVALID_FORMAT",
            f"Your tax address is in your market's country ({market.value})",
            [*field, "country"],
        )
    return Address(
        line1=line1 or "",
        line2=line2,
        city=city or "",
        region=region,
        postal_code=postal or "",
        country=country,
    )


def check_w9(form: W9, field: list[str]) -> W9:
    check = _Check()
    legal_name = check.text(form.legal_name, [*field, "legalName"], NAME_MAX, "the name on your tax return")
    business_name = check.text(form.business_name, [*field, "businessName"], NAME_MAX, None)
    tin = TIN_SEPARATORS.sub("", form.tin or "")
    if not tin:
        check.fail("REQUIRED", "Enter your taxpayer identification number", [*field, "tin"])
    elif not re.fullmatch(r"\d{9}", tin):
        check.fail("INVALID_FORMAT", "A TIN is 9 digits", [*field, "tin"])
    elif form.tin_type is TinType.SSN and (
        tin[:3] in ("000", "666") or tin[0] == "9" or tin[3:5] == "00" or tin[5:] == "0000"
    ):
        check.fail("INVALID_FORMAT", "This is not a valid social security number", [*field, "tin"])
    elif form.tin_type is TinType.EIN and tin[:2] == "00":
        check.fail("INVALID_FORMAT", "This is not a valid employer identification number", [*field, "tin"])
    if form.entity_type is TaxEntityType.BUSINESS and form.tin_type is TinType.SSN:
        check.fail("INVALID_FORMAT", "A business gives its EIN", [*field, "tinType"])
    address = _address(check, form.address, Market.US, [*field, "address"])
    if not form.certified:
        check.fail(
            "CERTIFICATION_REQUIRED",
            "Certify, under penalties of perjury, that the information is correct",
            [*field, "certify"],
        )
    check.raise_any()
    return W9(
        legal_name=legal_name or "",
        business_name=business_name,
        entity_type=form.entity_type,
        tin_type=form.tin_type,
        tin=tin,
        address=address,
        certified=True,
    )


def check_local(form: LocalTaxInfo, market: Market, field: list[str]) -> LocalTaxInfo:
    check = _Check()
    legal_name = check.text(form.legal_name, [*field, "legalName"], NAME_MAX, "your legal name")
    tax_id = TIN_SEPARATORS.sub("", form.tax_id or "").upper()
    pattern, expected = LOCAL_TAX_ID[market]
    if not tax_id:
        check.fail("REQUIRED", "Enter your tax id", [*field, "taxId"])
    elif not pattern.match(tax_id):
        check.fail("INVALID_FORMAT", f"Enter {expected}", [*field, "taxId"])
    elif (problem := tax_id_problem(market, tax_id)) is not None:
        check.fail("INVALID_FORMAT", problem, [*field, "taxId"])
    address = _address(check, form.address, market, [*field, "address"])
    check.raise_any()
    return LocalTaxInfo(
        legal_name=legal_name or "", entity_type=form.entity_type, tax_id=tax_id, address=address
    )


# --- payee: submit --------------------------------------------------------------------------------------------


async def submit_tax_info(
    rt: Runtime, principal: Principal, *, w9: W9 | None, local: LocalTaxInfo | None
) -> int:
    """Stores a PENDING_REVIEW submission (replacing one still waiting) and tells the operator; returns its id."""
    now = rt.clock.now()
    async with UnitOfWork(rt) as uow:
        await begin_writing(uow)
        account = await open_account(uow, principal)
        market = account.market
        if market is Market.US:
            if w9 is None:
                wrong = local is not None
                raise DomainError(
                    "WRONG_FORM" if wrong else "REQUIRED",
                    "US payees submit a W-9",
                    ["input", "local" if wrong else "w9"],
                )
            clean_w9, clean_local = check_w9(w9, ["input", "w9"]), None
        else:
            if local is None:
                wrong = w9 is not None
                raise DomainError(
                    "WRONG_FORM" if wrong else "REQUIRED",
                    f"Payees in {market.value} submit their local tax id",
                    ["input", "w9" if wrong else "local"],
                )
            clean_w9, clean_local = None, check_local(local, market, ["input", "local"])
        s = uow.session
        latest = await latest_tax_info(s, account.id)
        replaced = None
        if latest is not None and latest.status is TaxInfoStatus.APPROVED:
            raise DomainError(
                "ALREADY_APPROVED", "Your tax info is approved; contact support to change it", ["input"]
            )
        if latest is not None and latest.status is TaxInfoStatus.PENDING_REVIEW:
            result = await s.execute(
                update(models.TaxInfo)
                .where(models.TaxInfo.id == latest.id, models.TaxInfo.status == TaxInfoStatus.PENDING_REVIEW)
                .values(status=TaxInfoStatus.REJECTED, reviewed_at=now, reject_reason=REPLACED_REASON)
                .execution_options(synchronize_session=False)
            )
            if rowcount(result) != 1:
                raise DomainError(
                    "CONFLICT", "Your tax info was reviewed meanwhile. Reload and try again.", ["input"]
                )
            replaced = latest.id
        if clean_w9 is not None:
            form: W9 | LocalTaxInfo = clean_w9
            w9_columns = dict(
                business_name=clean_w9.business_name, tin_type=clean_w9.tin_type, certified_at=now
            )
            tax_id, kind = clean_w9.tin, TaxForm.W9
        else:
            assert clean_local is not None
            form, w9_columns, tax_id, kind = clean_local, {}, clean_local.tax_id, TaxForm.LOCAL_TAX_ID
        a = form.address
        row = models.TaxInfo(
            payment_account_id=account.id,
            status=TaxInfoStatus.PENDING_REVIEW,
            form=kind,
            entity_type=form.entity_type,
            legal_name=form.legal_name,
            tax_id=tax_id,
            address_line1=a.line1,
            address_line2=a.line2,
            city=a.city,
            region=a.region,
            postal_code=a.postal_code,
            country=a.country,
            submitted_at=now,
            **w9_columns,
        )
        s.add(row)
        await s.flush()
        audit.record(
            uow,
            principal,
            subject_type="TaxInfo",
            subject_id=row.id,
            action="tax_info.submit",
            changes={
                "status": [
                    None if replaced is None else TaxInfoStatus.PENDING_REVIEW.value,
                    TaxInfoStatus.PENDING_REVIEW.value,
                ],
                "form": [None, kind.value],
            },
            reason=None
            if replaced is None
            else f"Replaces tax info {replaced}, which was waiting for review",
        )
        platform_id = await s.scalar(
            select(models.Organisation.id)
            .where(models.Organisation.kind == OrganisationKind.PLATFORM)
            .limit(1)
        )
        if platform_id is not None:
            await notify(
                uow,
                recipient_organisation_id=platform_id,
                kind="TAX_INFO_SUBMITTED",
                title="Tax info to review",
                body=f"{form.legal_name} ({market.value}) submitted tax info.",
                subject_type="TaxInfo",
                subject_id=row.id,
                params={"legalName": form.legal_name, "market": market.value},
            )
        return row.id


# --- operator: review -----------------------------------------------------------------------------------------


async def review_tax_info(
    rt: Runtime, principal: Principal, *, tax_info_id: int, approve: bool, reason: str | None
) -> int:
    now = rt.clock.now()
    reason = (reason or "").strip() or None
    if not approve:
        if reason is None:
            raise DomainError("REQUIRED", "Tell the payee why the tax info is rejected", ["input", "reason"])
        if len(reason) > REASON_MAX:
            raise DomainError("TOO_LONG", f"Use at most {REASON_MAX} characters", ["input", "reason"])
    to = TaxInfoStatus.APPROVED if approve else TaxInfoStatus.REJECTED
    async with UnitOfWork(rt) as uow:
        s = uow.session
        row = (
            await s.execute(
                select(models.TaxInfo, models.PaymentAccount.organisation_id)
                .join(models.PaymentAccount, models.PaymentAccount.id == models.TaxInfo.payment_account_id)
                .where(models.TaxInfo.id == tax_info_id)
            )
        ).first()
        if row is None:
            raise not_found("Tax info", ["input", "id"])
        info, payee_id = row
        result = await s.execute(
            update(models.TaxInfo)
            .where(models.TaxInfo.id == info.id, models.TaxInfo.status == TaxInfoStatus.PENDING_REVIEW)
            .values(
                status=to,
                reviewed_at=now,
                reviewed_by_user_id=principal.user_id,
                reject_reason=None if approve else reason,
            )
            .execution_options(synchronize_session=False)
        )
        if rowcount(result) != 1:
            replaced = info.reject_reason == REPLACED_REASON and info.reviewed_by_user_id is None
            message = (
                "The payee replaced this tax info with a newer one"
                if replaced
                else "This tax info was already reviewed"
            )
            raise DomainError("INVALID_STATE", message, ["input", "id"])
        audit.record(
            uow,
            principal,
            subject_type="TaxInfo",
            subject_id=info.id,
            action="tax_info.approve" if approve else "tax_info.reject",
            changes={"status": [TaxInfoStatus.PENDING_REVIEW.value, to.value]},
            reason=reason,
        )
        if approve:
            await notify(
                uow,
                recipient_organisation_id=payee_id,
                kind="TAX_INFO_APPROVED",
                title="Tax info approved",
                body="You can now link the bank account your payouts go to.",
                subject_type="TaxInfo",
                subject_id=info.id,
            )
        else:
            await notify(
                uow,
                recipient_organisation_id=payee_id,
                kind="TAX_INFO_REJECTED",
                title="Tax info rejected",
                body=f"{reason} Correct it and submit it again.",
                subject_type="TaxInfo",
                subject_id=info.id,
                params={"reason": reason},
            )
        return info.id
