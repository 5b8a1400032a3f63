package dev.unibox.adapters.shopee;

import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AdapterException;
import dev.unibox.adapters.spi.ErrorKind;
import dev.unibox.adapters.spi.OrderEvent;
import dev.unibox.adapters.spi.PushBatch;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Shopee's order status push (code 3): {@code data{ordersn, status, completed_scenario, update_time}}. It does
 * not name the buyer, so the order's {@code buyer_user_id} and {@code create_time} are read through
 * {@code get_order_detail} (the push signature was checked before that call).
 */
final class ShopeeOrderPush {

  static final int ORDER_STATUS_CODE = 3;

  private final AccountConfig account;
  private final ShopeeApiClient api;

  ShopeeOrderPush(AccountConfig account, ShopeeApiClient api) {
    this.account = account;
    this.api = api;
  }

  static boolean is(JsonObject push) {
    return push.getValue("code") instanceof Number code && code.intValue() == ORDER_STATUS_CODE;
  }

  Future<PushBatch> receive(JsonObject push) {
    String pushId = ShopeeIds.fromJson(push.getValue("msg_id"));
    String shopId = ShopeeIds.fromJson(push.getValue("shop_id"));
    if (!account.shopId().equals(shopId)) {
      return Future.failedFuture(ShopeePushMapper.malformed("order push is for shop " + shopId + ", not for shop "
          + account.shopId()));
    }
    if (!(push.getValue("data") instanceof JsonObject data) || !(data.getValue("ordersn") instanceof String sn)
        || sn.isBlank() || !(data.getValue("status") instanceof String status) || status.isBlank()
        || !(data.getValue("update_time") instanceof Number updated)) {
      return Future.failedFuture(ShopeePushMapper.malformed("order push needs data.ordersn, data.status and data.update_time"));
    }
    return api.get(ShopeePaths.GET_ORDER_DETAIL, Map.of("order_sn_list", sn, "response_optional_fields", "buyer_user_id"))
        .compose(r -> {
          JsonArray list = r.getJsonArray("order_list", new JsonArray());
          JsonObject order = list.isEmpty() ? null : list.getJsonObject(0);
          String buyer = order == null ? null : ShopeeIds.fromJson(order.getValue("buyer_user_id"));
          if (order == null || buyer == null || !(order.getValue("create_time") instanceof Number created)) {
            return Future.failedFuture(new AdapterException(ErrorKind.PERMANENT, null,
                "Shopee has no order " + sn + " with a buyer for shop " + account.shopId()));
          }
          return Future.succeededFuture(new PushBatch(pushId, List.of(), List.of(new OrderEvent(account.accountId(),
              sn, buyer, status, Instant.ofEpochSecond(created.longValue()), Instant.ofEpochSecond(updated.longValue())))));
        });
  }
}
