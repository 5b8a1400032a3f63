package dev.unibox.adapters.bridge;

import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AdapterContext;
import dev.unibox.adapters.spi.PlatformAdapter;
import dev.unibox.adapters.spi.PlatformAdapterFactory;
import dev.unibox.adapters.spi.PushRequest;
import dev.unibox.adapters.support.PushBodies;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * The bridge channel for platforms without an open chat API. One subclass per platform so accounts are
 * configured with the platform's own name (and get its {@link dev.unibox.adapters.spi.PlatformProfile}).
 */
public abstract class BridgeAdapterFactory implements PlatformAdapterFactory {

  /** What a push of this platform is called in errors. */
  private static final String PUSH = "Bridge push";

  private final String platform;

  private BridgeAdapterFactory(String platform) {
    this.platform = platform;
  }

  @Override
  public String platform() {
    return platform;
  }

  /** Bridge pushes name the shop as {@code shop_id}. */
  @Override
  public String claimedShopId(PushRequest push) {
    return PushBodies.claimedId(push, PUSH, "shop_id");
  }

  @Override
  public PlatformAdapter create(Vertx vertx, AccountConfig account, AdapterContext context) {
    return new BridgeAdapter(vertx, account, context);
  }

  static JsonObject parse(PushRequest push) {
    return PushBodies.jsonObject(push, PUSH);
  }

  /** Pinduoduo through a merchant's approved service-market integration. */
  public static final class Pinduoduo extends BridgeAdapterFactory {
    public Pinduoduo() {
      super("pinduoduo");
    }
  }

  /** Taobao/Tmall (Qianniu/Wangwang) through a merchant integration. */
  public static final class Taobao extends BridgeAdapterFactory {
    public Taobao() {
      super("taobao");
    }
  }

  /** Douyin (Feige) through a merchant integration. */
  public static final class Douyin extends BridgeAdapterFactory {
    public Douyin() {
      super("douyin");
    }
  }

  /** Kuaishou through a merchant integration. */
  public static final class Kuaishou extends BridgeAdapterFactory {
    public Kuaishou() {
      super("kuaishou");
    }
  }
}
