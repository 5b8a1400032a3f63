package dev.unibox.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.AgentSocket;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestInbox;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * A password an admin sets (a new user's first one, or a reset) is temporary: after logging in with it
 * the user reaches only /api/me, the password change and logout (403 password_change_required elsewhere,
 * no agent socket) until they choose their own; then everything opens and the old token is gone.
 */
@InboxTest
class TemporaryPasswordTest {

  private static final String MY = TestInbox.ACCOUNT_MY;
  private static final String TEMP = "temporary-pass-1";
  private static final String OWN = "my-own-secret-2026";

  private TestInbox inbox;

  @Test
  void aNewUserMustChooseTheirOwnPasswordBeforeAnythingElse() throws Exception {
    String admin = inbox.loginAdmin();
    var created = inbox.post(admin, "/api/admin/users", new JsonObject().put("username", "mei").put("displayName", "Mei")
        .put("role", "agent").put("password", TEMP).put("accounts", new JsonArray().add(MY)).put("maxConcurrent", 3));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    assertThat(created.bodyAsJsonObject().getJsonObject("user").getBoolean("mustChangePassword")).isTrue();

    var login = inbox.http.post("/api/login").sendJsonObject(new JsonObject().put("username", "mei").put("password", TEMP));
    JsonObject answer = dev.unibox.testing.Await.result(login).bodyAsJsonObject();
    assertThat(answer.getJsonObject("user").getBoolean("mustChangePassword")).isTrue();
    String temp = answer.getString("token");

    assertThat(inbox.get(temp, "/api/me").bodyAsJsonObject().getJsonObject("user").getBoolean("mustChangePassword")).isTrue();
    for (String path : new String[] {"/api/queue/eligible", "/api/me/preferences", "/api/find?tab=all"}) {
      var refused = inbox.get(temp, path);
      assertThat(refused.statusCode()).as(path).isEqualTo(403);
      assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("password_change_required");
    }
    assertThat(inbox.post(temp, "/api/me/presence", new JsonObject().put("status", "online")).statusCode()).isEqualTo(403);
    try (AgentSocket socket = inbox.socket(temp, 0)) {
      assertThat(socket.awaitClosed()).as("no socket (and so no presence, no conversations) yet").isEqualTo((short) 4401);
    }
    assertThat(inbox.count("SELECT count(*) FROM users WHERE username = 'mei' AND presence = 'offline'")).isOne();

    // bad input to the change is refused and changes nothing
    var weak = inbox.post(temp, "/api/me/password", new JsonObject().put("currentPassword", TEMP).put("newPassword", "1"));
    assertThat(weak.statusCode()).isEqualTo(400);
    assertThat(weak.bodyAsJsonObject().getString("error")).isEqualTo("weak_password");
    var wrong = inbox.post(temp, "/api/me/password", new JsonObject().put("currentPassword", "nope-nope-nope")
        .put("newPassword", OWN));
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(inbox.count("SELECT count(*) FROM users WHERE username = 'mei' AND password_temporary")).isOne();

    var changed = inbox.post(temp, "/api/me/password", new JsonObject().put("currentPassword", TEMP).put("newPassword", OWN));
    assertThat(changed.statusCode()).as(changed.bodyAsString()).isEqualTo(200);
    String own = changed.bodyAsJsonObject().getString("token");
    assertThat(inbox.get(own, "/api/me").bodyAsJsonObject().getJsonObject("user").getBoolean("mustChangePassword")).isFalse();
    assertThat(inbox.get(own, "/api/queue/eligible").statusCode()).isEqualTo(200);
    assertThat(inbox.get(temp, "/api/me").statusCode()).as("the temporary session ended").isEqualTo(401);
    try (AgentSocket socket = inbox.socket(own, 0)) {
      socket.hello();
    }
    assertThat(inbox.get(inbox.login("mei", OWN), "/api/me/preferences").statusCode()).isEqualTo(200);
  }

  @Test
  void aResetPasswordIsTemporaryToo() throws Exception {
    String admin = inbox.loginAdmin();
    long anna = inbox.createUser("anna", "agent", 5, MY);
    assertThat(inbox.get(inbox.login("anna"), "/api/queue/eligible").statusCode())
        .as("a password the user set themselves is not temporary").isEqualTo(200);
    assertThat(inbox.post(admin, "/api/admin/users/" + anna + "/password", new JsonObject().put("password", TEMP))
        .statusCode()).isEqualTo(200);
    String temp = inbox.login("anna", TEMP);
    var refused = inbox.get(temp, "/api/queue/eligible");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("password_change_required");
    assertThat(inbox.post(temp, "/api/auth/logout", new JsonObject()).statusCode()).as("logout stays open").isEqualTo(204);

    String again = inbox.login("anna", TEMP);
    String own = inbox.post(again, "/api/me/password", new JsonObject().put("currentPassword", TEMP).put("newPassword", OWN))
        .bodyAsJsonObject().getString("token");
    assertThat(inbox.get(own, "/api/queue/eligible").statusCode()).isEqualTo(200);
    JsonArray users = inbox.get(admin, "/api/admin/users").bodyAsJsonObject().getJsonArray("users");
    assertThat(users.stream().map(u -> (JsonObject) u).filter(u -> "anna".equals(u.getString("username")))
        .findFirst().orElseThrow().getBoolean("mustChangePassword")).isFalse();
  }
}
