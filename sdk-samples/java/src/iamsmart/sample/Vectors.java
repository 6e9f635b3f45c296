// Known-answer tests: the Java codec against ../shared/reference/test-vectors.json. Prints "ok <name>" per check.
package iamsmart.sample;

import iamsmart.Codec;
import iamsmart.IamSmartClient;
import iamsmart.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class Vectors {
  private static int failures;

  private Vectors() {}

  @SuppressWarnings("unchecked")
  public static void main(String[] args) throws Exception {
    if (args.length < 1) throw new IllegalArgumentException("usage: Vectors <test-vectors.json>");
    Map<String, Object> v = Json.parseObject(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
    HexFormat hex = HexFormat.of();

    Map<String, Object> sig = (Map<String, Object>) v.get("requestSignature");
    String sts = Codec.stringToSign(s(sig, "clientID"), s(sig, "timestamp"), s(sig, "nonce"), s(sig, "body"));
    check("signature.stringToSign", s(sig, "stringToSign"), sts);
    String header = Codec.signatureHeader(s(sig, "clientSecret"), sts);
    check("signature.header", s(sig, "signatureHeader"), header);
    check("signature.base64", s(sig, "signatureBase64"), URLDecoder.decode(header, StandardCharsets.UTF_8));

    Map<String, Object> env = (Map<String, Object>) v.get("contentEnvelope");
    byte[] cek = hex.parseHex(s(env, "cekHex"));
    check("envelope.encrypt", s(env, "content"), Codec.encryptContent(cek, s(env, "plaintext"), hex.parseHex(s(env, "ivHex"))));
    check("envelope.decrypt", s(env, "plaintext"), Codec.decryptContent(cek, s(env, "content")));
    String fresh = Codec.encryptContent(cek, "{\"a\":\"中文\"}");
    check("envelope.roundTrip", "{\"a\":\"中文\"}", Codec.decryptContent(cek, fresh));

    Map<String, Object> wrap = (Map<String, Object>) v.get("cekWrap");
    PrivateKey kek = Codec.privateKeyFromJwk((Map<String, Object>) wrap.get("kekPrivateKeyJwk"));
    check("cekUnwrap.cek", s(wrap, "expectedCekHex"), hex.formatHex(Codec.unwrapCek(s(wrap, "secretKey"), kek)));
    check("cekUnwrap.pubKey", s(wrap, "kekPublicKeySpkiBase64"), Codec.spkiBase64(kek));

    Map<String, Object> signCode = (Map<String, Object>) v.get("signCode");
    for (Object c : (List<Object>) signCode.get("cases")) {
      Map<String, Object> k = (Map<String, Object>) c;
      check("signCode." + s(k, "signCode"), s(k, "signCode"), Codec.signCode(s(k, "hashCode"), s(k, "openID")));
    }
    for (Object c : (List<Object>) v.get("hkicHash")) {
      Map<String, Object> k = (Map<String, Object>) c;
      check("HKICHash." + s(k, "identification"), s(k, "HKICHash"), Codec.hkicHash(s(k, "identification")));
    }

    // Callbacks: the vector secretKey wraps the vector CEK; the content may be nested {content:{…}} or flat.
    IamSmartClient client = new IamSmartClient("http://127.0.0.1:1/api/v1", "c", "s", List.of(kek));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("businessID", "B-1");
    data.put("state", "S-1");
    data.put("emailAddress", "chan@example.com");
    for (String layout : List.of("flat", "nested")) {
      Object content = layout.equals("flat") ? data : Map.of("content", data);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("txID", "t");
      body.put("code", "D00000");
      body.put("message", "SUCCESS");
      body.put("content", Codec.encryptContent(cek, Json.stringify(content)));
      body.put("secretKey", s(wrap, "secretKey"));
      IamSmartClient.Callback cb = client.decryptCallback(Json.stringify(body));
      check("callback." + layout, Json.stringify(data), Json.stringify(cb.content()));
    }

    // getQR URL: printed for the test, which compares it with the TypeScript client's buildGetQrUrl.
    System.out.println("getQrUrl " + new IamSmartClient("https://sandbox.test/api/v1", "c1 +/", "s", List.of(kek))
        .buildGetQrUrl(IamSmartClient.QrOptions.of("https://osp.test/cb?x=1&y=é", "eidapi_auth eidapi_profiles", "s!*'()~")
            .withSource("iOS_Safari").withLang("zh-HK").withTicketID("t 1")));

    System.out.println(failures == 0 ? "vectors ok" : failures + " vectors failed");
    System.exit(failures == 0 ? 0 : 1);
  }

  private static String s(Map<String, Object> m, String key) {
    return (String) m.get(key);
  }

  private static void check(String name, String expected, String actual) {
    if (expected.equals(actual)) System.out.println("ok " + name);
    else {
      failures++;
      System.out.println("FAIL " + name + ": expected " + expected + " got " + actual);
    }
  }
}
