package dev.unibox.adapters.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.adapters.spi.AdapterException;
import dev.unibox.adapters.spi.ErrorKind;
import dev.unibox.adapters.spi.InboundMessage;
import dev.unibox.adapters.spi.PlatformAdapterFactory;
import dev.unibox.adapters.spi.PollResult;
import dev.unibox.adapters.spi.PushBatch;
import dev.unibox.adapters.spi.PushRequest;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The inbound half of the adapter contract: signed pushes mapped and forged ones refused, pushes duplicated,
 * reordered or delayed giving one correct set, and polling with the platform's cursors finding what pushes lost.
 */
public abstract class InboundContract extends ContractFixture {

  protected InboundContract(PlatformAdapterFactory factory, Supplier<Fake> fakes) {
    super(factory, fakes);
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
    Set<String> expected = new HashSet<>();
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
  void duplicatedAndReorderedPushesGiveOneCorrectSet() {
    // the platform's time of each message, recorded as the buyer writes (pushes carry seconds)
    Map<String, Instant> writtenAt = new LinkedHashMap<>();
    fake.faults().duplicateNext(2);
    Instant t0 = clock.instant();
    Delivered first = await(fake.buyerWrites("liz", "Liz", "m0"));
    writtenAt.put(first.messageId(), t0);
    clock.advance(Duration.ofSeconds(1));
    Instant t1 = clock.instant();
    Delivered second = await(fake.buyerWrites("liz", "Liz", "m1"));
    writtenAt.put(second.messageId(), t1);
    fake.faults().hold();
    for (int i = 2; i < 6; i++) {
      clock.advance(Duration.ofSeconds(1));
      Instant t = clock.instant();
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
    Instant writtenAt = clock.instant();
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

  private AdapterException rejected(PushRequest push) {
    Future<PushBatch> result = adapter.receivePush(push);
    Throwable t = failure(result);
    assertThat(t).isInstanceOf(AdapterException.class);
    return (AdapterException) t;
  }
}
