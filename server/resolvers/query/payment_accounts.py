from __future__ import annotations

from server import models
from server.authz.decisions import row_scope
from server.loaders.finance import has_tax_status, payees
from server.models.enums import OrganisationKind
from server.schema.context import Info
from server.schema.pagination import Connection, keyset_page
from server.schema.types.finance import PaymentAccount
from server.services.finance.finance_rules import TaxStatus


async def resolve_payment_accounts(
    info: Info,
    first: int = 20,
    after: str | None = None,
    tax_status: TaxStatus | None = None,
    kind: OrganisationKind | None = None,
) -> Connection[PaymentAccount]:
    """Every payee's account (operators), newest payee first."""
    stmt = payees().where(row_scope("PaymentAccount", info.context.principal))
    if tax_status is not None:
        stmt = stmt.where(has_tax_status(tax_status))
    if kind is not None:
        stmt = stmt.where(models.Organisation.kind == kind)
    return await keyset_page(
        info.context.reads,
        stmt,
        sort=models.Organisation.created_at,
        pk=models.Organisation.id,
        descending=True,
        first=first,
        after=after,
        wrap=PaymentAccount.from_row,
    )
