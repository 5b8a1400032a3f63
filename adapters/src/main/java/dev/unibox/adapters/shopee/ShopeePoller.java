package dev.unibox.adapters.shopee;

import dev.unibox.adapters.spi.AdapterException;
import dev.unibox.adapters.spi.ErrorKind;
import dev.unibox.adapters.spi.InboundMessage;
import dev.unibox.adapters.spi.PollResult;
import dev.unibox.adapters.support.PolledPages;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The polling backstop of one Shopee shop: conversations changed since the cursor and their new messages. */
record ShopeePoller(ShopeeApiClient api, ShopeePushMapper mapper, Clock clock, int conversationPageSize,
                    int messagePageSize, long lookbackMinutes, long overlapSeconds) {

  /**
   * Cursor: the {@code last_message_timestamp} (ns) up to which conversations were read. One step reads one
   * page of conversations changed after it ({@code direction=latest}) and, for each, the newest messages
   * down to the cursor time (minus {@code pollOverlapSeconds}), following get_message's {@code next_offset}.
   */
  Future<PollResult> poll(String cursor) {
    long since = cursor == null || cursor.isBlank()
        ? toNanos(clock.instant().minusSeconds(lookbackMinutes * 60))
        : parseCursor(cursor);
    return api.get(ShopeePaths.GET_CONVERSATION_LIST, Map.of("direction", "latest", "type", "all",
        "next_timestamp_nano", Long.toString(since), "page_size", Integer.toString(conversationPageSize)))
        .compose(page -> {
          JsonArray conversations = page.getJsonArray("conversations", new JsonArray());
          JsonObject pageResult = page.getJsonObject("page_result", new JsonObject());
          List<InboundMessage> found = new ArrayList<>();
          Future<Void> chain = Future.succeededFuture();
          long floorSeconds = since / 1_000_000_000L - overlapSeconds;
          for (int i = 0; i < conversations.size(); i++) {
            JsonObject c = conversations.getJsonObject(i);
            String conversationId = ShopeeIds.fromJson(c.getValue("conversation_id"));
            String buyerName = c.getString("to_name");
            if (conversationId != null) {
              chain = chain.compose(v -> messagesSince(conversationId, buyerName, floorSeconds, "", found));
            }
          }
          String next = nextCursor(pageResult, since);
          boolean more = Boolean.TRUE.equals(pageResult.getBoolean("more")) && !conversations.isEmpty();
          return chain.map(v -> new PollResult(found, next, more));
        });
  }

  private Future<Void> messagesSince(String conversationId, String buyerName, long floorSeconds, String offset,
                                     List<InboundMessage> found) {
    Map<String, String> params = offset.isEmpty()
        ? Map.of("conversation_id", conversationId, "page_size", Integer.toString(messagePageSize))
        : Map.of("conversation_id", conversationId, "page_size", Integer.toString(messagePageSize), "offset", offset);
    return api.get(ShopeePaths.GET_MESSAGE, params).compose(page -> {
      JsonArray messages = page.getJsonArray("messages", new JsonArray());
      boolean reachedFloor = PolledPages.collect(messages, "created_timestamp", floorSeconds,
          m -> mapper.mapPolled(m, buyerName), found);
      String nextOffset = page.getJsonObject("page_result", new JsonObject()).getString("next_offset", "");
      if (reachedFloor || nextOffset == null || nextOffset.isEmpty() || messages.isEmpty()) {
        return Future.succeededFuture();
      }
      return messagesSince(conversationId, buyerName, floorSeconds, nextOffset, found);
    });
  }

  private static String nextCursor(JsonObject pageResult, long since) {
    JsonObject next = pageResult.getJsonObject("next_cursor", new JsonObject());
    Object nano = next.getValue("next_message_time_nano");
    try {
      long value = nano instanceof Number n ? n.longValue() : nano instanceof String s ? Long.parseLong(s) : since;
      return Long.toString(Math.max(value, since));
    } catch (NumberFormatException e) {
      return Long.toString(since);
    }
  }

  private static long parseCursor(String cursor) {
    try {
      return Long.parseLong(cursor.trim());
    } catch (NumberFormatException e) {
      throw new AdapterException(ErrorKind.MALFORMED, null, "Not a Shopee poll cursor: " + cursor);
    }
  }

  private static long toNanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }
}
