"""Runs the server inside another program: the desktop's local workspace and the tests.

The socket is bound before uvicorn starts, so the port is known at once (port
0 picks a free one) and nothing races for it. Loopback only, unless told.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Mapping

import uvicorn

from advisoros_desktop.server.app import create_app
from advisoros_desktop.server.config import ServerConfig
from advisoros_desktop.server.jobs import JobHandler
from advisoros_desktop.server.state import ServerState


class EmbeddedServer:
    def __init__(
        self,
        config: ServerConfig,
        host: str = "127.0.0.1",
        port: int = 0,
        job_handlers: Mapping[str, JobHandler] | None = None,
    ) -> None:
        self.config = config
        self.app = create_app(config, job_handlers)
        # proto=IPPROTO_TCP lets asyncio set TCP_NODELAY on accepted connections; without it
        # every small answer waits ~40 ms for Nagle's algorithm and delayed ACKs.
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind((host, port))
        self.host, self.port = self._socket.getsockname()[:2]
        self._server = uvicorn.Server(
            uvicorn.Config(self.app, log_level="warning", access_log=False, lifespan="on")
        )
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def state(self) -> ServerState:
        state: ServerState = self.app.state.server
        return state

    def start(self, timeout: float = 20.0) -> EmbeddedServer:
        self._thread = threading.Thread(
            target=self._server.run,
            kwargs={"sockets": [self._socket]},
            daemon=True,
            name="advisoros-server",
        )
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the embedded AdvisorOS server did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=15)
        self._socket.close()

    def __enter__(self) -> EmbeddedServer:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()
