package dev.unibox.adapters.lazada;

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

public final class LazadaAdapterFactory implements PlatformAdapterFactory {

  public static final String PLATFORM = "lazada";

  @Override
  public String platform() {
    return PLATFORM;
  }

  /** LPM pushes name the shop as {@code seller_id}. */
  @Override
  public String claimedShopId(PushRequest push) {
    JsonObject body = parse(push);
    String sellerId = LazadaMapper.string(body.getValue("seller_id"));
    if (sellerId == null) {
      throw new AdapterException(ErrorKind.MALFORMED, null, "Lazada push has no seller_id");
    }
    return sellerId;
  }

  @Override
  public PlatformAdapter create(Vertx vertx, AccountConfig account) {
    return new LazadaAdapter(vertx, account, AdapterContext.standalone());
  }

  @Override
  public PlatformAdapter create(Vertx vertx, AccountConfig account, AdapterContext context) {
    return new LazadaAdapter(vertx, account, context);
  }

  static JsonObject parse(PushRequest push) {
    return PushBodies.jsonObject(push, "Lazada push");
  }
}
