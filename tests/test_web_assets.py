"""The built web app's assets: precompressed variants chosen from Accept-Encoding, Vary, immutable caching of
hashed files, index.html revalidated, source maps only in dev (server/web_assets.py)."""

from __future__ import annotations

import gzip
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from server.app import create_app
from server.web_assets import IMMUTABLE, accepted_encodings
from tests.conftest import make_settings

SOURCE = b"export const hello = () => 'hello';\n" * 200
FAKE_BROTLI = b"\x1b brotli stream stand-in \x00"  # served as stored, never decoded by the server


@pytest.fixture
def dist(tmp_path: Path) -> Path:
    assets = tmp_path / "assets"
    assets.mkdir()
    (tmp_path / "index.html").write_text(
        '<!doctype html><script type="module" src="/assets/index-AbC_12-z.js"></script>'
    )
    (assets / "index-AbC_12-z.js").write_bytes(SOURCE)
    (assets / "index-AbC_12-z.js.gz").write_bytes(gzip.compress(SOURCE))
    (assets / "index-AbC_12-z.js.br").write_bytes(FAKE_BROTLI)
    (assets / "tiny-Zz9_Yy8x.css").write_bytes(b"a{}")  # too small to be compressed at build time
    (assets / "index-AbC_12-z.js.map").write_text('{"version":3}')
    (assets / "notes.txt").write_text("not hashed")
    return tmp_path


def client(dist: Path, env: str = "test") -> httpx.AsyncClient:
    settings = make_settings("sqlite+aiosqlite:///:memory:").model_copy(update={"web_dist": dist, "env": env})
    app = create_app(settings)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver")


@pytest.fixture
async def http(dist: Path) -> AsyncIterator[httpx.AsyncClient]:
    async with client(dist) as c:
        yield c


async def raw_get(http: httpx.AsyncClient, path: str, **headers: str) -> tuple[httpx.Response, bytes]:
    async with http.stream("GET", path, headers=headers) as response:
        return response, b"".join([chunk async for chunk in response.aiter_raw()])


async def test_brotli_is_served_when_accepted(http) -> None:
    response, body = await raw_get(
        http, "/assets/index-AbC_12-z.js", **{"Accept-Encoding": "gzip, deflate, br"}
    )
    assert response.status_code == 200
    assert body == FAKE_BROTLI
    assert response.headers["content-encoding"] == "br"
    assert response.headers["content-type"].startswith("text/javascript")
    assert response.headers["vary"] == "Accept-Encoding"
    assert response.headers["cache-control"] == IMMUTABLE == "public, max-age=31536000, immutable"
    assert int(response.headers["content-length"]) == len(FAKE_BROTLI)


async def test_gzip_when_brotli_is_not_accepted(http) -> None:
    for accept in ("gzip", "gzip, deflate", "br;q=0, gzip", "br;q=0.4, gzip;q=0.8"):
        response, body = await raw_get(http, "/assets/index-AbC_12-z.js", **{"Accept-Encoding": accept})
        assert response.headers["content-encoding"] == "gzip", accept
        assert gzip.decompress(body) == SOURCE
        assert response.headers["vary"] == "Accept-Encoding"
        assert response.headers["cache-control"] == IMMUTABLE


async def test_the_file_itself_without_an_accepted_encoding(http) -> None:
    for accept in ("identity", "deflate", "gzip;q=0, br;q=0", "*;q=0"):
        response, body = await raw_get(http, "/assets/index-AbC_12-z.js", **{"Accept-Encoding": accept})
        assert "content-encoding" not in response.headers, accept
        assert body == SOURCE
        assert response.headers["vary"] == "Accept-Encoding"
        assert response.headers["cache-control"] == IMMUTABLE
    # a file too small to have been compressed is served as it is, to everyone
    response, body = await raw_get(http, "/assets/tiny-Zz9_Yy8x.css", **{"Accept-Encoding": "br, gzip"})
    assert body == b"a{}" and "content-encoding" not in response.headers
    assert response.headers["content-type"].startswith("text/css")
    assert response.headers["cache-control"] == IMMUTABLE


def test_accepted_encodings_follow_q_values() -> None:
    assert accepted_encodings(None) == []
    assert accepted_encodings("gzip, br") == ["br", "gzip"]
    assert accepted_encodings("*") == ["br", "gzip"]
    assert accepted_encodings("gzip;q=1.0, br;q=0.5") == ["gzip", "br"]
    assert accepted_encodings("BR;Q=0.9, *;q=0.1") == ["br", "gzip"]
    assert accepted_encodings("br;q=0, *") == ["gzip"]
    assert accepted_encodings("br;q=abc") == []


async def test_unhashed_files_and_index_are_revalidated(http) -> None:
    response = await http.get("/assets/notes.txt")
    assert response.status_code == 200 and response.headers["cache-control"] == "no-cache"
    index = await http.get("/campaigns/anything")
    assert index.status_code == 200 and index.headers["cache-control"] == "no-cache"
    assert "/assets/index-AbC_12-z.js" in index.text


async def test_a_revalidation_keeps_the_headers(http) -> None:
    first, _ = await raw_get(http, "/assets/index-AbC_12-z.js", **{"Accept-Encoding": "gzip"})
    again, _ = await raw_get(
        http,
        "/assets/index-AbC_12-z.js",
        **{"Accept-Encoding": "gzip", "If-None-Match": first.headers["etag"]},
    )
    assert again.status_code == 304
    assert again.headers["vary"] == "Accept-Encoding" and again.headers["cache-control"] == IMMUTABLE


async def test_source_maps_and_compressed_files_are_not_public(http, dist) -> None:
    for path in (
        "/assets/index-AbC_12-z.js.map",
        "/assets/index-AbC_12-z.js.br",
        "/assets/index-AbC_12-z.js.gz",
    ):
        assert (await http.get(path)).status_code == 404, path
    async with client(dist, env="prod") as prod:
        assert (await prod.get("/assets/index-AbC_12-z.js.map")).status_code == 404
    async with client(dist, env="dev") as dev:
        response = await dev.get("/assets/index-AbC_12-z.js.map")
        assert response.status_code == 200 and response.json() == {"version": 3}
