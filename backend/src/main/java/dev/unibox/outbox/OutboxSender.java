package dev.unibox.outbox;

import dev.unibox.accounts.AccountRegistry;
import dev.unibox.adapters.spi.AdapterException;
import dev.unibox.adapters.spi.ErrorKind;
import dev.unibox.adapters.spi.OutboundMessage;
import dev.unibox.adapters.spi.PlatformAdapter;
import dev.unibox.adapters.spi.SendResult;
import dev.unibox.config.UniboxConfig.OutboxConfig;
import dev.unibox.conversations.ConversationNews;
import dev.unibox.events.Change;
import dev.unibox.events.EventNames;
import dev.unibox.events.UnitOfWork;
import dev.unibox.signals.Addresses;
import dev.unibox.signals.KickedLoop;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers outbox rows through their account's adapter. A row is claimed under a lease, sent once, and
 * marked sent only if still pending; transient and rate-limit errors are retried with backoff, anything
 * else fails the message and the agent is told. After a failure that may have reached the platform
 * (a timeout), the next attempt first asks the platform whether the message is there.
 */
public final class OutboxSender extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
  private static final Duration LEASE = Duration.ofSeconds(60);
  private static final int BATCH = 20;
  private static final Duration PAUSED_RECHECK = Duration.ofSeconds(30);

  private final Pool pool;
  private final String node;
  private final Predicate<String> owning;
  private final AccountRegistry accounts;
  private final OutboxConfig config;
  private final Clock clock;
  private final Backoff backoff;
  private KickedLoop loop;
  private UnitOfWork work;

  /**
   * @param node   this node's id: it claims only replies of accounts whose lease it holds
   * @param owning whether this node may still act for an account right now (checked again just before
   *               sending: a node paused past its lease must not send a reply its successor may send)
   */
  public OutboxSender(Pool pool, AccountRegistry accounts, OutboxConfig config, Clock clock, String node,
                      Predicate<String> owning) {
    this.pool = pool;
    this.node = node;
    this.owning = owning;
    this.accounts = accounts;
    this.config = config;
    this.clock = clock;
    this.backoff = new Backoff(config.initialBackoffMillis(), config.maxBackoffMillis(), RandomGenerator.getDefault());
  }

  @Override
  public Future<?> start() {
    work = new UnitOfWork(vertx, pool, clock);
    loop = new KickedLoop(vertx, "Outbox pass", this::drain);
    return loop.start(config.pollMillis(), Addresses.OUTBOX_KICK).onSuccess(v -> loop.kick());
  }

  @Override
  public Future<?> stop() {
    return loop.stop();
  }

  /** Sends everything due now; loops while full batches come back. */
  private Future<Void> drain() {
    Instant now = clock.instant();
    return OutboxStore.claim(pool, now, now.plus(LEASE), BATCH, node).compose(claimed -> {
      List<Future<Void>> sends = claimed.stream().map(this::deliver).toList();
      return Future.join(sends).transform(ar -> claimed.size() == BATCH ? drain() : Future.succeededFuture());
    });
  }

  private Future<Void> deliver(OutboxStore.Claimed c) {
    PlatformAdapter adapter = accounts.byAccount(c.accountId()).orElse(null);
    if (adapter != null && accounts.isPaused(c.accountId())) {
      // Paused (by an admin or for a dead token): the reply waits, it is neither sent nor failed.
      return notNow(c, PAUSED_RECHECK, "account paused");
    }
    if (adapter == null) {
      return fail(c, "The shop account " + c.accountId() + " is not running");
    }
    OutboundMessage message = new OutboundMessage("outbox-" + c.outboxId(), c.platformConversationId(), c.buyerId(),
        c.type(), c.text());
    Future<Optional<SendResult>> alreadyThere = !c.checkBeforeSend() ? Future.succeededFuture(Optional.empty())
        : OutboxStore.knownPlatformIds(pool, c.conversationId())
            .compose(known -> adapter.findDelivered(message, c.createdAt(), known));
    return alreadyThere
        .compose(found -> found.isPresent() ? Future.succeededFuture(found.get())
            : owning.test(c.accountId()) ? adapter.send(message) : Future.failedFuture(new LostAccount()))
        .transform(ar -> ar.succeeded() ? sent(c, ar.result()) : failed(c, adapter, ar.cause()));
  }

  /**
   * Stores the send. A push or poll storing the platform's copy of this message (its echo) while this runs
   * makes the platform id collide once; the second try sees the echo committed and drops it.
   */
  private Future<Void> sent(OutboxStore.Claimed c, SendResult result) {
    return markSent(c, result).recover(e -> e instanceof PgException pg && "23505".equals(pg.getSqlState())
        ? markSent(c, result) : Future.failedFuture(e));
  }

  private Future<Void> markSent(OutboxStore.Claimed c, SendResult result) {
    return work.run(change -> OutboxStore.markSent(change.conn(), c, result.platformMessageId(), change.now())
        .compose(sent -> sent.marked() ? statusEvent(change, c, "sent", null, sent.droppedEchoes())
            : Future.succeededFuture()));
  }

  /** This node lost the account between claim and send (paused JVM, lost database): its new owner sends. */
  private static final class LostAccount extends RuntimeException {
    LostAccount() {
      super("this node no longer owns the account", null, false, false);
    }
  }

  /** The reply waits without using up an attempt. */
  private Future<Void> notNow(OutboxStore.Claimed c, Duration wait, String why) {
    Instant now = clock.instant();
    return OutboxStore.retryLater(pool, c.outboxId(), now.plus(wait), why, c.checkBeforeSend(), now)
        .compose(v -> OutboxStore.uncountAttempt(pool, c.outboxId()));
  }

  private Future<Void> failed(OutboxStore.Claimed c, PlatformAdapter adapter, Throwable cause) {
    if (cause instanceof LostAccount) {
      LOG.warn("Reply {} not sent: this node lost account {}", c.outboxId(), c.accountId());
      return notNow(c, Duration.ZERO, cause.getMessage());
    }
    ErrorKind kind = cause instanceof AdapterException ae ? ae.kind() : ErrorKind.TRANSIENT;
    // once a send may have landed, every later attempt looks first, until the row is settled
    boolean checkFirst = c.checkBeforeSend() || (cause instanceof AdapterException ae && adapter.mayHaveBeenDelivered(ae));
    Duration retryAfter = cause instanceof AdapterException ae ? ae.retryAfter() : null;
    String error = cause.getMessage() == null ? kind.name() : cause.getMessage();
    if (kind == ErrorKind.RATE_LIMITED) {
      // Throttled: the platform did not process the call. Wait as long as it asked (or back off) and try
      // again without using up an attempt, so a rate-limit storm never fails a reply.
      Instant now = clock.instant();
      Duration wait = backoff.after(Math.min(c.attempts(), 6), retryAfter);
      LOG.info("Reply {} rate limited, retrying in {} ms", c.outboxId(), wait.toMillis());
      return OutboxStore.retryLater(pool, c.outboxId(), now.plus(wait), error, c.checkBeforeSend(), now)
          .compose(v -> OutboxStore.uncountAttempt(pool, c.outboxId()))
          .onSuccess(v -> vertx.setTimer(Math.max(1, wait.toMillis()), t -> loop.kick()));
    }
    if (kind.retryable() && c.attempts() < config.maxAttempts()) {
      Instant now = clock.instant();
      Duration wait = backoff.after(c.attempts(), retryAfter);
      LOG.info("Reply {} attempt {} failed ({}), retrying in {} ms", c.outboxId(), c.attempts(), kind, wait.toMillis());
      return OutboxStore.retryLater(pool, c.outboxId(), now.plus(wait), error, checkFirst, now)
          .onSuccess(v -> vertx.setTimer(Math.max(1, wait.toMillis()), t -> loop.kick()));
    }
    LOG.warn("Reply {} failed for good after {} attempts: {} {}", c.outboxId(), c.attempts(), kind, error);
    return fail(c, error);
  }

  private Future<Void> fail(OutboxStore.Claimed c, String error) {
    return work.run(change -> OutboxStore.markFailed(change.conn(), c, error, change.now())
        .compose(changed -> changed ? statusEvent(change, c, "failed", error, List.of()) : Future.succeededFuture()));
  }

  /** @param removed messages the views must drop: the platform's copies of this one, deleted by the mark */
  private static Future<Void> statusEvent(Change change, OutboxStore.Claimed c, String status, String error,
                                          List<Long> removed) {
    return ConversationNews.tell(change, c.conversationId(), EventNames.MESSAGE_STATUS, new JsonObject()
        .put("conversationId", c.conversationId()).put("messageId", c.messageId()).put("status", status)
        .put("error", error).put("removed", new JsonArray(removed)));
  }
}
