from __future__ import annotations

from server.authz.errors import InvalidId
from server.ids import decode_id
from server.resolvers.errors import user_errors
from server.schema.context import Info
from server.schema.inputs.showcase import ShowcaseAddInput
from server.schema.types.showcase import (
    OfferChoice,
    ShowcaseAddPayload,
    ShowcaseEntry,
    ShowcaseErrorCode,
    ShowcaseUserError,
)
from server.services import showcase
from server.services.errors import DomainError, DomainErrors


def _failed(errors: list[ShowcaseUserError]) -> ShowcaseAddPayload:
    return ShowcaseAddPayload(entries=[], replaced=[], user_errors=errors)


async def resolve_showcase_add(info: Info, input: ShowcaseAddInput) -> ShowcaseAddPayload:  # noqa: A002
    ctx = info.context
    assert ctx.principal is not None  # the policy gate let only creators in
    field = ["input"]  # the path of the id being decoded, for its error
    try:
        item_ids = None
        if input.item_ids is not None:
            item_ids = []
            for index, raw in enumerate(input.item_ids):
                field = ["input", "itemIds", str(index)]
                item_ids.append(decode_id(raw, "ProductListItem"))
        choices: dict[int, bool] = {}
        for index, choice in enumerate(input.choices):
            field = ["input", "choices", str(index), "productId"]
            choices[decode_id(choice.product_id, "Product")] = choice.keep is OfferChoice.NEW
    except InvalidId as exc:
        return _failed([ShowcaseUserError(field=field, message=str(exc), code=ShowcaseErrorCode.INVALID_ID)])
    try:
        result = await showcase.add_to_showcase(
            ctx.rt,
            ctx.principal,
            token=input.token.strip(),
            accept_terms=input.accept_terms,
            item_ids=item_ids,
            choices=choices,
        )
    except (DomainError, DomainErrors) as error:
        return _failed(user_errors(error, ShowcaseUserError, ShowcaseErrorCode))
    loader = ctx.loaders.showcase_entry_by_id
    entries = await loader.load_many(result.entry_ids)
    replaced = await loader.load_many(result.replaced_ids)
    return ShowcaseAddPayload(
        entries=[ShowcaseEntry.from_row(row) for row in entries if row is not None],
        replaced=[ShowcaseEntry.from_row(row) for row in replaced if row is not None],
        user_errors=[],
    )
