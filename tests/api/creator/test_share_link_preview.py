"""shareLinkPreview(token): the agency's own share link exactly as a creator sees it, and nothing more: the same
values field for field, the creator's own state (inShowcase, lowerRateNotice) null, no type on the way that
carries a seller's total or an agency's share, no visit recorded, and nothing for another agency's link."""

from __future__ import annotations

import graphql

from server import models
from tests.schema import sdl_schema

from .offers import SHARE_LINK, add_ok, make_offer, rows

PREVIEW = SHARE_LINK.replace("shareLink(token: $t)", "shareLinkPreview(token: $t)")
CREATOR_OWN = ("inShowcase", "lowerRateNotice")


async def test_the_preview_is_the_creator_view_without_the_creators_own_state(rt, world, as_role) -> None:
    p0, p1 = world.products["seller_a"]
    offer = await make_offer(rt, world, [p0, p1], rates=[1500, 1200], total_rate_bps=2500, sample_quota=3)
    agency, creator = await as_role("agency_a"), await as_role("creator_a")
    await add_ok(
        creator, offer.token, itemIds=[offer.item_gid(p0)]
    )  # the creator's own state differs from the agency's
    seen = (await creator(SHARE_LINK, {"t": offer.token}))["shareLink"]
    opens_before = [(o.share_link_id, o.creator_id) for o in await rows(rt, models.LinkOpen)]
    preview = (await agency(PREVIEW, {"t": offer.token}))["shareLinkPreview"]
    assert [
        (o.share_link_id, o.creator_id) for o in await rows(rt, models.LinkOpen)
    ] == opens_before  # no visit
    assert seen["items"][0]["inShowcase"] is True
    expected = {**seen, "items": [{**item, **dict.fromkeys(CREATOR_OWN)} for item in seen["items"]]}
    assert preview == expected


def test_the_preview_types_carry_no_total_or_agency_rate() -> None:
    """Whatever the agency may ask of a preview, no field on the way is a seller's total or an agency's share."""
    schema = sdl_schema()
    preview = schema.query_type.fields["shareLinkPreview"]  # type: ignore[union-attr]
    seen: set[str] = set()
    todo = [graphql.get_named_type(preview.type)]
    names: list[str] = []
    while todo:
        t = todo.pop()
        if t.name in seen or not isinstance(t, graphql.GraphQLObjectType):
            continue
        seen.add(t.name)
        for name, field in t.fields.items():
            names.append(f"{t.name}.{name}")
            todo.append(graphql.get_named_type(field.type))
    assert {"SharedOffer", "OfferItem", "Product"} <= seen
    assert not [
        n
        for n in names
        if any(w in n.lower() for w in ("totalrate", "agencyrate", "sellerpaid", "agencycommission"))
    ]


async def test_only_the_agency_of_the_link_previews_it(rt, world, as_role) -> None:
    offer = await make_offer(rt, world, list(world.products["seller_a"]))
    other = await as_role("agency_b")
    assert (await other(PREVIEW, {"t": offer.token}))["shareLinkPreview"] is None
    assert (await other(PREVIEW, {"t": "x" * 32}))["shareLinkPreview"] is None
    for role in ("seller_a", "creator_a"):
        body = await (await as_role(role)).raw(PREVIEW, {"t": offer.token})
        assert (
            body["data"]["shareLinkPreview"] is None
            and body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
        )
