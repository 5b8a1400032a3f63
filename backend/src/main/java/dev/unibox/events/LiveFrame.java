package dev.unibox.events;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/**
 * One event as the node's tail hands it to the sockets on this node: its log position and its frame, encoded
 * once however many recipients and sockets it reaches. Immutable, so the local event bus passes it by
 * reference instead of copying a JSON object for every recipient and encoding it again for every socket.
 */
public record LiveFrame(long seq, String text) {

  /** Registered while the tail runs; the sockets' consumers are local, so nothing crosses the wire. */
  static void registerCodec(Vertx vertx) {
    vertx.eventBus().registerDefaultCodec(LiveFrame.class, BY_REFERENCE);
  }

  static void unregisterCodec(Vertx vertx) {
    vertx.eventBus().unregisterDefaultCodec(LiveFrame.class);
  }

  private static final MessageCodec<LiveFrame, LiveFrame> BY_REFERENCE = new MessageCodec<>() {
    @Override
    public void encodeToWire(Buffer buffer, LiveFrame frame) {
      throw new UnsupportedOperationException("live frames are delivered on this node only");
    }

    @Override
    public LiveFrame decodeFromWire(int pos, Buffer buffer) {
      throw new UnsupportedOperationException("live frames are delivered on this node only");
    }

    @Override
    public LiveFrame transform(LiveFrame frame) {
      return frame;
    }

    @Override
    public String name() {
      return "unibox-live-frame";
    }

    @Override
    public byte systemCodecID() {
      return -1;
    }
  };
}
