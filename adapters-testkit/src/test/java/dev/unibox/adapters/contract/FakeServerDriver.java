package dev.unibox.adapters.contract;

import dev.unibox.adapters.fake.PushFaults;
import dev.unibox.adapters.testkit.FakePlatformServer;
import dev.unibox.adapters.testkit.FakeTokenPlatform;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.function.BiFunction;

/**
 * A contract driver for a fake built on {@link FakePlatformServer}: it starts the server on a free port, and
 * its faults, refusals and failures are the server's own; when the fake is a {@link FakeTokenPlatform}, so are
 * the tokens of the contract's shop.
 */
public abstract class FakeServerDriver<F extends FakePlatformServer> extends ContractDriver {

  protected F server;
  private final String shopId;
  private final String webhookPath;
  private final BiFunction<Vertx, MutableClock, F> create;

  /**
   * @param shopId      the contract's shop, whose tokens expire on demand (unused without tokens)
   * @param webhookPath where the platform's pushes arrive on our side
   * @param create      the fake on the contract's Vert.x and clock, not yet started
   */
  protected FakeServerDriver(String shopId, String webhookPath, BiFunction<Vertx, MutableClock, F> create) {
    this.shopId = shopId;
    this.webhookPath = webhookPath;
    this.create = create;
  }

  @Override
  public Future<Void> start(Vertx vertx, MutableClock clock) {
    server = create.apply(vertx, clock);
    return server.start(0).mapEmpty();
  }

  @Override
  public String webhookPath() {
    return webhookPath;
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
