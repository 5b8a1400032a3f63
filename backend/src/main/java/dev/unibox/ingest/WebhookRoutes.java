package dev.unibox.ingest;

import dev.unibox.accounts.AccountRegistry;
import dev.unibox.adapters.spi.AdapterException;
import dev.unibox.adapters.spi.ErrorKind;
import dev.unibox.adapters.spi.PlatformAdapter;
import dev.unibox.adapters.spi.PlatformAdapterFactory;
import dev.unibox.adapters.spi.PlatformAdapters;
import dev.unibox.adapters.spi.PushBatch;
import dev.unibox.adapters.spi.PushRequest;
import dev.unibox.web.ApiException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.HashMap;
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
  private static final long MAX_PUSH_BYTES = 1024 * 1024;

  private final AccountRegistry accounts;
  private final IngestService ingest;
  private final Map<String, PlatformAdapterFactory> factories = new HashMap<>();

  public WebhookRoutes(AccountRegistry accounts, IngestService ingest, List<String> platforms) {
    this.accounts = accounts;
    this.ingest = ingest;
    platforms.forEach(p -> factories.put(p, PlatformAdapters.factory(p)));
  }

  public void mount(Router router) {
    router.post("/webhooks/:platform")
        .handler(BodyHandler.create(false).setBodyLimit(MAX_PUSH_BYTES))
        .handler(this::push);
  }

  private void push(RoutingContext ctx) {
    String platform = ctx.pathParam("platform");
    PlatformAdapterFactory factory = factories.get(platform);
    if (factory == null) {
      throw new ApiException(404, "unknown_platform", "No adapter for platform " + platform);
    }
    PushRequest push = new PushRequest(ctx.request().headers(), ctx.body().buffer() == null
        ? io.vertx.core.buffer.Buffer.buffer() : ctx.body().buffer());
    PushBatch batch;
    PlatformAdapter adapter;
    try {
      String shopId = factory.claimedShopId(push);
      adapter = accounts.byShop(platform, shopId).orElseThrow(() ->
          new ApiException(404, "unknown_shop", "No " + platform + " account is configured for this shop"));
      batch = adapter.parsePush(push);
    } catch (AdapterException e) {
      boolean badSignature = e.kind() == ErrorKind.BAD_SIGNATURE;
      LOG.warn("Rejected {} push from {}: {} ({})", platform, ctx.request().remoteAddress(), e.kind(), e.getMessage());
      throw new ApiException(badSignature ? 401 : 400, badSignature ? "bad_signature" : "malformed_push",
          badSignature ? "The push signature does not match" : e.getMessage());
    }
    String ack = adapter.pushAckBody();
    ingest.ingest(batch.messages())
        .onSuccess(r -> ctx.response().setStatusCode(200).end(ack))
        .onFailure(ctx::fail);
  }
}
