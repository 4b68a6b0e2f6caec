"""The documented signature example is what the server computes (docs/integrations-orders.md cannot rot)."""

from __future__ import annotations

import re
from pathlib import Path

from server.services.orders.signatures import sign

DOC = Path(__file__).resolve().parents[2] / "docs" / "integrations-orders.md"


def test_the_worked_signature_example_is_right() -> None:
    text = DOC.read_text()
    example = text.split("<!-- signature-example", 1)[1].split("```text", 1)[1].split("```", 1)[0]
    fields = dict(
        re.findall(r"^(signing secret|timestamp|body|signed text|signature)\s+(.+)$", example, re.M)
    )
    assert fields["signed text"] == f"{fields['timestamp']}.{fields['body']}"
    assert sign(fields["signing secret"], fields["timestamp"], fields["body"].encode()) == fields["signature"]


def test_every_error_code_is_documented() -> None:
    from server.integrations.orders import HTTP_STATUS
    from server.services.orders.payloads import _CODES

    sources = [
        *(DOC.parents[1] / "server" / "services" / "orders").glob("*.py"),
        DOC.parents[1] / "server" / "integrations" / "orders.py",
    ]
    raised = {
        code
        for path in sources
        for code in re.findall(
            r'(?:DomainError|PydanticCustomError|_header_error)\(\s*"([A-Z_]+)"', path.read_text()
        )
    }
    codes = raised | set(HTTP_STATUS) | set(_CODES.values()) | {"INVALID"}
    assert len(raised) > 30
    text = DOC.read_text()
    assert [code for code in sorted(codes) if f"`{code}`" not in text] == []
