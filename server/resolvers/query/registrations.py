"""The registrations list: one page statement per filter shape, sort, shown relations and viewer's role, run with
the request's values and the viewer's ids (registration_filters.py), its rows priming the loaders (registration_rows.py)."""

from __future__ import annotations

from server import models
from server.authz.decisions import any_viewer, viewer_values
from server.lru import LRU, STATEMENT_CACHE_SIZE
from server.resolvers.query.registration_filters import filter_values, filtered, lowest_price
from server.resolvers.query.registration_rows import Shown
from server.schema.context import Info
from server.schema.inputs.registrations import RegistrationFilter, RegistrationSort
from server.schema.pagination import Connection, PageStatements, page_statements, run_page
from server.schema.types.common import SortDirection
from server.schema.types.registration import Registration, RegistrationSortField

R = models.Registration
# Built once per (filter shape, sort, shown relations, viewer's role).
_PAGES: LRU[PageStatements] = LRU(STATEMENT_CACHE_SIZE)


async def resolve_registrations(
    info: Info,
    first: int = 20,
    after: str | None = None,
    filter: RegistrationFilter | None = None,  # noqa: A002
    sort: RegistrationSort | None = None,
) -> Connection[Registration]:
    """An agency's campaigns' registrations, a seller's own ("my registrations"), all for an operator."""
    principal = info.context.principal
    rt = info.context.reads
    shape, params = filter_values(filter or RegistrationFilter(), info.context.rt.clock.now())
    # Built for any viewer of the role (the viewer's ids are bind parameters), so one entry serves them all.
    viewer = None if principal is None else any_viewer(principal.role)
    if principal is not None:
        params |= viewer_values(principal)
    order = sort or RegistrationSort()
    # What each row shows is read by the page's own select and primes the loaders (registration_rows.py).
    shown = Shown.of(info)

    def build() -> PageStatements:
        sort_key = {
            RegistrationSortField.REGISTERED_AT: R.registered_at,
            RegistrationSortField.TOTAL_RATE: R.total_rate_bps,
            RegistrationSortField.PRICE: lowest_price(),
        }[order.field]
        return page_statements(
            filtered(shape, viewer),
            sort=sort_key,
            pk=R.id,
            descending=order.direction is SortDirection.DESC,
            cap=rt.settings.total_count_cap,
            page=shown.extend(viewer) if shown.any else None,
        )

    key = (shape, order.field, order.direction, shown, viewer, rt.settings.total_count_cap)
    statements = _PAGES.get_or_build(key, build)
    return await run_page(
        rt,
        statements,
        params,
        first=first,
        after=after,
        nodes=lambda rows: shown.nodes(info, rows),
    )
