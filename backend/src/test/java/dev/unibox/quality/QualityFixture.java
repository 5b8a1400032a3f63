package dev.unibox.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.AgentSocket;
import dev.unibox.testing.Await;
import dev.unibox.testing.TestInbox;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
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
    String token = inbox.loggedIn(name, "agent", 5, accounts);
    return new Agent(name, token, inbox.onlineSocket(token));
  }

  String supervisor(String name, String... accounts) throws Exception {
    return inbox.loggedIn(name, "supervisor", 3, accounts);
  }

  String admin() throws Exception {
    if (adminToken == null) {
      adminToken = inbox.loginAdmin();
    }
    return adminToken;
  }

  long conversationOf(String buyerId) throws Exception {
    Await.until("conversation of buyer " + buyerId, () -> count(
        "SELECT count(*) FROM conversations c JOIN buyers b ON b.id = c.buyer_id WHERE b.platform_buyer_id = $1",
        buyerId) == 1);
    return inbox.conversationOf(buyerId);
  }

  /** The buyer writes to the Malaysian shop and the agent is assigned the new conversation; returns its id. */
  long assignedTo(Agent agent, String buyerId, String name, String text) throws Exception {
    inbox.buyerWrites(TestInbox.SHOP_MY, buyerId, name, text);
    long id = conversationOf(buyerId);
    agent.socket().nextEvent("conversation.assigned");
    return id;
  }

  /** A rule document that blocks the shop's own words (English), with no override allowed. */
  static JsonObject shopWordsBlocked(String term) {
    return new JsonObject()
        .put("policy", new JsonObject().put("platform.shop_words", new JsonObject().put("action", "block")
            .put("override", false)))
        .put("rules", new JsonObject().put("platform", new JsonObject().put("shop_words", new JsonObject()
            .put("label", "Words this shop never uses")
            .put("terms", new JsonObject().put("en", new JsonArray().add(term))))));
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
