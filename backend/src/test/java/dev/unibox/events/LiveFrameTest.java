package dev.unibox.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unibox.signals.Addresses;
import dev.unibox.testing.Await;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The tail encodes an event once: every socket consumer on the node gets the very same frame, not a copy. */
@ExtendWith(VertxExtension.class)
class LiveFrameTest {

  @Test
  void everyLocalConsumerGetsTheSameEncodedFrame(Vertx vertx) throws Exception {
    LiveFrame.registerCodec(vertx);
    Promise<LiveFrame> first = Promise.promise();
    Promise<LiveFrame> second = Promise.promise();
    Await.result(vertx.eventBus().<LiveFrame>localConsumer(Addresses.user(7), m -> first.tryComplete(m.body())).completion());
    Await.result(vertx.eventBus().<LiveFrame>localConsumer(Addresses.user(7), m -> second.tryComplete(m.body())).completion());
    LiveFrame frame = new LiveFrame(42, "{\"type\":\"event\",\"seq\":42}");
    vertx.eventBus().publish(Addresses.user(7), frame);
    assertThat(Await.result(first.future())).isSameAs(frame);
    assertThat(Await.result(second.future())).isSameAs(frame);

    LiveFrame.unregisterCodec(vertx);
    assertThatThrownBy(() -> vertx.eventBus().publish(Addresses.user(7), frame))
        .as("without the tail's codec a frame cannot be sent").isInstanceOf(IllegalArgumentException.class);
  }
}
