package dev.unibox.testing;

import dev.unibox.adapters.spi.InboundMessage;
import dev.unibox.config.ClassificationRulesLoader;
import dev.unibox.domain.LinguaLanguageDetector;
import dev.unibox.domain.MessageClassifier;
import dev.unibox.domain.SlaPolicy;
import dev.unibox.ingest.IngestService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Feeds buyer and shop messages through the real {@link IngestService} with a test clock and chosen
 * platform times (what an adapter would hand over), for tests that need exact times.
 */
public final class TestIngest {

  private static MessageClassifier classifier;
  private static final AtomicLong IDS = new AtomicLong();

  private final TestInbox inbox;
  private final IngestService service;

  public TestIngest(TestInbox inbox, Clock clock) {
    this(inbox, clock, SlaPolicy.standard());
  }

  public TestIngest(TestInbox inbox, Clock clock, SlaPolicy sla) {
    this(inbox, clock, sla, classifier());
  }

  private TestIngest(TestInbox inbox, Clock clock, SlaPolicy sla, MessageClassifier classifier) {
    this.inbox = inbox;
    this.service = new IngestService(inbox.vertx, inbox.db.pool(), classifier, clock, sla);
  }

  /** Ingest that classifies with this classifier (e.g. one with the trained model) instead of the word lists. */
  public static TestIngest classifiedBy(TestInbox inbox, Clock clock, MessageClassifier classifier) {
    return new TestIngest(inbox, clock, SlaPolicy.standard(), classifier);
  }

  public static synchronized MessageClassifier classifier() {
    if (classifier == null) {
      classifier = new MessageClassifier(ClassificationRulesLoader.load(Path.of("../config/classification.yaml")),
          new LinguaLanguageDetector());
    }
    return classifier;
  }

  /** A buyer message; returns the conversation's id. */
  public long buyer(String accountId, String buyerId, String text, Instant sentAt) throws Exception {
    return message(accountId, buyerId, true, "text", text, sentAt);
  }

  public long buyer(String accountId, String buyerId, String type, String text, Instant sentAt) throws Exception {
    return message(accountId, buyerId, true, type, text, sentAt);
  }

  /** A message the shop sent from another tool (type auto_reply for an automatic one). */
  public long shop(String accountId, String buyerId, String type, String text, Instant sentAt) throws Exception {
    return message(accountId, buyerId, false, type, text, sentAt);
  }

  private long message(String accountId, String buyerId, boolean fromBuyer, String type, String text, Instant at)
      throws Exception {
    Await.result(service.ingest(List.of(new InboundMessage(accountId, "m" + IDS.incrementAndGet() + "-" + buyerId,
        "c-" + buyerId, buyerId, "buyer " + buyerId, fromBuyer, type, text, at))));
    return inbox.count("SELECT id FROM conversations WHERE account_id = $1 AND platform_conversation_id = $2",
        accountId, "c-" + buyerId);
  }
}
