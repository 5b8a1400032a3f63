package dev.unibox.ingest;

import dev.unibox.adapters.spi.InboundMessage;
import dev.unibox.conversations.Activities;
import dev.unibox.conversations.ConversationJson;
import dev.unibox.conversations.ConversationNews;
import dev.unibox.domain.Category;
import dev.unibox.domain.Classification;
import dev.unibox.domain.LanguageDetector;
import dev.unibox.domain.MessageClassifier;
import dev.unibox.domain.Priority;
import dev.unibox.domain.SlaPolicy;
import dev.unibox.events.Change;
import dev.unibox.events.EventNames;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The writes of one stored message inside a batch's transaction: buyer, conversation, message, the
 * conversation's new state and its message.created event (queued on the batch's {@link Change}, stored
 * once per batch; recipients looked up once per shop and assignee per batch).
 */
final class IngestWrite {

  private final MessageClassifier classifier;
  private final SlaPolicy sla;
  private final InboundHook hook;

  IngestWrite(MessageClassifier classifier, SlaPolicy sla, InboundHook hook) {
    this.classifier = classifier;
    this.sla = sla;
    this.hook = hook;
  }

  /** A buyer message's classification and the hook's findings; nothing for the shop's own messages. */
  record Prepared(Classification cls, InboundHook.Findings findings) {
    static final Prepared NONE = new Prepared(null, null);
  }

  /** CPU work (classification, language detection, the hook's inspection): before the transaction, off the loop. */
  Prepared prepare(InboundMessage m) {
    return m.fromBuyer() ? new Prepared(classifier.classify(m.text(), m.messageType()), hook.inspect(m))
        : Prepared.NONE;
  }

  /**
   * Three round trips for a new message: {@link IngestStore#receive}; the conversation's new state with its
   * timeline, urgency check and the inbound hook's first reads, sent together (statements on one connection
   * run in the order sent); then the summary for the event (whose recipients the change already knows).
   */
  Future<Boolean> storeOne(Change change, InboundMessage m, Prepared prepared) {
    return IngestStore.receive(change.conn(), m.accountId(), m.platformConversationId(), m.buyerId(), m.buyerName(),
            m.platformMessageId(), m.fromBuyer(), m.messageType(), m.text(), author(m), m.sentAt(), change.now())
        .compose(row -> row.getLong("message_id") == null ? Future.succeededFuture(false)
            : apply(change, m, prepared, row).map(true));
  }

  private Future<Void> apply(Change change, InboundMessage m, Prepared prepared, Row row) {
    Classification cls = prepared.cls();
    SqlConnection conn = change.conn();
    Instant now = change.now();
    long conversationId = row.getLong("id");
    long messageId = row.getLong("message_id");
    List<Future<?>> steps = new ArrayList<>();
    if (m.fromBuyer()) {
      boolean reopened = "closed".equals(row.getString("status"));
      int oldPriority = reopened ? 0 : row.getShort("priority");
      Category oldCategory = reopened ? Category.PRE_SALE : Category.ofWire(row.getString("category"));
      boolean manual = !reopened && Boolean.TRUE.equals(row.getBoolean("priority_manual"));
      int priority = manual ? oldPriority : Math.max(oldPriority, cls.priority().level());
      IngestStore.Deadlines deadlines = deadlines(row, m, reopened, oldPriority, priority);
      String language = LanguageDetector.UNDETERMINED.equals(cls.language()) ? null : cls.language();
      if (reopened) {
        steps.add(IngestStore.reopen(conn, conversationId, now));
        steps.add(Activities.record(conn, conversationId, Activities.REOPENED, null, null,
            "Buyer wrote again; back in the queue", now));
      }
      if (row.getBoolean("created")) {
        steps.add(Activities.record(conn, conversationId, Activities.QUEUED, null, null,
            "New conversation, waiting in the queue", now));
      } else if (priority > oldPriority && !reopened) {
        steps.add(Activities.record(conn, conversationId, Activities.PRIORITY_RAISED, null, null,
            "Raised to " + Priority.ofLevel(priority).wire() + " by the buyer's message", now));
      }
      steps.add(IngestStore.afterBuyerMessage(conn, conversationId, priority,
          oldCategory.laterOf(cls.category()).wire(), language, m.sentAt(), m.text(), now, deadlines, cls));
      steps.add(hook.afterBuyerMessage(conn, new InboundHook.Received(conversationId, messageId, m.accountId(),
          row.getString("platform"), reopened ? "queued" : row.getString("status"), m, prepared.findings()), now));
    } else {
      boolean auto = SlaPolicy.AUTO_REPLY.equals(m.messageType());
      steps.add(IngestStore.afterShopMessage(conn, conversationId, m.sentAt(), m.text(), now, !auto,
          sla.stopsPlatformClock(row.getString("platform"), m.messageType())));
    }
    JsonObject message = ConversationJson.message(messageId, m.fromBuyer() ? "in" : "out", m.text(),
        m.fromBuyer() ? "received" : "sent", author(m), null, m.sentAt());
    return Future.all(steps).compose(v -> ConversationNews.announce(change, conversationId, EventNames.MESSAGE_CREATED,
        new JsonObject().put("conversationId", conversationId).put("message", message))).mapEmpty();
  }

  /** Pushes of some platforms do not name the buyer (Lazada, TikTok Shop): the stored name is kept then. */
  private static String author(InboundMessage m) {
    if (!m.fromBuyer()) {
      return "Shop (on platform)";
    }
    return m.buyerName() == null || m.buyerName().isBlank() ? "Buyer " + m.buyerId() : m.buyerName();
  }

  /**
   * The SLA clock of the buyer's wait: a new wait gets the target of its class; a wait already running
   * keeps its deadline unless the message raised the class (then the earlier of the two). The
   * platform's clock starts with the first counted buyer message of the wait.
   */
  private IngestStore.Deadlines deadlines(Row row, InboundMessage m, boolean reopened, int oldPriority, int priority) {
    String platform = row.getString("platform");
    Instant waitingSince = reopened || row.getOffsetDateTime("waiting_since") == null ? null
        : row.getOffsetDateTime("waiting_since").toInstant();
    Instant oldDue = reopened || row.getOffsetDateTime("sla_due_at") == null ? null
        : row.getOffsetDateTime("sla_due_at").toInstant();
    Instant start = waitingSince == null ? m.sentAt() : waitingSince;
    Instant due = sla.dueAt(platform, m.accountId(), Priority.ofLevel(priority), start);
    if (waitingSince != null && oldDue != null) {
      due = priority > oldPriority && due.isBefore(oldDue) ? due : oldDue;
    }
    ZoneId zone;
    try {
      zone = ZoneId.of(row.getString("time_zone"));
    } catch (RuntimeException e) {
      zone = ZoneOffset.UTC;
    }
    SlaPolicy.PlatformDeadline platformDue = sla.platformDeadline(platform, zone, m.sentAt());
    return new IngestStore.Deadlines(due, sla.warnAt(start, due), platformDue == null ? null : platformDue.dueAt(),
        platformDue == null ? null : platformDue.rule());
  }
}
