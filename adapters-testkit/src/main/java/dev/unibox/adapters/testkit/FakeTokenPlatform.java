package dev.unibox.adapters.testkit;

import io.vertx.core.Vertx;
import java.time.Clock;

/**
 * A fake platform whose API takes per-shop access tokens that expire and are refreshed with rotation (Lazada,
 * TikTok Shop): the tokens it issued and the fault modes around them.
 */
public abstract class FakeTokenPlatform extends FakePlatformServer {

  protected final FakeTokens tokens;

  protected FakeTokenPlatform(Vertx vertx, Clock clock, String tokenPrefix) {
    super(vertx, clock);
    this.tokens = new FakeTokens(clock, tokenPrefix);
  }

  /** How many refreshes the fake granted. */
  public int refreshes() {
    return tokens.refreshes();
  }

  public void expireAccessToken(String shopId) {
    tokens.expireAccess(shopId);
  }

  public void expireRefreshToken(String shopId) {
    tokens.expireRefresh(shopId);
  }
}
