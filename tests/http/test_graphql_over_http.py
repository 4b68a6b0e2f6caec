"""GraphQL over HTTP: `application/graphql-response+json` with the spec's status codes; `application/json` as
before (200 for GraphQL errors). The graphql-http package's own server audit runs against a live server."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from server.migrate import upgrade_head
from tests.conftest import TEST_SECRET
from tests.http import GRAPHQL_RESPONSE
from tests.plugins.servers import server_process

WEB = Path(__file__).resolve().parents[2] / "web"


@pytest.mark.parametrize(
    ("payload", "status", "code"),
    [
        ({"query": "{ viewer { role "}, 400, "GRAPHQL_PARSE_FAILED"),
        ({"query": "{ viewer { nope } }"}, 400, "GRAPHQL_VALIDATION_FAILED"),
        # An unknown fragment is the client's mistake, not the server's (the depth rule once raised a KeyError).
        ({"query": "{ viewer { ...Nowhere } }"}, 400, "GRAPHQL_VALIDATION_FAILED"),
        (
            {"query": "{ viewer { ...A } } fragment A on Viewer { ...B } fragment B on Viewer { ...A }"},
            400,
            "GRAPHQL_VALIDATION_FAILED",
        ),
        (
            {"query": "query($f: Int!) { products(first: $f) { totalCount } }", "variables": {"f": "x"}},
            400,
            "GRAPHQL_VALIDATION_FAILED",
        ),
        ({"qeury": "{ viewer { role } }"}, 400, "BAD_REQUEST"),
        ({"query": 42}, 400, "BAD_REQUEST"),
        ({"query": "{ viewer { role } }", "variables": "x"}, 400, "BAD_REQUEST"),
        (
            {"query": "{ notifications { totalCount } }"},
            200,
            "UNAUTHENTICATED",
        ),  # execution started: data is null
    ],
)
async def test_graphql_response_json_status_codes(http, payload: dict, status: int, code: str) -> None:
    response = await http.post("/graphql", json=payload, headers={"accept": GRAPHQL_RESPONSE})
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == GRAPHQL_RESPONSE
    body = response.json()
    assert body["errors"][0]["extensions"]["code"] == code
    assert ("data" in body) is (status == 200)  # a request that never executed has no data entry
    # application/json keeps 200 for GraphQL errors (400 only for what is not a GraphQL request at all).
    legacy = await http.post("/graphql", json=payload, headers={"accept": "application/json"})
    assert legacy.headers["content-type"] == "application/json"
    assert legacy.status_code == (400 if code == "BAD_REQUEST" else 200)
    assert legacy.json()["errors"][0]["extensions"]["code"] == code


async def test_success_and_accept_negotiation(http) -> None:
    for accept, media in (
        (GRAPHQL_RESPONSE, GRAPHQL_RESPONSE),
        (
            "application/graphql-response+json, application/json;q=0.9",
            GRAPHQL_RESPONSE,
        ),  # what urql sends, roughly
        ("application/json, application/graphql-response+json;q=0.5", "application/json"),
        ("application/graphql-response+json;q=0", "application/json"),
        ("*/*", "application/json"),
        (None, "application/json"),
    ):
        headers = {"accept": accept} if accept else {}
        response = await http.post("/graphql", json={"query": "{ viewer { role } }"}, headers=headers)
        body = response.json()
        assert "cost" in body.pop("extensions")  # every answer reports its cost (docs/api-limits.md)
        assert (response.status_code, response.headers["content-type"], body) == (
            200,
            media,
            {"data": {"viewer": None}},
        ), accept


def test_graphql_http_audit_passes_every_must_and_should(database_url: str) -> None:
    """The audit's map-{variables} checks query `__type`, so this server enables introspection explicitly."""
    node = shutil.which("node")
    assert node, "node is required (the web app's toolchain)"
    assert (WEB / "node_modules" / "graphql-http").is_dir(), "run `make install` (web/node_modules)"
    upgrade_head(database_url)
    env = {
        "MATCHUP_DATABASE_URL": database_url,
        "MATCHUP_SECRET_KEY": TEST_SECRET,
        "MATCHUP_GRAPHQL_INTROSPECTION": "true",
        "MATCHUP_SWEEP_INTERVAL_SECONDS": "0",
    }
    with server_process(env) as base:
        run = subprocess.run(
            [node, "scripts/graphql-http-audit.mjs", f"{base}/graphql"],
            cwd=WEB,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    results = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    required = [r for r in results if r["name"].startswith(("MUST ", "SHOULD "))]
    assert len(required) >= 30, run.stdout + run.stderr
    assert [r for r in required if r["status"] != "ok"] == [], run.stdout
    assert run.returncode == 0, run.stderr
