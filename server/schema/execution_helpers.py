"""graphql-core's resolve-info helpers for an execution context, without a reference cycle back to it.

graphql-core makes them of the context's own bound methods and keeps them on the context: a cycle, which left every
request (its context, loaders and their primed rows, about a thousand objects on a page) to the garbage collector
instead of freeing it as the request ended; under load those collections took a tenth of the server's CPU.
"""

from __future__ import annotations

import weakref
from collections.abc import Awaitable, Sequence
from typing import Any

from graphql import GraphQLResolveInfoHelpers
from graphql.execution.executor import gather_with_cancel  # pyright: ignore[reportPrivateImportUsage] -- not in __all__


def _gather(values: Sequence[Awaitable[Any]]) -> Awaitable[list[Any]]:
    return gather_with_cancel(*values)  # what the context's gather_async_work does, which reads nothing of it


def acyclic_helpers(context: Any) -> GraphQLResolveInfoHelpers:
    """The helpers of `context`, reaching it through a weak reference (work tracked after it is gone has no one
    waiting for it)."""
    ref = weakref.ref(context)

    def track(values: Sequence[Any]) -> None:
        owner = ref()
        if owner is not None:
            owner.track_async_work(values)

    return GraphQLResolveInfoHelpers(gather=_gather, track=track)
