package dev.unibox.adapters.support;

import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AdapterContext;
import dev.unibox.adapters.spi.PlatformAdapter;
import dev.unibox.adapters.spi.PlatformAdapterFactory;
import dev.unibox.adapters.spi.PushRequest;
import io.vertx.core.Vertx;
import java.util.function.Function;

/**
 * A platform's factory as every adapter has it: the platform's name, the field of a push's JSON body that names
 * the shop (read before the signature is checked, to find the account), and the adapter's constructor.
 */
public abstract class StandardAdapterFactory implements PlatformAdapterFactory {

  /** An adapter's constructor. */
  @FunctionalInterface
  protected interface Constructor {
    PlatformAdapter create(Vertx vertx, AccountConfig account, AdapterContext context);
  }

  private final String platform;
  private final String pushName;
  private final String shopField;
  private final Function<Object, String> asShopId;
  private final Constructor constructor;

  /**
   * @param pushName  what a push of this platform is called in errors, e.g. "Lazada push"
   * @param asShopId  reads the shop id from the field's JSON value (null or blank when there is none)
   */
  protected StandardAdapterFactory(String platform, String pushName, String shopField,
                                   Function<Object, String> asShopId, Constructor constructor) {
    this.platform = platform;
    this.pushName = pushName;
    this.shopField = shopField;
    this.asShopId = asShopId;
    this.constructor = constructor;
  }

  /** The shop id read as written. */
  protected static String asWritten(Object value) {
    return value == null ? null : value.toString();
  }

  @Override
  public final String platform() {
    return platform;
  }

  @Override
  public final String claimedShopId(PushRequest push) {
    return PushBodies.claimedId(push, pushName, shopField, asShopId);
  }

  @Override
  public PlatformAdapter create(Vertx vertx, AccountConfig account, AdapterContext context) {
    return constructor.create(vertx, account, context);
  }
}
