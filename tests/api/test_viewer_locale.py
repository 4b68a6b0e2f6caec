"""The viewer's web-app language: null until chosen, set and cleared by viewerLocaleSet, per user only."""

from __future__ import annotations

from tests.plugins.api import Api, login_token

SET = "mutation($l: Locale) { viewerLocaleSet(input: {locale: $l}) { locale } }"
READ = "{ viewer { locale } }"


async def test_locale_is_null_until_chosen_then_stored_per_user(http, world) -> None:
    seller = Api(http, await login_token(http, world["seller_a"].email))
    other = Api(http, await login_token(http, world["seller_b"].email))
    assert (await seller(READ))["viewer"]["locale"] is None
    assert (await seller(SET, {"l": "TH"}))["viewerLocaleSet"] == {"locale": "TH"}
    assert (await seller(READ))["viewer"]["locale"] == "TH"
    # Another user (another shop) keeps its own choice.
    assert (await other(READ))["viewer"]["locale"] is None
    assert (await seller(SET, {"l": "FIL"}))["viewerLocaleSet"] == {"locale": "FIL"}
    assert (await seller(READ))["viewer"]["locale"] == "FIL"
    # Null follows the browser again.
    assert (await seller(SET, {"l": None}))["viewerLocaleSet"] == {"locale": None}
    assert (await seller(READ))["viewer"]["locale"] is None


async def test_an_unknown_language_is_refused_and_changes_nothing(http, world) -> None:
    creator = Api(http, await login_token(http, world["creator_a"].email))
    await creator(SET, {"l": "VI"})
    body = await creator.raw(SET, {"l": "FR"})
    assert body.get("data") is None and "Locale" in body["errors"][0]["message"]
    assert (await creator(READ))["viewer"]["locale"] == "VI"


async def test_anonymous_callers_cannot_set_a_language(anon: Api) -> None:
    body = await anon.raw(SET, {"l": "TH"})
    assert body["data"] is None or body["data"].get("viewerLocaleSet") is None
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
