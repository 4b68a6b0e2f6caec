"""Check digits through the API: a tax id of the right shape whose check digit does not match is refused at its
field (and changes nothing), the same number with the right digit passes; in every market where python-stdnum
has a validator. Routing codes: the US ABA checksum and a SWIFT/BIC's country."""

from __future__ import annotations

import pytest

from server.models.enums import Market
from server.services.finance.check_digits import TAX_ID_CHECKS

from .conftest import (
    ACCOUNT,
    add_creator,
    address,
    approved,
    finance_snapshot,
    link,
    local_form,
    submit,
    w9_form,
)

# market → (a valid tax id as people type it, the same with one wrong digit, its last four once compacted)
TAX_IDS = {
    Market.TH: ("1-2345-67890-12-1", "1-2345-67890-12-3", "0121"),
    Market.VN: ("0100100079", "0100100078", "0079"),
    Market.ID: ("01.312.166.0-091.000", "01.312.166.1-091.000", "1000"),
    Market.GB: ("223 456 7890", "123 456 7890", "7890"),
}


def test_every_market_with_a_validator_is_tested() -> None:
    assert set(TAX_IDS) == set(TAX_ID_CHECKS)


@pytest.mark.parametrize("market", sorted(TAX_IDS, key=lambda m: m.value), ids=lambda m: m.value)
async def test_a_mistyped_check_digit_is_refused_and_the_right_one_passes(rt, world, as_role, market) -> None:
    valid, mistyped, last4 = TAX_IDS[market]
    key = f"creator_{market.value.lower()}"
    await add_creator(rt, world, market, key=key, handle=f"checks{market.value.lower()}", name="Noor")
    creator = await as_role(key)
    before = await finance_snapshot(rt)
    refused = await submit(creator, local_form(taxId=mistyped, address=address(market.value)))
    assert refused["taxInfo"] is None
    assert [(e["field"], e["code"]) for e in refused["userErrors"]] == [
        (["input", "local", "taxId"], "INVALID_FORMAT")
    ]
    assert "check digit" in refused["userErrors"][0]["message"]
    assert await finance_snapshot(rt) == before
    assert (await creator(ACCOUNT))["paymentAccount"]["taxStatus"] == "NOT_SUBMITTED"

    passed = await submit(creator, local_form(taxId=valid, address=address(market.value)))
    assert passed["userErrors"] == [] and passed["taxInfo"]["taxIdLast4"] == last4


async def test_a_routing_number_with_a_wrong_checksum_is_refused(rt, as_role, creator_us) -> None:
    await approved(as_role, "creator_us", w9_form())
    creator = await as_role("creator_us")
    before = await finance_snapshot(rt)
    wrong = await link(creator, routingCode="021-000-022", accountNumber="000123456789")
    assert [(e["field"], e["code"], e["message"]) for e in wrong["userErrors"]] == [
        (["input", "routingCode"], "INVALID_FORMAT", "Enter the 9-digit ABA routing number")
    ]
    assert await finance_snapshot(rt) == before
    assert (await link(creator, routingCode="021-000-021", accountNumber="000123456789"))["userErrors"] == []


@pytest.mark.parametrize("code", ["BKK1THBK", "BKKB1HBK", "BKKBTHBK0", "BKKBVNBK"])
async def test_a_bic_of_the_wrong_shape_or_country_is_refused(rt, as_role, code) -> None:
    await approved(as_role, "creator_a")
    before = await finance_snapshot(rt)
    result = await link(await as_role("creator_a"), routingCode=code)
    assert [(e["field"], e["code"]) for e in result["userErrors"]] == [
        (["input", "routingCode"], "INVALID_FORMAT")
    ]
    assert await finance_snapshot(rt) == before
