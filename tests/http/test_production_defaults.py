"""Outside dev: no introspection, no "Did you mean …", security headers on every response, Secure cookies."""

from __future__ import annotations

import httpx
import pytest

from server.app import create_app
from server.settings import Settings
from tests.conftest import TEST_SECRET
from tests.http import LOGIN, client_for, codes
from tests.plugins.api import PASSWORD, answer

INTROSPECTION = "{ __schema { queryType { name } } }"
TYPO = "{ vewer { role } }"


@pytest.mark.parametrize("env", ["test", "prod"])
async def test_introspection_and_suggestions_are_off_outside_dev(rt, env: str) -> None:
    async with client_for(rt, env=env) as client:
        body = (await client.post("/graphql", json={"query": INTROSPECTION})).json()
        assert (
            set(codes(body)) == {"GRAPHQL_VALIDATION_FAILED"}
            and "introspection has been disabled" in body["errors"][0]["message"]
        )
        assert "data" not in body or body["data"] is None
        body = (await client.post("/graphql", json={"query": TYPO})).json()
        assert body["errors"][0]["message"] == "Cannot query field 'vewer' on type 'Query'."
        # Suggestions also hide in argument, enum and input-field errors (variables included).
        body = (
            await client.post("/graphql", json={"query": "{ bills(stats: [PAID]) { totalCount } }"})
        ).json()
        assert "Did you mean" not in str(body) and "stats" in body["errors"][0]["message"]
        body = (
            await client.post(
                "/graphql", json={"query": LOGIN, "variables": {"i": {"emal": "a", "password": "b"}}}
            )
        ).json()
        assert "Did you mean" not in str(body) and "emal" in str(body)
        assert (
            await client.get("/graphql", headers={"accept": "text/html"})
        ).status_code == 404  # no GraphiQL


async def test_dev_keeps_introspection_and_suggestions(rt) -> None:
    async with client_for(rt, env="dev", secret_key=TEST_SECRET) as client:
        body = (await client.post("/graphql", json={"query": INTROSPECTION})).json()
        assert answer(body) == {"data": {"__schema": {"queryType": {"name": "Query"}}}}
        body = (await client.post("/graphql", json={"query": TYPO})).json()
        assert (
            body["errors"][0]["message"]
            == "Cannot query field 'vewer' on type 'Query'. Did you mean 'viewer'?"
        )


async def test_settings_turn_them_on_outside_dev(rt) -> None:
    async with client_for(rt, env="prod", graphql_introspection=True, graphql_suggestions=True) as client:
        assert (await client.post("/graphql", json={"query": INTROSPECTION})).json()["data"]["__schema"]
        assert (
            "Did you mean"
            in (await client.post("/graphql", json={"query": TYPO})).json()["errors"][0]["message"]
        )


def _check_headers(response, *, hsts: bool) -> None:  # noqa: ANN001
    headers = response.headers
    csp = headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp and "script-src 'self';" in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert headers["x-frame-options"] == "DENY"
    assert ("strict-transport-security" in headers) is hsts
    if hsts:
        assert headers["strict-transport-security"] == "max-age=31536000; includeSubDomains"


