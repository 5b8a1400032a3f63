package dev.unibox.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.adapters.shopee.ShopeeSigner;
import dev.unibox.testing.Await;
import dev.unibox.testing.TestInbox;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
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
      String callback = inbox.app.baseUrl() + "/webhooks/shopee";
      for (int i = 0; i < 40; i++) {
        String body = pushBody("m-drain-" + i, String.valueOf(815000 + i), "Order " + i + "?");
        pushes.add(inbox.http.post("/webhooks/shopee").putHeader("Content-Type", "application/json")
            .putHeader("Authorization", ShopeeSigner.pushSignature(TestInbox.PARTNER_KEY, callback,
                body.getBytes(StandardCharsets.UTF_8)))
            .sendBuffer(Buffer.buffer(body))
            .map(r -> r.statusCode())
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

  private static String pushBody(String messageId, String buyerId, String text) {
    long now = System.currentTimeMillis() / 1000;
    return "{\"msg_id\":\"p-" + messageId + "\",\"code\":10,\"shop_id\":" + TestInbox.SHOP_MY + ",\"timestamp\":" + now
        + ",\"data\":{\"type\":\"message\",\"region\":\"MY\",\"content\":{\"message_id\":\"" + messageId
        + "\",\"conversation_id\":\"c-" + buyerId + "\",\"from_id\":" + buyerId + ",\"from_user_name\":\"b" + buyerId
        + "\",\"to_id\":5550001,\"to_user_name\":\"shop\",\"message_type\":\"text\",\"content\":{\"text\":\"" + text
        + "\"},\"created_timestamp\":" + now + ",\"source_content\":{},\"quoted_msg\":{\"message_id\":\"\"}}}}";
  }
}
