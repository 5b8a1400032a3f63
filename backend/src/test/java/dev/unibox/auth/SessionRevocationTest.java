package dev.unibox.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.AgentSocket;
import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.MutableClock;
import dev.unibox.testing.TestInbox;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tokens can be revoked: logout, a password change, disabling and a role change end every session of
 * the user at once — HTTP calls with the old token are 401 and the user's open sockets are closed
 * (4401) — and a socket is closed when its token expires on the service's clock.
 */
@InboxTest
class SessionRevocationTest {

  private static final short SESSION_ENDED = 4401;

  private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  private TestInbox inbox;
  private String admin;

  @BeforeEach
  void start() throws Exception {
    inbox.createUser("mei", "agent", 5, TestInbox.ACCOUNT_MY);
    inbox.createUser("lin", "supervisor", 5, TestInbox.ACCOUNT_MY);
    admin = inbox.loginAdmin();
  }

  @Test
  void logoutEndsEveryTokenOfTheUserAndClosesTheirSocket() throws Exception {
    String laptop = inbox.login("mei");
    Session phone = session("mei");
    assertThat(me(laptop)).isEqualTo(200);

    var out = inbox.post(laptop, "/api/auth/logout", new JsonObject());
    assertThat(out.statusCode()).isEqualTo(204);

    assertThat(me(laptop)).as("the same token after logout").isEqualTo(401);
    assertEnded(phone); // the user's other device
    AgentSocket again = inbox.socket(laptop, 0);
    assertThat(again.awaitClosed()).as("a revoked token cannot open a socket").isEqualTo(SESSION_ENDED);
    assertThat(me(admin)).as("other users are untouched").isEqualTo(200);
    assertThat(me(inbox.login("mei"))).as("a new login works").isEqualTo(200);
  }

  @Test
  void aPasswordChangeEndsTheOtherSessionsAndKeepsThisOneWithAFreshToken() throws Exception {
    String laptop = inbox.login("mei");
    Session phone = session("mei");

    var wrong = inbox.post(laptop, "/api/me/password",
        new JsonObject().put("currentPassword", "not-my-password").put("newPassword", "a-new-password-1"));
    assertThat(wrong.statusCode()).isEqualTo(403);
    var weak = inbox.post(laptop, "/api/me/password",
        new JsonObject().put("currentPassword", "pw-mei").put("newPassword", "short"));
    assertThat(weak.statusCode()).isEqualTo(400);
    assertThat(me(laptop)).as("a refused change revokes nothing").isEqualTo(200);

    var changed = inbox.post(laptop, "/api/me/password",
        new JsonObject().put("currentPassword", "pw-mei").put("newPassword", "a-new-password-1"));
    assertThat(changed.statusCode()).isEqualTo(200);
    String fresh = changed.bodyAsJsonObject().getString("token");

    assertThat(me(laptop)).isEqualTo(401);
    assertEnded(phone);
    assertThat(me(fresh)).isEqualTo(200);
    assertThat(loginStatus("mei", "pw-mei")).isEqualTo(401);
    assertThat(loginStatus("mei", "a-new-password-1")).isEqualTo(200);
  }

  @Test
  void disablingAUserEndsTheirSessionsAndRefusesTheirLogin() throws Exception {
    Session mei = session("mei");
    long meiId = userId("mei");

    String lin = inbox.login("lin");
    assertThat(inbox.post(lin, "/api/admin/users/" + meiId + "/disable", new JsonObject()).statusCode())
        .as("only an admin of every shop disables users").isEqualTo(403);
    assertThat(me(mei.token())).isEqualTo(200);

    assertThat(inbox.post(admin, "/api/admin/users/" + meiId + "/disable", new JsonObject()).statusCode()).isEqualTo(200);
    assertEnded(mei);
    assertThat(loginStatus("mei", "pw-mei")).isEqualTo(401);

    assertThat(inbox.post(admin, "/api/admin/users/" + meiId + "/enable", new JsonObject()).statusCode()).isEqualTo(200);
    assertThat(me(mei.token())).as("enabling again does not bring old tokens back").isEqualTo(401);
    assertThat(loginStatus("mei", "pw-mei")).isEqualTo(200);
  }

  @Test
  void aRoleChangeEndsTheUsersSessions() throws Exception {
    Session lin = session("lin");
    long linId = userId("lin");

    var bad = inbox.put(admin, "/api/admin/users/" + linId + "/role", new JsonObject().put("role", "root"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(me(lin.token())).isEqualTo(200);

    var r = inbox.put(admin, "/api/admin/users/" + linId + "/role", new JsonObject().put("role", "agent"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertEnded(lin);
    String again = inbox.login("lin");
    assertThat(inbox.get(again, "/api/me").bodyAsJsonObject().getJsonObject("user").getString("role")).isEqualTo("agent");
  }

  @Test
  void aSocketIsClosedWhenItsTokenExpires() throws Exception {
    Session mei = session("mei");

    clock.advance(Duration.ofHours(11));
    assertThat(me(mei.token())).as("11 h into a 12 h token").isEqualTo(200);
    mei.socket().send(new JsonObject().put("type", "ping"));
    mei.socket().next(f -> "pong".equals(f.getString("type")));

    clock.advance(Duration.ofHours(1));
    assertEnded(mei); // expired on the service's clock
  }

  @Test
  void guessingTheCurrentPasswordWithAStolenTokenIsSlowedLikeALogin() throws Exception {
    String token = inbox.login("mei");
    JsonObject guess = new JsonObject().put("currentPassword", "a-guess").put("newPassword", "a-new-password-1");
    for (int i = 0; i < 5; i++) {
      assertThat(inbox.post(token, "/api/me/password", guess).statusCode()).isEqualTo(403);
    }
    JsonObject right = new JsonObject().put("currentPassword", "pw-mei").put("newPassword", "a-new-password-1");
    var slowed = inbox.post(token, "/api/me/password", right);
    assertThat(slowed.statusCode()).as("even the right password waits its turn").isEqualTo(429);
    assertThat(slowed.getHeader("Retry-After")).isEqualTo("1");
    assertThat(me(token)).as("nothing changed: the token still works").isEqualTo(200);

    clock.advance(java.time.Duration.ofSeconds(2));
    assertThat(inbox.post(token, "/api/me/password", right).statusCode()).isEqualTo(200);
  }

  /** A login of the user and a socket opened with its token (the server said hello). */
  private record Session(String token, AgentSocket socket) {}

  private Session session(String username) throws Exception {
    String token = inbox.login(username);
    AgentSocket socket = inbox.socket(token, 0);
    socket.hello();
    return new Session(token, socket);
  }

  /** The session's token is refused and its socket was closed as a session that ended. */
  private void assertEnded(Session session) throws Exception {
    assertThat(me(session.token())).as("the token").isEqualTo(401);
    assertThat(session.socket().awaitClosed()).as("its socket").isEqualTo(SESSION_ENDED);
  }

  private int me(String token) throws Exception {
    return inbox.get(token, "/api/me").statusCode();
  }

  private int loginStatus(String username, String password) throws Exception {
    HttpResponse<Buffer> r = Await.result(inbox.http.post("/api/login")
        .sendJsonObject(new JsonObject().put("username", username).put("password", password)));
    return r.statusCode();
  }

  private long userId(String username) throws Exception {
    return inbox.count("SELECT id FROM users WHERE username = $1", username);
  }
}
