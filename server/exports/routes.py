"""The export endpoints. Anonymous: 401; not visible or not exportable: 404 (existence is not revealed); a query
parameter the export does not take: 400."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from server.auth.authenticate import principal_for_token, token_from_headers
from server.auth.principal import Principal
from server.authz.errors import InvalidId
from server.exports.approved_products import CsvExport, approved_products_csv
from server.exports.csv_file import content_disposition
from server.exports.orders import BadExportRequest, earnings_csv, orders_csv, parse_filter
from server.ids import decode_id
from server.runtime import Runtime


def _unauthenticated() -> Response:
    return PlainTextResponse(
        "Log in to download this export.", status_code=401, headers={"WWW-Authenticate": "Bearer"}
    )


async def _principal(request: Request) -> Principal | None:
    rt: Runtime = request.app.state.runtime
    return await principal_for_token(
        rt, token_from_headers(request.headers, request.cookies, rt.settings.cookie_name)
    )


def _csv(export: CsvExport | None) -> Response:
    if export is None:
        return PlainTextResponse("Not found.", status_code=404)
    return Response(
        export.body,
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": content_disposition(export.filename),
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
        },
    )


async def approved_products(request: Request) -> Response:
    principal = await _principal(request)
    if principal is None:
        return _unauthenticated()
    try:
        campaign_id = decode_id(request.path_params["campaign_id"], "Campaign")
    except InvalidId:
        campaign_id = None
    rt: Runtime = request.app.state.runtime
    return _csv(None if campaign_id is None else await approved_products_csv(rt, principal, campaign_id))


def _line_export(
    build: Callable[..., Awaitable[CsvExport | None]],
) -> Callable[[Request], Awaitable[Response]]:
    """An endpoint for an export of order lines (orders_csv, earnings_csv) filtered by its query parameters."""

    async def endpoint(request: Request) -> Response:
        principal = await _principal(request)
        if principal is None:
            return _unauthenticated()
        try:
            f, start, end = parse_filter(request.query_params, request.query_params.getlist("status"))
        except BadExportRequest as error:
            return PlainTextResponse(str(error), status_code=400)
        return _csv(await build(request.app.state.runtime, principal, f, start, end))

    return endpoint


routes = [
    Route("/exports/campaigns/{campaign_id}/approved-products.csv", approved_products, methods=["GET"]),
    Route("/exports/orders.csv", _line_export(orders_csv), methods=["GET"]),
    Route("/exports/earnings.csv", _line_export(earnings_csv), methods=["GET"]),
]
