"""A websocket client for fan-out benchmarks that costs next to nothing per message received.

bench/fanout.py measures how fast a server delivers one event to thousands of subscriptions; with a full websocket
library the client process (one Python process reading 20,000 messages) became the floor of the measure. This
client speaks just enough RFC 6455 on an asyncio Protocol: the opening handshake, masked text frames out (the mask
key is random per connection), unmasked frames in, pong for ping, close. A text frame whose payload contains
``b'"type":"next"'`` counts as one delivery, timed once per received chunk (every frame of a chunk arrived at the
same moment). Nothing is decoded beyond that except the ``connection_ack`` and the first delivery (a sample).
"""

from __future__ import annotations

import asyncio
import base64
import os
import struct
import time
from collections.abc import Callable
from typing import Any

NEXT = b'"type":"next"'
ACK = b'"type":"connection_ack"'


def _mask(payload: bytes, key: bytes) -> bytes:
    if not payload:
        return payload
    n = len(payload)
    repeated = (key * (n // 4 + 1))[:n]
    return (int.from_bytes(payload, "big") ^ int.from_bytes(repeated, "big")).to_bytes(n, "big")


class CountingSocket(asyncio.Protocol):
    def __init__(
        self,
        host: str,
        port: int,
        path: str,
        subprotocol: str | None,
        on_next: Callable[[float, int, bytes | None], None],
    ) -> None:
        self.request = (
            f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Key: {base64.b64encode(os.urandom(16)).decode()}\r\nSec-WebSocket-Version: 13\r\n"
            + (f"Sec-WebSocket-Protocol: {subprotocol}\r\n" if subprotocol else "")
            + "\r\n"
        ).encode()
        self.on_next = on_next
        self.key = os.urandom(4)
        self.transport: asyncio.Transport | None = None
        self.buffer = bytearray()
        self.upgraded = asyncio.get_running_loop().create_future()
        self.acked = asyncio.get_running_loop().create_future()
        self.closed = asyncio.get_running_loop().create_future()
        self.want_sample = True

    # --- asyncio.Protocol ----------------------------------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]
        self.transport.write(self.request)  # type: ignore[union-attr]

    def connection_lost(self, exc: Exception | None) -> None:
        for future in (self.upgraded, self.acked, self.closed):
            if not future.done():
                future.set_result(None) if future is self.closed else future.set_exception(
                    ConnectionError(f"connection lost: {exc!r}")
                )

    def data_received(self, data: bytes) -> None:
        now = time.perf_counter()
        buf = self.buffer
        buf += data
        if not self.upgraded.done():
            end = buf.find(b"\r\n\r\n")
            if end < 0:
                return
            head = bytes(buf[:end])
            del buf[: end + 4]
            if not head.startswith(b"HTTP/1.1 101"):
                self.upgraded.set_exception(ConnectionError(head.decode("latin-1")))
                return
            self.upgraded.set_result(None)
        nexts = 0
        sample = None
        pos, size = 0, len(buf)
        while size - pos >= 2:
            b0, b1 = buf[pos], buf[pos + 1]
            length, header = b1 & 0x7F, 2
            if length == 126:
                if size - pos < 4:
                    break
                length, header = struct.unpack_from("!H", buf, pos + 2)[0], 4
            elif length == 127:
                if size - pos < 10:
                    break
                length, header = struct.unpack_from("!Q", buf, pos + 2)[0], 10
            if size - pos < header + length:
                break
            start = pos + header
            opcode = b0 & 0x0F
            if opcode in (1, 0):
                if buf.find(NEXT, start, start + length) >= 0:
                    nexts += 1
                    if self.want_sample:
                        self.want_sample = False
                        sample = bytes(buf[start : start + length])
                elif not self.acked.done() and buf.find(ACK, start, start + length) >= 0:
                    self.acked.set_result(None)
            elif opcode == 9:  # ping → pong
                self._frame(0xA, bytes(buf[start : start + length]))
            elif opcode == 8:
                self._frame(0x8, bytes(buf[start : start + min(length, 2)]))
                if self.transport is not None:
                    self.transport.close()
            pos = start + length
        del buf[:pos]
        if nexts:
            self.on_next(now, nexts, sample)

    # --- sending -------------------------------------------------------------------------------------------

    def _frame(self, opcode: int, payload: bytes) -> None:
        n = len(payload)
        if n < 126:
            head = struct.pack("!BB", 0x80 | opcode, 0x80 | n)
        elif n < 65536:
            head = struct.pack("!BBH", 0x80 | opcode, 0x80 | 126, n)
        else:
            head = struct.pack("!BBQ", 0x80 | opcode, 0x80 | 127, n)
        if self.transport is not None and not self.transport.is_closing():
            self.transport.write(head + self.key + _mask(payload, self.key))

    def send_text(self, text: str) -> None:
        self._frame(0x1, text.encode())

    def close(self) -> None:
        self._frame(0x8, struct.pack("!H", 1000))
        if self.transport is not None:
            self.transport.close()


async def open_socket(
    host: str,
    port: int,
    path: str,
    subprotocol: str | None,
    on_next: Callable[[float, int, bytes | None], None],
    timeout: float = 60,
) -> CountingSocket:
    loop = asyncio.get_running_loop()
    _, proto = await asyncio.wait_for(
        loop.create_connection(lambda: CountingSocket(host, port, path, subprotocol, on_next), host, port),
        timeout,
    )
    await asyncio.wait_for(proto.upgraded, timeout)
    return proto  # type: ignore[return-value]


def connection_init(payload: dict[str, Any]) -> str:
    import json

    return json.dumps({"type": "connection_init", "payload": payload})
