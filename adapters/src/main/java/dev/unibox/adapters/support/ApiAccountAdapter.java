package dev.unibox.adapters.support;

import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AdapterContext;
import dev.unibox.adapters.spi.AdapterException;
import dev.unibox.adapters.spi.Capabilities;
import dev.unibox.adapters.spi.ErrorKind;
import dev.unibox.adapters.spi.PlatformAdapter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * An adapter that calls a platform's open API with the account's access token. It owns what those adapters
 * share: the account and its capabilities, the web client (closed on {@link #stop}) and the token lifecycle
 * ({@link TokenKeeper}: saved pair loaded on {@link #start}, {@link #refreshToken}, expiry, dead token).
 *
 * <p>A subclass reads its options first and only then calls {@link #openWebClient} and {@link #keepTokens},
 * so an account refused for bad settings leaves no client open.
 */
public abstract class ApiAccountAdapter implements PlatformAdapter {

  protected final AccountConfig account;
  protected final Clock clock;
  protected final Capabilities capabilities;
  private final AdapterContext context;
  private WebClient webClient;
  private TokenKeeper tokens;

  protected ApiAccountAdapter(AccountConfig account, AdapterContext context, Capabilities capabilities) {
    this.account = account;
    this.context = context;
    this.clock = context.clock();
    this.capabilities = capabilities;
  }

  protected final WebClient openWebClient(Vertx vertx, String userAgent) {
    webClient = WebClient.create(vertx, new WebClientOptions().setUserAgent(userAgent));
    return webClient;
  }

  /** Gives {@code api} the account's token keeper, which refreshes through {@code api}. */
  protected final void keepTokens(PlatformApiClient api) {
    tokens = TokenKeeper.forAccount(account, context, api::refresh);
    api.useTokens(tokens);
  }

  protected static <T> Future<T> permanent(String message) {
    return Future.failedFuture(new AdapterException(ErrorKind.PERMANENT, null, message));
  }

  @Override
  public AccountConfig account() {
    return account;
  }

  @Override
  public Capabilities capabilities() {
    return capabilities;
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

  @Override
  public Future<Void> stop() {
    webClient.close();
    return Future.succeededFuture();
  }
}
