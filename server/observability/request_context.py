"""What the logs know about the request being served: its id, the caller's organisation, the GraphQL operation.

The ASGI middleware (server/observability/middleware.py) puts one RequestInfo into a ContextVar for each HTTP
request and websocket; code further in fills the fields (the GraphQL view: organisation; the GraphQL extension:
operation name). Everything that runs in the request's task, and tasks it starts, sees the same object.
"""

from __future__ import annotations

import re
import uuid
from contextvars import ContextVar
from dataclasses import dataclass

REQUEST_ID_HEADER = "x-request-id"
_SAFE_ID = re.compile(r"^[A-Za-z0-9._:-]{8,64}$")


@dataclass(slots=True)
class RequestInfo:
    request_id: str
    organisation_id: int | None = None
    operation: str | None = None


current: ContextVar[RequestInfo | None] = ContextVar("matchup_request", default=None)


def new_request_id(incoming: bytes | None = None) -> str:
    """The caller's X-Request-ID when it is a plain token of 8..64 characters (a proxy's id), else a new one."""
    if incoming:
        text = incoming.decode("latin-1")
        if _SAFE_ID.match(text):
            return text
    return uuid.uuid4().hex


def request_id() -> str | None:
    info = current.get()
    return None if info is None else info.request_id


def set_organisation(organisation_id: int | None) -> None:
    info = current.get()
    if info is not None:
        info.organisation_id = organisation_id


def set_operation(name: str | None) -> None:
    info = current.get()
    if info is not None:
        info.operation = name
