"""An HTTP proxy on loopback that makes the network as bad as a hotel's Wi-Fi, on purpose.

Test infrastructure only. It sits between the desktop's API client and the
real embedded server, forwards requests faithfully, and, seeded and at the
rates it is given, answers in the server's place with 500, 503 or 429 (with
``Retry-After``), holds replies back (slow), or resets the connection: before
forwarding (the server never saw the request) or *after* (the server applied
the mutation, and the reply is lost: the case idempotency keys exist for).
It can also answer a route with a canned reply (a malformed change-feed page).

Every exchange is recorded with monotonic timestamps taken at the proxy, so a
test can check from the outside how often and how soon the client came back.

One request per client connection (the reply says ``Connection: close``), and
a fresh upstream connection per request: simple, and on loopback cheap.
Standard library asyncio, on a thread of its own, so the code under test can
run its own event loop (or be another process).
"""

from __future__ import annotations

import asyncio
import json
import random
import socket
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

# The faults, in the order a roll of the dice is matched against their rates.
FAULTS = ("error_500", "unavailable_503", "throttled_429", "slow", "reset_before", "reset_after")


@dataclass(frozen=True)
class FaultRates:
    """Probability of each fault per request (their sum at most 1); the rest pass."""

    error_500: float = 0.0
    unavailable_503: float = 0.0
    throttled_429: float = 0.0
    slow: float = 0.0
    reset_before: float = 0.0
    # Forwarded and applied by the server, then the connection is reset: the reply is lost.
    reset_after: float = 0.0
    retry_after_429: str | None = "1"
    retry_after_503: str | None = "0"
    slow_seconds: float = 0.3

    def total(self) -> float:
        return sum(getattr(self, name) for name in FAULTS)

    @classmethod
    def spread(cls, total: float, **options: object) -> FaultRates:
        """``total`` split evenly over every fault."""
        share = total / len(FAULTS)
        return cls(**dict.fromkeys(FAULTS, share), **options)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Canned:
    """A reply the proxy gives instead of asking the server."""

    status: int
    body: bytes
    content_type: str = "application/json"
    headers: tuple[tuple[str, str], ...] = ()


@dataclass
class Exchange:
    """One request as the proxy saw it; times are ``time.monotonic()``."""

    method: str
    path: str
    received_at: float
    fault: str | None = None
    status: int | None = None  # None when the connection was reset
    retry_after: str | None = None
    answered_at: float | None = None
    forwarded: bool = False


@dataclass
class _Reply:
    status: int
    reason: str
    headers: list[tuple[str, str]]
    body: bytes


