package dev.unibox.adapters.spi;

import io.vertx.core.Vertx;

/**
 * One per platform, found by {@link java.util.ServiceLoader} (see {@link PlatformAdapters}).
 * A new platform is one package, one line in META-INF/services and the contract test.
 */
public interface PlatformAdapterFactory {

  /** Lower-case platform name as written in config, e.g. {@code shopee}. */
  String platform();

  /**
   * Reads the shop id a push claims to be for, before its signature is checked, so the push can be
   * handed to that account's adapter, which then verifies it with that account's key.
   *
   * @throws AdapterException of kind {@link ErrorKind#MALFORMED} when the body is not a push of this platform
   */
  String claimedShopId(PushRequest push);

  /** Creates the adapter with the service's clock, credential store and event sink. */
  PlatformAdapter create(Vertx vertx, AccountConfig account, AdapterContext context);

  /** Creates the adapter for use without a backend: see {@link AdapterContext#standalone()}. */
  default PlatformAdapter create(Vertx vertx, AccountConfig account) {
    return create(vertx, account, AdapterContext.standalone());
  }

  /** The platform's service rules (metrics) as data; see {@link PlatformProfiles}. */
  default PlatformProfile profile() {
    return PlatformProfiles.of(platform());
  }
}
