"""Error classification and masking: every error leaves with an `extensions.code`; unexpected ones are masked."""

from __future__ import annotations

import logging
import re
import uuid

from graphql import GraphQLError, GraphQLSyntaxError
from strawberry.extensions import MaskErrors

from server.authz.errors import PublicError
from server.hardening.production import strip_suggestions
from server.hardening.unavailable import MESSAGE, SERVICE_UNAVAILABLE, is_unavailable
from server.observability.request_context import request_id

log = logging.getLogger("matchup.graphql")

_TOO_COMPLEX = re.compile(r"exceeds maximum operation depth|aliases found\. Allowed|more than \d+ tokens")


class ClassifyAndMaskErrors(MaskErrors):
    def __init__(self, *, suggestions: bool = True) -> None:
        super().__init__()
        self.suggestions = suggestions

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        return classify_errors(errors, suggestions=self.suggestions)

    def _process_result(self, result: object) -> None:
        mask_result(result, suggestions=self.suggestions)


def mask_result(result: object, *, suggestions: bool) -> None:
    """An operation's result with its errors classified (the extension's hook, and prepared operations). MaskErrors'
    own check is an isinstance against a runtime Protocol (a walk of the protocol's members on every operation);
    what it checks is only this."""
    errors = getattr(result, "errors", None)
    if errors:
        result.errors = classify_errors(errors, suggestions=suggestions)  # type: ignore[attr-defined]


def classify_errors(errors: list[GraphQLError], *, suggestions: bool = True) -> list[GraphQLError]:
    """Idempotent: errors that already carry a code are kept as they are. Without `suggestions`, "Did you
    mean …" is cut from every message (the one place they are stripped)."""
    classified = [_classify(error) for error in errors]
    if not suggestions:
        for error in classified:
            error.message = strip_suggestions(error.message)
    return classified


def _classify(error: GraphQLError) -> GraphQLError:
    original = error.original_error
    if isinstance(original, PublicError):
        return error
    if original is None or isinstance(original, GraphQLError):
        if error.extensions and "code" in error.extensions:
            return error
        if _TOO_COMPLEX.search(error.message):
            code = "QUERY_TOO_COMPLEX"
        elif isinstance(error, GraphQLSyntaxError) or isinstance(original, GraphQLSyntaxError):
            code = "GRAPHQL_PARSE_FAILED"
        else:
            code = "GRAPHQL_VALIDATION_FAILED"
        return GraphQLError(
            error.message,
            nodes=error.nodes,
            source=error.source,
            positions=error.positions,
            path=error.path,
            extensions={**(error.extensions or {}), "code": code},
        )
    if is_unavailable(original):
        log.warning("database unavailable at %s: %r", error.path, original)
        return GraphQLError(
            MESSAGE,
            nodes=error.nodes,
            source=error.source,
            positions=error.positions,
            path=error.path,
            extensions={"code": SERVICE_UNAVAILABLE},
        )
    error_id = uuid.uuid4().hex[:12]
    log.error("unexpected error %s at %s", error_id, error.path, exc_info=original)
    return GraphQLError(
        "Internal server error",
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        extensions={"code": "INTERNAL_SERVER_ERROR", "errorId": error_id, "requestId": request_id()},
    )
