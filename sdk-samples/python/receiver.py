"""The e-Service's callback endpoint: a tiny http.server on 127.0.0.1 that decrypts and matches callbacks."""
from __future__ import annotations

import threading
from concurrent.futures import Future
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import NamedTuple

from iamsmart import Callback, IamSmartClient
from iamsmart.codec import random_hex


class Pending(NamedTuple):
    """A request you started: the callback must bring back this businessID and this state."""

    business_id: str
    state: str
    result: "Future[Callback]"


class CallbackReceiver:
    """Listens on 127.0.0.1:{port}/iamsmart/callback; each request you start waits on its own businessID."""

    def __init__(self, client: IamSmartClient, port: int) -> None:
        self.client = client
        self.pending: dict[str, Pending] = {}
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                length = int(self.headers.get("Content-Length") or 0)
                status = receiver.settle(self.rfile.read(length)) if self.path == "/iamsmart/callback" else 404
                self.send_response(status)  # any 2xx acknowledges; otherwise the platform tries again
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/iamsmart/callback"

    def expect(self, kind: str) -> Pending:
        """A fresh businessID (≤ 36 ASCII) and state (128 random bits) to send with an initiateRequest."""
        pending = Pending(f"{kind}-{random_hex(8)}", random_hex(16), Future())
        self.pending[pending.business_id] = pending
        return pending

    # #region receiver
    def settle(self, body: bytes) -> int:
        """204 for a callback of a request we made; 404 for one we did not (forged, or settled); 400 unreadable."""
        try:
            callback = self.client.decrypt_callback(body)  # unwraps secretKey with our KEK; flat or nested content
        except ValueError:
            return 400
        content = callback.content or {}
        pending = self.pending.get(str(content.get("businessID")))
        if pending is None or pending.state != content.get("state"):
            return 404  # only trust answers to our own requests
        del self.pending[pending.business_id]
        pending.result.set_result(callback)  # D00000 with the data, or D50001/D60001/D70001… with businessID, state
        return 204
    # #endregion receiver

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self) -> "CallbackReceiver":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
