// The e-Service's callback endpoint: a tiny HTTP server (com.sun.net.httpserver) that decrypts and matches callbacks.
package iamsmart.sample;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import iamsmart.Codec;
import iamsmart.IamSmartClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** Listens on 127.0.0.1:{port}/iamsmart/callback; each request you start waits on its own businessID. */
public final class CallbackReceiver implements AutoCloseable {
  /** A request you started: the callback must bring back this businessID and this state. */
  public record Pending(String businessID, String state, CompletableFuture<IamSmartClient.Callback> result) {}

  private final IamSmartClient client;
  private final HttpServer server;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();

  public CallbackReceiver(IamSmartClient client, int port) throws IOException {
    this.client = client;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/iamsmart/callback", this::handle);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/iamsmart/callback";
  }

  /** A fresh businessID (≤ 36 ASCII) and state (128 random bits) to send with an initiateRequest. */
  public Pending expect(String kind) {
    Pending p = new Pending(kind + "-" + Codec.randomHex(8), Codec.randomHex(16), new CompletableFuture<>());
    pending.put(p.businessID(), p);
    return p;
  }

  // #region receiver
  private void handle(HttpExchange exchange) throws IOException {
    int status;
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) status = 405;
      else {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        status = settle(body);
      }
      exchange.sendResponseHeaders(status, -1); // any 2xx acknowledges; otherwise the platform tries again
    }
  }

  /** 204 for a callback of a request we made; 404 for one we did not (forged, or already settled); 400 unreadable. */
  private int settle(String body) {
    IamSmartClient.Callback callback;
    try {
      callback = client.decryptCallback(body); // unwraps secretKey with our KEK, decrypts content (flat or nested)
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return 400;
    }
    Map<String, Object> content = callback.content();
    if (content == null) return 400;
    Pending p = pending.get(String.valueOf(content.get("businessID")));
    if (p == null || !p.state().equals(content.get("state"))) return 404; // only trust answers to our own requests
    pending.remove(p.businessID());
    p.result().complete(callback); // code D00000 with the data, or D50001/D60001/D70001… with businessID and state
    return 204;
  }
  // #endregion receiver

  @Override
  public void close() {
    server.stop(0);
  }
}
