"""The export endpoints. Anonymous: 401; not visible or not exportable: 404 (existence is not revealed)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from server.auth.authenticate import principal_for_token, token_from_headers
from server.authz.errors import InvalidId
from server.exports.approved_products import approved_products_csv
from server.exports.csv_file import content_disposition
from server.runtime import Runtime
from server.schema.ids import decode_id


async def approved_products(request: Request) -> Response:
    rt: Runtime = request.app.state.runtime
    principal = await principal_for_token(rt, token_from_headers(request.headers, request.cookies, rt.settings.cookie_name))
    if principal is None:
        return PlainTextResponse("Log in to download this export.", status_code=401, headers={"WWW-Authenticate": "Bearer"})
    try:
        campaign_id = decode_id(request.path_params["campaign_id"], "Campaign")
    except InvalidId:
        campaign_id = None
    export = None if campaign_id is None else await approved_products_csv(rt, principal, campaign_id)
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


routes = [Route("/exports/campaigns/{campaign_id}/approved-products.csv", approved_products, methods=["GET"])]
