"""A message's payload, read as the receiving organisation: the subject goes through GraphQL with that
organisation's principal, so the policy table trims it exactly as it trims the API (hidden fields are null)."""

from __future__ import annotations

from typing import Any

import orjson
from starlette.requests import Request

from server.auth.principal import Principal
from server.ids import encode_id
from server.loaders.registry import LoaderRegistry
from server.models.enums import KIND_ROLE, OrganisationKind
from server.runtime import Runtime
from server.schema.context import Context
from server.webhooks.events import BY_NAME

_SCOPE = {
    "type": "http",
    "method": "POST",
    "path": "/webhooks",
    "headers": [],
    "query_string": b"",
    "client": ("webhooks", 0),
    "server": ("matchup", 0),
    "scheme": "http",
}


def principal_of(organisation_id: int, kind: OrganisationKind) -> Principal:
    """The organisation itself (no user): what any of its members may see."""
    return Principal(user_id=0, role=KIND_ROLE[kind], organisation_id=organisation_id)


async def read_subject(rt: Runtime, schema: Any, principal: Principal, event_type: str, pk: int) -> Any:
    kind = BY_NAME[event_type]
    if not kind.selection:
        return None
    query = f"query($id: ID!) {{ node(id: $id) {{ ... on {kind.subject_type} {{ {kind.selection} }} }} }}"
    context = Context(
        request=Request(dict(_SCOPE)),
        response=None,
        rt=rt,
        principal=principal,
        loaders=LoaderRegistry(rt, principal, cache=True),
        rate=None,  # no client asked for this read: it is priced and capped, but charged to no budget
    )
    result = await schema.execute(query, {"id": encode_id(kind.subject_type, pk)}, context_value=context)
    return None if result.data is None else result.data["node"]


async def render(
    rt: Runtime, schema: Any, principal: Principal, event_type: str, event: dict[str, Any], at: Any
) -> str:
    """The JSON body: {"type", "timestamp", "data": {"object": <subject as the receiver sees it>, "change": {…}}}."""
    kind = BY_NAME[event_type]
    data: dict[str, Any] = {}
    pk = event.get(kind.subject_key)
    if isinstance(pk, int) and not isinstance(pk, bool):
        data["object"] = await read_subject(rt, schema, principal, event_type, pk)
    if kind.change_keys:
        data["change"] = {key: event.get(key) for key in kind.change_keys}
    if event_type == "webhook.test":
        data["message"] = "This is a test event from Matchup."
    return orjson.dumps({"type": event_type, "timestamp": at.isoformat(), "data": data}).decode()
