// The iAM Smart back-channel client for Java 17: signed POSTs, the CEK cache, encrypted calls, getQR URLs, callbacks.
package iamsmart;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One instance per e-Service; thread-safe. Business failures throw {@link IamSmartException} with the D-code. */
public final class IamSmartClient {
  /** Codes after which a new CEK is fetched and the call retried once (reference §2.4). */
  private static final Set<String> KEY_ERRORS = Set.of("D30001", "D30002", "D30003", "D30004");
  /** A CEK is refreshed this long before its expiry. */
  private static final long REFRESH_BEFORE_MS = 60_000;
  /** Lifetime assumed for a CEK adopted from a callback, which carries none (24 h). */
  private static final long ADOPTED_CEK_MS = 86_400_000;

  private final String baseUrl;
  private final String clientID;
  private final String clientSecret;
  private final List<PrivateKey> kekPrivateKeys;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER) // a signed request is never replayed elsewhere
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private byte[] cek;
  private long cekExpiresAt;
  private int getKeyCalls;

  /** The decoded response envelope {txID, code, message, content}. */
  public record Envelope(String txID, String code, String message, Object content) {}

  /** A decrypted callback: its code and its content object (flat, whatever layout it arrived in). */
  public record Callback(String txID, String code, String message, Map<String, Object> content) {}

  /**
   * @param baseUrl the API root including /api/v1, e.g. http://127.0.0.1:8080/api/v1
   * @param kekPrivateKeys key A and optionally key B (the private halves of the KEKs you registered)
   */
  public IamSmartClient(String baseUrl, String clientID, String clientSecret, List<PrivateKey> kekPrivateKeys) {
    this.baseUrl = baseUrl.replaceAll("/+$", "");
    this.clientID = clientID;
    this.clientSecret = clientSecret;
    this.kekPrivateKeys = List.copyOf(kekPrivateKeys);
    if (this.kekPrivateKeys.isEmpty()) throw new IllegalArgumentException("at least one KEK private key");
  }

  public String clientID() {
    return clientID;
  }

  /** How many times getKey ran (the sample shows the refresh after D30002/D30004). */
  public synchronized int getKeyCalls() {
    return getKeyCalls;
  }

  // #region signed-post
  /** POSTs exactly `body`, signed over exactly `body`, and reads the envelope. */
  public Envelope post(String path, String body) throws IOException, InterruptedException {
    String timestamp = Long.toString(System.currentTimeMillis());
    String nonce = Codec.randomHex(16);
    String signature = Codec.signatureHeader(clientSecret, Codec.stringToSign(clientID, timestamp, nonce, body));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("clientID", clientID)
            .header("signatureMethod", Codec.SIGNATURE_METHOD)
            .header("timestamp", timestamp)
            .header("nonce", nonce)
            .header("signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> res = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    Map<String, Object> json;
    try {
      json = Json.parseObject(res.body());
    } catch (IllegalArgumentException e) {
      throw new IamSmartException("TRANSPORT", path + " answered HTTP " + res.statusCode() + " without an envelope", "");
    }
    Object message = json.containsKey("message") ? json.get("message") : json.get("msg");
    return new Envelope(
        String.valueOf(json.getOrDefault("txID", "")), String.valueOf(json.get("code")),
        message == null ? "" : message.toString(), json.get("content"));
  }
  // #endregion signed-post

  // #region cek-cache
  /** The cached CEK while more than a minute of its life remains; otherwise a new one from getKey. */
  synchronized byte[] currentCek() throws IOException, InterruptedException, GeneralSecurityException {
    if (cek != null && System.currentTimeMillis() < cekExpiresAt - REFRESH_BEFORE_MS) return cek;
    Envelope env = post(Contract.getKey.path(), "{}");
    getKeyCalls++;
    if (!"D00000".equals(env.code())) throw new IamSmartException(env.code(), env.message(), env.txID());
    @SuppressWarnings("unchecked")
    Contract.GetKeyContent grant = Contract.getKey.result().apply((Map<String, Object>) env.content());
    cek = unwrapWithAnyKey(grant.secretKey(), grant.pubKey());
    cekExpiresAt = grant.issueAt() + grant.expiresIn();
    return cek;
  }

  /** Drops `rejected` if it is still the cached CEK (the platform answered D3000x). */
  synchronized void invalidate(byte[] rejected) {
    if (cek == rejected) cek = null;
  }

  /** Tries the KEK whose public key is `pubKey` first, then the others. */
  private byte[] unwrapWithAnyKey(String secretKey, String pubKey) throws GeneralSecurityException {
    List<PrivateKey> ordered = new ArrayList<>(kekPrivateKeys);
    ordered.sort((a, b) -> Boolean.compare(matches(b, pubKey), matches(a, pubKey)));
    GeneralSecurityException last = null;
    for (PrivateKey key : ordered) {
      try {
        return Codec.unwrapCek(secretKey, key);
      } catch (GeneralSecurityException e) {
        last = e;
      }
    }
    throw new GeneralSecurityException("secretKey could not be unwrapped with any KEK", last);
  }

  private static boolean matches(PrivateKey key, String pubKey) {
    try {
      return Codec.spkiBase64(key).equals(pubKey);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
  // #endregion cek-cache

  // #region call
  /**
   * Calls an operation of the contract: encrypts the request with the CEK, signs, posts, decrypts the result. On
   * D30001–D30004 (CEK expired, revoked or not decryptable) it fetches a new CEK and retries once.
   */
  public <Req, Res> Res call(Contract.Operation<Req, Res> op, Req request)
      throws IOException, InterruptedException, GeneralSecurityException {
    Map<String, Object> json = request instanceof Contract.Content c ? c.toJson() : Map.of();
    for (int attempt = 0; ; attempt++) {
      byte[] key = currentCek();
      String body = Json.stringify(Map.of("content", Codec.encryptContent(key, Json.stringify(json))));
      Envelope env = post(op.path(), body);
      if (!"D00000".equals(env.code())) {
        if (attempt == 0 && KEY_ERRORS.contains(env.code())) {
          invalidate(key);
          continue;
        }
        throw new IamSmartException(env.code(), env.message(), env.txID());
      }
      if (env.content() == null) return op.result().apply(Map.of());
      return op.result().apply(Json.parseObject(Codec.decryptContent(key, (String) env.content())));
    }
  }
  // #endregion call

  public Contract.GetTokenResult getToken(Contract.GetTokenRequest request)
      throws IOException, InterruptedException, GeneralSecurityException {
    return call(Contract.getToken, request);
  }

  public Contract.InitiateRequestResult initiateProfileRequest(Contract.InitiateProfileRequest request)
      throws IOException, InterruptedException, GeneralSecurityException {
    return call(Contract.initiateProfileRequest, request);
  }

  public Contract.InitiateRequestResult initiateEmeRequest(Contract.InitiateEmeRequest request)
      throws IOException, InterruptedException, GeneralSecurityException {
    return call(Contract.initiateEmeRequest, request);
  }

  public Contract.InitiateSigningResult initiateSigningRequest(Contract.InitiateSigningRequest request)
      throws IOException, InterruptedException, GeneralSecurityException {
    return call(Contract.initiateSigningRequest, request);
  }

  public void ackSigningResult(Contract.AckSigningResultRequest request)
      throws IOException, InterruptedException, GeneralSecurityException {
    call(Contract.ackSigningResult, request);
  }

  // #region get-qr-url
  /** Options of the getQR URL; brokerPage defaults to true for mobile browser sources. */
  public record QrOptions(
      String redirectURI, String scope, String state, String source, String lang, Boolean brokerPage, String ticketID) {
    public static QrOptions of(String redirectURI, String scope, String state) {
      return new QrOptions(redirectURI, scope, state, "PC_Browser", "en-US", null, null);
    }

    public QrOptions withSource(String value) {
      return new QrOptions(redirectURI, scope, state, value, lang, brokerPage, ticketID);
    }

    public QrOptions withLang(String value) {
      return new QrOptions(redirectURI, scope, state, source, value, brokerPage, ticketID);
    }

    public QrOptions withTicketID(String value) {
      return new QrOptions(redirectURI, scope, state, source, lang, brokerPage, value);
    }
  }

  private static final List<String> MOBILE_BROWSERS =
      Arrays.asList("Android_Chrome", "Android_Firefox", "Android_Edge", "Android_Samsung", "Android_Huawei",
          "Android_Xiaomi", "iOS_Safari", "iOS_Chrome", "iOS_Firefox", "iOS_Edge");

  /** {baseUrl}/auth/getQR?clientID=…&responseType=code&source=…&redirectURI=…&scope=…&state=…&lang=…[&brokerPage][&ticketID] */
  public String buildGetQrUrl(QrOptions o) {
    Boolean broker = o.brokerPage() != null ? o.brokerPage() : MOBILE_BROWSERS.contains(o.source()) ? Boolean.TRUE : null;
    StringBuilder url = new StringBuilder(baseUrl).append("/auth/getQR?clientID=").append(encode(clientID));
    url.append("&responseType=code&source=").append(encode(o.source()));
    url.append("&redirectURI=").append(encode(o.redirectURI()));
    url.append("&scope=").append(encode(o.scope())).append("&state=").append(encode(o.state()));
    url.append("&lang=").append(encode(o.lang()));
    if (broker != null) url.append("&brokerPage=").append(broker);
    if (o.ticketID() != null) url.append("&ticketID=").append(encode(o.ticketID()));
    return url.toString();
  }

  /** Percent-encoding as JavaScript's encodeURIComponent: spaces as %20, upper-case escapes. */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8)
        .replace("+", "%20").replace("%21", "!").replace("%27", "'")
        .replace("%28", "(").replace("%29", ")").replace("%7E", "~");
  }
  // #endregion get-qr-url

  // #region decrypt-callback
  /**
   * Decrypts a callback POST body {txID, code, message, content, secretKey}: unwraps secretKey with each KEK, opens
   * content with the CEK that authenticates it, and adopts that CEK. The content may arrive flat ({businessID, state,
   * …}) or nested ({content: {businessID, state, …}}): both give the flat object. Anyone holding your public KEK can
   * build a callback: match businessID and state to a request you made before trusting it.
   */
  public Callback decryptCallback(String body) throws GeneralSecurityException {
    Map<String, Object> cb = Json.parseObject(body);
    String code = String.valueOf(cb.get("code"));
    Object content = cb.get("content");
    Object secretKey = cb.get("secretKey");
    if (!(content instanceof String sealed)) return new Callback(str(cb.get("txID")), code, str(cb.get("message")), null);
    List<byte[]> candidates = new ArrayList<>();
    if (secretKey instanceof String wrapped && !wrapped.isEmpty()) {
      for (PrivateKey key : kekPrivateKeys) {
        try {
          candidates.add(Codec.unwrapCek(wrapped, key));
        } catch (GeneralSecurityException notThisKey) {
          // try the next key
        }
      }
    } else synchronized (this) {
      if (cek != null) candidates.add(cek);
    }
    for (byte[] candidate : candidates) {
      String plain;
      try {
        plain = Codec.decryptContent(candidate, sealed);
      } catch (GeneralSecurityException notThisCek) {
        continue;
      }
      adopt(candidate);
      Map<String, Object> data = Json.parseObject(plain);
      if (!data.containsKey("businessID") && data.get("content") instanceof Map<?, ?> inner) {
        @SuppressWarnings("unchecked")
        Map<String, Object> nested = (Map<String, Object>) inner;
        data = nested;
      }
      return new Callback(str(cb.get("txID")), code, str(cb.get("message")), data);
    }
    throw new GeneralSecurityException("callback content could not be decrypted with any configured KEK");
  }
  // #endregion decrypt-callback

  private synchronized void adopt(byte[] candidate) {
    if (cek != null && Arrays.equals(cek, candidate)) return;
    cek = candidate;
    cekExpiresAt = System.currentTimeMillis() + ADOPTED_CEK_MS;
  }

  private static String str(Object v) {
    return v == null ? "" : v.toString();
  }
}
