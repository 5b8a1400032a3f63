package dev.unibox.adapters.bridge;

import dev.unibox.adapters.spi.PushRequest;
import dev.unibox.adapters.support.PushBodies;
import dev.unibox.adapters.support.StandardAdapterFactory;
import io.vertx.core.json.JsonObject;

/**
 * The bridge channel for platforms without an open chat API. One subclass per platform so accounts are
 * configured with the platform's own name (and get its {@link dev.unibox.adapters.spi.PlatformProfile}).
 */
public abstract class BridgeAdapterFactory extends StandardAdapterFactory {

  private static final String PUSH = "Bridge push";

  /** Bridge pushes name the shop as {@code shop_id}. */
  private BridgeAdapterFactory(String platform) {
    super(platform, PUSH, "shop_id", StandardAdapterFactory::asWritten, BridgeAdapter::new);
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
