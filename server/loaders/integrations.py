"""The integrations side of the loader registry: a seller's API keys and its webhook endpoints, messages and
delivery attempts. A mixin of LoaderRegistry (server/loaders/registry.py), which gives it `_get`."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property

from sqlalchemy import select

from server import models
from server.loaders.base import ScopedLoader


class IntegrationLoaders:
    _get: Callable[..., ScopedLoader]  # LoaderRegistry._get: one loader per name and registry

    @cached_property
    def integration_key_by_id(self) -> ScopedLoader:
        return self._get(
            "integration_key_by_id",
            type_name="IntegrationKey",
            statement=lambda: select(models.IntegrationKey),
            key_column=models.IntegrationKey.id,
            key_of=lambda row: row.id,
        )

    @cached_property
    def webhook_endpoint_by_id(self) -> ScopedLoader:
        return self._get(
            "webhook_endpoint_by_id",
            type_name="WebhookEndpoint",
            statement=lambda: select(models.WebhookEndpoint),
            key_column=models.WebhookEndpoint.id,
            key_of=lambda row: row.id,
        )

    @cached_property
    def webhook_message_by_id(self) -> ScopedLoader:
        return self._get(
            "webhook_message_by_id",
            type_name="WebhookMessage",
            statement=lambda: select(models.WebhookMessage),
            key_column=models.WebhookMessage.id,
            key_of=lambda row: row.id,
        )

    @cached_property
    def webhook_attempts_by_message_id(self) -> ScopedLoader:
        return self._get(
            "webhook_attempts_by_message_id",
            type_name="WebhookAttempt",
            statement=lambda: select(models.WebhookAttempt),
            key_column=models.WebhookAttempt.message_id,
            key_of=lambda row: row.message_id,
            many=True,
        )
