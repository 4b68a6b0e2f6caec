"""The one field extension that enforces the policy table; the schema attaches it (see server/schema/build.py)."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from typing import Any

from strawberry.extensions import FieldExtension

from server.authz.decisions import ROOT_TYPES, sees_field
from server.authz.errors import Forbidden, Unauthenticated


class PolicyGate(FieldExtension):
    def __init__(self, type_name: str) -> None:
        self.type_name = type_name
        self.is_root = type_name in ROOT_TYPES

    def _allowed(self, source: Any, info: Any) -> bool:
        principal = info.context.principal
        if sees_field(self.type_name, info.field_name, principal, source):
            return True
        if self.is_root:
            raise Unauthenticated() if principal is None else Forbidden()
        return False

    def resolve(self, next_: Callable[..., Any], source: Any, info: Any, **kwargs: Any) -> Any:
        return next_(source, info, **kwargs) if self._allowed(source, info) else None

    async def resolve_async(
        self, next_: Callable[..., Awaitable[Any]], source: Any, info: Any, **kwargs: Any
    ) -> Any:
        if not self._allowed(source, info):
            return None
        result = next_(source, info, **kwargs)
        if inspect.isasyncgen(result):  # subscriptions: hand the generator through
            return result
        return await result if inspect.isawaitable(result) else result
