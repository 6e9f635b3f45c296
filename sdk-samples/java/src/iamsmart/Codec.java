// The iAM Smart wire codec: request signature, AES-GCM content envelope, CEK unwrap, signCode, HKICHash, keys.
package iamsmart;

import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** Static helpers, each pinned by a known-answer vector (see sample/Vectors.java). */
public final class Codec {
  public static final String SIGNATURE_METHOD = "HmacSHA256";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private Codec() {}

  // #region sign
  /** clientID + signatureMethod + timestamp + nonce + the exact body, concatenated with no separators. */
  public static String stringToSign(String clientID, String timestamp, String nonce, String body) {
    return clientID + SIGNATURE_METHOD + timestamp + nonce + body;
  }

  /** Base64(HMAC-SHA256(key = client secret, message = string-to-sign)), then URL-encoded for the header. */
  public static String signatureHeader(String clientSecret, String stringToSign) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8));
      // URLEncoder: + / = become %2B %2F %3D (Base64 has no space, so its form encoding is safe here).
      return URLEncoder.encode(Base64.getEncoder().encodeToString(digest), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
  // #endregion sign

  // #region envelope
  /** Base64( uint32be(12) || IV(12) || AES-256-GCM ciphertext || tag(16) ) of the UTF-8 plaintext. */
  public static String encryptContent(byte[] cek, String plaintext, byte[] iv) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(TAG_BITS, iv));
    byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)); // ciphertext || tag
    ByteBuffer out = ByteBuffer.allocate(4 + iv.length + sealed.length);
    out.putInt(IV_BYTES).put(iv).put(sealed);
    return Base64.getEncoder().encodeToString(out.array());
  }

  public static String encryptContent(byte[] cek, String plaintext) throws GeneralSecurityException {
    byte[] iv = new byte[IV_BYTES];
    RANDOM.nextBytes(iv); // never reuse an IV with the same CEK
    return encryptContent(cek, plaintext, iv);
  }

  /** The inverse; a wrong key, a bad tag or a bad layout throws (answer it as D30004). */
  public static String decryptContent(byte[] cek, String content) throws GeneralSecurityException {
    byte[] raw = Base64.getDecoder().decode(content);
    if (raw.length < 4 + IV_BYTES + 16 || ByteBuffer.wrap(raw).getInt() != IV_BYTES)
      throw new GeneralSecurityException("content is not uint32be(12) || IV || ciphertext || tag");
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(TAG_BITS, raw, 4, IV_BYTES));
    byte[] plain = cipher.doFinal(raw, 4 + IV_BYTES, raw.length - 4 - IV_BYTES);
    return new String(plain, StandardCharsets.UTF_8);
  }
  // #endregion envelope

  // #region unwrap
  /** getKey's or a callback's secretKey: RSA PKCS#1 v1.5 with the KEK private key, giving the 32-byte CEK. */
  public static byte[] unwrapCek(String secretKey, PrivateKey kekPrivateKey) throws GeneralSecurityException {
    Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
    rsa.init(Cipher.DECRYPT_MODE, kekPrivateKey);
    byte[] cek = rsa.doFinal(Base64.getDecoder().decode(secretKey.trim()));
    if (cek.length != 32) throw new GeneralSecurityException("the CEK must be 32 bytes (AES-256)");
    return cek;
  }
  // #endregion unwrap

  /** signCode: d1 = SHA-256(hashCode), d2 = SHA-256(openID), d4 = MD5(SHA-512(d1 || d2)); digits (d4[i] >> 4) % 10. */
  public static String signCode(String hashCode, String openID) {
    byte[] d1 = digest("SHA-256", hashCode.getBytes(StandardCharsets.UTF_8));
    byte[] d2 = digest("SHA-256", openID.getBytes(StandardCharsets.UTF_8));
    byte[] both = Arrays.copyOf(d1, d1.length + d2.length);
    System.arraycopy(d2, 0, both, d1.length, d2.length);
    byte[] d4 = digest("MD5", digest("SHA-512", both));
    StringBuilder code = new StringBuilder();
    for (int i : new int[] {0, 4, 8, 12}) code.append(((d4[i] & 0xff) >> 4) % 10);
    return code.toString();
  }

  /** HKICHash = Base64(SHA-256(identification without check digit)), e.g. "A123456" for A123456(3). */
  public static String hkicHash(String identification) {
    String id = identification.trim().replaceFirst("^([A-Za-z]{1,2}[0-9]{6})(\\([0-9A]\\)|[0-9A])$", "$1");
    return Base64.getEncoder().encodeToString(digest("SHA-256", id.getBytes(StandardCharsets.UTF_8)));
  }

  public static String sha256Hex(byte[] data) {
    return HexFormat.of().formatHex(digest("SHA-256", data));
  }

  public static byte[] digest(String algorithm, byte[] data) {
    try {
      return MessageDigest.getInstance(algorithm).digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A PEM "PRIVATE KEY" (PKCS#8), as `openssl genpkey` or the sandbox console writes it. */
  public static PrivateKey privateKeyFromPem(String pem) throws GeneralSecurityException {
    String b64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(b64)));
  }

  /** An RSA private JWK (n, e, d, p, q, dp, dq, qi), as in the known-answer vectors. */
  public static PrivateKey privateKeyFromJwk(Map<String, Object> jwk) throws GeneralSecurityException {
    return KeyFactory.getInstance("RSA")
        .generatePrivate(new RSAPrivateCrtKeySpec(b64u(jwk, "n"), b64u(jwk, "e"), b64u(jwk, "d"), b64u(jwk, "p"),
            b64u(jwk, "q"), b64u(jwk, "dp"), b64u(jwk, "dq"), b64u(jwk, "qi")));
  }

  /** Base64 DER SubjectPublicKeyInfo of the private key's public half: getKey's pubKey names the KEK it used. */
  public static String spkiBase64(PrivateKey key) throws GeneralSecurityException {
    RSAPrivateCrtKey k = (RSAPrivateCrtKey) key;
    byte[] der = KeyFactory.getInstance("RSA")
        .generatePublic(new RSAPublicKeySpec(k.getModulus(), k.getPublicExponent()))
        .getEncoded();
    return Base64.getEncoder().encodeToString(der);
  }

  public static String randomHex(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  private static BigInteger b64u(Map<String, Object> jwk, String name) {
    return new BigInteger(1, Base64.getUrlDecoder().decode((String) jwk.get(name)));
  }
}
