package dev.unibox.adapters.simulator;

import static dev.unibox.adapters.shopee.ShopeeTestAccounts.SHOP_ID;
import static dev.unibox.adapters.shopee.ShopeeTestAccounts.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.adapters.shopee.ShopeeAdapterFactory;
import dev.unibox.adapters.shopee.ShopeeRig;
import dev.unibox.adapters.shopee.ShopeeTestAccounts;
import dev.unibox.adapters.simulator.DemoBuyers.Line;
import dev.unibox.adapters.simulator.DemoPhrases.Language;
import dev.unibox.adapters.simulator.DemoPhrases.Topic;
import dev.unibox.adapters.spi.InboundMessage;
import dev.unibox.adapters.spi.PushBatch;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class DemoBuyersTest {

  private Vertx vertx;
  private ShopeeRig rig;

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
    rig = ShopeeRig.start(vertx);
  }

  @AfterEach
  void tearDown() {
    rig.close();
  }

  @Test
  void startSendsAFirstBurstOfFourNewConversations() {
    DemoBuyers demo = new DemoBuyers(vertx, rig.shopee(), List.of(SHOP_ID), new Random(7), Duration.ofHours(1));

    await(demo.start());
    await(demo.stop());

    List<InboundMessage> messages = rig.webhook().accepted().stream().flatMap(b -> b.messages().stream()).toList();
    assertThat(messages).hasSize(4);
    assertThat(messages).extracting(InboundMessage::buyerId).doesNotHaveDuplicates();
    assertThat(messages).allSatisfy(m -> {
      assertThat(m.fromBuyer()).isTrue();
      assertThat(m.text()).isNotBlank();
    });
    assertThat(rig.webhook().refused()).isEmpty();
  }

  @Test
  void keepsSendingUntilStoppedAndConversationsGrow() {
    DemoBuyers demo = new DemoBuyers(vertx, rig.shopee(), List.of(SHOP_ID), new Random(11), Duration.ofMillis(5));

    await(demo.start());
    await(until(() -> rig.webhook().accepted().size() >= 20));
    await(demo.stop());

    Map<String, Long> perConversation = rig.webhook().accepted().stream()
        .map(PushBatch::messages).map(m -> m.get(0).platformConversationId())
        .collect(Collectors.groupingBy(c -> c, Collectors.counting()));
    assertThat(perConversation.values()).anyMatch(count -> count >= 2);
    assertThat(rig.webhook().refused()).isEmpty();
  }

  @Test
  void refusedPushesDoNotStopTheDemo(Vertx vertx) {
    rig.webhook().verifyWith(new ShopeeAdapterFactory().create(vertx,
        ShopeeTestAccounts.account(rig.shopee().baseUrl(), rig.webhookUrl(), "a-different-key", Map.of())));
    DemoBuyers demo = new DemoBuyers(vertx, rig.shopee(), List.of(SHOP_ID), new Random(3), Duration.ofMillis(5));

    await(demo.start());
    // the first burst (four) was refused, and the demo went on writing after it
    await(until(() -> rig.webhook().refused().size() >= 8));
    await(demo.stop());

    assertThat(rig.webhook().accepted()).isEmpty();
  }

  @Test
  void aboutOneConversationInFourIsUrgent() {
    DemoBuyers demo = new DemoBuyers(vertx, rig.shopee(), List.of(SHOP_ID), new Random(42), Duration.ofHours(1));

    long urgent = IntStream.range(0, 4000).mapToObj(i -> demo.pickTopic()).filter(Topic::urgent).count();

    assertThat(urgent / 4000.0).isBetween(0.22, 0.28);
  }

  @Test
  void buyersStayWithTheirShopAndWriteSeveralLines() {
    DemoBuyers demo = new DemoBuyers(vertx, rig.shopee(), List.of(1L, 2L, 3L), new Random(5), Duration.ofHours(1));
    Map<String, Long> shopOfBuyer = new HashMap<>();
    Map<String, Integer> linesOfBuyer = new HashMap<>();

    for (int i = 0; i < 300; i++) {
      Line line = demo.nextLine(false);
      assertThat(shopOfBuyer.putIfAbsent(line.buyer().id(), line.shopId())).isIn(null, line.shopId());
      linesOfBuyer.merge(line.buyer().id(), 1, Integer::sum);
    }

    assertThat(linesOfBuyer).hasSize(DemoBuyers.BUYERS.size());
    assertThat(linesOfBuyer.values()).allMatch(n -> n >= 2);
    assertThat(shopOfBuyer.values()).containsOnly(1L, 2L, 3L);
  }

  @Test
  void everyTopicHasLinesInEveryLanguage() {
    for (Topic topic : Topic.values()) {
      for (Language language : Language.values()) {
        DemoPhrases.Lines lines = DemoPhrases.lines(topic, language);
        assertThat(lines).as(topic + "/" + language).isNotNull();
        assertThat(lines.openers()).isNotEmpty().allMatch(s -> !s.isBlank());
        assertThat(lines.followUps()).isNotEmpty().allMatch(s -> !s.isBlank());
      }
    }
    for (Language language : Language.values()) {
      assertThat(DemoPhrases.nudges(language)).isNotEmpty();
      assertThat(DemoPhrases.thanks(language)).isNotEmpty();
    }
    assertThat(DemoBuyers.BUYERS).extracting(DemoBuyers.Buyer::language).containsAll(List.of(Language.values()));
  }

  /** Completes once the condition holds, checking on a Vert.x timer instead of sleeping. */
  private Future<Void> until(BooleanSupplier condition) {
    Promise<Void> promise = Promise.promise();
    vertx.setPeriodic(5, id -> {
      if (condition.getAsBoolean()) {
        vertx.cancelTimer(id);
        promise.tryComplete();
      }
    });
    return promise.future();
  }
}
