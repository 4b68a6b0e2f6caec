"""The web app's built assets (web/dist/assets), served precompressed and cached for good.

The build (web/vite-precompress.ts) writes next to every compressible hashed file its brotli (`.br`) and
gzip (`.gz`) forms. A request gets the best of them its Accept-Encoding allows (brotli, then gzip, by the
client's q-values; a `q=0` refuses), with `Content-Encoding` set, or the file itself. Every answer says
`Vary: Accept-Encoding`. A file whose name carries Vite's content hash never changes under that name, so it
is cached for a year, `immutable`; anything else is revalidated (`no-cache`). Source maps are served only
in `dev`; the `.br`/`.gz` files are never served under their own names.
"""

from __future__ import annotations

import os
import re
from mimetypes import guess_type
from os import PathLike

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.responses import FileResponse, Response
from starlette.staticfiles import NotModifiedResponse, StaticFiles
from starlette.types import Scope

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
# Vite's asset names: <name>-<8-character base64url content hash>.<ext>
HASHED = re.compile(r"-[A-Za-z0-9_-]{8}\.[a-z0-9]+$")
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))  # in order of preference at equal q


def accepted_encodings(accept_encoding: str | None) -> list[str]:
    """The precompressed encodings the client accepts, best first (q-value, then brotli before gzip)."""
    if not accept_encoding:
        return []
    q: dict[str, float] = {}
    for part in accept_encoding.split(","):
        name, _, params = part.strip().partition(";")
        name = name.strip().lower()
        weight = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        if name:
            q[name] = weight
    ranked = []
    for rank, (encoding, _) in enumerate(ENCODINGS):
        weight = q.get(encoding, q.get("*", 0.0))
        if weight > 0:
            ranked.append((-weight, rank, encoding))
    return [encoding for _, _, encoding in sorted(ranked)]


class AssetFiles(StaticFiles):
    def __init__(self, *, directory: str | PathLike[str], source_maps: bool) -> None:
        super().__init__(directory=directory)
        self.source_maps = source_maps

    async def get_response(self, path: str, scope: Scope) -> Response:
        if path.endswith((".br", ".gz")) or (path.endswith(".map") and not self.source_maps):
            raise HTTPException(status_code=404)
        return await super().get_response(path, scope)

    def file_response(
        self,
        full_path: PathLike[str] | str,
        stat_result: os.stat_result,
        scope: Scope,
        status_code: int = 200,
    ) -> Response:
        request_headers = Headers(scope=scope)
        name = os.fspath(full_path)
        media_type = guess_type(name)[0] or "application/octet-stream"
        response: FileResponse | None = None
        for encoding in accepted_encodings(request_headers.get("accept-encoding")):
            variant = name + dict(ENCODINGS)[encoding]
            try:
                variant_stat = os.stat(variant)
            except OSError:
                continue
            response = FileResponse(
                variant,
                status_code=status_code,
                stat_result=variant_stat,
                media_type=media_type,
                headers={"Content-Encoding": encoding},
            )
            break
        if response is None:
            response = FileResponse(
                name, status_code=status_code, stat_result=stat_result, media_type=media_type
            )
        response.headers["Vary"] = "Accept-Encoding"
        response.headers["Cache-Control"] = IMMUTABLE if HASHED.search(os.path.basename(name)) else REVALIDATE
        if self.is_not_modified(response.headers, request_headers):
            return NotModifiedResponse(response.headers)
        return response
