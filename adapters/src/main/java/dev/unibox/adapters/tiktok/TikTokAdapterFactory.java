package dev.unibox.adapters.tiktok;

import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AdapterContext;
import dev.unibox.adapters.spi.AdapterException;
import dev.unibox.adapters.spi.ErrorKind;
import dev.unibox.adapters.spi.PlatformAdapter;
import dev.unibox.adapters.spi.PlatformAdapterFactory;
import dev.unibox.adapters.spi.PushRequest;
import dev.unibox.adapters.support.PushBodies;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

public final class TikTokAdapterFactory implements PlatformAdapterFactory {

  public static final String PLATFORM = "tiktok";

  @Override
  public String platform() {
    return PLATFORM;
  }

  /** Webhook envelope {@code {type, shop_id, timestamp, tts_notification_id, data}}. */
  @Override
  public String claimedShopId(PushRequest push) {
    Object shopId = parse(push).getValue("shop_id");
    if (shopId == null || shopId.toString().isBlank()) {
      throw new AdapterException(ErrorKind.MALFORMED, null, "TikTok Shop webhook has no shop_id");
    }
    return shopId.toString();
  }

  @Override
  public PlatformAdapter create(Vertx vertx, AccountConfig account) {
    return new TikTokAdapter(vertx, account, AdapterContext.standalone());
  }

  @Override
  public PlatformAdapter create(Vertx vertx, AccountConfig account, AdapterContext context) {
    return new TikTokAdapter(vertx, account, context);
  }

  static JsonObject parse(PushRequest push) {
    return PushBodies.jsonObject(push, "TikTok Shop webhook");
  }
}
