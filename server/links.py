"""Public URLs the web app serves (share links are opened at /c/<token>)."""

from __future__ import annotations


def share_url(base_url: str, token: str) -> str:
    return f"{base_url.rstrip('/')}/c/{token}"
