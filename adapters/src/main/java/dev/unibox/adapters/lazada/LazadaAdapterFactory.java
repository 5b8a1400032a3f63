package dev.unibox.adapters.lazada;

import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AdapterContext;
import dev.unibox.adapters.spi.PlatformAdapter;
import dev.unibox.adapters.spi.PlatformAdapterFactory;
import dev.unibox.adapters.spi.PushRequest;
import dev.unibox.adapters.support.PushBodies;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

public final class LazadaAdapterFactory implements PlatformAdapterFactory {

  /** What a push of this platform is called in errors. */
  private static final String PUSH = "Lazada push";

  public static final String PLATFORM = "lazada";

  @Override
  public String platform() {
    return PLATFORM;
  }

  /** LPM pushes name the shop as {@code seller_id}. */
  @Override
  public String claimedShopId(PushRequest push) {
    return PushBodies.claimedId(push, PUSH, "seller_id", LazadaMapper::string);
  }

  @Override
  public PlatformAdapter create(Vertx vertx, AccountConfig account, AdapterContext context) {
    return new LazadaAdapter(vertx, account, context);
  }

  static JsonObject parse(PushRequest push) {
    return PushBodies.jsonObject(push, PUSH);
  }
}
