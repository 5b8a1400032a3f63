package dev.unibox.adapters.lazada;

import dev.unibox.adapters.spi.PushRequest;
import dev.unibox.adapters.support.PushBodies;
import dev.unibox.adapters.support.StandardAdapterFactory;
import io.vertx.core.json.JsonObject;

public final class LazadaAdapterFactory extends StandardAdapterFactory {

  public static final String PLATFORM = "lazada";
  private static final String PUSH = "Lazada push";

  /** LPM pushes name the shop as {@code seller_id}. */
  public LazadaAdapterFactory() {
    super(PLATFORM, PUSH, "seller_id", LazadaMapper::string, LazadaAdapter::new);
  }

  static JsonObject parse(PushRequest push) {
    return PushBodies.jsonObject(push, PUSH);
  }
}
