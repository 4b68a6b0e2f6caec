"""The vocabulary of the policy table: audiences, rules and decisions."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from server.auth.principal import Principal
from server.models.enums import Role


class Audience(enum.StrEnum):
    AGENCY = "AGENCY"
    SELLER = "SELLER"
    CREATOR = "CREATOR"
    OPERATOR = "OPERATOR"
    ANONYMOUS = "ANONYMOUS"


A, S, C, O, ANON = Audience.AGENCY, Audience.SELLER, Audience.CREATOR, Audience.OPERATOR, Audience.ANONYMOUS
ROLES = frozenset({A, S, C, O})
EVERYONE = ROLES | {ANON}


def audience_of(principal: Principal | None) -> Audience:
    return ANON if principal is None else Audience(principal.role.value)


def role_audience(role: Role) -> Audience:
    return Audience(role.value)


class Access(enum.Enum):
    ALLOW = "allow"
    DENY = "deny"


@dataclass(frozen=True, slots=True)
class Rule:
    """The audiences that see a field on every row they can reach (which rows: the type's row scope)."""

    everywhere: frozenset[Audience] = frozenset()

    def __or__(self, other: Rule) -> Rule:
        return Rule(self.everywhere | other.everywhere)

    def access(self, audience: Audience) -> Access:
        return Access.ALLOW if audience in self.everywhere else Access.DENY

    @property
    def audiences(self) -> frozenset[Audience]:
        return self.everywhere


def allow(*audiences: Audience | frozenset[Audience]) -> Rule:
    return Rule(everywhere=_flatten(audiences))


def _flatten(items: tuple[Audience | frozenset[Audience], ...]) -> frozenset[Audience]:
    out: set[Audience] = set()
    for item in items:
        out |= item if isinstance(item, frozenset) else {item}
    return frozenset(out)
