"""Production defaults for the GraphQL schema: introspection and "Did you mean …" suggestions are on in `dev`
only, unless MATCHUP_GRAPHQL_INTROSPECTION / MATCHUP_GRAPHQL_SUGGESTIONS say otherwise."""

from __future__ import annotations

import re
from typing import Any

from graphql.validation import NoSchemaIntrospectionCustomRule

from server.settings import Settings

# graphql-core appends suggestions to validation and coercion messages as one sentence: `Did you mean 'x'?`,
# `Did you mean 'a', 'b', or 'c'?`, `Did you mean the enum value 'X'?`, `Did you mean to use an inline fragment
# on 'T'?`. GraphQL names never contain '?', so the sentence ends at the first one.
_SUGGESTION = re.compile(r"\s*Did you mean [^?]*\?")


def strip_suggestions(message: str) -> str:
    return _SUGGESTION.sub("", message)


def introspection_rules(settings: Settings) -> list[Any]:
    """The validation rule refusing introspection (what strawberry's DisableIntrospection adds), unless enabled."""
    return [] if settings.introspection_enabled else [NoSchemaIntrospectionCustomRule]
