package dev.unibox.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestInbox;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

/** Every kind of response — the app, the API, its errors, webhooks, unknown paths — carries the security headers. */
@InboxTest
class SecurityHeadersTest {

  private TestInbox inbox;
  private Vertx vertx;

  @Test
  void everyResponseCarriesTheSecurityHeaders() throws Exception {
    String admin = inbox.loginAdmin();
    assertSecured(send(HttpMethod.GET, "/", null), 200);
    assertSecured(send(HttpMethod.GET, "/inbox/some/client/route", null), 200);
    assertSecured(send(HttpMethod.GET, "/health", null), 200);
    assertSecured(send(HttpMethod.GET, "/api/conversations", null), 401);
    assertSecured(send(HttpMethod.GET, "/api/conversations", admin), 200);
    assertSecured(send(HttpMethod.GET, "/api/no-such-thing", admin), 404);
    assertSecured(send(HttpMethod.POST, "/webhooks/shopee", null), 400);
    assertSecured(send(HttpMethod.DELETE, "/nothing-here", null), 405);
    assertThat(send(HttpMethod.GET, "/api/conversations", admin).getHeader("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void theAgentSocketRefusesAnotherSitesOrigin() throws Exception {
    int client = inbox.app.httpPort();
    var options = new io.vertx.core.http.WebSocketConnectOptions().setHost("127.0.0.1").setPort(client).setURI("/ws");
    var sockets = vertx.createWebSocketClient();
    Throwable refused = Await.failure(sockets.connect(new io.vertx.core.http.WebSocketConnectOptions(options.toJson())
        .addHeader("Origin", "https://evil.example")));
    assertThat(refused.getMessage()).contains("403");
    var own = Await.result(sockets.connect(new io.vertx.core.http.WebSocketConnectOptions(options.toJson())
        .addHeader("Origin", "http://127.0.0.1:" + client)));
    assertThat(own.isClosed()).isFalse();
    own.close();
  }

  private HttpResponse<Buffer> send(HttpMethod method, String path, String token) throws Exception {
    var request = inbox.http.request(method, path);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    return Await.result(request.send());
  }

  private static void assertSecured(HttpResponse<Buffer> r, int status) {
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(status);
    assertThat(r.getHeader("Content-Security-Policy")).contains("default-src 'self'").contains("frame-ancestors 'none'");
    assertThat(r.getHeader("X-Frame-Options")).isEqualTo("DENY");
    assertThat(r.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(r.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
  }
}
