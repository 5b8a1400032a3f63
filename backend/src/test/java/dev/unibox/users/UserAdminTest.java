package dev.unibox.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestInbox;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * User management over real HTTP on a real PostgreSQL: an admin creates, edits, disables, enables and
 * resets the password of users, each change in the user's history; a team lead manages only the agents
 * of their own team; bad input is a 4xx with a message and changes nothing.
 */
@InboxTest
class UserAdminTest {

  private static final String MY = TestInbox.ACCOUNT_MY;
  private static final String TEMP = "temporary-pass-1";

  private TestInbox inbox;
  private String admin;

  @BeforeEach
  void start() throws Exception {
    admin = inbox.loginAdmin();
    inbox.createUser("lead-a", "supervisor", 0, MY);
    inbox.createUser("lead-b", "supervisor", 0, MY);
    inbox.createUser("anna", "agent", 5, MY);
    inbox.createUser("bob", "agent", 5, MY);
    team("team-a", "lead-a", "anna");
    team("team-b", "lead-b", "bob");
  }

  @Test
  void anAdminCreatesAnAgentWhoLogsInWithTheInitialPassword() throws Exception {
    var r = inbox.post(admin, "/api/admin/users", newAgent("mei", "team-a"));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(201);
    JsonObject user = r.bodyAsJsonObject().getJsonObject("user");
    assertThat(r.bodyAsString()).doesNotContain(TEMP).doesNotContain("password");
    assertThat(user.getString("displayName")).isEqualTo("梅 Mei");
    assertThat(user.getString("team")).isEqualTo("team-a");
    assertThat(user.getJsonArray("accounts")).containsExactly(MY);
    assertThat(user.getJsonArray("languages")).containsExactly("zh", "en");
    assertThat(user.getInteger("maxConcurrent")).isEqualTo(4);
    assertThat(user.getBoolean("disabled")).isFalse();

    String hash = inbox.rows("SELECT password_hash FROM users WHERE username = 'mei'").get(0).getString(0);
    assertThat(hash).startsWith("$2").doesNotContain(TEMP);
    String mei = inbox.login("mei", TEMP);
    assertThat(inbox.get(mei, "/api/me").bodyAsJsonObject().getJsonObject("user").getString("role")).isEqualTo("agent");

    JsonArray listed = inbox.get(admin, "/api/admin/users").bodyAsJsonObject().getJsonArray("users");
    assertThat(listed.stream().map(u -> ((JsonObject) u).getString("username")).toList())
        .contains("admin", "lead-a", "anna", "bob", "mei");

    JsonArray history = history(admin, user.getLong("id"));
    assertThat(history).hasSize(1);
    assertThat(history.getJsonObject(0).getString("action")).isEqualTo("created");
    assertThat(history.getJsonObject(0).getString("by")).isNotBlank();
    assertThat(history.encode()).doesNotContain(TEMP);

    var again = inbox.post(admin, "/api/admin/users", newAgent("mei", "team-a"));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.bodyAsJsonObject().getString("error")).isEqualTo("username_taken");
  }

  @Test
  void badInputIsA4xxWithAMessageAndChangesNothing() throws Exception {
    String before = fingerprint();
    List<UnaryOperator<JsonObject>> breakages = List.of(
        b -> b.put("password", "short"),
        b -> b.put("password", "长".repeat(30)),
        b -> b.put("role", "root"),
        b -> b.put("username", "no spaces allowed"),
        b -> b.put("displayName", "  "),
        b -> b.put("displayName", "a\u0000b"),
        b -> b.put("maxConcurrent", 500),
        b -> b.put("maxConcurrent", "3"),
        b -> b.put("team", "no-such-team"),
        b -> b.put("accounts", new JsonArray().add("shopee-xx-99")),
        b -> b.put("platforms", new JsonArray().add("myspace")),
        b -> b.put("languages", "zh"),
        b -> b.put("allAccounts", "yes"));
    for (UnaryOperator<JsonObject> breakage : breakages) {
      JsonObject body = breakage.apply(newAgent("zed", "team-a"));
      var r = inbox.post(admin, "/api/admin/users", body);
      assertThat(r.statusCode()).as(body.encode()).isBetween(400, 499);
      assertThat(r.bodyAsJsonObject().getString("error")).as(body.encode()).isNotBlank();
      assertThat(r.bodyAsJsonObject().getString("message")).as(body.encode()).isNotBlank();
    }
    long anna = id("anna");
    var edit = inbox.put(admin, "/api/admin/users/" + anna, edited(anna).put("maxConcurrent", -1));
    assertThat(edit.statusCode()).isEqualTo(400);
    assertThat(inbox.post(admin, "/api/admin/users/" + anna + "/password", new JsonObject().put("password", 12345))
        .statusCode()).isEqualTo(400);
    assertThat(inbox.put(admin, "/api/admin/users/999999", edited(anna)).statusCode()).isEqualTo(404);
    assertThat(inbox.post(admin, "/api/admin/users/abc/disable", new JsonObject()).statusCode()).isEqualTo(400);
    long self = id("admin");
    assertThat(inbox.post(admin, "/api/admin/users/" + self + "/disable", new JsonObject()).statusCode()).isEqualTo(400);
    assertThat(fingerprint()).isEqualTo(before);
  }

  @Test
  void anEditIsSavedAndItsHistorySaysWhoChangedWhat() throws Exception {
    long anna = id("anna");
    var r = inbox.put(admin, "/api/admin/users/" + anna, edited(anna).put("maxConcurrent", 2)
        .put("languages", new JsonArray().add("th")).put("displayName", "Anna Tan"));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    var row = inbox.rows("SELECT max_concurrent, languages, display_name FROM users WHERE id = $1", anna).get(0);
    assertThat(row.getInteger(0)).isEqualTo(2);
    assertThat(row.getArrayOfStrings(1)).containsExactly("th");
    assertThat(row.getString(2)).isEqualTo("Anna Tan");

    JsonObject entry = history(admin, anna).getJsonObject(0);
    assertThat(entry.getString("action")).isEqualTo("edited");
    assertThat(entry.getString("by")).isEqualTo(inbox.rows("SELECT display_name FROM users WHERE username = 'admin'")
        .get(0).getString(0));
    JsonObject changes = entry.getJsonObject("changes");
    assertThat(changes.fieldNames()).containsExactlyInAnyOrder("maxConcurrent", "languages", "displayName");
    assertThat(changes.getJsonObject("maxConcurrent").getInteger("from")).isEqualTo(5);
    assertThat(changes.getJsonObject("maxConcurrent").getInteger("to")).isEqualTo(2);

    // the same form again changes nothing and adds no history
    assertThat(inbox.put(admin, "/api/admin/users/" + anna, edited(anna)).statusCode()).isEqualTo(200);
    assertThat(history(admin, anna)).hasSize(1);

    // disable and enable: sessions end, both in the history
    String annaToken = inbox.login("anna");
    assertThat(inbox.post(admin, "/api/admin/users/" + anna + "/disable", new JsonObject()).statusCode()).isEqualTo(200);
    assertThat(inbox.get(annaToken, "/api/me").statusCode()).isEqualTo(401);
    assertThat(inbox.post(admin, "/api/admin/users/" + anna + "/enable", new JsonObject()).statusCode()).isEqualTo(200);
    assertThat(history(admin, anna).stream().map(e -> ((JsonObject) e).getString("action")).toList())
        .containsExactly("enabled", "disabled", "edited");
  }

  @Test
  void aPasswordResetEndsTheUsersSessionsAndTheTemporaryPasswordWorks() throws Exception {
    long anna = id("anna");
    String old = inbox.login("anna");
    var weak = inbox.post(admin, "/api/admin/users/" + anna + "/password", new JsonObject().put("password", "1234"));
    assertThat(weak.statusCode()).isEqualTo(400);
    assertThat(weak.bodyAsJsonObject().getString("error")).isEqualTo("weak_password");
    assertThat(inbox.get(old, "/api/me").statusCode()).isEqualTo(200);

    var r = inbox.post(admin, "/api/admin/users/" + anna + "/password", new JsonObject().put("password", TEMP));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.bodyAsString()).doesNotContain(TEMP);
    assertThat(inbox.get(old, "/api/me").statusCode()).isEqualTo(401);
    assertThat(loginStatus("anna", "pw-anna")).isEqualTo(401);
    assertThat(loginStatus("anna", TEMP)).isEqualTo(200);
    JsonArray history = history(admin, anna);
    assertThat(history.getJsonObject(0).getString("action")).isEqualTo("password_reset");
    assertThat(history.encode()).doesNotContain(TEMP);
    assertThat(inbox.count("SELECT count(*) FROM user_audit WHERE changes::text LIKE $1", "%" + TEMP + "%")).isZero();
  }

  @Test
  void aTeamLeadManagesOnlyTheAgentsOfTheirOwnTeam() throws Exception {
    String leadA = inbox.login("lead-a");
    long anna = id("anna");
    long bob = id("bob");

    JsonArray visible = inbox.get(leadA, "/api/admin/users").bodyAsJsonObject().getJsonArray("users");
    assertThat(visible.stream().map(u -> ((JsonObject) u).getString("username")).toList()).containsExactly("anna");

    String before = fingerprint();
    assertThat(inbox.put(leadA, "/api/admin/users/" + bob, edited(bob).put("maxConcurrent", 1)).statusCode())
        .as("another team's agent").isEqualTo(403);
    assertThat(inbox.post(leadA, "/api/admin/users/" + bob + "/disable", new JsonObject()).statusCode()).isEqualTo(403);
    assertThat(inbox.post(leadA, "/api/admin/users/" + bob + "/password", new JsonObject().put("password", TEMP))
        .statusCode()).isEqualTo(403);
    assertThat(inbox.get(leadA, "/api/admin/users/" + bob + "/audit").statusCode()).isEqualTo(403);
    assertThat(inbox.put(leadA, "/api/admin/users/" + anna, edited(anna).put("team", "team-b")).statusCode())
        .as("moving an agent out of their teams").isEqualTo(403);
    assertThat(inbox.put(leadA, "/api/admin/users/" + anna, edited(anna).put("role", "admin")).statusCode())
        .as("making an admin").isEqualTo(403);
    assertThat(inbox.put(leadA, "/api/admin/users/" + anna + "/role", new JsonObject().put("role", "supervisor"))
        .statusCode()).isEqualTo(403);
    assertThat(inbox.post(leadA, "/api/admin/users", newAgent("zed", "team-b")).statusCode()).isEqualTo(403);
    assertThat(inbox.post(leadA, "/api/admin/users", newAgent("zed", "team-a").put("role", "admin")).statusCode())
        .isEqualTo(403);
    assertThat(inbox.post(leadA, "/api/admin/users", newAgent("zed", "team-a").put("allAccounts", true)).statusCode())
        .as("wider shops than the lead's own").isEqualTo(403);
    assertThat(inbox.put(leadA, "/api/admin/users/" + id("lead-b"), edited(id("lead-b"))).statusCode()).isEqualTo(403);
    assertThat(fingerprint()).isEqualTo(before);

    // their own agents: yes, and the history names the lead
    var created = inbox.post(leadA, "/api/admin/users", newAgent("zed", "team-a"));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    assertThat(inbox.put(leadA, "/api/admin/users/" + anna, edited(anna).put("maxConcurrent", 3)).statusCode())
        .isEqualTo(200);
    assertThat(history(leadA, anna).getJsonObject(0).getString("by")).isEqualTo("lead-a (supervisor)");
    assertThat(inbox.post(leadA, "/api/admin/users/" + anna + "/password", new JsonObject().put("password", TEMP))
        .statusCode()).isEqualTo(200);

    // a supervisor who leads no team, and a shop-limited admin, manage nobody
    inbox.createUser("sol", "supervisor", 0, MY);
    inbox.createUser("ada", "admin", 0, MY);
    assertThat(inbox.get(inbox.login("sol"), "/api/admin/users").statusCode()).isEqualTo(403);
    assertThat(inbox.get(inbox.login("ada"), "/api/admin/users").statusCode()).isEqualTo(403);
    assertThat(inbox.get(inbox.login("anna", TEMP), "/api/admin/users").statusCode()).isEqualTo(403);
  }

  private JsonObject newAgent(String username, String team) {
    return new JsonObject().put("username", username).put("displayName", "梅 Mei").put("role", "agent")
        .put("password", TEMP).put("team", team).put("accounts", new JsonArray().add(MY))
        .put("languages", new JsonArray().add("zh").add("en")).put("platforms", new JsonArray().add("shopee"))
        .put("maxConcurrent", 4);
  }

  /** The user's current form, as the page sends it back. */
  private JsonObject edited(long id) throws Exception {
    JsonObject u = inbox.get(admin, "/api/admin/users").bodyAsJsonObject().getJsonArray("users").stream()
        .map(o -> (JsonObject) o).filter(o -> o.getLong("id") == id).findFirst().orElseThrow();
    return new JsonObject().put("displayName", u.getString("displayName")).put("role", u.getString("role"))
        .put("team", u.getString("team")).put("allAccounts", u.getBoolean("allAccounts"))
        .put("accounts", u.getJsonArray("accounts")).put("languages", u.getJsonArray("languages"))
        .put("platforms", u.getJsonArray("platforms")).put("maxConcurrent", u.getInteger("maxConcurrent"));
  }

  private JsonArray history(String token, long id) throws Exception {
    var r = inbox.get(token, "/api/admin/users/" + id + "/audit");
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject().getJsonArray("history");
  }

  private long id(String username) throws Exception {
    return inbox.rows("SELECT id FROM users WHERE username = $1", username).get(0).getLong(0);
  }

  private String fingerprint() throws Exception {
    return inbox.rows("""
        SELECT string_agg(concat_ws('|', username, display_name, role, team, max_concurrent, disabled, password_hash,
                                    token_version, languages::text, all_accounts), ';' ORDER BY id)
          || (SELECT count(*) FROM user_accounts) || '/' || (SELECT count(*) FROM user_audit)
        FROM users""").get(0).getString(0);
  }

  private int loginStatus(String username, String password) throws Exception {
    HttpResponse<Buffer> r = Await.result(inbox.http.post("/api/login")
        .sendJsonObject(new JsonObject().put("username", username).put("password", password)));
    return r.statusCode();
  }

  private void team(String name, String lead, String agent) throws Exception {
    assertThat(inbox.put(admin, "/api/teams/" + name, new JsonObject().put("displayName", name)
        .put("accounts", new JsonArray().add(MY)).put("supervisors", new JsonArray().add(lead))
        .put("agents", new JsonArray().add(agent))).statusCode()).isEqualTo(200);
  }
}