@pytest.mark.parametrize("public_url", [None, "https://matchup.example"])
async def test_security_headers_on_every_response(rt, tmp_path, public_url: str | None, monkeypatch) -> None:
    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text("<!doctype html><title>Matchup</title>")
    (dist / "assets" / "app-1234.js").write_text("console.log(1)")
    async with client_for(rt, env="prod", web_dist=dist, public_url=public_url) as client:
        hsts = public_url is not None
        responses = [
            await client.get("/"),  # HTML
            await client.get("/campaigns/42"),  # the SPA's deep links
            await client.get("/assets/app-1234.js"),  # static asset
            await client.post("/graphql", json={"query": "{ viewer { role } }"}),  # JSON
            await client.post("/graphql", content=b"{", headers={"content-type": "application/json"}),  # 400
            await client.get("/healthz"),
            await client.get("/readyz"),
            await client.put("/graphql"),  # 405 from the router
        ]
        assert [r.status_code for r in responses] == [200, 200, 200, 200, 400, 200, 200, 405]
        for response in responses:
            _check_headers(response, hsts=hsts)
    # An unhandled exception's 500 (Starlette's own error response) carries them too.
    from server.schema import view

    async def crash(self, request, response):  # noqa: ANN001, ANN202
        raise RuntimeError("not a database problem")

    monkeypatch.setattr(view.GraphQLView, "get_context", crash)
    app = create_app(rt.settings.model_copy(update={"env": "prod", "public_url": public_url}), runtime=rt)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        response = await client.post("/graphql", json={"query": "{ viewer { role } }"})
    assert response.status_code == 500
    _check_headers(response, hsts=public_url is not None)


@pytest.mark.parametrize(
    ("env", "public_url", "cookie_secure", "secure"),
    [
        ("dev", None, False, False),
        ("dev", "https://matchup.example", False, True),
        ("test", None, True, True),
        ("prod", None, False, True),
        ("prod", "http://10.0.0.5:8000", False, True),
    ],
)
async def test_session_cookie_is_secure_in_prod_and_behind_https(
    rt, world, env: str, public_url: str | None, cookie_secure: bool, secure: bool
) -> None:
    update = {"env": env, "public_url": public_url, "cookie_secure": cookie_secure}
    if env == "dev":
        update["secret_key"] = TEST_SECRET
    async with client_for(rt, **update) as client:
        variables = {"i": {"email": world["seller_a"].email, "password": PASSWORD}}
        response = await client.post("/graphql", json={"query": LOGIN, "variables": variables})
        cookie = response.headers["set-cookie"]
        assert ("; Secure" in cookie or "; secure" in cookie) is secure, cookie
        logout = await client.post("/graphql", json={"query": "mutation { logout { ok } }"})
        assert ("secure" in logout.headers["set-cookie"].lower()) is secure


def test_every_new_setting_reads_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    values = {
        "GRAPHQL_INTROSPECTION": "true",
        "GRAPHQL_SUGGESTIONS": "false",
        "GRAPHQL_MAX_LIST_LENGTH": "7",
        "MAX_BODY_BYTES": "2048",
        "CONTENT_SECURITY_POLICY": "default-src 'none'",
        "REFERRER_POLICY": "no-referrer",
        "HSTS_MAX_AGE_SECONDS": "60",
        "READINESS_TIMEOUT_SECONDS": "0.5",
    }
    for name, value in values.items():
        monkeypatch.setenv(f"MATCHUP_{name}", value)
    settings = Settings()
    assert (
        settings.graphql_introspection,
        settings.graphql_suggestions,
        settings.graphql_max_list_length,
    ) == (True, False, 7)
    assert (settings.max_body_bytes, settings.content_security_policy, settings.referrer_policy) == (
        2048,
        "default-src 'none'",
        "no-referrer",
    )
    assert (settings.hsts_max_age_seconds, settings.readiness_timeout_seconds) == (60, 0.5)


def test_env_example_loads_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    """README: copy .env.example to .env. Its empty values mean "the environment's default"."""
    from pathlib import Path

    for key in list(__import__("os").environ):
        if key.startswith("MATCHUP_"):
            monkeypatch.delenv(key)
    settings = Settings(_env_file=Path(__file__).resolve().parents[2] / ".env.example")
    assert (settings.graphql_ide, settings.graphql_introspection, settings.graphql_suggestions) == (
        None,
        None,
        None,
    )
    assert settings.introspection_enabled and settings.suggestions_enabled  # env=dev
    assert settings.content_security_policy == Settings.model_fields["content_security_policy"].default
    assert settings.max_body_bytes == 1024 * 1024 and not settings.session_cookie_secure
