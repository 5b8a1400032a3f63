package dev.unibox.adapters.shopee;

import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AdapterException;
import dev.unibox.adapters.spi.InboundMessage;
import dev.unibox.adapters.spi.LostPushes;
import dev.unibox.adapters.support.JsonContent;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Shopee's queue of pushes it could not deliver: read, mapped for this shop, confirmed as consumed. */
record ShopeeLostPushes(AccountConfig account, ShopeeApiClient api, ShopeePushMapper mapper) {

  /**
   * {@code get_lost_push_message} (partner level: the earliest 100 unconsumed pushes of the last 3 days).
   * Answer fields {@code push_message_list[{shop_id, code, timestamp, data}], has_next_page, last_message_id}
   * are as Shopee's API reference names them; the published documentation does not list them (see docs/adapters.md).
   */
  Future<LostPushes> fetch() {
    return api.getPartner(ShopeePaths.GET_LOST_PUSH).map(r -> {
      JsonArray list = r.getJsonArray("push_message_list", new JsonArray());
      List<LostPushes.Push> pushes = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        JsonObject p = list.getJsonObject(i);
        String shopId = ShopeeIds.fromJson(p.getValue("shop_id"));
        if (shopId != null) {
          pushes.add(new LostPushes.Push(shopId, p.copy()));
        }
      }
      String last = ShopeeIds.fromJson(r.getValue("last_message_id"));
      return new LostPushes(pushes, list.isEmpty() ? null : last, Boolean.TRUE.equals(r.getBoolean("has_next_page")));
    });
  }

  List<InboundMessage> map(LostPushes.Push push) {
    if (!(push.payload() instanceof JsonObject p) || !account.shopId().equals(push.shopId())) {
      return List.of();
    }
    Object data = p.getValue("data");
    JsonObject dataObject = JsonContent.objectOrJsonString(data);
    JsonObject asPush = new JsonObject().put("code", p.getValue("code")).put("shop_id", p.getValue("shop_id"))
        .put("timestamp", p.getValue("timestamp")).put("data", dataObject);
    try {
      return mapper.map(asPush).messages();
    } catch (AdapterException unreadable) {
      return List.of();
    }
  }

  Future<Void> confirm(String confirmId) {
    Number last = ShopeeIds.toJsonNumber(confirmId);
    if (last == null) {
      return Future.succeededFuture();
    }
    return api.postPartner(ShopeePaths.CONFIRM_LOST_PUSH, new JsonObject().put("last_message_id", last), false)
        .mapEmpty();
  }
}
