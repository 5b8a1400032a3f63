package dev.unibox.adapters.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.adapters.fake.PushFaults;
import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AdapterContext;
import dev.unibox.adapters.spi.AdapterException;
import dev.unibox.adapters.spi.ErrorKind;
import dev.unibox.adapters.spi.InMemoryCredentialStore;
import dev.unibox.adapters.spi.InboundMessage;
import dev.unibox.adapters.spi.OutboundMessage;
import dev.unibox.adapters.spi.PlatformAdapter;
import dev.unibox.adapters.spi.PlatformAdapterFactory;
import dev.unibox.adapters.spi.PlatformAdapters;
import dev.unibox.adapters.spi.PollResult;
import dev.unibox.adapters.spi.PushBatch;
import dev.unibox.adapters.spi.PushRequest;
import dev.unibox.adapters.spi.SendResult;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract every platform adapter passes, bridge included (the vertx-sql-client {@code DriverTestBase}
 * pattern): a platform's test extends this class and supplies only its factory and a driver for its fake
 * platform server. Everything runs on loopback against the fake, which verifies every call we make.
 */
@ExtendWith(VertxExtension.class)
public abstract class PlatformAdapterContract {

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
                             java.time.Instant createdAt, List<String> items) {
      return false;
    }
  }

  /** A push the fake made. {@code buyerId} is the platform's id of the buyer. */
  public record Delivered(int status, String messageId, String conversationId, String buyerId, String text,
                             Buffer body, MultiMap headers) {}

  /** A message the fake accepted: conversation (or buyer) it went to, neutral type, text or reference. */
  public record Sent(String conversationId, String type, String content, String messageId) {}

  protected abstract PlatformAdapterFactory factory();

  protected abstract Fake newFake();

  protected Vertx vertx;
  protected Fake fake;
  protected MutableClock clock;
  protected ContractWebhook webhook;
  protected InMemoryCredentialStore credentials;
  protected PlatformAdapter adapter;
  protected AccountConfig account;

  @BeforeEach
  void startContract(Vertx vertx) {
    this.vertx = vertx;
    clock = MutableClock.startingNow();
    webhook = await(new ContractWebhook(vertx).start());
    fake = newFake();
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

  @Test
  void factoryIsFoundByServiceLoader() {
    assertThat(PlatformAdapters.factory(factory().platform()).getClass()).isEqualTo(factory().getClass());
    assertThat(factory().profile().platform()).isEqualTo(factory().platform());
  }

  @Test
  void signedPushIsAcceptedAndMapped() {
    Delivered d = await(fake.buyerWrites("alice", "Alice", "Is the blue one in stock?"));

    assertThat(d.status()).isBetween(200, 299);
    until(() -> !webhook.received().isEmpty());
    assertThat(webhook.received()).singleElement().satisfies(m -> {
      assertThat(m.accountId()).isEqualTo(account.accountId());
      assertThat(m.platformMessageId()).isEqualTo(d.messageId());
      assertThat(m.platformConversationId()).isEqualTo(d.conversationId());
      assertThat(m.buyerId()).isEqualTo(d.buyerId());
      assertThat(m.fromBuyer()).isTrue();
      assertThat(m.messageType()).isEqualTo("text");
      assertThat(m.text()).isEqualTo("Is the blue one in stock?");
      assertThat(m.sentAt()).isNotNull();
    });
    assertThat(webhook.refused()).isEmpty();
  }

  @Test
  void tamperedOrUnsignedPushIsRejected() {
    Delivered d = await(fake.buyerWrites("bob", "Bob", "original text"));
    String original = d.body().toString();
    String tampered = original.contains("original text") ? original.replace("original text", "evil text!!!")
        : original.substring(0, original.lastIndexOf('}')) + " }"; // same JSON, other bytes

    AdapterException wrong = rejected(new PushRequest(d.headers(), Buffer.buffer(tampered)));
    MultiMap noSignature = MultiMap.caseInsensitiveMultiMap().addAll(d.headers());
    noSignature.remove("Authorization");
    noSignature.remove("X-Unibox-Signature");
    AdapterException missing = rejected(new PushRequest(noSignature, d.body()));

    assertThat(wrong.kind()).isEqualTo(ErrorKind.BAD_SIGNATURE);
    assertThat(missing.kind()).isEqualTo(ErrorKind.BAD_SIGNATURE);
  }

  private AdapterException rejected(PushRequest push) {
    Future<PushBatch> result = adapter.receivePush(push);
    Throwable t = failure(result);
    assertThat(t).isInstanceOf(AdapterException.class);
    return (AdapterException) t;
  }

  @Test
  void sendIsSignedAndRecordedOnce() {
    Delivered d = await(fake.buyerWrites("carol", "Carol", "hello?"));

    SendResult result = await(adapter.send(text(d, "Hello Carol, yes it is in stock.")));

    assertThat(fake.sends()).singleElement().satisfies(s -> {
      assertThat(s.type()).isEqualTo("text");
      assertThat(s.content()).isEqualTo("Hello Carol, yes it is in stock.");
      assertThat(s.messageId()).isEqualTo(result.platformMessageId());
    });
    assertThat(result.sentAt()).isNotNull();
    assertThat(fake.rejectedCalls()).isZero();
  }

  @Test
  void textOverThePlatformLimitIsRefusedBeforeSending() {
    Delivered d = await(fake.buyerWrites("dave", "Dave", "hi"));
    int max = adapter.capabilities().maxTextLength();

    AdapterException e = adapterFailure(adapter.send(text(d, "x".repeat(max + 1))));

    assertThat(e.kind()).isEqualTo(ErrorKind.PERMANENT);
    assertThat(e.getMessage()).contains(Integer.toString(max));
    assertThat(fake.sends()).isEmpty();
  }

  @Test
  void rateLimitIsClassifiedWithTheRetryAfterAndNothingIsSent() {
    Delivered d = await(fake.buyerWrites("erin", "Erin", "hi"));
    fake.rateLimitNextCalls(1, 7);

    AdapterException e = adapterFailure(adapter.send(text(d, "one")));

    assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
    assertThat(e.kind().retryable()).isTrue();
    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    assertThat(fake.sends()).isEmpty();
    await(adapter.send(text(d, "one")));
    assertThat(fake.sends()).hasSize(1);
  }

  @Test
  void transientFailureIsRetryableAndNothingIsSent() {
    Delivered d = await(fake.buyerWrites("fay", "Fay", "hi"));
    fake.failNextSendsTransiently(1);

    AdapterException e = adapterFailure(adapter.send(text(d, "one")));

    assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT);
    assertThat(fake.sends()).isEmpty();
  }

  @Test
  void unsupportedMessageTypeIsPermanent() {
    Delivered d = await(fake.buyerWrites("gus", "Gus", "hi"));

    AdapterException e = adapterFailure(adapter.send(
        new OutboundMessage("k-1", d.conversationId(), d.buyerId(), "hologram", "x")));

    assertThat(e.kind()).isEqualTo(ErrorKind.PERMANENT);
    assertThat(fake.sends()).isEmpty();
  }

  /** Drops every push, then polls with the platform's cursors through more than one page of everything. */
  @Test
  void pollingWithPagingCursorsFindsEveryDroppedMessage() {
    if (!adapter.capabilities().polling()) {
      assertThat(await(adapter.poll(null)).messages()).isEmpty();
      return;
    }
    int buyers = 27;
    int chatty = 23;
    fake.faults().dropNext(buyers + chatty);
    Set<String> expected = new java.util.HashSet<>();
    for (int i = 0; i < buyers; i++) {
      clock.advance(Duration.ofSeconds(1));
      expected.add(await(fake.buyerWrites("buyer" + i, "Buyer " + i, "question " + i)).messageId());
    }
    for (int i = 0; i < chatty; i++) {
      clock.advance(Duration.ofSeconds(1));
      expected.add(await(fake.buyerWrites("chatty", "Chatty", "line " + i)).messageId());
    }
    assertThat(webhook.received()).isEmpty();

    Map<String, InboundMessage> found = pollToTheEnd(null, 20);

    assertThat(found.keySet()).containsAll(expected);
    assertThat(found.values()).allSatisfy(m -> assertThat(m.accountId()).isEqualTo(account.accountId()));
    InboundMessage line7 = found.values().stream().filter(m -> "line 7".equals(m.text())).findFirst().orElseThrow();
    assertThat(line7.fromBuyer()).isTrue();
  }

  @Test
  void pollingFromTheLastCursorFindsOnlyNewMessages() {
    if (!adapter.capabilities().polling()) {
      assertThat(adapter.capabilities().lostPushRecovery()).isFalse();
      return;
    }
    clock.advance(Duration.ofSeconds(1));
    await(fake.buyerWrites("hank", "Hank", "first"));
    clock.advance(Duration.ofMinutes(5)); // beyond any overlap an adapter re-reads for safety
    PollResult step = await(adapter.poll(null));
    String cursor = step.nextCursor();
    while (step.more()) {
      step = await(adapter.poll(cursor));
      cursor = step.nextCursor();
    }
    clock.advance(Duration.ofMinutes(10));
    fake.faults().dropNext(1);
    Delivered later = await(fake.buyerWrites("ivy", "Ivy", "second"));

    Map<String, InboundMessage> found = pollToTheEnd(cursor, 10);

    assertThat(found).containsKey(later.messageId());
    assertThat(found.values()).noneMatch(m -> "first".equals(m.text()));
  }

  @Test
  void tokenExpiringMidSendIsRefreshedPersistedAndTheSendHappensOnce() {
    Delivered d = await(fake.buyerWrites("jack", "Jack", "hi"));
    if (!adapter.capabilities().tokenRefresh()) {
      await(adapter.send(text(d, "no tokens here")));
      assertThat(fake.sends()).hasSize(1);
      return;
    }
    fake.expireAccessToken();

    SendResult result = await(adapter.send(text(d, "still there")));

    assertThat(fake.refreshes()).isEqualTo(1);
    assertThat(credentials.saves()).as("new pair persisted before use").isEqualTo(1);
    assertThat(credentials.current(account.accountId())).isPresent();
    assertThat(fake.sends()).singleElement().satisfies(s -> {
      assertThat(s.content()).isEqualTo("still there");
      assertThat(s.messageId()).isEqualTo(result.platformMessageId());
    });
    assertThat(adapter.tokenDead()).isFalse();
  }

  @Test
  void aMalformedTokenExpiryIsRefusedNamingTheAccount() {
    if (!adapter.capabilities().tokenRefresh()) {
      assertThat(adapter.accessTokenExpiresAt()).as("no tokens, no expiry to read").isEmpty();
      return;
    }
    java.util.Map<String, String> options = new java.util.HashMap<>(account.options());
    options.put("accessTokenExpiresAt", "tomorrow");
    AccountConfig bad = new AccountConfig(account.accountId(), account.platform(), account.shopId(), account.shopName(),
        account.region(), account.timeZone(), account.apiBaseUrl(), account.callbackUrl(), account.credentials(), options);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> factory().create(vertx, bad,
            new AdapterContext(clock, credentials, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(account.accountId()).hasMessageContaining("accessTokenExpiresAt");
  }

  @Test
  void newTokenPairIsNeverUsedBeforeItIsPersisted() {
    Delivered d = await(fake.buyerWrites("kim", "Kim", "hi"));
    if (!adapter.capabilities().tokenRefresh()) {
      assertThat(adapter.accessTokenExpiresAt()).isEmpty();
      return;
    }
    fake.expireAccessToken();
    credentials.failSaves(true);

    AdapterException e = adapterFailure(adapter.send(text(d, "wait")));

    assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT);
    assertThat(fake.sends()).isEmpty();
    credentials.failSaves(false);
    await(adapter.send(text(d, "wait")));
    assertThat(fake.refreshes()).as("the single-use refresh token was spent once").isEqualTo(1);
    assertThat(fake.sends()).hasSize(1);
  }

  @Test
  void duplicatedAndReorderedPushesGiveOneCorrectSet() {
    // the platform's time of each message, recorded as the buyer writes (pushes carry seconds)
    Map<String, java.time.Instant> writtenAt = new LinkedHashMap<>();
    fake.faults().duplicateNext(2);
    java.time.Instant t0 = clock.instant();
    Delivered first = await(fake.buyerWrites("liz", "Liz", "m0"));
    writtenAt.put(first.messageId(), t0);
    clock.advance(Duration.ofSeconds(1));
    java.time.Instant t1 = clock.instant();
    Delivered second = await(fake.buyerWrites("liz", "Liz", "m1"));
    writtenAt.put(second.messageId(), t1);
    fake.faults().hold();
    for (int i = 2; i < 6; i++) {
      clock.advance(Duration.ofSeconds(1));
      java.time.Instant t = clock.instant();
      writtenAt.put(await(fake.buyerWrites("liz", "Liz", "m" + i)).messageId(), t);
    }
    // the held ones arrive newest first, long after they were written
    clock.advance(Duration.ofSeconds(30));
    await(fake.faults().releaseHeld(true));
    await(fake.redeliver(first));

    List<String> ids = List.copyOf(writtenAt.keySet());
    until(() -> webhook.received().stream().map(InboundMessage::platformMessageId).collect(Collectors.toSet())
        .containsAll(ids));
    List<InboundMessage> arrived = webhook.received();
    assertThat(arrived.stream().map(InboundMessage::text).distinct().toList())
        .as("the fake really reordered").containsExactly("m0", "m1", "m5", "m4", "m3", "m2");
    assertThat(arrived.size()).as("the fake really duplicated").isEqualTo(ids.size() + 3);

    // what the adapter owns: every delivery of one message maps to the same identity and content (the store
    // de-duplicates on that id), and each carries the platform's time of writing, not the time it arrived,
    // so ordering by it gives the order the buyer wrote in
    Map<String, List<InboundMessage>> byId = arrived.stream()
        .collect(Collectors.groupingBy(InboundMessage::platformMessageId));
    assertThat(byId.keySet()).containsExactlyInAnyOrderElementsOf(ids);
    byId.values().forEach(copies -> assertThat(Set.copyOf(copies)).as("copies of one message").hasSize(1));
    for (int i = 0; i < ids.size(); i++) {
      InboundMessage m = byId.get(ids.get(i)).get(0);
      assertThat(m.text()).isEqualTo("m" + i);
      assertThat(m.sentAt().getEpochSecond()).as("sentAt of m" + i).isEqualTo(writtenAt.get(ids.get(i)).getEpochSecond());
      assertThat(m.platformConversationId()).isEqualTo(first.conversationId());
    }
  }

  @Test
  void delayedPushArrivesLateAndIsStoredOnce() {
    fake.faults().delayNext(1, 2_000); // long enough for the next push to overtake it on a busy machine
    java.time.Instant writtenAt = clock.instant();
    Future<Delivered> late = fake.buyerWrites("ned", "Ned", "sorry, slow network");
    clock.advance(Duration.ofSeconds(2));
    Delivered next = await(fake.buyerWrites("ned", "Ned", "hello?"));
    Delivered d = await(late);

    assertThat(d.status()).isBetween(200, 299);
    until(() -> webhook.received().stream().anyMatch(m -> m.platformMessageId().equals(d.messageId())));
    List<String> arrival = webhook.received().stream().map(InboundMessage::platformMessageId).toList();
    assertThat(arrival).as("the delayed push arrived after a later one").containsExactly(next.messageId(), d.messageId());
    InboundMessage delayed = webhook.received().get(1);
    assertThat(delayed.text()).isEqualTo("sorry, slow network");
    assertThat(delayed.sentAt().getEpochSecond()).as("its own time, before the later message")
        .isEqualTo(writtenAt.getEpochSecond())
        .isLessThan(webhook.received().get(0).sentAt().getEpochSecond());
  }

  @Test
  void markReadReachesThePlatformWhenSupported() {
    Delivered d = await(fake.buyerWrites("max", "Max", "hi"));
    if (!adapter.capabilities().markRead()) {
      await(adapter.markRead(d.conversationId(), d.messageId()));
      assertThat(fake.reads()).isEmpty();
      return;
    }

    await(adapter.markRead(d.conversationId(), d.messageId()));

    assertThat(fake.reads()).containsExactly(d.conversationId());
  }

  @Test
  void capabilitiesAreCoherent() {
    assertThat(adapter.capabilities().text()).isTrue();
    assertThat(adapter.capabilities().maxTextLength()).isPositive();
    assertThat(adapter.capabilities().supports("text")).isTrue();
    assertThat(adapter.capabilities().supports("hologram")).isFalse();
  }

  @Test
  void buyerOrdersAreTheBuyersOwnNewestFirstAmongManyPages() {
    Delivered d = await(fake.buyerWrites("orla", "Orla", "where is my order?"));
    java.time.Instant now = clock.instant();
    boolean lists = fake.addOrder(d.buyerId(), "2611300001", "READY_TO_SHIP", "59.90", "MYR",
        now.minus(Duration.ofHours(2)), List.of("Vase", "Gift wrap"));
    assertThat(adapter.capabilities().buyerOrders()).as("the capability says what the adapter does").isEqualTo(lists);
    if (!lists) {
      assertThat(await(adapter.buyerOrders(d.buyerId()))).isEmpty();
      return;
    }
    fake.addOrder(d.buyerId(), "2611250002", "COMPLETED", "25", "MYR", now.minus(Duration.ofDays(5)), List.of("Candle"));
    // 230 orders of other buyers in between: several pages of every platform's list and of its detail calls
    for (int i = 0; i < 230; i++) {
      fake.addOrder(Long.toString(9_000_000L + i), Long.toString(2_611_290_000L + i), "COMPLETED", "10.00", "MYR",
          now.minusSeconds(600L * i), List.of("Mug"));
    }
    int rejectedBefore = fake.rejectedCalls();

    List<dev.unibox.adapters.spi.BuyerOrder> orders = await(adapter.buyerOrders(d.buyerId()));

    assertThat(orders).extracting(dev.unibox.adapters.spi.BuyerOrder::orderId).containsExactly("2611300001", "2611250002");
    dev.unibox.adapters.spi.BuyerOrder first = orders.get(0);
    assertThat(first.status()).isNotBlank();
    assertThat(first.total()).isEqualTo("59.9");
    assertThat(first.currency()).isEqualTo("MYR");
    assertThat(first.items()).containsExactly("Vase", "Gift wrap");
    assertThat(first.createdAt()).isEqualTo(now.minus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    assertThat(orders.get(1).total()).isEqualTo("25");
    assertThat(fake.rejectedCalls()).as("every order call signed as the platform checks it").isEqualTo(rejectedBefore);
    assertThat(await(adapter.buyerOrders("8123456789"))).as("a buyer without orders").isEmpty();

    fake.rateLimitNextCalls(1, 7);
    assertThat(adapterFailure(adapter.buyerOrders(d.buyerId())).kind()).isEqualTo(ErrorKind.RATE_LIMITED);
  }

  // ---- helpers for the subclasses too

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
    try {
      return future.await(60, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("Future did not complete within 60 s", e);
    }
  }

  protected static Throwable failure(Future<?> future) {
    try {
      future.await(60, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("Future did not complete within 60 s", e);
    } catch (Throwable t) {
      return t;
    }
    throw new AssertionError("Expected the future to fail, but it succeeded with " + future.result());
  }

  protected static AdapterException adapterFailure(Future<?> future) {
    Throwable t = failure(future);
    assertThat(t).isInstanceOf(AdapterException.class);
    return (AdapterException) t;
  }

  protected static void until(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 60 s");
      }
      // poll interval of the condition wait
      java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
      if (Thread.interrupted()) {
        throw new AssertionError("interrupted while waiting");
      }
    }
  }
}
