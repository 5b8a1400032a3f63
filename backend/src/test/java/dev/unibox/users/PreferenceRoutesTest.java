package dev.unibox.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.TestInbox;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The UI language and time zone are saved per user on the server; bad values are refused and change nothing. */
@ExtendWith(VertxExtension.class)
class PreferenceRoutesTest {

  private static TestInbox inbox;

  @BeforeAll
  static void start(Vertx vertx) throws Exception {
    inbox = TestInbox.start(vertx);
  }

  private static final JsonObject OFF = new JsonObject().put("sound", false).put("desktop", false);

  @AfterAll
  static void stop() throws Exception {
    if (inbox != null) {
      inbox.close();
    }
  }

  @Test
  void aChoiceIsSavedForTheUserAndOnlyForThem() throws Exception {
    inbox.createUser("mei", "agent", 3);
    inbox.createUser("ali", "agent", 3);
    String mei = inbox.login("mei");

    assertThat(inbox.get(mei, "/api/me/preferences").bodyAsJsonObject())
        .isEqualTo(new JsonObject().putNull("language").putNull("timeZone").put("notifications", OFF));
    var saved = inbox.put(mei, "/api/me/preferences", new JsonObject().put("language", "zh-CN"));
    assertThat(saved.statusCode()).as(saved.bodyAsString()).isEqualTo(200);
    inbox.put(mei, "/api/me/preferences", new JsonObject().put("timeZone", "Asia/Shanghai"));

    // a new login (another device) gets the same choice; setting the zone left the language alone
    assertThat(inbox.get(inbox.login("mei"), "/api/me/preferences").bodyAsJsonObject())
        .isEqualTo(new JsonObject().put("language", "zh-CN").put("timeZone", "Asia/Shanghai").put("notifications", OFF));
    assertThat(inbox.get(inbox.login("ali"), "/api/me/preferences").bodyAsJsonObject().getString("language")).isNull();

    inbox.put(mei, "/api/me/preferences", new JsonObject().putNull("timeZone"));
    assertThat(inbox.get(mei, "/api/me/preferences").bodyAsJsonObject())
        .isEqualTo(new JsonObject().put("language", "zh-CN").putNull("timeZone").put("notifications", OFF));
  }

  @Test
  void alertsAreOptInAndSavedWithoutTouchingTheRest() throws Exception {
    String siti = inbox.loggedIn("siti", "agent", 3);
    inbox.put(siti, "/api/me/preferences", new JsonObject().put("language", "zh-CN"));
    JsonObject both = new JsonObject().put("sound", true).put("desktop", true);
    var saved = inbox.put(siti, "/api/me/preferences", new JsonObject().put("notifications", both));
    assertThat(saved.statusCode()).as(saved.bodyAsString()).isEqualTo(200);
    assertThat(inbox.get(inbox.login("siti"), "/api/me/preferences").bodyAsJsonObject())
        .isEqualTo(new JsonObject().put("language", "zh-CN").putNull("timeZone").put("notifications", both));
    inbox.put(siti, "/api/me/preferences", new JsonObject().put("language", "en"));
    assertThat(inbox.get(siti, "/api/me/preferences").bodyAsJsonObject().getJsonObject("notifications")).isEqualTo(both);
  }

  @Test
  void badValuesAreRefusedAndChangeNothing() throws Exception {
    String mei = inbox.loggedIn("tan", "agent", 3);
    inbox.put(mei, "/api/me/preferences", new JsonObject().put("language", "en"));

    for (JsonObject bad : new JsonObject[] {
        new JsonObject().put("language", "klingon"),
        new JsonObject().put("timeZone", "Mars/Olympus"),
        new JsonObject().put("language", 5),
        new JsonObject().put("notifications", "on"),
        new JsonObject().put("notifications", new JsonObject().put("sound", "yes").put("desktop", false)),
        new JsonObject()}) {
      var r = inbox.put(mei, "/api/me/preferences", bad);
      assertThat(r.statusCode()).as(bad.encode()).isEqualTo(400);
      assertThat(r.bodyAsJsonObject().getString("error")).isNotBlank();
    }
    assertThat(inbox.get(mei, "/api/me/preferences").bodyAsJsonObject().getString("language")).isEqualTo("en");
    assertThat(inbox.http.get("/api/me/preferences").send().toCompletionStage().toCompletableFuture().get().statusCode())
        .isEqualTo(401);
  }
}
