package dev.unibox.adapters.simulator;

import dev.unibox.adapters.shopee.fake.FakeShopee;
import dev.unibox.adapters.shopee.fake.PushOutcome;
import dev.unibox.adapters.simulator.DemoPhrases.Language;
import dev.unibox.adapters.simulator.DemoPhrases.Lines;
import dev.unibox.adapters.simulator.DemoPhrases.Topic;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo traffic: a fixed cast of buyers writing to the fake Shopee's shops. Each buyer keeps one shop
 * and one conversation, and works through a short script (opener, follow-up, then a nudge if the
 * topic is urgent or sometimes a thanks), so conversations grow over time. About one conversation in
 * four is an urgent after-sale complaint.
 */
public final class DemoBuyers {

  public record Buyer(String id, String name, Language language) {}

  /** The cast: stable ids and names, so conversations continue across demo runs of the same fake. */
  public static final List<Buyer> BUYERS = List.of(
      new Buyer("412873650", "jasmine.tan", Language.EN),
      new Buyer("412873651", "kevin_lim88", Language.EN),
      new Buyer("412873652", "rachel_ong", Language.EN),
      new Buyer("503118274", "小鱼儿", Language.ZH_CN),
      new Buyer("503118275", "chen_wei", Language.ZH_CN),
      new Buyer("503118276", "lily_wong", Language.ZH_CN),
      new Buyer("611420983", "阿哲", Language.ZH_TW),
      new Buyer("611420984", "yuting0512", Language.ZH_TW),
      new Buyer("611420985", "小熊媽媽", Language.ZH_TW),
      new Buyer("720035517", "ploy_nattaya", Language.TH),
      new Buyer("720035518", "somchai.k", Language.TH),
      new Buyer("720035519", "มะปราง", Language.TH),
      new Buyer("834662190", "ngoc.anh97", Language.VI),
      new Buyer("834662191", "tranminhduc", Language.VI),
      new Buyer("834662192", "Thu Hà", Language.VI),
      new Buyer("945207738", "nurul_aisyah", Language.MS),
      new Buyer("945207739", "faizal.ahmad", Language.MS),
      new Buyer("945207740", "siti_nabila", Language.MS));

  static final int FIRST_BURST = 4;
  static final double URGENT_SHARE = 0.25;
  private static final double CONTINUE_SHARE = 0.55;
  private static final List<Topic> URGENT = Arrays.stream(Topic.values()).filter(Topic::urgent).toList();
  private static final List<Topic> ROUTINE = Arrays.stream(Topic.values()).filter(t -> !t.urgent()).toList();
  private static final Logger log = LoggerFactory.getLogger(DemoBuyers.class);

  record Line(Buyer buyer, long shopId, String text) {}

  private final Vertx vertx;
  private final FakeShopee shopee;
  private final List<Long> shopIds;
  private final RandomGenerator random;
  private final Duration meanInterval;
  private final Map<Buyer, Deque<String>> unsent = new HashMap<>();
  private boolean running;
  private long timerId = -1;

  public DemoBuyers(Vertx vertx, FakeShopee shopee, List<Long> shopIds, RandomGenerator random, Duration meanInterval) {
    if (shopIds.isEmpty()) {
      throw new IllegalArgumentException("DemoBuyers needs at least one shop");
    }
    if (meanInterval.isNegative() || meanInterval.isZero()) {
      throw new IllegalArgumentException("meanInterval must be positive");
    }
    this.vertx = vertx;
    this.shopee = shopee;
    this.shopIds = List.copyOf(shopIds);
    this.random = random;
    this.meanInterval = meanInterval;
  }

  /** Sends a first burst of {@value #FIRST_BURST} messages, then one about every meanInterval. Completes when the burst is delivered. */
  public Future<Void> start() {
    List<Line> burst = new ArrayList<>();
    synchronized (this) {
      if (running) {
        return Future.succeededFuture();
      }
      running = true;
      for (int i = 0; i < FIRST_BURST; i++) {
        burst.add(nextLine(true));
      }
      scheduleNext();
    }
    return Future.join(burst.stream().map(this::push).toList()).<Void>mapEmpty().otherwiseEmpty();
  }

  public Future<Void> stop() {
    synchronized (this) {
      running = false;
      if (timerId >= 0) {
        vertx.cancelTimer(timerId);
        timerId = -1;
      }
    }
    return Future.succeededFuture();
  }

  private void scheduleNext() {
    long mean = meanInterval.toMillis();
    long delay = Math.max(1, (long) (mean * (0.5 + random.nextDouble())));
    timerId = vertx.setTimer(delay, id -> {
      Line line;
      synchronized (this) {
        if (!running) {
          return;
        }
        line = nextLine(false);
        scheduleNext();
      }
      push(line);
    });
  }

  /** The next thing a buyer types: usually the next line of an open conversation, else a new one. */
  synchronized Line nextLine(boolean newConversation) {
    List<Buyer> talking = BUYERS.stream().filter(b -> !unsent.getOrDefault(b, new ArrayDeque<>()).isEmpty()).toList();
    List<Buyer> quiet = BUYERS.stream().filter(b -> !talking.contains(b)).toList();
    Buyer buyer;
    boolean continueOne = !talking.isEmpty()
        && (quiet.isEmpty() || !newConversation && random.nextDouble() < CONTINUE_SHARE);
    if (continueOne) {
      buyer = pick(talking);
    } else {
      buyer = pick(quiet);
      unsent.put(buyer, script(buyer.language(), pickTopic()));
    }
    long shopId = shopIds.get(BUYERS.indexOf(buyer) % shopIds.size());
    return new Line(buyer, shopId, unsent.get(buyer).poll());
  }

  Topic pickTopic() {
    return random.nextDouble() < URGENT_SHARE ? pick(URGENT) : pick(ROUTINE);
  }

  private Deque<String> script(Language language, Topic topic) {
    Lines lines = DemoPhrases.lines(topic, language);
    Deque<String> script = new ArrayDeque<>();
    script.add(pick(lines.openers()));
    script.add(pick(lines.followUps()));
    if (topic.urgent()) {
      script.add(pick(DemoPhrases.nudges(language)));
    } else if (random.nextBoolean()) {
      script.add(pick(DemoPhrases.thanks(language)));
    }
    return script;
  }

  private Future<PushOutcome> push(Line line) {
    return shopee.pushBuyerText(line.shopId(), line.buyer().id(), line.buyer().name(), line.text())
        .onSuccess(outcome -> {
          if (!outcome.accepted()) {
            log.warn("Demo push of message {} to shop {} was not accepted by our webhook: {}", outcome.messageId(),
                line.shopId(), outcome.statusCode() == 0 ? "no answer within 3 s" : "HTTP " + outcome.statusCode());
          }
        })
        .onFailure(e -> log.warn("Demo push to shop {} failed: {}", line.shopId(), e.getMessage()));
  }

  private <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }
}
