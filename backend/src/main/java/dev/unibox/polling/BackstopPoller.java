package dev.unibox.polling;

import dev.unibox.accounts.AccountAdminStore;
import dev.unibox.accounts.AccountRegistry;
import dev.unibox.adapters.spi.AdapterException;
import dev.unibox.adapters.spi.ErrorKind;
import dev.unibox.adapters.spi.InboundMessage;
import dev.unibox.adapters.spi.LostPushes;
import dev.unibox.adapters.spi.PlatformAdapter;
import dev.unibox.adapters.spi.PollResult;
import dev.unibox.ingest.IngestService;
import dev.unibox.signals.Addresses;
import dev.unibox.signals.LoopVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The polling backstop of one account: on a timer (and on a kick), it walks the platform's own cursors from
 * the cursor stored in PostgreSQL, ingests what it finds through {@link IngestService} (which dedupes, so
 * messages a push already delivered cost nothing) and stores the next cursor after each committed step. The
 * lost-push leader of a scope also drains the platform's lost-push queue, confirming only after storing.
 * Paused accounts and accounts with a dead token are skipped; a rate-limit answer defers the next run by
 * its Retry-After.
 */
public final class BackstopPoller {

  private static final Logger LOG = LoggerFactory.getLogger(BackstopPoller.class);
  private static final int MAX_STEPS = 50;
  private static final int MAX_LOST_PAGES = 10;

  private final Vertx vertx;
  private final String accountId;
  private final AccountRegistry registry;
  private final IngestService ingest;
  private final AccountAdminStore store;
  private final Pool pool;
  private final Clock clock;
  private final long intervalMs;
  private Instant notBefore = Instant.MIN;

  public BackstopPoller(Vertx vertx, String accountId, AccountRegistry registry, IngestService ingest,
                        AccountAdminStore store, Pool pool, Clock clock, long intervalMs) {
    this.vertx = vertx;
    this.accountId = accountId;
    this.registry = registry;
    this.ingest = ingest;
    this.store = store;
    this.pool = pool;
    this.clock = clock;
    this.intervalMs = intervalMs;
  }

  /** The account's polling job: every {@code intervalMs} and on each poll kick for this account. */
  public LoopVerticle job() {
    return new LoopVerticle("Backstop poll of " + accountId, intervalMs, this::run).kickedOn(Addresses.POLL_KICK,
        body -> {
          boolean mine = accountId.equals(body);
          if (mine) {
            notBefore = Instant.MIN;
          }
          return mine;
        });
  }

  /** One backstop run; skipped while the account cannot be polled. Its outcome is stored, never failed. */
  private Future<Void> run() {
    PlatformAdapter adapter = registry.byAccount(accountId).orElse(null);
    if (adapter == null || registry.isPaused(accountId) || adapter.tokenDead()
        || clock.instant().isBefore(notBefore)) {
      return Future.succeededFuture();
    }
    int[] stored = {0};
    Future<Void> pass = adapter.capabilities().polling() ? pollSteps(adapter, stored) : Future.succeededFuture();
    return pass.compose(v -> adapter.capabilities().lostPushRecovery() && registry.isLostPushLeader(accountId)
            ? lostPushes(adapter, 0, stored) : Future.succeededFuture())
        .transform(ar -> {
          String error = ar.failed() ? describe(ar.cause()) : null;
          if (ar.failed() && ar.cause() instanceof AdapterException ae && ae.kind() == ErrorKind.RATE_LIMITED) {
            notBefore = clock.instant().plus(ae.retryAfter() == null ? Duration.ofMillis(intervalMs)
                : ae.retryAfter());
          }
          if (ar.failed()) {
            LOG.info("Backstop poll of {} stopped: {}", accountId, error);
          }
          return store.polled(pool, accountId, null, error, 0, clock.instant())
              .compose(v -> store.token(pool, accountId, adapter.accessTokenExpiresAt().orElse(null),
                  adapter.tokenDead(), clock.instant()))
              .transform(x -> {
                vertx.eventBus().publish(Addresses.POLL_DONE, new JsonObject().put("accountId", accountId)
                    .put("stored", stored[0]).put("error", error));
                return Future.<Void>succeededFuture();
              });
        });
  }

  private Future<Void> pollSteps(PlatformAdapter adapter, int[] stored) {
    return store.cursor(pool, accountId).compose(cursor -> step(adapter, cursor, 0, stored));
  }

  private Future<Void> step(PlatformAdapter adapter, String cursor, int n, int[] stored) {
    return adapter.poll(cursor).compose((PollResult r) -> ingest.ingest(r.messages())
        .compose(result -> {
          stored[0] += result.stored();
          return store.polled(pool, accountId, r.nextCursor(), null, result.stored(), clock.instant());
        })
        .compose(v -> r.more() && n + 1 < MAX_STEPS ? step(adapter, r.nextCursor(), n + 1, stored)
            : Future.succeededFuture()));
  }

  private Future<Void> lostPushes(PlatformAdapter adapter, int page, int[] stored) {
    return adapter.fetchLostPushes().compose((LostPushes lost) -> {
      if (lost.pushes().isEmpty() && lost.confirmId() == null) {
        return Future.succeededFuture();
      }
      List<InboundMessage> messages = new ArrayList<>();
      for (LostPushes.Push p : lost.pushes()) {
        registry.byShop(adapter.account().platform(), p.shopId())
            .ifPresent(owner -> messages.addAll(owner.mapLostPush(p)));
      }
      return ingest.ingest(messages)
          .compose(result -> {
            stored[0] += result.stored();
            return store.polled(pool, accountId, null, null, result.stored(), clock.instant());
          })
          .compose(v -> adapter.confirmLostPushes(lost.confirmId()))
          .compose(v -> lost.more() && page + 1 < MAX_LOST_PAGES
              ? lostPushes(adapter, page + 1, stored) : Future.succeededFuture());
    });
  }

  private static String describe(Throwable t) {
    if (t instanceof AdapterException ae) {
      return ae.kind() + (ae.platformCode() == null ? "" : " " + ae.platformCode());
    }
    return t.getClass().getSimpleName();
  }
}
