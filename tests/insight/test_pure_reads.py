"""The simulator, the forecast and the sample ROI only read: a request to them sends no INSERT, UPDATE or DELETE and leaves every
table as it was."""

from __future__ import annotations

from sqlalchemy import func, select

from server import models
from server.ids import encode_id
from tests.insight.history import story_with_a_clean_sale
from tests.orders_api.conftest import api, people  # noqa: F401  (fixtures)

from .test_forecast import FORECAST
from .test_sample_roi import ROI
from .test_simulator import AGENCY_SIM, SELLER_SIM

WRITES = ("INSERT", "UPDATE", "DELETE")


async def counts(rt) -> dict[str, int]:  # noqa: ANN001
    async with rt.sessionmaker() as session:
        return {
            t.name: await session.scalar(select(func.count()).select_from(t))
            for t in models.Base.metadata.sorted_tables
        }


async def test_simulator_and_forecast_write_nothing(rt, api, ow, us, vn, clock, queries) -> None:  # noqa: F811
    await story_with_a_clean_sale(rt, ow, us, vn, clock)
    seller, agency, alice = await api("seller_us"), await api("agency"), await api("alice")  # logged in first
    (
        await seller("{ viewer { role } }"),
        await agency("{ viewer { role } }"),
        await alice("{ viewer { role } }"),
    )
    before = await counts(rt)
    queries.reset()
    await seller(
        SELLER_SIM,
        {
            "c": encode_id("Campaign", ow.us.campaign_id),
            "items": [{"productId": ow.us.organic.gid, "totalRateBps": 2000, "sampleQuota": 2}],
        },
    )
    rid = encode_id("Registration", ow.us.registered[0].registration_id)
    await agency(AGENCY_SIM, {"items": [{"registrationId": rid, "creatorRateBps": 1000}]})
    for party in (seller, agency, alice):
        await party(FORECAST)
    for party in (seller, agency):
        assert (await party(ROI, {"id": encode_id("Campaign", ow.us.campaign_id)}))["sampleRoi"] is not None
    writes = [s for s in queries.statements if s.lstrip().upper().startswith(WRITES)]
    assert queries.count > 0 and writes == []
    assert await counts(rt) == before
