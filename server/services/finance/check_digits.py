"""Check digits of payees' numbers, by python-stdnum: a tax id or a routing code of the right shape can still be
mistyped, and a payout sent on a mistyped number goes nowhere.

Tax ids with a check digit (after the market's shape check in tax.py): TH the 13-digit TIN, VN the MST (10 digits,
13 with a branch), ID the NPWP (15 digits; 16 since 2024: a NIK, whose date of birth and region are checked, or the
old number behind a 0), GB the 10-digit UTR. MY income tax numbers, PH TINs and GB National Insurance numbers have
none that stdnum knows, so their shape is all that is checked.

Routing codes: US the ABA routing number (its checksum); elsewhere a SWIFT/BIC (no check digit: its shape and a
real ISO country code). GB sort codes have no check digit.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from stdnum import bic
from stdnum.exceptions import ValidationError
from stdnum.gb import utr
from stdnum.id import npwp
from stdnum.th import tin as th_tin
from stdnum.us import rtn
from stdnum.vn import mst

from server.models.enums import Market

# market → (the shape the validator is for, what the number is called, the validator)
TAX_ID_CHECKS: dict[Market, tuple[re.Pattern[str], str, Callable[[str], str]]] = {
    Market.TH: (re.compile(r"\d{13}"), "tax identification number", th_tin.validate),
    Market.VN: (re.compile(r"\d{10}(\d{3})?"), "tax code", mst.validate),
    Market.ID: (re.compile(r"\d{15,16}"), "NPWP or NIK", npwp.validate),
    Market.GB: (re.compile(r"\d{10}"), "UTR", utr.validate),
}


def _refused(validate: Callable[[str], str], number: str) -> bool:
    try:
        validate(number)
    except ValidationError:
        return True
    return False


def tax_id_problem(market: Market, tax_id: str) -> str | None:
    """Why a tax id of the market's shape (compacted, upper-cased) is not a real one; None when it passes."""
    check = TAX_ID_CHECKS.get(market)
    if check is None:
        return None
    shape, name, validate = check
    if shape.fullmatch(tax_id) and _refused(validate, tax_id):
        return f"This is not a valid {name}: its check digit does not match. Check it for a typo"
    return None


def aba_routing_ok(code: str) -> bool:
    """A 9-digit ABA routing number whose checksum holds."""
    return not _refused(rtn.validate, code)


def bic_ok(code: str, market: Market) -> bool:
    """A SWIFT/BIC (8 or 11 characters, a real country code) of the market's country."""
    return not _refused(bic.validate, code) and code[4:6] == market.value
