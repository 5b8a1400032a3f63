package dev.unibox.ingest;

import dev.unibox.accounts.AccountRegistry;
import dev.unibox.adapters.spi.AdapterException;
import dev.unibox.adapters.spi.ErrorKind;
import dev.unibox.adapters.spi.PlatformAdapter;
import dev.unibox.adapters.spi.PlatformAdapterFactory;
import dev.unibox.adapters.spi.PlatformAdapters;
import dev.unibox.adapters.spi.PushRequest;
import dev.unibox.web.ApiException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.core.Future;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POST /webhooks/:platform — platform pushes. The push names its shop; that shop's adapter verifies the
 * signature with its own key before anything is stored; the platform gets its 2xx only after commit.
 */
public final class WebhookRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookRoutes.class);
  private static final RejectionLog REJECTIONS = new RejectionLog(LOG, java.time.Clock.systemUTC(), 20);
  private static final long MAX_PUSH_BYTES = 1024 * 1024;

  private final AccountRegistry accounts;
  private final IngestService ingest;
  private final Map<String, PlatformAdapterFactory> factories = new ConcurrentHashMap<>();
  private volatile Consumer<String> onPushed = accountId -> { };
  private volatile OrderEventStore orders;

  public WebhookRoutes(AccountRegistry accounts, IngestService ingest, List<String> platforms) {
    this.accounts = accounts;
    this.ingest = ingest;
    platforms.forEach(p -> factories.put(p, PlatformAdapters.factory(p)));
  }

  /** Called with the account id after each stored push (account health: last push). */
  public WebhookRoutes onPushed(Consumer<String> onPushed) {
    this.onPushed = onPushed;
    return this;
  }

  /** Where the order events of pushes are stored; without it a push carrying order events is refused. */
  public WebhookRoutes storingOrders(OrderEventStore orders) {
    this.orders = orders;
    return this;
  }

  /** Platforms of accounts added at runtime are looked up on first use. */
  private PlatformAdapterFactory factory(String platform) {
    PlatformAdapterFactory known = factories.get(platform);
    if (known != null || !PlatformAdapters.platforms().contains(platform)) {
      return known;
    }
    return factories.computeIfAbsent(platform, PlatformAdapters::factory);
  }

  public void mount(Router router) {
    router.post("/webhooks/:platform")
        .handler(BodyHandler.create(false).setBodyLimit(MAX_PUSH_BYTES))
        .handler(this::push);
  }

  private void push(RoutingContext ctx) {
    String platform = ctx.pathParam("platform");
    PlatformAdapterFactory factory = factory(platform);
    if (factory == null) {
      throw new ApiException(404, "unknown_platform", "No adapter for platform " + platform);
    }
    PushRequest push = new PushRequest(ctx.request().headers(), ctx.body().buffer() == null
        ? io.vertx.core.buffer.Buffer.buffer() : ctx.body().buffer());
    PlatformAdapter adapter;
    try {
      String shopId = factory.claimedShopId(push);
      // Same answer as a bad signature: a caller without the key cannot tell which shops exist.
      adapter = accounts.byShop(platform, shopId).orElseThrow(() -> {
        REJECTIONS.warn("Rejected {} push from {}: unknown shop {}", platform, ctx.request().remoteAddress(), shopId);
        return unverified();
      });
    } catch (AdapterException e) {
      throw refused(platform, ctx, e);
    }
    long started = System.nanoTime();
    String accountId = adapter.account().accountId();
    received(adapter, push)
        .recover(e -> Future.failedFuture(e instanceof AdapterException ae ? refused(platform, ctx, ae) : e))
        .compose(batch -> ingest.ingest(batch.messages()).compose(r -> storeOrders(batch)))
        .onSuccess(r -> {
          ctx.response().setStatusCode(200).end(adapter.pushAckBody());
          long tookMs = (System.nanoTime() - started) / 1_000_000;
          if (tookMs > adapter.pushAckDeadline().toMillis()) {
            LOG.warn("{} push for {} answered after {} ms, beyond the platform's {} ms", platform, accountId, tookMs,
                adapter.pushAckDeadline().toMillis());
          }
          onPushed.accept(accountId);
        })
        .onFailure(ctx::fail);
  }

  private Future<Integer> storeOrders(dev.unibox.adapters.spi.PushBatch batch) {
    if (batch.orders().isEmpty()) {
      return Future.succeededFuture(0);
    }
    OrderEventStore store = orders;
    return store == null ? Future.failedFuture(new ApiException(400, "orders_not_accepted",
        "This server does not store order events")) : store.store(batch.orders());
  }

  /**
   * The adapter's reading of a verified push. A push it cannot read (a field of a type it does not expect)
   * is malformed, not a failure of ours: a 5xx would make the platform redeliver the same bytes forever.
   */
  private static Future<dev.unibox.adapters.spi.PushBatch> received(PlatformAdapter adapter, PushRequest push) {
    try {
      return adapter.receivePush(push);
    } catch (AdapterException e) {
      return Future.failedFuture(e);
    } catch (RuntimeException e) {
      REJECTIONS.warn("{} could not read a verified push: {}", adapter.account().accountId(), e.toString());
      return Future.failedFuture(new AdapterException(ErrorKind.MALFORMED, null, "The push could not be read: "
          + e.getClass().getSimpleName()));
    }
  }

  private static ApiException refused(String platform, RoutingContext ctx, AdapterException e) {
    if (e.kind() == ErrorKind.PERMANENT) {
      // Verified, but the platform itself refuses what it names (no such conversation): a redelivery would
      // be refused the same way, so not a 5xx (the polling backstop still finds anything real).
      REJECTIONS.warn("Rejected {} push from {}: the platform refused to complete it ({})", platform,
          ctx.request().remoteAddress(), e.getMessage());
      return new ApiException(422, "push_not_resolvable", "The platform does not know what this push names");
    }
    if (e.kind() != ErrorKind.BAD_SIGNATURE && e.kind() != ErrorKind.MALFORMED) {
      // The push was fine but completing it failed (TikTok Shop fetches the message): not stored, so answer
      // 503 and let the platform redeliver; the polling backstop also finds it.
      LOG.warn("{} push could not be completed: {} ({})", platform, e.kind(), e.getMessage());
      return new ApiException(503, "push_not_completed", "The message could not be fetched yet; retry later");
    }
    REJECTIONS.warn("Rejected {} push from {}: {} ({})", platform, ctx.request().remoteAddress(), e.kind(),
        e.getMessage());
    return e.kind() == ErrorKind.BAD_SIGNATURE ? unverified() : new ApiException(400, "malformed_push", e.getMessage());
  }

  private static ApiException unverified() {
    return new ApiException(401, "bad_signature", "The push signature does not match");
  }
}
