package dev.unibox.adapters.support;

import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AccountEvents;
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

/**
 * An adapter that talks HTTP for one account: it owns the account and its capabilities, the clock and health
 * events of its context, and its web client (closed on {@link #stop}).
 *
 * <p>A subclass reads its options first and only then calls {@link #openWebClient}, so an account refused for
 * bad settings leaves no client open.
 */
public abstract class HttpAccountAdapter implements PlatformAdapter {

  protected final AccountConfig account;
  protected final Clock clock;
  protected final Capabilities capabilities;
  protected final AdapterContext context;
  private WebClient webClient;

  protected HttpAccountAdapter(AccountConfig account, AdapterContext context, Capabilities capabilities) {
    this.account = account;
    this.context = context;
    this.clock = context.clock();
    this.capabilities = capabilities;
  }

  protected final WebClient openWebClient(Vertx vertx, String userAgent) {
    webClient = WebClient.create(vertx, new WebClientOptions().setUserAgent(userAgent));
    return webClient;
  }

  /** Reports a failed call to the account's health events (and the wait, when rate limited). */
  protected final AdapterException counted(AdapterException e) {
    return counted(context.events(), account, e);
  }

  static AdapterException counted(AccountEvents events, AccountConfig account, AdapterException e) {
    events.callFailed(account.accountId(), e.kind(), e.platformCode());
    if (e.kind() == ErrorKind.RATE_LIMITED) {
      events.rateLimited(account.accountId(), e.retryAfter());
    }
    return e;
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
  public Future<Void> stop() {
    webClient.close();
    return Future.succeededFuture();
  }
}
