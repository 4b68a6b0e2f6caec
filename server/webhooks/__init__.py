"""Outbound webhooks: endpoints per organisation, a durable outbox, Standard Webhooks signatures (docs/webhooks.md)."""
