package dev.unibox.adapters.contract;

import dev.unibox.adapters.fake.PushFaults;
import dev.unibox.adapters.testkit.FakePlatformServer;
import dev.unibox.adapters.testkit.FakeTokenPlatform;
import io.vertx.core.Future;

/**
 * A contract driver for a fake built on {@link FakePlatformServer}: its faults, refusals and failures are the
 * server's own; when the fake is a {@link FakeTokenPlatform}, so are the tokens of the contract's shop.
 */
public abstract class FakeServerDriver<F extends FakePlatformServer> extends ContractDriver {

  protected F server;
  private final String shopId;

  /** {@code shopId}: the contract's shop, whose tokens expire on demand (unused without tokens). */
  protected FakeServerDriver(String shopId) {
    this.shopId = shopId;
  }

  /** The started fake, for a platform's own checks. */
  public F server() {
    return server;
  }

  @Override
  public Future<Void> stop() {
    return server.stop();
  }

  @Override
  public PushFaults faults() {
    return server.pushFaults();
  }

  @Override
  public int rejectedCalls() {
    return server.rejectedCalls();
  }

  @Override
  public void rateLimitNextCalls(int n, long retryAfterSeconds) {
    server.rateLimitNextCalls(n, retryAfterSeconds);
  }

  @Override
  public void failNextSendsTransiently(int n) {
    server.failNextSends(n);
  }

  @Override
  public void expireAccessToken() {
    if (server instanceof FakeTokenPlatform tokens) {
      tokens.expireAccessToken(shopId);
    }
  }

  @Override
  public void expireRefreshToken() {
    if (server instanceof FakeTokenPlatform tokens) {
      tokens.expireRefreshToken(shopId);
    }
  }

  @Override
  public int refreshes() {
    return server instanceof FakeTokenPlatform tokens ? tokens.refreshes() : 0;
  }
}
