"""The iAM Smart wire codec: request signature, AES-GCM content envelope, CEK unwrap, signCode, HKICHash, keys."""
from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import struct
from typing import Any
from urllib.parse import quote

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

SIGNATURE_METHOD = "HmacSHA256"
IV_BYTES = 12


# #region sign
def string_to_sign(client_id: str, timestamp: str, nonce: str, body: str) -> str:
    """clientID + signatureMethod + timestamp + nonce + the exact body, concatenated with no separators."""
    return client_id + SIGNATURE_METHOD + timestamp + nonce + body


def signature_header(client_secret: str, message: str) -> str:
    """Base64(HMAC-SHA256(key = client secret, message = string-to-sign)), URL-encoded: + / = become %2B %2F %3D."""
    mac = hmac.new(client_secret.encode("utf-8"), message.encode("utf-8"), hashlib.sha256).digest()
    return quote(base64.b64encode(mac).decode("ascii"), safe="")
# #endregion sign


# #region envelope
def encrypt_content(cek: bytes, plaintext: str, iv: bytes | None = None) -> str:
    """Base64( uint32be(12) || IV(12) || AES-256-GCM ciphertext || tag(16) ) of the UTF-8 plaintext."""
    iv = os.urandom(IV_BYTES) if iv is None else iv  # never reuse an IV with the same CEK
    sealed = AESGCM(cek).encrypt(iv, plaintext.encode("utf-8"), None)  # ciphertext || tag
    return base64.b64encode(struct.pack(">I", IV_BYTES) + iv + sealed).decode("ascii")


def decrypt_content(cek: bytes, content: str) -> str:
    """The inverse; a wrong key, a bad tag or a bad layout raises (answer it as D30004)."""
    raw = base64.b64decode(content, validate=True)
    if len(raw) < 4 + IV_BYTES + 16 or struct.unpack(">I", raw[:4])[0] != IV_BYTES:
        raise ValueError("content is not uint32be(12) || IV || ciphertext || tag")
    return AESGCM(cek).decrypt(raw[4 : 4 + IV_BYTES], raw[4 + IV_BYTES :], None).decode("utf-8")
# #endregion envelope


# #region unwrap
def unwrap_cek(secret_key: str, kek_private_key: rsa.RSAPrivateKey) -> bytes:
    """getKey's or a callback's secretKey: RSA PKCS#1 v1.5 with the KEK private key, giving the 32-byte CEK."""
    cek = kek_private_key.decrypt(base64.b64decode(secret_key.strip()), padding.PKCS1v15())
    if len(cek) != 32:
        raise ValueError("the CEK must be 32 bytes (AES-256)")
    return cek
# #endregion unwrap


def sign_code(hash_code: str, open_id: str) -> str:
    """d1 = SHA-256(hashCode), d2 = SHA-256(openID), d4 = MD5(SHA-512(d1 || d2)); digits (d4[i] >> 4) % 10."""
    d1 = hashlib.sha256(hash_code.encode("utf-8")).digest()
    d2 = hashlib.sha256(open_id.encode("utf-8")).digest()
    d4 = hashlib.md5(hashlib.sha512(d1 + d2).digest()).digest()
    return "".join(str((d4[i] >> 4) % 10) for i in (0, 4, 8, 12))


def hkic_hash(identification: str) -> str:
    """HKICHash = Base64(SHA-256(identification without check digit)), e.g. "A123456" for A123456(3)."""
    ident = re.sub(r"^([A-Za-z]{1,2}[0-9]{6})(\([0-9A]\)|[0-9A])$", r"\1", identification.strip())
    return base64.b64encode(hashlib.sha256(ident.encode("utf-8")).digest()).decode("ascii")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def private_key_from_pem(pem: str | bytes) -> rsa.RSAPrivateKey:
    """A PEM private key (PKCS#8 "PRIVATE KEY" or PKCS#1 "RSA PRIVATE KEY")."""
    key = serialization.load_pem_private_key(pem.encode("ascii") if isinstance(pem, str) else pem, password=None)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ValueError("the KEK must be an RSA key")
    return key


def private_key_from_jwk(jwk: dict[str, Any]) -> rsa.RSAPrivateKey:
    """An RSA private JWK (n, e, d, p, q, dp, dq, qi), as in the known-answer vectors."""

    def num(name: str) -> int:
        value = jwk[name]
        return int.from_bytes(base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)), "big")

    public = rsa.RSAPublicNumbers(num("e"), num("n"))
    return rsa.RSAPrivateNumbers(
        num("p"), num("q"), num("d"), num("dp"), num("dq"), num("qi"), public
    ).private_key()


def spki_base64(key: rsa.RSAPrivateKey) -> str:
    """Base64 DER SubjectPublicKeyInfo of the private key's public half: getKey's pubKey names the KEK it used."""
    der = key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return base64.b64encode(der).decode("ascii")


def random_hex(n: int) -> str:
    return os.urandom(n).hex()
