"""Standard Webhooks signatures (the `standardwebhooks` package): secrets are `whsec_` + base64 of 24 random
bytes; each request carries webhook-id, webhook-timestamp and webhook-signature = "v1," + base64 of
HMAC-SHA256(secret, "<id>.<timestamp>.<body>")."""

from __future__ import annotations

import base64
import secrets
from datetime import datetime

from standardwebhooks.webhooks import Webhook


def new_secret() -> str:
    return "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()


def signed_headers(secret: str, message_id: str, at: datetime, body: str) -> dict[str, str]:
    return {
        "content-type": "application/json",
        "user-agent": "Matchup-Webhooks/1",
        "webhook-id": message_id,
        "webhook-timestamp": str(int(at.timestamp())),
        "webhook-signature": Webhook(secret).sign(message_id, at, body),
    }
