package dev.unibox.adapters.support;

import dev.unibox.adapters.spi.AdapterException;
import dev.unibox.adapters.spi.InboundMessage;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** What every poller does with a page of a platform's list read newest first, down to a floor time. */
public final class PolledPages {

  private PolledPages() {}

  /** The item's time in {@code field}; an item without one counts as new (never below a floor). */
  public static long time(JsonObject item, String field) {
    return item.getValue(field) instanceof Number n ? n.longValue() : Long.MAX_VALUE;
  }

  /** A page of a conversation list read: its newer conversations' reading, and whether it reached older ones. */
  public record Sweep(Future<Void> read, boolean reachedFloor) {}

  /**
   * Reads, one conversation after another, the page's conversations whose last activity ({@code time}) is at or
   * after {@code floor}; the older ones are skipped (a sweep that reaches them ends after this page).
   */
  public static Sweep readNewer(JsonArray page, ToLongFunction<JsonObject> time, long floor,
                                Function<JsonObject, Future<Void>> read) {
    Future<Void> chain = Future.succeededFuture();
    boolean reachedFloor = false;
    for (int i = 0; i < page.size(); i++) {
      JsonObject conversation = page.getJsonObject(i);
      if (time.applyAsLong(conversation) < floor) {
        reachedFloor = true;
        continue;
      }
      chain = chain.compose(v -> read.apply(conversation));
    }
    return new Sweep(chain, reachedFloor);
  }

  /**
   * Maps the page's messages timed at or after {@code floor} into {@code found}; one that cannot be read (null,
   * or refused by {@code map}) is skipped, never fatal for the page. True when the page reached below the floor.
   */
  public static boolean collect(JsonArray page, String timeField, long floor,
                                Function<JsonObject, InboundMessage> map, List<InboundMessage> found) {
    boolean reachedFloor = false;
    for (int i = 0; i < page.size(); i++) {
      JsonObject m = page.getJsonObject(i);
      if (time(m, timeField) < floor) {
        reachedFloor = true;
        continue;
      }
      try {
        InboundMessage mapped = map.apply(m);
        if (mapped != null) {
          found.add(mapped);
        }
      } catch (AdapterException unreadable) {
        // skipped, see above
      }
    }
    return reachedFloor;
  }
}
