package dev.unibox.adapters.shopee.fake;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The pushes Shopee could not deliver, kept for get_lost_push_message until confirmed as consumed. */
final class FakeShopeeLostPushes {

  private static final int PAGE = 100;

  private record LostPush(long id, long shopId, int code, long timestamp, String data, Instant at) {}

  private final Clock clock;
  private final List<LostPush> lost = new ArrayList<>();
  private long nextId = 1_000;
  private long confirmedId;

  FakeShopeeLostPushes(Clock clock) {
    this.clock = clock;
  }

  synchronized void add(long shopId, int code, long timestamp, String data) {
    lost.add(new LostPush(nextId++, shopId, code, timestamp, data, clock.instant()));
  }

  /** The earliest 100 unconsumed pushes of the last 3 days. */
  synchronized JsonObject page() {
    Instant since = clock.instant().minusSeconds(3 * 24 * 3600);
    List<LostPush> open = lost.stream().filter(p -> p.id() > confirmedId && !p.at().isBefore(since)).toList();
    JsonArray list = new JsonArray();
    open.stream().limit(PAGE).forEach(p -> list.add(new JsonObject().put("shop_id", p.shopId())
        .put("code", p.code()).put("timestamp", p.timestamp()).put("data", p.data())));
    long last = open.isEmpty() ? confirmedId : open.get(Math.min(open.size(), PAGE) - 1).id();
    return new JsonObject().put("push_message_list", list).put("has_next_page", open.size() > PAGE)
        .put("last_message_id", last);
  }

  synchronized void confirm(long lastMessageId) {
    confirmedId = Math.max(confirmedId, lastMessageId);
  }

  synchronized int unconsumed() {
    return (int) lost.stream().filter(p -> p.id() > confirmedId).count();
  }
}
