// The sample journey against the sandbox: login (headless), profile and e-ME by callback, hash signing, verified.
package iamsmart.sample;

import iamsmart.Codec;
import iamsmart.Contract;
import iamsmart.IamSmartClient;
import iamsmart.IamSmartException;
import iamsmart.Json;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Environment: IAMSMART_BASE_URL (…/api/v1), IAMSMART_CLIENT_ID, IAMSMART_CLIENT_SECRET, IAMSMART_KEK_PRIVATE_KEY
 * (path of the PEM PKCS#8 key), IAMSMART_RETURN_URI (a registered redirect URI for the browser's return),
 * IAMSMART_CALLBACK_PORT (the callback URI http://127.0.0.1:{port}/iamsmart/callback must be registered too) and
 * SANDBOX_ADMIN_TOKEN (headless decisions). Prints one JSON line per step. `--until login` stops after getToken.
 */
public final class Journey {
  private static final String SCOPES = "eidapi_auth eidapi_profiles eidapi_formFilling eidapi_sign";

  private Journey() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    String baseUrl = env.getOrDefault("IAMSMART_BASE_URL", "http://127.0.0.1:8080/api/v1");
    String clientID = required(env, "IAMSMART_CLIENT_ID");
    PrivateKey kek = Codec.privateKeyFromPem(Files.readString(Path.of(required(env, "IAMSMART_KEK_PRIVATE_KEY"))));
    IamSmartClient client = new IamSmartClient(baseUrl, clientID, required(env, "IAMSMART_CLIENT_SECRET"), List.of(kek));
    SandboxControl sandbox = new SandboxControl(baseUrl.replaceFirst("/api/v1/?$", ""), required(env, "SANDBOX_ADMIN_TOKEN"));
    int port = Integer.parseInt(env.getOrDefault("IAMSMART_CALLBACK_PORT", "8091"));

    Contract.GetTokenResult token = login(client, required(env, "IAMSMART_RETURN_URI"));
    emit("login", "openID", token.openID(), "userType", token.userType(), "scope", token.scope());
    if (args.length >= 2 && args[0].equals("--until") && args[1].equals("login")) return;

    // Headless: the autopilot approves every request as the logged-in resident (sandbox only).
    sandbox.autopilot(clientID, "magic-approve", "approve");
    try (CallbackReceiver receiver = new CallbackReceiver(client, port)) {
      Contract.ProfileCallbackContent profile = profile(client, receiver, token);
      emit("profile", "idNo", profile.idNo().Identification() + "(" + profile.idNo().CheckDigit() + ")",
          "enName", profile.enName().UnstructuredName(), "birthDate", profile.birthDate());

      sandbox.expireCek(clientID); // the platform drops the CEK: the next call answers D30002
      int getKeys = client.getKeyCalls();
      Contract.EmeCallbackContent eme = eme(client, receiver, token);
      emit("eme", "emailAddress", eme.emailAddress(), "mobile", eme.mobileNumber().SubscriberNumber(),
          "getKeyCallsForRetry", client.getKeyCalls() - getKeys);

      sandbox.forceCode(clientID, "initiateSigningRequest", "D30004"); // as if the platform could not decrypt
      sign(client, receiver, token, sandbox.caChainPem());
    }
    emit("done");
  }

  // #region login
  /** Sends the resident to getQR, checks state on the way back, exchanges the code. */
  static Contract.GetTokenResult login(IamSmartClient client, String returnURI) throws Exception {
    String state = Codec.randomHex(16); // keep it in the resident's session
    String url = client.buildGetQrUrl(IamSmartClient.QrOptions.of(returnURI, SCOPES, state));
    // A browser would be redirected to `url`. Headless in the sandbox: two headers decide at once, 302 comes back.
    HttpRequest getQr = HttpRequest.newBuilder(URI.create(url))
        .header("X-Sandbox-Resident", "magic-approve")
        .header("X-Sandbox-Decision", "approve")
        .build();
    HttpResponse<Void> res = HttpClient.newHttpClient().send(getQr, HttpResponse.BodyHandlers.discarding());
    Map<String, String> back = query(res.headers().firstValue("Location").orElseThrow()); // ?code=…&state=…
    if (!state.equals(back.get("state"))) throw new IllegalStateException("state does not match: not our login");
    if (back.get("code") == null) throw new IamSmartException(back.get("error_code"), "login failed", ""); // D40001…
    return client.getToken(
        Contract.GetTokenRequest.builder().code(back.get("code")).grantType("authorization_code").build());
  }
  // #endregion login

  // #region profile
  static Contract.ProfileCallbackContent profile(
      IamSmartClient client, CallbackReceiver receiver, Contract.GetTokenResult token) throws Exception {
    CallbackReceiver.Pending request = receiver.expect("profile"); // a new businessID and state
    Contract.InitiateRequestResult started = client.initiateProfileRequest(
        Contract.InitiateProfileRequest.builder()
            .businessID(request.businessID())
            .state(request.state())
            .accessToken(token.accessToken())
            .openID(token.openID())
            .source("PC_Browser")
            .redirectURI(receiver.url()) // where the platform POSTs the result
            .lang("en-US")
            .profileFields(List.of("idNo", "enName", "chName", "birthDate", "gender"))
            .build());
    // authByQR true: send the browser to getQR with started.ticketID(); false: show "Open iAM Smart" and wait.
    IamSmartClient.Callback callback = request.result().get(30, TimeUnit.SECONDS);
    if (!"D00000".equals(callback.code())) throw new IamSmartException(callback.code(), "not shared", callback.txID());
    return Contract.ProfileCallbackContent.fromJson(callback.content());
  }
  // #endregion profile

  // #region eme
  static Contract.EmeCallbackContent eme(
      IamSmartClient client, CallbackReceiver receiver, Contract.GetTokenResult token) throws Exception {
    CallbackReceiver.Pending request = receiver.expect("eme");
    client.initiateEmeRequest(
        Contract.InitiateEmeRequest.builder()
            .businessID(request.businessID())
            .state(request.state())
            .accessToken(token.accessToken())
            .openID(token.openID())
            .source("iOS_Safari") // a phone: the request is pushed to the app (authByQR false)
            .redirectURI(receiver.url())
            .eMEFields(List.of("prefix", "emailAddress", "mobileNumber", "residentialAddress"))
            .formName("Synthetic permit application")
            .build());
    IamSmartClient.Callback callback = request.result().get(30, TimeUnit.SECONDS);
    if (!"D00000".equals(callback.code())) throw new IamSmartException(callback.code(), "not filled", callback.txID());
    return Contract.EmeCallbackContent.fromJson(callback.content()); // fields the resident left empty are absent
  }
  // #endregion eme

  static void sign(IamSmartClient client, CallbackReceiver receiver, Contract.GetTokenResult token, String caChainPem)
      throws Exception {
    int getKeys = client.getKeyCalls();
    // #region signing
    byte[] document = "Synthetic permit application OSP-2026-000123".getBytes(StandardCharsets.UTF_8);
    String hashCode = Codec.sha256Hex(document); // 64 hex; the resident signs this digest
    CallbackReceiver.Pending request = receiver.expect("sign");
    Contract.InitiateSigningResult started = client.initiateSigningRequest(
        Contract.InitiateSigningRequest.builder()
            .businessID(request.businessID())
            .state(request.state())
            .accessToken(token.accessToken())
            .openID(token.openID())
            .source("PC_Browser")
            .redirectURI(receiver.url())
            .hashCodeValue(hashCode) // the JSON member `hashCode` (a record cannot have a hashCode component)
            .department("Sandbox Permits Office")
            .serviceName("Synthetic permit application")
            .documentName("Application OSP-2026-000123")
            .build());
    // Show started.signCode() beside the document; the app shows the same four digits to the resident.
    String expectedCode = Codec.signCode(hashCode, token.openID());
    IamSmartClient.Callback callback = request.result().get(30, TimeUnit.SECONDS);
    if (!"D00000".equals(callback.code())) throw new IamSmartException(callback.code(), "not signed", callback.txID());
    Contract.SigningCallbackContent result = Contract.SigningCallbackContent.fromJson(callback.content());
    boolean verified = hashCode.equals(result.hashCodeValue()) && verify(document, result, caChainPem);
    // Tell the platform whether you kept the signature.
    client.ackSigningResult(Contract.AckSigningResultRequest.builder()
        .businessID(request.businessID())
        .signingResult(verified ? "SUCCESS" : "FAIL")
        .build());
    // #endregion signing
    emit("signing", "signCode", started.signCode(), "signCodeComputed", expectedCode, "verified", verified,
        "getKeyCallsForRetry", client.getKeyCalls() - getKeys);
  }

  // #region verify
  /** SHA256withRSA over the document with the certificate's key; the certificate issued by the CA, valid then. */
  static boolean verify(byte[] document, Contract.SigningCallbackContent result, String caChainPem)
      throws GeneralSecurityException {
    CertificateFactory x509 = CertificateFactory.getInstance("X.509");
    X509Certificate cert = (X509Certificate)
        x509.generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(result.cert())));
    cert.checkValidity(new Date(result.timestamp()));
    boolean issuedByCa = false;
    for (Certificate ca : x509.generateCertificates(new ByteArrayInputStream(caChainPem.getBytes(StandardCharsets.US_ASCII)))) {
      if (!((X509Certificate) ca).getSubjectX500Principal().equals(cert.getIssuerX500Principal())) continue;
      cert.verify(ca.getPublicKey()); // throws if the CA did not sign it
      issuedByCa = true;
    }
    Signature rsa = Signature.getInstance("SHA256withRSA"); // RSASSA-PKCS1-v1_5 over SHA-256(document) = hashCode
    rsa.initVerify(cert.getPublicKey());
    rsa.update(document);
    return issuedByCa && rsa.verify(Base64.getDecoder().decode(result.signature()));
  }
  // #endregion verify

  private static Map<String, String> query(String location) {
    Map<String, String> out = new LinkedHashMap<>();
    String q = URI.create(location).getRawQuery();
    if (q == null) return out;
    for (String pair : q.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0)
        out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  private static String required(Map<String, String> env, String name) {
    String v = env.get(name);
    if (v == null || v.isEmpty()) throw new IllegalArgumentException("set " + name);
    return v;
  }

  /** One JSON line: {"step": …, key: value, …}. */
  private static void emit(String step, Object... kv) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("step", step);
    for (int i = 0; i + 1 < kv.length; i += 2)
      line.put((String) kv[i], kv[i + 1] instanceof Integer n ? Long.valueOf(n) : kv[i + 1]);
    System.out.println(Json.stringify(line));
  }
}
