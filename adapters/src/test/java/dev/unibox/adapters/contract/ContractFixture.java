package dev.unibox.adapters.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.adapters.fake.PushFaults;
import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AdapterContext;
import dev.unibox.adapters.spi.AdapterException;
import dev.unibox.adapters.spi.InMemoryCredentialStore;
import dev.unibox.adapters.spi.InboundMessage;
import dev.unibox.adapters.spi.OutboundMessage;
import dev.unibox.adapters.spi.PlatformAdapter;
import dev.unibox.adapters.spi.PlatformAdapterFactory;
import dev.unibox.adapters.spi.PollResult;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every adapter contract test stands on: the driver of a platform's fake server ({@link Fake}), an adapter
 * started against it on loopback with the shared clock and our contract webhook, and the waiting helpers.
 */
@ExtendWith(VertxExtension.class)
public abstract class ContractFixture {

  /** How long a step may take on a busy machine. */
  private static final Duration WAIT = Duration.ofSeconds(60);

  /** What the contract needs from a fake platform server. */
  public interface Fake {

    /** Starts the fake on 127.0.0.1 with the shared clock. */
    Future<Void> start(Vertx vertx, MutableClock clock);

    Future<Void> stop();

    /** Registers one shop whose pushes go to {@code callbackUrl}; answers the account config for it. */
    AccountConfig account(String callbackUrl);

    /** Path of our webhook for this platform, e.g. {@code /webhooks/shopee}. */
    String webhookPath();

    /** A buyer writes: the fake stores the message and pushes it (subject to {@link #faults()}). */
    Future<Delivered> buyerWrites(String buyer, String buyerName, String text);

    /** Delivers an earlier push again, identical, as platforms do on retry. */
    Future<Void> redeliver(Delivered earlier);

    PushFaults faults();

    /** Messages the fake accepted from us, in order. */
    List<Sent> sends();

    /** Calls the fake refused because of signature, timestamp, key or token. */
    int rejectedCalls();

    /** Our calls are refused as token-expired from now on until we refresh (no-op without tokens). */
    void expireAccessToken();

    /** The refresh token stops working: a refresh is refused as dead (no-op without tokens). */
    void expireRefreshToken();

    /** Successful token refreshes so far. */
    int refreshes();

    /** The next {@code n} calls are refused as rate-limited with that Retry-After. */
    void rateLimitNextCalls(int n, long retryAfterSeconds);

    /** The next {@code n} sends fail with the platform's transient error (not processed). */
    void failNextSendsTransiently(int n);

    /** Conversations the fake was told were read. */
    List<String> reads();

    /**
     * The platform records an order of the buyer with that platform id (one of ours who wrote, or any other)
     * in the contract's shop; false when the platform's adapter lists no orders (then there is nothing to add).
     */
    default boolean addOrder(String buyerId, String orderId, String status, String total, String currency,
                             Instant createdAt, List<String> items) {
      return false;
    }
  }

  /** A push the fake made. {@code buyerId} is the platform's id of the buyer. */
  public record Delivered(int status, String messageId, String conversationId, String buyerId, String text,
                             Buffer body, MultiMap headers) {}

  /** A message the fake accepted: conversation (or buyer) it went to, neutral type, text or reference. */
  public record Sent(String conversationId, String type, String content, String messageId) {}

  private final PlatformAdapterFactory factory;
  private final Supplier<Fake> fakes;
  protected Vertx vertx;
  protected Fake fake;
  protected MutableClock clock;
  protected ContractWebhook webhook;
  protected InMemoryCredentialStore credentials;
  protected PlatformAdapter adapter;
  protected AccountConfig account;

  /**
   * @param factory the platform's adapter factory
   * @param fakes   a new driver of the platform's fake server, one per test
   */
  protected ContractFixture(PlatformAdapterFactory factory, Supplier<Fake> fakes) {
    this.factory = factory;
    this.fakes = fakes;
  }

  protected final PlatformAdapterFactory factory() {
    return factory;
  }

  @BeforeEach
  void startContract(Vertx vertx) {
    this.vertx = vertx;
    clock = MutableClock.startingNow();
    webhook = await(new ContractWebhook(vertx).start());
    fake = fakes.get();
    await(fake.start(vertx, clock));
    account = fake.account(webhook.url(fake.webhookPath()));
    credentials = new InMemoryCredentialStore();
    adapter = factory().create(vertx, account, new AdapterContext(clock, credentials, null));
    await(adapter.start());
    webhook.verifyWith(adapter);
  }

  @AfterEach
  void stopContract() {
    await(adapter.stop());
    await(fake.stop());
    await(webhook.stop());
  }

  protected Map<String, InboundMessage> pollToTheEnd(String cursor, int maxSteps) {
    Map<String, InboundMessage> found = new LinkedHashMap<>();
    for (int step = 0; step < maxSteps; step++) {
      PollResult r = await(adapter.poll(cursor));
      r.messages().forEach(m -> found.putIfAbsent(m.platformMessageId(), m));
      cursor = r.nextCursor();
      if (!r.more()) {
        return found;
      }
    }
    throw new AssertionError("polling did not finish within " + maxSteps + " steps");
  }

  protected static OutboundMessage text(Delivered to, String text) {
    return new OutboundMessage("outbox-" + System.nanoTime(), to.conversationId(), to.buyerId(), "text", text);
  }

  protected static <T> T await(Future<T> future) {
    return TestFutures.await(future, WAIT);
  }

  protected static Throwable failure(Future<?> future) {
    return TestFutures.failure(future, WAIT);
  }

  protected static AdapterException adapterFailure(Future<?> future) {
    Throwable t = failure(future);
    assertThat(t).isInstanceOf(AdapterException.class);
    return (AdapterException) t;
  }

  protected static void until(BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + WAIT);
      }
      // poll interval of the condition wait
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
      if (Thread.interrupted()) {
        throw new AssertionError("interrupted while waiting");
      }
    }
  }
}
