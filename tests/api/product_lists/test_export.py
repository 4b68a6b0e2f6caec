"""The CSV export of a campaign's approved products: what a spreadsheet reads, and who may download it."""

from __future__ import annotations

import codecs
import csv
import io

from server.models.enums import Currency, RegistrationStatus
from server.money import minor_to_decimal_string

from .conftest import add_products, add_registration, create_link, create_list, gid, item

HEADER = [
    "product",
    "product id",
    "shop",
    "price",
    "currency",
    "total rate %",
    "list",
    "creator rate %",
    "agency rate %",
    "share link url",
]
TITLE = 'Kem dưỡng "Sáng", 50 ml'


def url(campaign_id: int) -> str:
    return f"/exports/campaigns/{gid('Campaign', campaign_id)}/approved-products.csv"


async def test_csv_opens_in_a_spreadsheet(rt, http, world, setup, as_role) -> None:
    shop = world["seller_b"].organisation_id
    special, withdrawn = await add_products(rt, shop, [TITLE, "Withdrawn toner"], price_minor=45050)
    special_reg = await add_registration(rt, setup.campaign, special, shop, total=2500)
    await add_registration(
        rt, setup.campaign, withdrawn, shop, total=1000, status=RegistrationStatus.WITHDRAWN
    )
    api = await as_role("agency_a")
    best = await create_list(
        api, setup.campaign, "Serums, the best", [item(setup.approved[0], 1250), item(special_reg, 1000)]
    )
    link = await create_link(api, best["id"])
    await create_list(api, setup.campaign, "Night", [item(setup.approved[0], 1500)])

    response = await http.get(url(setup.campaign), headers={"Authorization": f"Bearer {api.token}"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"].startswith(
        'attachment; filename="Serum-week-approved-products.csv"'
    )
    assert response.content.startswith(codecs.BOM_UTF8)  # so spreadsheets read UTF-8 names right
    assert f'"{TITLE.replace(chr(34), chr(34) * 2)}"'.encode() in response.content  # quoted, quotes doubled
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"), newline="")))
    assert rows[0] == HEADER
    body = rows[1:]
    p0 = gid("Product", world.products["seller_a"][0])
    assert [r for r in body if r[1] == p0] == [
        ["Shop A Serum 0", p0, "Shop A", "299.00", "THB", "20%", "Night", "15%", "5%", ""],
        [
            "Shop A Serum 0",
            p0,
            "Shop A",
            "299.00",
            "THB",
            "20%",
            "Serums, the best",
            "12.5%",
            "7.5%",
            link["url"],
        ],
    ]
    assert [r for r in body if r[0] == TITLE] == [
        [
            TITLE,
            gid("Product", special),
            "Shop B",
            minor_to_decimal_string(45050, Currency.THB),
            "THB",
            "25%",
            "Serums, the best",
            "10%",
            "15%",
            link["url"],
        ],
    ]
    # Approved products in no list: one row with empty list columns. Pending and withdrawn ones: none.
    unlisted = {r[0]: r[6:] for r in body if r[6] == ""}
    assert unlisted == {"Shop A Serum 1": ["", "", "", ""], "Shop B Serum 0": ["", "", "", ""]}
    assert len(body) == 5


async def test_formula_like_text_stays_text(rt, http, world, setup, as_role) -> None:
    shop = world["seller_b"].organisation_id
    [product] = await add_products(rt, shop, ['=HYPERLINK("http://evil")'])
    await add_registration(rt, setup.campaign, product, shop)
    api = await as_role("agency_a")
    response = await http.get(url(setup.campaign), headers={"Authorization": f"Bearer {api.token}"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"), newline="")))
    assert [r[0] for r in rows if "HYPERLINK" in r[0]] == ['\'=HYPERLINK("http://evil")']


async def test_who_may_download(rt, http, world, setup, as_role) -> None:
    async def status(key: str | None, path: str) -> int:
        headers = {} if key is None else {"Authorization": f"Bearer {(await as_role(key)).token}"}
        return (await http.get(path, headers=headers)).status_code

    assert await status(None, url(setup.campaign)) == 401
    assert await status("agency_b", url(setup.campaign)) == 404  # another agency's campaign: not revealed
    assert await status("agency_b", url(999999)) == 404
    assert await status("agency_a", "/exports/campaigns/not-an-id/approved-products.csv") == 404
    assert await status("agency_a", f"/exports/campaigns/{gid('Product', 1)}/approved-products.csv") == 404
    assert await status("seller_a", url(setup.campaign)) == 404  # sellers never see creator or agency rates
    assert await status("creator_a", url(setup.campaign)) == 404
    assert await status("operator", url(setup.campaign)) == 200
    assert await status("agency_b", url(setup.b_campaign)) == 200
    # The session cookie works like the bearer token.
    token = (await as_role("agency_a")).token
    http.cookies.set(rt.settings.cookie_name, token)
    try:
        assert (await http.get(url(setup.campaign))).status_code == 200
    finally:
        http.cookies.clear()
