package dev.unibox.web;

import static dev.unibox.testing.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.AgentSocket;
import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestInbox;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

/** Bad input gets a 4xx with {error, message} and changes nothing; nothing is reachable anonymously. */
@InboxTest
class BadInputTest {

  private TestInbox inbox;

  @Test
  void loginRejectsBadBodiesAndWrongPasswords() throws Exception {
    inbox.createUser("mei", "agent", 3);
    assertError(Await.result(inbox.http.post("/api/login").sendBuffer(Buffer.buffer("{nope"))), 400, "bad_json");
    assertError(Await.result(inbox.http.post("/api/login").sendJsonObject(new JsonObject().put("username", "mei"))),
        400, "bad_request");
    assertError(Await.result(inbox.http.post("/api/login")
        .sendJsonObject(new JsonObject().put("username", "mei").put("password", "wrong"))), 401, "bad_credentials");
    assertError(Await.result(inbox.http.post("/api/login")
        .sendJsonObject(new JsonObject().put("username", "ghost").put("password", "x"))), 401, "bad_credentials");
    assertThat(inbox.login("mei")).isNotBlank();
    assertThat(inbox.loginAdmin()).isNotBlank();
  }

  @Test
  void repeatedWrongPasswordsAreThrottledWith429() throws Exception {
    inbox.createUser("mei", "agent", 3);
    HttpResponse<Buffer> last = null;
    for (int i = 0; i < 11; i++) {
      last = Await.result(inbox.http.post("/api/login")
          .sendJsonObject(new JsonObject().put("username", "mei").put("password", "guess-" + i)));
    }
    assertError(last, 429, "too_many_attempts");
    assertThat(last.getHeader("Retry-After")).isNotBlank();
    // even the right password is refused while throttled
    assertError(Await.result(inbox.http.post("/api/login")
        .sendJsonObject(new JsonObject().put("username", "mei").put("password", "pw-mei"))), 429, "too_many_attempts");
  }

  @Test
  void controlCharactersInAPathOrATextAreRefusedWith400() throws Exception {
    String admin = inbox.loginAdmin();
    long paused = inbox.count("SELECT count(*) FROM admin_alerts");
    assertError(inbox.post(admin, "/api/admin/accounts/%00/resume", new JsonObject()), 400, "bad_path");
    assertError(inbox.post(admin, "/api/admin/accounts/shop%1Fmy/pause", new JsonObject()), 400, "bad_path");
    assertThat(inbox.count("SELECT count(*) FROM admin_alerts")).isEqualTo(paused);
    // a NUL inside a JSON string reaches a statement: PostgreSQL refuses it and the answer is 400, not 500
    long quickReplies = inbox.count("SELECT count(*) FROM quick_replies");
    assertError(inbox.post(admin, "/api/quick-replies", new JsonObject().put("shortcut", "nul-title")
        .put("title", "a\u0000b").put("accountId", TestInbox.ACCOUNT_MY)
        .put("variants", new JsonObject().put("en", "Hello"))), 400, "bad_text");
    assertThat(inbox.count("SELECT count(*) FROM quick_replies")).isEqualTo(quickReplies);
  }

  @Test
  void everyApiNeedsAValidToken() throws Exception {
    assertError(Await.result(inbox.http.get("/api/conversations").send()), 401, "unauthorized");
    assertError(Await.result(inbox.http.get("/api/me").putHeader("Authorization", "Bearer forged.token.value").send()),
        401, "unauthorized");
    assertError(Await.result(inbox.http.post("/api/conversations/1/replies")
        .sendJsonObject(new JsonObject().put("text", "hi"))), 401, "unauthorized");
    assertThat(inbox.count("SELECT count(*) FROM messages")).isZero();
  }

  @Test
  void repliesAreValidatedAndScopedAndBadOnesWriteNothing() throws Exception {
    inbox.createUser("mei", "agent", 3);
    inbox.createUser("arif", "agent", 3);
    String mei = inbox.login("mei");
    String arif = inbox.login("arif");
    long conversationId;
    try (AgentSocket socket = inbox.onlineSocket(mei)) {
      Await.result(inbox.shopee.pushBuyerText(TestInbox.SHOP_MY, "811200", "aisyah", "Hello?"));
      conversationId = socket.nextAssigned();
    }
    long before = inbox.count("SELECT count(*) FROM messages");
    String path = "/api/conversations/" + conversationId + "/replies";

    assertError(inbox.post(mei, path, new JsonObject().put("text", "   ")), 400, "empty_text");
    assertError(inbox.post(mei, path, new JsonObject().put("text", 42)), 400, "empty_text");
    assertError(inbox.post(mei, path, new JsonObject().put("text", "x".repeat(5000))), 400, "text_too_long");
    assertError(inbox.post(arif, path, new JsonObject().put("text", "not my chat")), 403, "forbidden");
    assertError(inbox.post(mei, "/api/conversations/999999/replies", new JsonObject().put("text", "hi")), 404,
        "not_found");
    assertError(inbox.post(mei, "/api/conversations/abc/replies", new JsonObject().put("text", "hi")), 400, "bad_id");
    assertError(Await.result(inbox.http.post(path).putHeader("Authorization", "Bearer " + mei)
        .sendBuffer(Buffer.buffer("[1,2"))), 400, "bad_json");
    assertError(inbox.get(arif, "/api/conversations/" + conversationId), 403, "forbidden");

    assertThat(inbox.count("SELECT count(*) FROM messages")).isEqualTo(before);
    assertThat(inbox.count("SELECT count(*) FROM outbox")).isZero();
    assertThat(inbox.shopee.acceptedSends()).isEmpty();
  }

  @Test
  void closedConversationRefusesRepliesWith409() throws Exception {
    String lin = inbox.loggedIn("lin", "supervisor", 3);
    Await.result(inbox.shopee.pushBuyerText(TestInbox.SHOP_MY, "811200", "aisyah", "Thanks, solved"));
    long id = inbox.get(lin, "/api/conversations").bodyAsJsonObject().getJsonArray("conversations")
        .getJsonObject(0).getLong("id");
    assertThat(inbox.post(lin, "/api/conversations/" + id + "/close", new JsonObject()).statusCode()).isEqualTo(200);
    assertError(inbox.post(lin, "/api/conversations/" + id + "/replies", new JsonObject().put("text", "hi")), 409,
        "conversation_closed");
    assertError(inbox.post(lin, "/api/conversations/" + id + "/close", new JsonObject()), 409, "conversation_closed");
  }

  @Test
  void unknownApiPathsAre404Json() throws Exception {
    String token = inbox.loginAdmin();
    assertError(inbox.get(token, "/api/nope"), 404, "not_found");
  }
}
