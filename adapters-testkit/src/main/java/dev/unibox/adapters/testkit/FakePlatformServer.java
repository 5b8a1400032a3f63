package dev.unibox.adapters.testkit;

import dev.unibox.adapters.fake.PushClient;
import dev.unibox.adapters.fake.PushFaults;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * What the fake platforms share: a server on 127.0.0.1, the client that pushes to our webhook (through
 * {@link PushFaults}), what the fake recorded (sends, refused calls) and the fault modes every one offers:
 * the next calls rate limited with a {@code Retry-After}, the next sends or callbacks failing.
 */
public abstract class FakePlatformServer {

  protected final Vertx vertx;
  protected final Clock clock;
  /** What our side sent through the fake, in the order it arrived. */
  protected final List<JsonObject> sends = new CopyOnWriteArrayList<>();
  private final WebClient pushClient;
  private final PushFaults faults;
  private final AtomicInteger rejected = new AtomicInteger();
  private final AtomicInteger throttled = new AtomicInteger();
  private final AtomicInteger failures = new AtomicInteger();
  private volatile long retryAfterSeconds;
  private HttpServer server;

  protected FakePlatformServer(Vertx vertx, Clock clock) {
    this.vertx = vertx;
    this.clock = clock;
    this.pushClient = PushClient.create(vertx);
    this.faults = new PushFaults(vertx);
  }

  /** A router that reads bodies up to 1 MB on every route. */
  protected final Router router() {
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create(false).setBodyLimit(1024 * 1024));
    return router;
  }

  /**
   * A handler that answers the next rate-limited calls with {@code answer(ctx, retryAfterSeconds)} (the
   * platform's own refusal) and passes every other call on.
   */
  protected final Handler<RoutingContext> rateLimit(BiConsumer<RoutingContext, Long> answer) {
    return ctx -> {
      if (takeRateLimit()) {
        answer.accept(ctx, retryAfterSeconds);
      } else {
        ctx.next();
      }
    };
  }

  /** Starts listening on {@code port} (0: any free one). */
  public abstract Future<? extends FakePlatformServer> start(int port);

  protected final Future<Void> listen(int port, Router router) {
    return vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1").map(s -> {
      server = s;
      return null;
    });
  }

  public Future<Void> stop() {
    pushClient.close();
    return server == null ? Future.succeededFuture() : server.close();
  }

  /** {@code http://127.0.0.1:<port>} of the started fake. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  public PushFaults pushFaults() {
    return faults;
  }

  public List<JsonObject> sends() {
    return List.copyOf(sends);
  }

  /** Calls refused for a bad signature, credentials or token. */
  public int rejectedCalls() {
    return rejected.get();
  }

  /** The next {@code n} calls are refused as rate limited, asking for {@code retryAfterSeconds}. */
  public void rateLimitNextCalls(int n, long retryAfterSeconds) {
    this.retryAfterSeconds = retryAfterSeconds;
    throttled.addAndGet(n);
  }

  protected final void countRejected() {
    rejected.incrementAndGet();
  }

  /** The next {@code n} sends (or callbacks) fail; see {@link #takeFailure}. */
  public void failNextSends(int n) {
    failures.addAndGet(n);
  }

  /** True (and one fewer left) when this send should fail. */
  protected final boolean takeFailure() {
    return failures.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
  }

  /** True (and one fewer left) when this call should be refused as rate limited. */
  protected final boolean takeRateLimit() {
    return throttled.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
  }

  protected final long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /**
   * Posts a JSON push with the given headers, through the push faults; the HTTP status of our answer, or
   * 0 when the push was dropped, held or not answered within {@code timeoutMs}.
   */
  protected final Future<Integer> deliver(String url, Map<String, String> headers, String body, long timeoutMs) {
    return faults.deliver(() -> post(url, headers, body, timeoutMs), 0, () -> { });
  }

  /** Posts a push again, without faults (a test re-pushing what it holds). */
  protected final Future<Integer> post(String url, Map<String, String> headers, String body, long timeoutMs) {
    HttpRequest<Buffer> request = pushClient.postAbs(url).putHeader("Content-Type", "application/json")
        .timeout(timeoutMs);
    headers.forEach(request::putHeader);
    return request.sendBuffer(Buffer.buffer(body)).map(r -> r.statusCode()).otherwise(0);
  }

  protected static void json(RoutingContext ctx, JsonObject body) {
    ctx.response().putHeader("Content-Type", "application/json").end(body.encode());
  }
}
