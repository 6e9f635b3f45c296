"""
The sample journey against the sandbox: login (headless), profile and e-ME by callback, hash signing, verified.

Environment: IAMSMART_BASE_URL (…/api/v1), IAMSMART_CLIENT_ID, IAMSMART_CLIENT_SECRET, IAMSMART_KEK_PRIVATE_KEY (path
of the PEM key), IAMSMART_RETURN_URI (a registered redirect URI for the browser's return), IAMSMART_CALLBACK_PORT (the
callback URI http://127.0.0.1:{port}/iamsmart/callback must be registered too) and SANDBOX_ADMIN_TOKEN (headless
decisions). Prints one JSON line per step. `--until login` stops after getToken. Run with Debian's /usr/bin/python3.
"""
from __future__ import annotations

import base64
import datetime
import http.client
import json
import os
import re
import sys
from typing import Any
from urllib.parse import parse_qs, urlsplit

try:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    from iamsmart import IamSmartClient, IamSmartError, check, codec
    from iamsmart.contract import EmeCallbackContent, GetTokenResult, ProfileCallbackContent, SigningCallbackContent
except ImportError as e:
    sys.exit(f"{e}: install Debian's python3-cryptography (apt-get install -y python3-cryptography)")

from receiver import CallbackReceiver
from sandbox_control import SandboxControl

SCOPES = "eidapi_auth eidapi_profiles eidapi_formFilling eidapi_sign"


def emit(step: str, **values: Any) -> None:
    print(json.dumps({"step": step, **values}, ensure_ascii=False), flush=True)


# #region login
def login(client: IamSmartClient, return_uri: str) -> GetTokenResult:
    """Sends the resident to getQR, checks state on the way back, exchanges the code."""
    state = codec.random_hex(16)  # keep it in the resident's session
    url = urlsplit(client.build_get_qr_url(return_uri, SCOPES, state))
    # A browser would be redirected to the URL. Headless in the sandbox: two headers decide at once, 302 comes back.
    conn = http.client.HTTPConnection(url.netloc, timeout=30)
    conn.request("GET", f"{url.path}?{url.query}",
                 headers={"X-Sandbox-Resident": "magic-approve", "X-Sandbox-Decision": "approve"})
    back = parse_qs(urlsplit(conn.getresponse().getheader("Location", "")).query)  # ?code=…&state=…
    conn.close()
    if back.get("state") != [state]:
        raise RuntimeError("state does not match: not our login")
    if "code" not in back:
        raise IamSmartError(back.get("error_code", ["?"])[0], "login failed")  # D40000 cancelled, D40001 rejected…
    return client.call("getToken", {"code": back["code"][0], "grantType": "authorization_code"})
# #endregion login


# #region profile
def profile(client: IamSmartClient, receiver: CallbackReceiver, token: GetTokenResult) -> ProfileCallbackContent:
    request = receiver.expect("profile")  # a new businessID and state
    started = client.call("initiateProfileRequest", {
        "businessID": request.business_id,
        "state": request.state,
        "accessToken": token["accessToken"],
        "openID": token["openID"],
        "source": "PC_Browser",
        "redirectURI": receiver.url,  # where the platform POSTs the result
        "lang": "en-US",
        "profileFields": ["idNo", "enName", "chName", "birthDate", "gender"],
    })
    # authByQR true: send the browser to getQR with started["ticketID"]; false: show "Open iAM Smart" and wait.
    callback = request.result.result(timeout=30)
    if callback.code != "D00000":
        raise IamSmartError(callback.code, "not shared", callback.tx_id)  # D50001 declined, D50003 timed out…
    check(ProfileCallbackContent, callback.content, "profile callback", strict=False)
    return callback.content
# #endregion profile


# #region eme
def eme(client: IamSmartClient, receiver: CallbackReceiver, token: GetTokenResult) -> EmeCallbackContent:
    request = receiver.expect("eme")
    client.call("initiateEmeRequest", {
        "businessID": request.business_id,
        "state": request.state,
        "accessToken": token["accessToken"],
        "openID": token["openID"],
        "source": "iOS_Safari",  # a phone: the request is pushed to the app (authByQR false)
        "redirectURI": receiver.url,
        "eMEFields": ["prefix", "emailAddress", "mobileNumber", "residentialAddress"],
        "formName": "Synthetic permit application",
    })
    callback = request.result.result(timeout=30)
    if callback.code != "D00000":
        raise IamSmartError(callback.code, "not filled", callback.tx_id)
    check(EmeCallbackContent, callback.content, "e-ME callback", strict=False)
    return callback.content  # fields the resident left empty are absent
# #endregion eme


