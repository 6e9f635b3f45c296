"""Known-answer tests: the Python codec against ../shared/reference/test-vectors.json. Prints "ok <name>" per check."""
from __future__ import annotations

import json
import sys
from urllib.parse import unquote

try:
    from iamsmart import IamSmartClient, codec
except ImportError as e:  # cryptography missing
    sys.exit(f"{e}: install Debian's python3-cryptography (apt-get install -y python3-cryptography)")

failures = 0


def check(name: str, expected: str, actual: str) -> None:
    global failures
    if expected == actual:
        print(f"ok {name}")
    else:
        failures += 1
        print(f"FAIL {name}: expected {expected} got {actual}")


def main(path: str) -> int:
    with open(path, encoding="utf-8") as f:
        v = json.load(f)

    sig = v["requestSignature"]
    sts = codec.string_to_sign(sig["clientID"], sig["timestamp"], sig["nonce"], sig["body"])
    check("signature.stringToSign", sig["stringToSign"], sts)
    header = codec.signature_header(sig["clientSecret"], sts)
    check("signature.header", sig["signatureHeader"], header)
    check("signature.base64", sig["signatureBase64"], unquote(header))

    env = v["contentEnvelope"]
    cek = bytes.fromhex(env["cekHex"])
    check("envelope.encrypt", env["content"], codec.encrypt_content(cek, env["plaintext"], bytes.fromhex(env["ivHex"])))
    check("envelope.decrypt", env["plaintext"], codec.decrypt_content(cek, env["content"]))
    check("envelope.roundTrip", '{"a":"中文"}', codec.decrypt_content(cek, codec.encrypt_content(cek, '{"a":"中文"}')))

    wrap = v["cekWrap"]
    kek = codec.private_key_from_jwk(wrap["kekPrivateKeyJwk"])
    check("cekUnwrap.cek", wrap["expectedCekHex"], codec.unwrap_cek(wrap["secretKey"], kek).hex())
    check("cekUnwrap.pubKey", wrap["kekPublicKeySpkiBase64"], codec.spki_base64(kek))

    for case in v["signCode"]["cases"]:
        check(f"signCode.{case['signCode']}", case["signCode"], codec.sign_code(case["hashCode"], case["openID"]))
    for case in v["hkicHash"]:
        check(f"HKICHash.{case['identification']}", case["HKICHash"], codec.hkic_hash(case["identification"]))

    # Callbacks: the vector secretKey wraps the vector CEK; the content may be nested {content:{…}} or flat.
    client = IamSmartClient("http://127.0.0.1:1/api/v1", "c", "s", [kek])
    data = {"businessID": "B-1", "state": "S-1", "emailAddress": "chan@example.com"}
    for layout, content in (("flat", data), ("nested", {"content": data})):
        body = {"txID": "t", "code": "D00000", "message": "SUCCESS", "secretKey": wrap["secretKey"],
                "content": codec.encrypt_content(cek, json.dumps(content))}
        check(f"callback.{layout}", json.dumps(data), json.dumps(client.decrypt_callback(json.dumps(body)).content))

    # getQR URL: printed for the test, which compares it with the TypeScript client's buildGetQrUrl.
    qr = IamSmartClient("https://sandbox.test/api/v1", "c1 +/", "s", [kek]).build_get_qr_url(
        "https://osp.test/cb?x=1&y=é", "eidapi_auth eidapi_profiles", "s!*'()~",
        source="iOS_Safari", lang="zh-HK", ticket_id="t 1")
    print(f"getQrUrl {qr}")

    print("vectors ok" if failures == 0 else f"{failures} vectors failed")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: vectors.py <test-vectors.json>")
    sys.exit(main(sys.argv[1]))
