package dev.unibox.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.Await;
import dev.unibox.testing.TestInbox;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stopping drains: pushes already being handled when the stop begins are finished and answered 200
 * (stored), none gets a 5xx, and every acknowledged push is stored exactly once.
 *
 * <p>Several senders keep pushes flowing back to back, and the stop begins only once pushes are being
 * stored, so requests are in flight at that moment; each sender ends at its first refused push.
 */
@ExtendWith(VertxExtension.class)
class DrainOnStopTest {

  private static final int SENDERS = 8;

  @Test
  void pushesInFlightWhenTheStopBeginsAreStoredAndAnswered(Vertx vertx) throws Exception {
    TestInbox inbox = TestInbox.start(vertx);
    try {
      AtomicBoolean stopping = new AtomicBoolean();
      AtomicInteger sentBeforeStopAnsweredAfter = new AtomicInteger();
      AtomicInteger acknowledged = new AtomicInteger();
      Map<String, Integer> statusById = new ConcurrentHashMap<>();
      List<Future<Void>> senders = new CopyOnWriteArrayList<>();
      for (int s = 0; s < SENDERS; s++) {
        int sender = s;
        Promise<Void> done = Promise.promise();
        senders.add(done.future());
        vertx.runOnContext(v -> sendUntilRefused(inbox, sender, 0, stopping, sentBeforeStopAnsweredAfter,
            acknowledged, statusById, done));
      }
      Await.until("pushes are flowing", () -> acknowledged.get() >= 2 * SENDERS);
      stopping.set(true);
      Await.result(inbox.app.stop());
      Await.result(Future.all(senders));

      statusById.forEach((id, status) -> assertThat(status)
          .as("push %s: answered or never taken, never a 5xx", id).isIn(200, 0));
      for (var entry : statusById.entrySet()) {
        if (entry.getValue() == 200) {
          assertThat(inbox.count("SELECT count(*) FROM messages WHERE platform_message_id = $1", entry.getKey()))
              .as("acknowledged push " + entry.getKey()).isEqualTo(1);
        }
      }
      assertThat(sentBeforeStopAnsweredAfter.get()).as("pushes in flight were finished, not cut off").isPositive();
    } finally {
      inbox.close();
    }
  }

  private void sendUntilRefused(TestInbox inbox, int sender, int n, AtomicBoolean stopping,
      AtomicInteger sentBeforeStopAnsweredAfter, AtomicInteger acknowledged, Map<String, Integer> statusById,
      Promise<Void> done) {
    String id = "m-drain-" + sender + "-" + n;
    boolean sentBeforeStop = !stopping.get();
    inbox.signedShopeePush(id, String.valueOf(815000 + sender * 1000 + n % 50), "Order " + n + "?")
        .otherwise(0)
        .onSuccess(status -> {
          statusById.put(id, status);
          if (status == 200) {
            acknowledged.incrementAndGet();
            if (sentBeforeStop && stopping.get()) {
              sentBeforeStopAnsweredAfter.incrementAndGet();
            }
            sendUntilRefused(inbox, sender, n + 1, stopping, sentBeforeStopAnsweredAfter, acknowledged, statusById,
                done);
          } else {
            done.complete();
          }
        });
  }
}
