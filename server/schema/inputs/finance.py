"""Finance inputs: tax forms (W-9, local tax id) and their review, bank accounts, bills and payout runs."""

from __future__ import annotations

import strawberry

from server.schema.types.finance import TaxEntityType, TinType


@strawberry.input(
    description="The account payouts go to, in your market's currency. Only its last four digits are kept."
)
class BankAccountLinkInput:
    holder_name: str
    bank_name: str
    account_number: str = strawberry.field(
        description="Digits (spaces and dashes ignored). US 4–17, GB 8, others 6–20."
    )
    routing_code: str = strawberry.field(
        description="US: the 9-digit ABA routing number; GB: the 6-digit sort "
        "code; others: the bank's SWIFT/BIC of your market's country."
    )


@strawberry.input
class BankAccountUnlinkInput:
    id: strawberry.ID = strawberry.field(description="Your linked bank account.")


@strawberry.input
class BillsGenerateInput:
    period: str | None = strawberry.field(
        default=None,
        description="The month to bill, YYYY-MM, once it has ended; default: the previous month.",
    )


@strawberry.input
class PayoutRunInput:
    bill_ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="1–100 ISSUED or FAILED bills; default: every ISSUED and FAILED bill."
    )


@strawberry.input
class TaxInfoReviewInput:
    id: strawberry.ID = strawberry.field(description="A PENDING_REVIEW tax info.")
    approve: bool = strawberry.field(
        description="Approve (the payee may then link a bank account), or reject."
    )
    reason: str | None = strawberry.field(
        default=None, description="Required to reject (at most 500 characters)."
    )


@strawberry.input(description="Exactly one form: `w9` for US payees, `local` in every other market.")
class TaxInfoSubmitInput:
    w9: W9Input | None = None
    local: LocalTaxInfoInput | None = None


@strawberry.input(description="The address on a tax form, in the payee's market.")
class TaxAddressInput:
    line1: str
    line2: str | None = None
    city: str
    region: str | None = strawberry.field(
        default=None, description="US: the state's two-letter code (required)."
    )
    postal_code: str = strawberry.field(description="US: a ZIP code (94105 or 94105-1234).")
    country: str = strawberry.field(description="ISO 3166-1 alpha-2: the payee's market, e.g. US.")


@strawberry.input(description="IRS form W-9 (US payees).")
class W9Input:
    legal_name: str = strawberry.field(description="The name on the payee's income tax return.")
    business_name: str | None = strawberry.field(
        default=None, description="Business or disregarded entity name."
    )
    entity_type: TaxEntityType
    tin_type: TinType = strawberry.field(description="A business gives its EIN.")
    tin: str = strawberry.field(
        description="9 digits (dashes allowed). Only its last four are ever shown again."
    )
    address: TaxAddressInput
    certify: bool = strawberry.field(
        description="The payee certifies the W-9 under penalties of perjury: true."
    )


@strawberry.input(description="The local tax id (payees outside the US).")
class LocalTaxInfoInput:
    legal_name: str
    entity_type: TaxEntityType
    tax_id: str = strawberry.field(
        description="ID: NPWP (15 digits) or NIK (16); MY: income tax number (e.g. IG12345678090); PH: TIN with "
        "branch code (12–14 digits); TH: 13 digits; VN: 10 digits (13 with a branch); GB: UTR (10 digits) or "
        "National Insurance number. Spaces, dashes, dots and slashes are ignored."
    )
    address: TaxAddressInput
