"""Error classification and masking: every error leaves with an `extensions.code`; unexpected ones are masked."""

from __future__ import annotations

import logging
import re
import uuid

from graphql import GraphQLError, GraphQLSyntaxError
from strawberry.extensions import MaskErrors

from server.authz.errors import PublicError

log = logging.getLogger("matchup.graphql")

_TOO_COMPLEX = re.compile(r"exceeds maximum operation depth|aliases found\. Allowed|more than \d+ tokens")


class ClassifyAndMaskErrors(MaskErrors):
    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        return classify_errors(errors)


def classify_errors(errors: list[GraphQLError]) -> list[GraphQLError]:
    """Idempotent: errors that already carry a code are kept as they are."""
    return [_classify(error) for error in errors]


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
            error.message, nodes=error.nodes, source=error.source, positions=error.positions, path=error.path,
            extensions={**(error.extensions or {}), "code": code},
        )
    error_id = uuid.uuid4().hex[:12]
    log.error("unexpected error %s at %s", error_id, error.path, exc_info=original)
    return GraphQLError(
        "Internal server error", nodes=error.nodes, source=error.source, positions=error.positions,
        path=error.path, extensions={"code": "INTERNAL_SERVER_ERROR", "errorId": error_id},
    )
