"""The creator side of the loader registry: showcase entries, sample requests, shipments and content.
A mixin of LoaderRegistry (server/loaders/registry.py), which gives it `_get`."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property

from sqlalchemy import select

from server import models
from server.loaders.base import ScopedLoader
from server.services import offer_rules


class CreatorSideLoaders:
    _get: Callable[..., ScopedLoader]  # LoaderRegistry._get: one loader per name and registry

    # --- the creator side: showcase entries, sample requests, content ----------------------------------
    @cached_property
    def offer_context_by_registration_id(self) -> ScopedLoader:
        """(registration id, campaign id, campaign name, campaign end, agency display name, sample quota, samples
        consumed): what every party of a collaboration may see about it, never a rate. The parent row (an entry,
        a sample request, content) was loaded through its own scope."""
        r = models.Registration
        return self._get(
            "offer_context_by_registration_id",
            type_name=None,
            statement=lambda: (
                select(
                    r.id,
                    models.Campaign.id,
                    models.Campaign.name,
                    models.Campaign.campaign_end,
                    models.Organisation.name,
                    r.sample_quota,
                    offer_rules.consumed_samples(),
                )
                .join(models.Campaign, models.Campaign.id == r.campaign_id)
                .join(models.Organisation, models.Organisation.id == models.Campaign.agency_id)
            ),
            key_column=r.id,
            key_of=lambda row: row[0],
        )

    @cached_property
    def showcase_entry_by_id(self) -> ScopedLoader:
        return self._get(
            "showcase_entry_by_id",
            type_name="ShowcaseEntry",
            statement=lambda: select(models.ShowcaseEntry),
            key_column=models.ShowcaseEntry.id,
            key_of=lambda e: e.id,
        )

    @cached_property
    def sample_request_by_id(self) -> ScopedLoader:
        return self._get(
            "sample_request_by_id",
            type_name="SampleRequest",
            statement=lambda: select(models.SampleRequest),
            key_column=models.SampleRequest.id,
            key_of=lambda s: s.id,
        )

    @cached_property
    def sample_requests_by_product_id(self) -> ScopedLoader:
        return self._get(
            "sample_requests_by_product_id",
            type_name="SampleRequest",
            statement=lambda: select(models.SampleRequest).order_by(models.SampleRequest.id),
            key_column=models.SampleRequest.product_id,
            key_of=lambda s: s.product_id,
            many=True,
        )

    @cached_property
    def shipments_by_sample_request_id(self) -> ScopedLoader:
        # The parent request was loaded through its own scope; its shipment history goes with it.
        return self._get(
            "shipments_by_sample_request_id",
            type_name=None,
            statement=lambda: select(models.Shipment).order_by(
                models.Shipment.occurred_at, models.Shipment.id
            ),
            key_column=models.Shipment.sample_request_id,
            key_of=lambda s: s.sample_request_id,
            many=True,
        )

    @cached_property
    def content_by_id(self) -> ScopedLoader:
        return self._get(
            "content_by_id",
            type_name="Content",
            statement=lambda: select(models.Content),
            key_column=models.Content.id,
            key_of=lambda c: c.id,
        )

    @cached_property
    def contents_by_sample_request_id(self) -> ScopedLoader:
        return self._get(
            "contents_by_sample_request_id",
            type_name="Content",
            statement=lambda: select(models.Content).order_by(models.Content.posted_at, models.Content.id),
            key_column=models.Content.sample_request_id,
            key_of=lambda c: c.sample_request_id,
            many=True,
        )

    @cached_property
    def contents_by_product_id(self) -> ScopedLoader:
        return self._get(
            "contents_by_product_id",
            type_name="Content",
            statement=lambda: select(models.Content).order_by(models.Content.posted_at, models.Content.id),
            key_column=models.Content.product_id,
            key_of=lambda c: c.product_id,
            many=True,
        )
