"""Sandbox-only controls (the /sandbox/v1 API with the admin token): none of this exists on the real platform."""
from __future__ import annotations

import json
import urllib.request


class SandboxControl:
    """Headless decisions and forced faults, so the journey runs in CI without a person in the virtual app."""

    def __init__(self, sandbox_url: str, admin_token: str) -> None:
        self.sandbox_url = sandbox_url.rstrip("/")  # e.g. http://127.0.0.1:8080 (without /api/v1)
        self.admin_token = admin_token

    def autopilot(self, client_id: str, resident_id: str, decision: str) -> None:
        """Every new ticket of the app is decided at once by this resident (profile, e-ME, signing)."""
        self._send("PUT", f"/sandbox/v1/apps/{client_id}/autopilot",
                   {"residentId": resident_id, "decision": decision, "delayMs": 0})

    def expire_cek(self, client_id: str) -> None:
        """The platform forgets the app's CEKs: the next encrypted call answers D30002."""
        self._send("POST", f"/sandbox/v1/apps/{client_id}/scenarios/expire-cek", {})

    def force_code(self, client_id: str, operation_id: str, dcode: str) -> None:
        """The app's next call of `operation_id` answers `dcode` (e.g. D30004, as if the content did not decrypt)."""
        self._send("POST", f"/sandbox/v1/apps/{client_id}/scenarios",
                   {"operationId": operation_id, "dcode": dcode, "times": 1})

    def ca_chain_pem(self) -> bytes:
        """The mock CA chain (issuing CA + root) that signs the residents' certificates."""
        with urllib.request.urlopen(f"{self.sandbox_url}/pki/chain.pem") as res:
            return res.read()

    def _send(self, method: str, path: str, body: object) -> None:
        request = urllib.request.Request(
            self.sandbox_url + path, method=method, data=json.dumps(body).encode("utf-8"),
            headers={"Authorization": f"Bearer {self.admin_token}", "Content-Type": "application/json"})
        with urllib.request.urlopen(request) as res:  # raises HTTPError on 4xx/5xx
            res.read()