def sign(client: IamSmartClient, receiver: CallbackReceiver, token: GetTokenResult, ca_chain_pem: bytes) -> None:
    get_keys = client.get_key_calls
    # #region signing
    document = "Synthetic permit application OSP-2026-000123".encode("utf-8")
    hash_code = codec.sha256_hex(document)  # 64 hex; the resident signs this digest
    request = receiver.expect("sign")
    started = client.call("initiateSigningRequest", {
        "businessID": request.business_id,
        "state": request.state,
        "accessToken": token["accessToken"],
        "openID": token["openID"],
        "source": "PC_Browser",
        "redirectURI": receiver.url,
        "hashCode": hash_code,
        "department": "Sandbox Permits Office",
        "serviceName": "Synthetic permit application",
        "documentName": "Application OSP-2026-000123",
    })
    # Show started["signCode"] beside the document; the app shows the same four digits to the resident.
    expected_code = codec.sign_code(hash_code, token["openID"])
    callback = request.result.result(timeout=30)
    if callback.code != "D00000":
        raise IamSmartError(callback.code, "not signed", callback.tx_id)
    check(SigningCallbackContent, callback.content, "signing callback", strict=False)
    result: SigningCallbackContent = callback.content
    verified = result.get("hashCode") == hash_code and verify(document, result, ca_chain_pem)
    # Tell the platform whether you kept the signature.
    client.call("ackSigningResult", {"businessID": request.business_id,
                                     "signingResult": "SUCCESS" if verified else "FAIL"})
    # #endregion signing
    emit("signing", signCode=started["signCode"], signCodeComputed=expected_code, verified=verified,
         getKeyCallsForRetry=client.get_key_calls - get_keys)


# #region verify
def verify(document: bytes, result: SigningCallbackContent, ca_chain_pem: bytes) -> bool:
    """RSASSA-PKCS1-v1_5 / SHA-256 over the document with the certificate's key; the certificate issued by the CA."""
    cert = x509.load_der_x509_certificate(base64.b64decode(result["cert"]))
    signed_at = datetime.datetime.fromtimestamp(result["timestamp"] / 1000, datetime.timezone.utc).replace(tzinfo=None)
    if not cert.not_valid_before <= signed_at <= cert.not_valid_after:
        return False
    pems = re.findall(rb"-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----", ca_chain_pem, re.S)
    issuers = [ca for ca in map(x509.load_pem_x509_certificate, pems) if ca.subject == cert.issuer]
    try:
        for ca in issuers:  # raises InvalidSignature if the CA did not sign it
            ca.public_key().verify(cert.signature, cert.tbs_certificate_bytes, padding.PKCS1v15(),
                                   cert.signature_hash_algorithm)
        cert.public_key().verify(base64.b64decode(result["signature"]), document, padding.PKCS1v15(), hashes.SHA256())
    except Exception:
        return False
    return len(issuers) > 0
# #endregion verify


def main(argv: list[str]) -> int:
    env = os.environ
    base_url = env.get("IAMSMART_BASE_URL", "http://127.0.0.1:8080/api/v1")
    client_id = env["IAMSMART_CLIENT_ID"]
    with open(env["IAMSMART_KEK_PRIVATE_KEY"], "rb") as f:
        kek = codec.private_key_from_pem(f.read())
    client = IamSmartClient(base_url, client_id, env["IAMSMART_CLIENT_SECRET"], [kek])
    sandbox = SandboxControl(re.sub(r"/api/v1/?$", "", base_url), env["SANDBOX_ADMIN_TOKEN"])

    token = login(client, env["IAMSMART_RETURN_URI"])
    emit("login", openID=token["openID"], userType=token["userType"], scope=token["scope"])
    if argv[:2] == ["--until", "login"]:
        return 0

    # Headless: the autopilot approves every request as the logged-in resident (sandbox only).
    sandbox.autopilot(client_id, "magic-approve", "approve")
    with CallbackReceiver(client, int(env.get("IAMSMART_CALLBACK_PORT", "8092"))) as receiver:
        data = profile(client, receiver, token)
        emit("profile", idNo=f"{data['idNo']['Identification']}({data['idNo']['CheckDigit']})",
             enName=data["enName"]["UnstructuredName"], birthDate=data["birthDate"])

        sandbox.expire_cek(client_id)  # the platform drops the CEK: the next call answers D30002
        get_keys = client.get_key_calls
        filled = eme(client, receiver, token)
        emit("eme", emailAddress=filled["emailAddress"], mobile=filled["mobileNumber"]["SubscriberNumber"],
             getKeyCallsForRetry=client.get_key_calls - get_keys)

        sandbox.force_code(client_id, "initiateSigningRequest", "D30004")  # as if the platform could not decrypt
        sign(client, receiver, token, sandbox.ca_chain_pem())
    emit("done")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
