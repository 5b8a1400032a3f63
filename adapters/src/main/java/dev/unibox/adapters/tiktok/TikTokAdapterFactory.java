package dev.unibox.adapters.tiktok;

import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AdapterContext;
import dev.unibox.adapters.spi.PlatformAdapter;
import dev.unibox.adapters.spi.PlatformAdapterFactory;
import dev.unibox.adapters.spi.PushRequest;
import dev.unibox.adapters.support.PushBodies;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

public final class TikTokAdapterFactory implements PlatformAdapterFactory {

  /** What a push of this platform is called in errors. */
  private static final String PUSH = "TikTok Shop webhook";

  public static final String PLATFORM = "tiktok";

  @Override
  public String platform() {
    return PLATFORM;
  }

  /** Webhook envelope {@code {type, shop_id, timestamp, tts_notification_id, data}}. */
  @Override
  public String claimedShopId(PushRequest push) {
    return PushBodies.claimedId(push, PUSH, "shop_id");
  }

  @Override
  public PlatformAdapter create(Vertx vertx, AccountConfig account, AdapterContext context) {
    return new TikTokAdapter(vertx, account, context);
  }

  static JsonObject parse(PushRequest push) {
    return PushBodies.jsonObject(push, PUSH);
  }
}