class FaultProxy:
    """``FaultProxy(server_url, rates, seed).start()``; point the client at ``proxy.url``."""

    def __init__(
        self,
        upstream: str,
        rates: FaultRates | None = None,
        seed: int | str = 0,
        faulty: Callable[[str, str], bool] | None = None,
    ) -> None:
        parts = urlsplit(upstream)
        assert parts.hostname in ("127.0.0.1", "localhost", "::1"), "loopback only"
        self.upstream_host = parts.hostname
        self.upstream_port = parts.port or 80
        self.rates = rates or FaultRates()
        # Which requests may meet a fault, by (method, path); default: all of them.
        self.faulty = faulty or (lambda _method, _path: True)
        self.exchanges: list[Exchange] = []
        self._canned: dict[tuple[str, str], Canned] = {}
        self._forced: list[tuple[str, str, str]] = []  # (method, path end, fault), in order
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True, name="proxy")
        self._server: asyncio.Server | None = None
        self.port = 0

    # -- life cycle -----------------------------------------------------------------
    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> FaultProxy:
        self._thread.start()
        self._server = asyncio.run_coroutine_threadsafe(
            asyncio.start_server(self._handle, "127.0.0.1", 0), self._loop
        ).result(timeout=10)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    def stop(self) -> None:
        async def close() -> None:
            assert self._server is not None
            self._server.close()
            await self._server.wait_closed()

        if self._server is not None:
            asyncio.run_coroutine_threadsafe(close(), self._loop).result(timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        self._loop.close()

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    # -- what the test changes and reads ------------------------------------------
    def set_rates(self, rates: FaultRates) -> None:
        with self._lock:
            self.rates = rates

    def can(self, method: str, path_end: str, reply: Canned | None) -> None:
        """Answer every ``method`` request whose path ends with ``path_end`` with ``reply``
        (``None``: forward them again)."""
        with self._lock:
            if reply is None:
                self._canned.pop((method, path_end), None)
            else:
                self._canned[(method, path_end)] = reply

    def force(self, method: str, path_end: str, fault: str, times: int = 1) -> None:
        """The next ``times`` matching requests meet ``fault``, whatever the rates say."""
        assert fault in FAULTS, fault
        with self._lock:
            self._forced += [(method, path_end, fault)] * times

    def seen(self, path_end: str = "", method: str | None = None) -> list[Exchange]:
        with self._lock:
            return [
                e
                for e in self.exchanges
                if e.path.endswith(path_end) and (method is None or e.method == method)
            ]

    def faults(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for exchange in self.seen():
            if exchange.fault is not None:
                counts[exchange.fault] = counts.get(exchange.fault, 0) + 1
        return counts

    # -- the proxy ------------------------------------------------------------------
    def _choose(self, method: str, path: str) -> tuple[str | None, Canned | None, FaultRates]:
        with self._lock:
            rates = self.rates
            canned = next(
                (c for (m, end), c in self._canned.items() if m == method and path.endswith(end)),
                None,
            )
            if canned is not None:
                return None, canned, rates
            for index, (m, end, fault) in enumerate(self._forced):
                if m == method and path.endswith(end):
                    del self._forced[index]
                    return fault, None, rates
            if not self.faulty(method, path):
                return None, None, rates
            roll = self._rng.random()
        for name in FAULTS:
            roll -= getattr(rates, name)
            if roll < 0:
                return name, None, rates
        return None, None, rates

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            await self._serve_one(reader, writer)
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            writer.transport.abort()  # the client went away; nothing to answer
        finally:
            writer.close()

    async def _serve_one(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        request_line, *header_lines = head.decode("latin-1").split("\r\n")
        method, target, _version = request_line.split(" ", 2)
        headers = [tuple(line.split(":", 1)) for line in header_lines if ":" in line]
        length = next((int(v) for k, v in headers if k.strip().lower() == "content-length"), 0)
        body = await reader.readexactly(length)
        exchange = Exchange(method, urlsplit(target).path, time.monotonic())
        with self._lock:
            self.exchanges.append(exchange)
        fault, canned, rates = self._choose(method, exchange.path)
        exchange.fault = fault
        if canned is not None:
            reply = _Reply(
                canned.status,
                "Canned",
                [("Content-Type", canned.content_type), *canned.headers],
                canned.body,
            )
            await self._answer(writer, exchange, reply)
            return
        if fault == "reset_before":
            self._reset(writer, exchange)
            return
        if fault in ("error_500", "unavailable_503", "throttled_429"):
            await self._answer(writer, exchange, _fault_reply(fault, rates))
            return
        reply = await self._forward(method, target, headers, body)
        exchange.forwarded = True
        if fault == "slow":
            await asyncio.sleep(rates.slow_seconds)
        if fault == "reset_after":
            self._reset(writer, exchange)
            return
        await self._answer(writer, exchange, reply)

    async def _forward(
        self, method: str, target: str, headers: list[tuple[str, ...]], body: bytes
    ) -> _Reply:
        upstream_reader, upstream_writer = await asyncio.open_connection(
            self.upstream_host, self.upstream_port
        )
        skip = {"connection", "keep-alive", "host", "proxy-connection"}
        lines = [f"{method} {target} HTTP/1.1", f"Host: {self.upstream_host}:{self.upstream_port}"]
        lines += [f"{k}:{v}" for k, v in headers if k.strip().lower() not in skip]
        lines.append("Connection: close")
        upstream_writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)
        await upstream_writer.drain()
        raw = await upstream_reader.read()  # to EOF: the server closes after one reply
        upstream_writer.close()
        return _parse_reply(raw)

    async def _answer(
        self, writer: asyncio.StreamWriter, exchange: Exchange, reply: _Reply
    ) -> None:
        skip = {"connection", "content-length", "transfer-encoding", "keep-alive"}
        lines = [f"HTTP/1.1 {reply.status} {reply.reason}"]
        lines += [f"{k}: {v}" for k, v in reply.headers if k.lower() not in skip]
        lines += [f"Content-Length: {len(reply.body)}", "Connection: close"]
        exchange.status = reply.status
        exchange.retry_after = next(
            (v for k, v in reply.headers if k.lower() == "retry-after"), None
        )
        exchange.answered_at = time.monotonic()
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + reply.body)
        await writer.drain()

    @staticmethod
    def _reset(writer: asyncio.StreamWriter, exchange: Exchange) -> None:
        """Close with RST (linger 0), the way a dropped NAT mapping or a crash looks."""
        sock = writer.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        exchange.answered_at = time.monotonic()
        writer.transport.abort()


def _fault_reply(fault: str, rates: FaultRates) -> _Reply:
    status, code, retry_after = {
        "error_500": (500, "internal", None),
        "unavailable_503": (503, "unavailable", rates.retry_after_503),
        "throttled_429": (429, "rate_limited", rates.retry_after_429),
    }[fault]
    body = json.dumps(
        {
            "error": {
                "code": code,
                "message": f"Injected by the test proxy ({code}).",
                "details": None,
            }
        }
    ).encode()
    headers = [("Content-Type", "application/json")]
    if retry_after is not None:
        headers.append(("Retry-After", retry_after))
    return _Reply(status, "Injected", headers, body)


def _parse_reply(raw: bytes) -> _Reply:
    head, _, body = raw.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    _version, status, *reason = status_line.split(" ", 2)
    headers = [
        (k.strip(), v.strip())
        for k, v in (line.split(":", 1) for line in header_lines if ":" in line)
    ]
    if any(k.lower() == "transfer-encoding" and "chunked" in v.lower() for k, v in headers):
        body = _dechunk(body)
    return _Reply(int(status), reason[0] if reason else "", headers, body)


def _dechunk(data: bytes) -> bytes:
    out = bytearray()
    while data:
        size_line, _, data = data.partition(b"\r\n")
        size = int(size_line.split(b";")[0], 16)
        if size == 0:
            break
        out += data[:size]
        data = data[size + 2 :]
    return bytes(out)
