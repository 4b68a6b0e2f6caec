"""Login input."""

from __future__ import annotations

import strawberry


@strawberry.input
class LoginInput:
    email: str
    password: str
