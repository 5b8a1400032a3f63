package dev.unibox.adapters.support;

import dev.unibox.adapters.spi.BuyerOrder;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * What every adapter's "orders of this buyer" shares: walking a platform's paged order list up to a bound,
 * reading order details a bounded number of ids per call, and keeping the newest few orders. The platform
 * parts (paths, parameters, fields) stay in each adapter.
 */
public final class OrderPages {

  /** Orders shown per buyer: the customer panel lists the newest ones. */
  public static final int MAX_ORDERS = 10;

  /** One page of a platform's list: its items and the cursor of the next page, or null when it was the last. */
  public record Page<T>(List<T> items, String next) {}

  private OrderPages() {}

  /** Every item of the pages from {@code first} on, at most {@code maxPages} pages (calls one after another). */
  public static <T> Future<List<T>> walk(Function<String, Future<Page<T>>> fetch, String first, int maxPages) {
    return walk(fetch, first, maxPages, new ArrayList<>());
  }

  private static <T> Future<List<T>> walk(Function<String, Future<Page<T>>> fetch, String cursor, int pagesLeft,
                                          List<T> out) {
    return fetch.apply(cursor).compose(page -> {
      out.addAll(page.items());
      if (page.next() == null || page.next().isEmpty() || page.items().isEmpty() || pagesLeft <= 1) {
        return Future.succeededFuture(out);
      }
      return walk(fetch, page.next(), pagesLeft - 1, out);
    });
  }

  /** {@code fetch} over {@code keys}, {@code chunk} keys per call, one call after another; results in order. */
  public static <K, R> Future<List<R>> inChunks(List<K> keys, int chunk, Function<List<K>, Future<List<R>>> fetch) {
    return inChunks(keys, chunk, fetch, 0, new ArrayList<>());
  }

  private static <K, R> Future<List<R>> inChunks(List<K> keys, int chunk, Function<List<K>, Future<List<R>>> fetch,
                                                 int from, List<R> out) {
    if (from >= keys.size()) {
      return Future.succeededFuture(out);
    }
    return fetch.apply(List.copyOf(keys.subList(from, Math.min(keys.size(), from + chunk)))).compose(r -> {
      out.addAll(r);
      return inChunks(keys, chunk, fetch, from + chunk, out);
    });
  }

  /** The newest {@link #MAX_ORDERS} orders, newest first (an order without a time last). */
  public static List<BuyerOrder> newestFirst(Collection<BuyerOrder> orders) {
    return orders.stream()
        .sorted(Comparator.comparing(BuyerOrder::createdAt, Comparator.nullsLast(Comparator.reverseOrder())))
        .limit(MAX_ORDERS)
        .toList();
  }

  /** An order total as the panel shows it: a plain decimal without trailing zeros ("59.90" → "59.9"); null stays null. */
  public static String amount(Object total) {
    return total == null ? null
        : new BigDecimal(total.toString().replace(",", "")).stripTrailingZeros().toPlainString();
  }

  /** The objects of a JSON array in an answer (none when the array is missing). */
  public static List<JsonObject> objects(JsonArray array) {
    List<JsonObject> out = new ArrayList<>();
    if (array != null) {
      array.forEach(o -> out.add((JsonObject) o));
    }
    return out;
  }
}
