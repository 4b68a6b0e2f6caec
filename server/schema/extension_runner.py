"""Strawberry's extension runner with each hook's wrapping worked out once per extension class.

For every operation strawberry builds four context managers (operation, parsing, validation, execution), and each
asks every extension (eight here) whether it overrides that hook, what kind of function the hook is, and wraps an
overriding one in a new `contextmanager` of a new bound method: 32 inspections and 7 decorations a request, the
same answers every time. Here the inspection and the decoration are done once per extension class and hook; a
request only binds the decorated hook to its extension instance (`partial`). The hooks run exactly as strawberry
runs them: same order, same kinds, same exit stack.
"""

from __future__ import annotations

import contextlib
import inspect
from collections.abc import AsyncIterator, Callable, Iterator
from functools import cache, partial
from typing import Any

from strawberry.extensions import SchemaExtension
from strawberry.extensions.context import (
    ExecutingContextManager,
    OperationContextManager,
    ParsingContextManager,
    ValidationContextManager,
    WrappedHook,
)
from strawberry.extensions.runner import SchemaExtensionsRunner

__all__ = ["CachedHooksRunner"]


@contextlib.asynccontextmanager
async def _awaited_first(
    func: Callable[[SchemaExtension], Any], extension: SchemaExtension
) -> AsyncIterator[None]:
    await func(extension)
    yield


@contextlib.contextmanager
def _called_first(func: Callable[[SchemaExtension], Any], extension: SchemaExtension) -> Iterator[None]:
    func(extension)
    yield


@cache
def _wrapping(extension_class: type, hook_name: str) -> tuple[Callable[..., Any], bool] | None:
    """(the hook as a context manager factory taking the extension, whether it is async), or None when the class
    does not override the hook: what strawberry's ExtensionContextManagerBase.get_hook decides."""
    hook_fn = getattr(extension_class, hook_name)
    if hook_fn is getattr(SchemaExtension, hook_name):
        return None
    if inspect.isgeneratorfunction(hook_fn):
        return contextlib.contextmanager(hook_fn), False
    if inspect.isasyncgenfunction(hook_fn):
        return contextlib.asynccontextmanager(hook_fn), True
    if not callable(hook_fn):
        raise ValueError(f"Hook {hook_name} on {extension_class} must be callable, received {hook_fn!r}")
    if inspect.iscoroutinefunction(hook_fn):
        return partial(_awaited_first, hook_fn), True
    return partial(_called_first, hook_fn), False


class _CachedGetHook:
    """Mixed into strawberry's context managers: their `get_hook`, with the wrapping worked out once."""

    __slots__ = ()
    HOOK_NAME: str

    def get_hook(self, extension: SchemaExtension) -> WrappedHook | None:
        wrapping = _wrapping(type(extension), self.HOOK_NAME)
        if wrapping is None:
            return None
        factory, is_async = wrapping
        return WrappedHook(extension=extension, hook=partial(factory, extension), is_async=is_async)


class _Operation(_CachedGetHook, OperationContextManager):
    __slots__ = ()


class _Parsing(_CachedGetHook, ParsingContextManager):
    __slots__ = ()


class _Validation(_CachedGetHook, ValidationContextManager):
    __slots__ = ()


class _Executing(_CachedGetHook, ExecutingContextManager):
    __slots__ = ()


class CachedHooksRunner(SchemaExtensionsRunner):
    def operation(self) -> OperationContextManager:
        return _Operation(self.extensions)

    def validation(self) -> ValidationContextManager:
        return _Validation(self.extensions)

    def parsing(self) -> ParsingContextManager:
        return _Parsing(self.extensions)

    def executing(self) -> ExecutingContextManager:
        return _Executing(self.extensions)
