"""The iAM Smart back-channel client: signed POSTs, the CEK cache, encrypted calls, getQR URLs, callbacks."""
from __future__ import annotations

import http.client
import json
import threading
import time
import typing
from typing import Any, NamedTuple
from urllib.parse import quote, urlsplit

from cryptography.hazmat.primitives.asymmetric import rsa

from . import codec
from .contract import OPERATIONS

# Codes after which a new CEK is fetched and the call retried once (reference §2.4).
KEY_ERRORS = {"D30001", "D30002", "D30003", "D30004"}
REFRESH_BEFORE_MS = 60_000
ADOPTED_CEK_MS = 86_400_000  # a callback's CEK carries no expiry: 24 h
URI_COMPONENT_SAFE = "!'()*~"  # what encodeURIComponent leaves as is
MOBILE_BROWSERS = {
    "Android_Chrome", "Android_Firefox", "Android_Edge", "Android_Samsung", "Android_Huawei",
    "Android_Xiaomi", "iOS_Safari", "iOS_Chrome", "iOS_Firefox", "iOS_Edge",
}


class IamSmartError(Exception):
    """A non-D00000 envelope (or TRANSPORT): `code` is the D-code, e.g. D40004 (code already used)."""

    def __init__(self, code: str, message: str, tx_id: str = "") -> None:
        super().__init__(f"{code} {message}")
        self.code = code
        self.tx_id = tx_id


class ContractError(ValueError):
    """A request or result that does not match the contract's types (iamsmart/contract.py)."""


class Envelope(NamedTuple):
    tx_id: str
    code: str
    message: str
    content: Any


class Callback(NamedTuple):
    """A decrypted callback: its code and its content object (flat, whatever layout it arrived in)."""

    tx_id: str
    code: str
    message: str
    content: dict[str, Any] | None


def check(td: type, value: Any, where: str, strict: bool) -> None:
    """Checks `value` against a contract TypedDict: required members present; with `strict`, no unknown member."""
    if not isinstance(value, dict):
        raise ContractError(f"{where} must be an object")
    hints = typing.get_type_hints(td)
    missing = sorted(td.__required_keys__ - value.keys())  # type: ignore[attr-defined]
    if missing:
        raise ContractError(f"{where}: the contract requires {', '.join(missing)}")
    unknown = sorted(value.keys() - hints.keys())
    if strict and unknown:
        raise ContractError(f"{where}: the contract has no member {', '.join(unknown)}")
    for key, hint in hints.items():
        if key in value and typing.is_typeddict(hint):
            check(hint, value[key], f"{where}.{key}", strict)


