"""The app with metrics on (a bearer token), for the observability tests."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from pydantic import SecretStr
from starlette.applications import Starlette

from server.app import create_app
from server.runtime import Runtime

METRICS_TOKEN = "scrape-token-0123456789"


@pytest.fixture
async def app(rt: Runtime) -> AsyncIterator[Starlette]:
    settings = rt.settings.model_copy(update={"metrics_token": SecretStr(METRICS_TOKEN)})
    yield create_app(settings, runtime=rt)
