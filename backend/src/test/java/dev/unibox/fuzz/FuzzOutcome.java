package dev.unibox.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.BlockedThreadRecorder;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The properties every fuzzed request must keep: never a 5xx; a 4xx is a JSON {error, message} and
 * changed no row of any table. After a 2xx the database is let settle (work a request starts after its
 * answer, such as routing or an auto-reply, finishes) so that it is not blamed on the next request.
 */
final class FuzzOutcome {

  private static final long SETTLE_STEP_MS = 100;
  /** Quiet this many steps in a row: a poll an accepted request kicked may take a while on a busy machine. */
  private static final int SETTLE_QUIET_STEPS = 5;
  private static final long SETTLE_LIMIT_MS = 20_000;

  private final DbFingerprint fingerprint;
  private final Pool pool;

  FuzzOutcome(Pool pool) {
    this.pool = pool;
    this.fingerprint = new DbFingerprint(pool);
  }

  Map<String, String> fingerprint() throws Exception {
    return fingerprint.take();
  }

  /** Sends the request and checks the answer; returns it (2xx ones after the database settled). */
  HttpResponse<Buffer> check(String what, Callable<HttpResponse<Buffer>> request) throws Exception {
    Map<String, String> before = fingerprint.take();
    HttpResponse<Buffer> r = request.call();
    String described = what + " -> " + r.statusCode() + " " + abbreviated(r.bodyAsString());
    assertThat(r.statusCode()).as(described).isLessThan(500);
    if (r.statusCode() >= 400) {
      Map<String, String> changed = DbFingerprint.diff(before, fingerprint.take());
      assertThat(changed).as("tables changed by a refused request: " + described + latestMessages(changed)).isEmpty();
      JsonObject error = new JsonObject(r.body());
      assertThat(error.getString("error")).as(described).isNotBlank();
      assertThat(error.getString("message")).as(described).isNotBlank();
    } else {
      settle();
    }
    return r;
  }

  private String latestMessages(Map<String, String> changed) throws Exception {
    if (!changed.containsKey("messages")) {
      return "";
    }
    StringBuilder out = new StringBuilder("; latest messages:");
    for (var row : dev.unibox.testing.Await.result(pool.query("SELECT account_id, platform_message_id, direction, "
        + "left(body, 40) AS body, created_at FROM messages ORDER BY id DESC LIMIT 3").execute())) {
      out.append(' ').append(FuzzValues.printable(row.toJson().encode()));
    }
    return out.toString();
  }

  /**
   * Replies the outbox sender has not finished a first attempt on (a closing message, an auto-reply): its
   * delivery changes rows a moment later. A reply waiting for a retry after an error does not count.
   */
  private long repliesInFlight() throws Exception {
    return dev.unibox.testing.Await.result(pool.query(
        "SELECT count(*) FROM outbox WHERE status = 'pending' AND last_error IS NULL").execute())
        .iterator().next().getLong(0);
  }

  /**
   * Waits until the fingerprint stayed the same for half a second and no reply is being delivered (bounded);
   * returns the settled fingerprint.
   */
  Map<String, String> settle() throws Exception {
    long deadline = System.currentTimeMillis() + SETTLE_LIMIT_MS;
    Map<String, String> previous = fingerprint.take();
    Object monitor = new Object();
    int quietSteps = 0;
    while (true) {
      synchronized (monitor) {
        monitor.wait(SETTLE_STEP_MS);
      }
      Map<String, String> now = fingerprint.take();
      quietSteps = now.equals(previous) && repliesInFlight() == 0 ? quietSteps + 1 : 0;
      if (quietSteps >= SETTLE_QUIET_STEPS) {
        return now;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("the database kept changing after a request: " + DbFingerprint.diff(previous, now));
      }
      previous = now;
    }
  }

  /** Fails when an event loop was reported blocked since the last call. */
  static void noBlockedEventLoop(String during) {
    List<String> warnings = BlockedThreadRecorder.drain();
    assertThat(warnings).as("event loop blocked during " + during).isEmpty();
  }

  static String abbreviated(String s) {
    return FuzzValues.printable(s);
  }
}
