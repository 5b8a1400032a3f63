package dev.unibox.adapters.tiktok;

import dev.unibox.adapters.spi.PushRequest;
import dev.unibox.adapters.support.PushBodies;
import dev.unibox.adapters.support.StandardAdapterFactory;
import io.vertx.core.json.JsonObject;

public final class TikTokAdapterFactory extends StandardAdapterFactory {

  public static final String PLATFORM = "tiktok";
  private static final String PUSH = "TikTok Shop webhook";

  /** Webhook envelope {@code {type, shop_id, timestamp, tts_notification_id, data}}. */
  public TikTokAdapterFactory() {
    super(PLATFORM, PUSH, "shop_id", StandardAdapterFactory::asWritten, TikTokAdapter::new);
  }

  static JsonObject parse(PushRequest push) {
    return PushBodies.jsonObject(push, PUSH);
  }
}
