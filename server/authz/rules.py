"""The vocabulary of the policy table: audiences, rules and decisions."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from server.auth.principal import Principal
from server.models.enums import LedgerAccount, Role


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
    # Only on rows of the viewer's own organisation: the row's `Rule.owner` attribute names that organisation.
    OWN_ORGANISATION = "own organisation"
    DENY = "deny"


@dataclass(frozen=True, slots=True)
class Rule:
    """The audiences that see a field on every row they can reach (which rows: the type's row scope), and those
    that see it only on the rows of their own organisation (`owner`: the attribute of the field's source object
    that holds the row's organisation id, e.g. who acted or wrote)."""

    everywhere: frozenset[Audience] = frozenset()
    own_organisation: frozenset[Audience] = frozenset()
    owner: str | None = None

    def __post_init__(self) -> None:
        if bool(self.own_organisation) != (self.owner is not None):
            raise ValueError(
                "a rule limited to the viewer's organisation names the row's owner, and only then"
            )

    def __or__(self, other: Rule) -> Rule:
        if self.owner and other.owner and self.owner != other.owner:
            raise ValueError(f"rules with different owners: {self.owner}, {other.owner}")
        everywhere = self.everywhere | other.everywhere
        own = (self.own_organisation | other.own_organisation) - everywhere
        return Rule(everywhere, own, (self.owner or other.owner) if own else None)

    def access(self, audience: Audience) -> Access:
        if audience in self.everywhere:
            return Access.ALLOW
        return Access.OWN_ORGANISATION if audience in self.own_organisation else Access.DENY

    def owns(self, principal: Principal | None, source: object) -> bool:
        """For OWN_ORGANISATION: whether the row (the field's source object) is the viewer's organisation's."""
        if principal is None or source is None or self.owner is None:
            return False
        return getattr(source, self.owner, None) == principal.organisation_id

    @property
    def audiences(self) -> frozenset[Audience]:
        return self.everywhere | self.own_organisation


@dataclass(frozen=True, slots=True)
class ReceiptView:
    """What one audience sees of a line's receipt, on the lines its OrderLine row scope reaches: the legs of these
    ledger accounts (RECEIPT_LEGS), and the OrderLineReceipt and ReceiptAmounts fields its field rules show."""

    legs: frozenset[LedgerAccount]
    fields: frozenset[str]
    amounts: frozenset[str]


def allow(*audiences: Audience | frozenset[Audience]) -> Rule:
    return Rule(everywhere=_flatten(audiences))


def own_organisation(owner: str, *audiences: Audience | frozenset[Audience]) -> Rule:
    """Visible to these audiences only on rows whose `owner` attribute is the viewer's organisation id."""
    return Rule(own_organisation=_flatten(audiences), owner=owner)


def _flatten(items: tuple[Audience | frozenset[Audience], ...]) -> frozenset[Audience]:
    out: set[Audience] = set()
    for item in items:
        out |= item if isinstance(item, frozenset) else {item}
    return frozenset(out)