class IamSmartClient:
    """One instance per e-Service; thread-safe. Business failures raise IamSmartError with the D-code."""

    def __init__(self, base_url: str, client_id: str, client_secret: str,
                 kek_private_keys: list[rsa.RSAPrivateKey]) -> None:
        if not kek_private_keys:
            raise ValueError("at least one KEK private key")
        self.base_url = base_url.rstrip("/")
        self.client_id = client_id
        self._secret = client_secret
        self._keys = list(kek_private_keys)
        self._lock = threading.Lock()
        self._cek: bytes | None = None
        self._cek_expires_at = 0
        self.get_key_calls = 0

    # #region signed-post
    def post(self, path: str, body: str) -> Envelope:
        """POSTs exactly `body`, signed over exactly `body`, and reads the envelope."""
        timestamp = str(int(time.time() * 1000))
        nonce = codec.random_hex(16)
        headers = {
            "Content-Type": "application/json",
            "clientID": self.client_id,
            "signatureMethod": codec.SIGNATURE_METHOD,
            "timestamp": timestamp,
            "nonce": nonce,
            "signature": codec.signature_header(
                self._secret, codec.string_to_sign(self.client_id, timestamp, nonce, body)),
        }
        url = urlsplit(self.base_url + path)
        conn_type = http.client.HTTPSConnection if url.scheme == "https" else http.client.HTTPConnection
        conn = conn_type(url.netloc, timeout=30)
        try:
            conn.request("POST", url.path, body=body.encode("utf-8"), headers=headers)
            res = conn.getresponse()
            text = res.read().decode("utf-8")
        finally:
            conn.close()
        try:
            data = json.loads(text)
            code = data["code"]
        except (ValueError, KeyError, TypeError):
            raise IamSmartError("TRANSPORT", f"{path} answered HTTP {res.status} without an envelope") from None
        message = data.get("message", data.get("msg", ""))
        return Envelope(data.get("txID", ""), code, message or "", data.get("content"))
    # #endregion signed-post

    # #region cek-cache
    def current_cek(self) -> bytes:
        """The cached CEK while more than a minute of its life remains; otherwise a new one from getKey."""
        with self._lock:
            now = int(time.time() * 1000)
            if self._cek is not None and now < self._cek_expires_at - REFRESH_BEFORE_MS:
                return self._cek
            op = OPERATIONS["getKey"]
            env = self.post(op.path, "{}")
            self.get_key_calls += 1
            if env.code != "D00000":
                raise IamSmartError(env.code, env.message, env.tx_id)
            check(op.result, env.content, "getKey result", strict=False)
            grant = env.content
            self._cek = self._unwrap(grant["secretKey"], grant["pubKey"])
            self._cek_expires_at = grant["issueAt"] + grant["expiresIn"]
            return self._cek

    def invalidate(self, rejected: bytes) -> None:
        """Drops `rejected` if it is still the cached CEK (the platform answered D3000x)."""
        with self._lock:
            if self._cek is rejected:
                self._cek = None

    def _unwrap(self, secret_key: str, pub_key: str) -> bytes:
        """Tries the KEK whose public key is `pubKey` first, then the others."""
        ordered = sorted(self._keys, key=lambda k: codec.spki_base64(k) != pub_key)
        for key in ordered:
            try:
                return codec.unwrap_cek(secret_key, key)
            except ValueError:
                continue
        raise IamSmartError("D30001", "secretKey could not be unwrapped with any KEK")
    # #endregion cek-cache

    # #region call
    def call(self, operation_id: str, request: dict[str, Any] | None = None) -> Any:
        """
        Calls an operation of the contract: checks the request against its type, encrypts it with the CEK, signs,
        posts, decrypts and checks the result. On D30001–D30004 (CEK expired, revoked or not decryptable) it fetches
        a new CEK and retries once.
        """
        op = OPERATIONS[operation_id]
        request = request or {}
        if op.request is not None:
            check(op.request, request, f"{operation_id} request", strict=True)
        for attempt in (0, 1):
            cek = self.current_cek()
            body = json.dumps({"content": codec.encrypt_content(cek, json.dumps(request, ensure_ascii=False))})
            env = self.post(op.path, body)
            if env.code != "D00000":
                if attempt == 0 and env.code in KEY_ERRORS:
                    self.invalidate(cek)
                    continue
                raise IamSmartError(env.code, env.message, env.tx_id)
            if env.content is None or op.result is None:
                return None
            result = json.loads(codec.decrypt_content(cek, env.content))
            check(op.result, result, f"{operation_id} result", strict=False)
            return result
        raise AssertionError("unreachable")
    # #endregion call

    # #region get-qr-url
    def build_get_qr_url(self, redirect_uri: str, scope: str, state: str, source: str = "PC_Browser",
                         lang: str = "en-US", broker_page: bool | None = None, ticket_id: str | None = None) -> str:
        """{base}/auth/getQR?clientID=…&responseType=code&source=…&redirectURI=…&scope=…&state=…&lang=…[&brokerPage][&ticketID]"""
        if broker_page is None and source in MOBILE_BROWSERS:
            broker_page = True
        params = [("clientID", self.client_id), ("responseType", "code"), ("source", source),
                  ("redirectURI", redirect_uri), ("scope", scope), ("state", state), ("lang", lang)]
        if broker_page is not None:
            params.append(("brokerPage", "true" if broker_page else "false"))
        if ticket_id is not None:
            params.append(("ticketID", ticket_id))
        # As encodeURIComponent: spaces as %20, upper-case escapes.
        query = "&".join(f"{k}={quote(v, safe=URI_COMPONENT_SAFE)}" for k, v in params)
        return f"{self.base_url}/auth/getQR?{query}"
    # #endregion get-qr-url

    # #region decrypt-callback
    def decrypt_callback(self, body: str | bytes) -> Callback:
        """
        Decrypts a callback POST body {txID, code, message, content, secretKey}: unwraps secretKey with each KEK,
        opens content with the CEK that authenticates it, and adopts that CEK. The content may arrive flat
        ({businessID, state, …}) or nested ({content: {businessID, state, …}}): both give the flat object. Anyone
        holding your public KEK can build a callback: match businessID and state to a request you made.
        """
        cb = json.loads(body)
        code, tx_id, message = str(cb.get("code")), cb.get("txID", ""), cb.get("message", "")
        sealed, secret_key = cb.get("content"), cb.get("secretKey")
        if not isinstance(sealed, str):
            return Callback(tx_id, code, message, None)
        candidates: list[bytes] = []
        if isinstance(secret_key, str) and secret_key:
            for key in self._keys:
                try:
                    candidates.append(codec.unwrap_cek(secret_key, key))
                except ValueError:
                    continue
        elif self._cek is not None:
            candidates.append(self._cek)
        for cek in candidates:
            try:
                data = json.loads(codec.decrypt_content(cek, sealed))
            except Exception:  # not this CEK (InvalidTag), or not JSON
                continue
            self._adopt(cek)
            if isinstance(data, dict) and "businessID" not in data and isinstance(data.get("content"), dict):
                data = data["content"]
            return Callback(tx_id, code, message, data)
        raise ValueError("callback content could not be decrypted with any configured KEK")
    # #endregion decrypt-callback

    def _adopt(self, cek: bytes) -> None:
        with self._lock:
            if self._cek != cek:
                self._cek = cek
                self._cek_expires_at = int(time.time() * 1000) + ADOPTED_CEK_MS
