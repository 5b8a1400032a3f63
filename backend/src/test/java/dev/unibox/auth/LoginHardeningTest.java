package dev.unibox.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.MutableClock;
import dev.unibox.testing.TestInbox;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A parallel burst of guesses gets no more tries than the throttle allows; an over-long password is a 400. */
@InboxTest
class LoginHardeningTest {

  // the clock stands still: the progressive delay cannot run out while a slow machine answers the burst
  private final MutableClock clock = MutableClock.startingNow();

  private TestInbox inbox;

  @Test
  void aParallelBurstOfGuessesGetsOnlyTheFreeAttempts() throws Exception {
    List<Future<HttpResponse<Buffer>>> burst = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      burst.add(inbox.http.post("/api/login").sendJsonObject(new JsonObject().put("username", "admin")
          .put("password", "guess-number-" + i)));
    }
    int wrong = 0;
    int slowed = 0;
    for (Future<HttpResponse<Buffer>> f : burst) {
      int status = Await.result(f).statusCode();
      wrong += status == 401 ? 1 : 0;
      slowed += status == 429 ? 1 : 0;
    }
    assertThat(wrong).as("guesses that reached bcrypt").isEqualTo(5);
    assertThat(slowed).isEqualTo(15);
  }

  @Test
  void aPasswordLongerThanBcryptReadsIsA400NotA500() throws Exception {
    var r = Await.result(inbox.http.post("/api/login").sendJsonObject(new JsonObject().put("username", "admin")
        .put("password", "密".repeat(30))));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("bad_request");
    assertThat(PasswordPolicy.problem("x".repeat(73))).contains("72 bytes");
    assertThat(PasswordPolicy.problem("short")).contains("10 characters");
  }
}
