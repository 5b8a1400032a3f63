package dev.unibox.adapters.support;

import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AdapterContext;
import dev.unibox.adapters.spi.Capabilities;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;

/**
 * An adapter that calls a platform's open API with the account's access token: besides what every
 * {@link HttpAccountAdapter} owns, the token lifecycle ({@link TokenKeeper}: saved pair loaded on
 * {@link #start}, {@link #refreshToken}, expiry, dead token). A subclass wires its API client with
 * {@link #keepTokens} after {@link #openWebClient}.
 */
public abstract class ApiAccountAdapter extends HttpAccountAdapter {

  private TokenKeeper tokens;

  protected ApiAccountAdapter(AccountConfig account, AdapterContext context, Capabilities capabilities) {
    super(account, context, capabilities);
  }

  /** Gives {@code api} the account's token keeper, which refreshes through {@code api}. */
  protected final void keepTokens(PlatformApiClient api) {
    tokens = TokenKeeper.forAccount(account, context, api::refresh);
    api.useTokens(tokens);
  }

  @Override
  public Future<Void> start() {
    return tokens.load();
  }

  @Override
  public Future<Void> refreshToken() {
    return tokens.refresh().mapEmpty();
  }

  @Override
  public Optional<Instant> accessTokenExpiresAt() {
    return Optional.ofNullable(tokens.current().accessExpiresAt());
  }

  @Override
  public boolean tokenDead() {
    return tokens.dead();
  }
}
