// Sandbox-only controls (the /sandbox/v1 API with the admin token): none of this exists on the real platform.
package iamsmart.sample;

import iamsmart.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** Headless decisions and forced faults, so the journey runs in CI without a person in the virtual app. */
public final class SandboxControl {
  private final String sandboxUrl;
  private final String adminToken;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** @param sandboxUrl e.g. http://127.0.0.1:8080 (the API root without /api/v1) */
  public SandboxControl(String sandboxUrl, String adminToken) {
    this.sandboxUrl = sandboxUrl.replaceAll("/+$", "");
    this.adminToken = adminToken;
  }

  /** Every new ticket of the app is decided at once by this resident (profile, e-ME, signing). */
  public void autopilot(String clientID, String residentId, String decision) throws IOException, InterruptedException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("residentId", residentId);
    body.put("decision", decision);
    body.put("delayMs", 0L);
    send("PUT", "/sandbox/v1/apps/" + clientID + "/autopilot", Json.stringify(body));
  }

  /** The platform forgets the app's CEKs: the next encrypted call answers D30002. */
  public void expireCek(String clientID) throws IOException, InterruptedException {
    send("POST", "/sandbox/v1/apps/" + clientID + "/scenarios/expire-cek", "{}");
  }

  /** The app's next call of `operationId` answers `dcode` (e.g. D30004, as if the content did not decrypt). */
  public void forceCode(String clientID, String operationId, String dcode) throws IOException, InterruptedException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("operationId", operationId);
    body.put("dcode", dcode);
    body.put("times", 1L);
    send("POST", "/sandbox/v1/apps/" + clientID + "/scenarios", Json.stringify(body));
  }

  /** The mock CA chain (issuing CA + root) that signs the residents' certificates. */
  public String caChainPem() throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(sandboxUrl + "/pki/chain.pem")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  private void send(String method, String path, String body) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(sandboxUrl + path))
            .header("Authorization", "Bearer " + adminToken)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> res = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (res.statusCode() / 100 != 2)
      throw new IOException(method + " " + path + " answered " + res.statusCode() + ": " + res.body());
  }
}
