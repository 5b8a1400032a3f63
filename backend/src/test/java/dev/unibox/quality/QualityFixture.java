package dev.unibox.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.AgentSocket;
import dev.unibox.testing.Await;
import dev.unibox.testing.TestInbox;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

/** The whole inbox on loopback plus the steps the quality tests share. */
final class QualityFixture {

  final TestInbox inbox;
  final TestClock clock;
  private String adminToken;

  /** Built by {@link dev.unibox.testing.TestInboxExtension} on the inbox it started with the test's clock. */
  QualityFixture(TestInbox inbox, TestClock clock) {
    this.inbox = inbox;
    this.clock = clock;
  }

  /** An agent of the given shops (none = all), connected and online. */
  Agent agent(String name, String... accounts) throws Exception {
    inbox.createUser(name, "agent", 5, accounts);
    String token = inbox.login(name);
    AgentSocket socket = inbox.socket(token, 0);
    socket.next(f -> "hello".equals(f.getString("type")));
    Await.until(name + " online", () -> count("SELECT count(*) FROM users WHERE username = $1 AND presence = 'online'",
        name) == 1);
    return new Agent(name, token, socket);
  }

  String supervisor(String name, String... accounts) throws Exception {
    inbox.createUser(name, "supervisor", 3, accounts);
    return inbox.login(name);
  }

  String admin() throws Exception {
    if (adminToken == null) {
      adminToken = inbox.login("admin", TestInbox.ADMIN_PASSWORD);
    }
    return adminToken;
  }

  void buyerWrites(long shop, String buyerId, String name, String text) throws Exception {
    assertThat(Await.result(inbox.shopee.pushBuyerText(shop, buyerId, name, text)).statusCode()).isEqualTo(200);
  }

  long conversationOf(String buyerId) throws Exception {
    Await.until("conversation of buyer " + buyerId, () -> count(
        "SELECT count(*) FROM conversations c JOIN buyers b ON b.id = c.buyer_id WHERE b.platform_buyer_id = $1",
        buyerId) == 1);
    return inbox.count("SELECT c.id FROM conversations c JOIN buyers b ON b.id = c.buyer_id "
        + "WHERE b.platform_buyer_id = $1", buyerId);
  }

  /** Replaces the rule document of a scope as an admin would in the web app. */
  void setRules(String scope, JsonObject document) throws Exception {
    HttpResponse<Buffer> r = put(admin(), "/api/quality/rules/" + scope, new JsonObject().put("document", document));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
  }

  HttpResponse<Buffer> put(String token, String path, JsonObject body) throws Exception {
    return Await.result(inbox.http.put(path).putHeader("Authorization", "Bearer " + token).sendJsonObject(body));
  }

  HttpResponse<Buffer> delete(String token, String path) throws Exception {
    return Await.result(inbox.http.delete(path).putHeader("Authorization", "Bearer " + token).send());
  }

  HttpResponse<Buffer> reply(String token, long conversationId, JsonObject body) throws Exception {
    return inbox.post(token, "/api/conversations/" + conversationId + "/replies", body);
  }

  long count(String sql, Object... params) {
    try {
      return inbox.count(sql, params);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  record Agent(String name, String token, AgentSocket socket) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      socket.close();
    }
  }
}
