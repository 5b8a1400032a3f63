package dev.unibox.conversations;

import dev.unibox.accounts.AccountRegistry;
import dev.unibox.adapters.spi.BuyerOrder;
import dev.unibox.adapters.spi.PlatformAdapter;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A buyer's orders with a conversation's shop, asked from the platform through its adapter. The answer
 * says whether the platform offers orders at all ({@code available}) and, when the platform could not be
 * reached, {@code error} instead of failing the customer panel.
 */
public record BuyerOrders(AccountRegistry registry) {

  private static final Logger LOG = LoggerFactory.getLogger(BuyerOrders.class);

  public Future<JsonObject> of(JsonObject conversation) {
    String accountId = conversation.getString("accountId");
    Optional<PlatformAdapter> adapter = registry.byAccount(accountId)
        .filter(a -> a.capabilities().buyerOrders() && !registry.isPaused(accountId));
    if (adapter.isEmpty()) {
      return Future.succeededFuture(new JsonObject().put("available", false).put("items", new JsonArray()));
    }
    return adapter.get().buyerOrders(conversation.getJsonObject("buyer").getString("id"))
        .map(list -> {
          JsonArray items = new JsonArray();
          list.forEach(o -> items.add(json(o)));
          return new JsonObject().put("available", true).put("items", items);
        })
        .otherwise(e -> {
          LOG.info("orders of a buyer of {} not read: {}", accountId, e.getMessage());
          return new JsonObject().put("available", true).put("items", new JsonArray()).put("error", "unreachable");
        });
  }

  private static JsonObject json(BuyerOrder o) {
    return new JsonObject().put("orderId", o.orderId()).put("status", o.status()).put("total", o.total())
        .put("currency", o.currency()).put("createdAt", o.createdAt() == null ? null : o.createdAt().toString())
        .put("items", new JsonArray(o.items()));
  }
}
