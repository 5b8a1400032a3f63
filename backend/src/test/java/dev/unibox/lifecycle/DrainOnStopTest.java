package dev.unibox.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.Await;
import dev.unibox.testing.TestInbox;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stopping drains: pushes already being handled when the stop begins are finished and answered 200
 * (stored), none gets a 5xx, and every acknowledged push is stored exactly once.
 */
@ExtendWith(VertxExtension.class)
class DrainOnStopTest {

  @Test
  void pushesInFlightWhenTheStopBeginsAreStoredAndAnswered(Vertx vertx) throws Exception {
    TestInbox inbox = TestInbox.start(vertx);
    try {
      AtomicBoolean stopping = new AtomicBoolean();
      AtomicInteger answeredWhileStopping = new AtomicInteger();
      List<Future<Integer>> pushes = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        pushes.add(inbox.signedShopeePush("m-drain-" + i, String.valueOf(815000 + i), "Order " + i + "?")
            .otherwise(0)
            .onSuccess(status -> {
              if (stopping.get() && status == 200) {
                answeredWhileStopping.incrementAndGet();
              }
            }));
      }
      stopping.set(true);
      Await.result(inbox.app.stop());

      for (int i = 0; i < pushes.size(); i++) {
        int status = Await.result(pushes.get(i));
        assertThat(status).as("push %d: answered or never taken, never a 5xx", i).isIn(200, 0);
        if (status == 200) {
          assertThat(inbox.count("SELECT count(*) FROM messages WHERE platform_message_id = $1", "m-drain-" + i))
              .as("acknowledged push " + i).isEqualTo(1);
        }
      }
      assertThat(answeredWhileStopping.get()).as("pushes in flight were finished, not cut off").isPositive();
    } finally {
      inbox.close();
    }
  }
}
