"""Live: every change reaches each party's disputeChanged as that party may see it, and a resolution's adjustment
reaches the creator's commissionChanged (its receipt refreshes)."""

from __future__ import annotations

from server.events import channels
from server.ids import decode_id
from tests.disputes.conftest import DECIDE, OPEN, REPLY, Subjects, open_input
from tests.orders_api.test_live import listening, payload, socket

CHANGES = "subscription { disputeChanged { id status claimantName messages { authorRole authorName } } }"
COMMISSIONS = (
    "subscription { commissionChanged { platformOrderId receipt { actual { creator { amount } } "
    "postings { reason } } } }"
)


async def test_the_parties_hear_each_change_as_they_may_see_it(
    rt, app, http, api, people, subjects: Subjects
) -> None:
    alice, agency = await api("alice"), await api("agency")
    async with (
        socket(app, http, "agency@orders.test") as agency_ws,
        socket(app, http, "seller_us@orders.test") as seller_ws,
        socket(app, http, "alice@orders.test") as alice_ws,
    ):
        await listening(rt, agency_ws, CHANGES, channels.disputes_of_org(people["agency"]))
        await listening(rt, seller_ws, CHANGES, channels.disputes_of_org(people["seller_us"]))
        await listening(rt, alice_ws, COMMISSIONS, channels.commissions_of_org(people["alice"]))

        d = await alice(OPEN, open_input("SAMPLE_NOT_RECEIVED", subjects.sample, "Not here."))
        sample_dispute = d["disputeOpen"]["dispute"]["id"]
        heard = await payload(agency_ws)
        assert (heard["id"], heard["status"], heard["claimantName"]) == (sample_dispute, "OPEN", "Alice")
        heard = await payload(seller_ws)
        assert (heard["id"], heard["claimantName"], heard["messages"]) == (
            sample_dispute,
            None,
            [{"authorRole": "CREATOR", "authorName": None}],
        )

        await agency(REPLY, {"input": {"id": sample_dispute, "body": "On it."}})
        assert (await payload(agency_ws))["status"] == "ANSWERED"
        assert (await payload(seller_ws))["status"] == "ANSWERED"

        money = await alice(OPEN, open_input("WRONG_COMMISSION", subjects.settled_line, claimedAmount="0.50"))
        money_id = money["disputeOpen"]["dispute"]["id"]
        assert (await payload(agency_ws))["id"] == money_id  # the seller is no party to it: it hears nothing
        await agency(DECIDE, {"input": {"id": money_id, "uphold": True, "note": "Agreed."}})
        assert (await payload(agency_ws))["status"] == "RESOLVED"
        line = await payload(alice_ws)
        assert (line["platformOrderId"], line["receipt"]["actual"]) == (
            "us-settled",
            {"creator": {"amount": "11.00"}},
        )
        assert line["receipt"]["postings"][-1]["reason"].startswith(
            f"Dispute #{decode_id(money_id, 'Dispute')} resolved for the creator"
        )
