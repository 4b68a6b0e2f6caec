"""The web app keeps copies of a few server constants (to check input before sending it and to format money); each
copy must equal the server's value. Read from the TypeScript source, so a change on either side fails here."""

from __future__ import annotations

import re
from pathlib import Path

from server.models.constraints import RATE_MAX_BPS, RATE_MIN_BPS
from server.models.enums import CURRENCY_EXPONENT, Currency, Market
from server.services.campaign_checks import MARKET_MESSENGER, MESSENGER_OPTIONAL
from server.services.insight import scorecards
from server.services.product_lists import ITEMS_MAX, LISTS_PER_AGENCY

WEB = Path(__file__).resolve().parents[1] / "web" / "src"


def ts_const(relative: str, name: str) -> str:
    source = (WEB / relative).read_text()
    match = re.search(rf"export const {name}\b[^=]*=\s*(\{{.*?\}}|[^;\n]+);", source, re.S)
    assert match, f"web/src/{relative} no longer exports {name}: update this test with the new place"
    return match.group(1)


def ts_int(relative: str, name: str) -> int:
    return int(ts_const(relative, name).replace("_", ""))


def test_rate_bounds() -> None:
    assert ts_int("features/campaigns/percent.ts", "RATE_MIN_BPS") == RATE_MIN_BPS
    assert ts_int("features/campaigns/percent.ts", "RATE_MAX_BPS") == RATE_MAX_BPS


def test_product_list_limits() -> None:
    assert ts_int("roles/agency/lists/limits.ts", "LISTS_PER_AGENCY") == LISTS_PER_AGENCY
    assert ts_int("roles/agency/lists/limits.ts", "PRODUCTS_PER_LIST") == ITEMS_MAX


def test_currency_exponents() -> None:
    body = ts_const("lib/format.ts", "CURRENCY_EXPONENT")
    web = {code: int(exp) for code, exp in re.findall(r"(\w+):\s*(\d+)", body)}
    assert web == {c.value: CURRENCY_EXPONENT[c] for c in Currency}


def test_market_messengers() -> None:
    body = ts_const("features/campaigns/marketMessenger.ts", "MARKET_MESSENGER")
    web = {
        market: (messenger, required == "true")
        for market, messenger, required in re.findall(
            r"(\w+):\s*\{\s*messenger:\s*'(\w+)',\s*required:\s*(\w+)", body
        )
    }
    assert web == {m.value: (MARKET_MESSENGER[m].value, m not in MESSENGER_OPTIONAL) for m in Market}


def test_scorecard_targets() -> None:
    """The tips' targets the web app names (what would improve a scorecard) are the server's."""
    body = ts_const("features/insight/scorecardFigures.ts", "SCORECARD_TARGETS")
    web = {name: int(value) for name, value in re.findall(r"(\w+):\s*(\d+)", body)}
    assert web == {name: getattr(scorecards, name) for name in web}
    assert set(web) == {
        "SHIP_WITHIN_HOURS",
        "CANCELLATION_RATE_MAX_BPS",
        "REFUND_RATE_MAX_BPS",
        "REVIEW_WITHIN_HOURS",
        "DECIDE_CANCELLATION_WITHIN_HOURS",
        "POSTING_RATE_MIN_BPS",
    }
