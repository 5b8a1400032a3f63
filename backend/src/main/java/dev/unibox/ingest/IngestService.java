package dev.unibox.ingest;

import dev.unibox.adapters.spi.InboundMessage;
import dev.unibox.conversations.Activities;
import dev.unibox.conversations.ConversationJson;
import dev.unibox.conversations.ConversationStore;
import dev.unibox.domain.Category;
import dev.unibox.domain.Classification;
import dev.unibox.domain.LanguageDetector;
import dev.unibox.domain.MessageClassifier;
import dev.unibox.domain.Priority;
import dev.unibox.domain.SlaPolicy;
import dev.unibox.events.EventLog;
import dev.unibox.events.EventNames;
import dev.unibox.events.PendingEvents;
import dev.unibox.routing.RoutingKick;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores what a platform delivered: buyer, conversation and message in one transaction, deduplicated on
 * (account, platform message id). Callers acknowledge the platform only after the returned future
 * succeeds, i.e. after the commit.
 */
public final class IngestService {

  private final Vertx vertx;
  private final Pool pool;
  private final MessageClassifier classifier;
  private final Clock clock;
  private final InboundHook hook;

  private final SlaPolicy sla;

  public IngestService(Vertx vertx, Pool pool, MessageClassifier classifier, Clock clock) {
    this(vertx, pool, classifier, clock, SlaPolicy.standard(), InboundHook.NONE);
  }

  public IngestService(Vertx vertx, Pool pool, MessageClassifier classifier, Clock clock, InboundHook hook) {
    this(vertx, pool, classifier, clock, SlaPolicy.standard(), hook);
  }

  public IngestService(Vertx vertx, Pool pool, MessageClassifier classifier, Clock clock, SlaPolicy sla) {
    this(vertx, pool, classifier, clock, sla, InboundHook.NONE);
  }

  public IngestService(Vertx vertx, Pool pool, MessageClassifier classifier, Clock clock, SlaPolicy sla,
                       InboundHook hook) {
    this.vertx = vertx;
    this.pool = pool;
    this.classifier = classifier;
    this.clock = clock;
    this.hook = hook;
    this.sla = sla;
  }

  public record Result(int stored, int duplicates) {}

  public Future<Result> ingest(List<InboundMessage> received) {
    List<InboundMessage> messages = InboundText.storable(received);
    if (messages.isEmpty()) {
      return Future.succeededFuture(new Result(0, 0));
    }
    // Classification runs rules and language detection over the buyer's text: never on the event loop.
    return vertx.executeBlocking(() -> {
      List<Classification> classes = new ArrayList<>();
      for (InboundMessage m : messages) {
        classes.add(m.fromBuyer() ? classifier.classify(m.text(), m.messageType()) : null);
      }
      return classes;
    }, false).compose(classes -> store(messages, classes));
  }

  private Future<Result> store(List<InboundMessage> messages, List<Classification> classes) {
    PendingEvents events = new PendingEvents();
    int[] stored = {0};
    return pool.withTransaction(conn -> {
      Future<Void> chain = Future.succeededFuture();
      for (int i = 0; i < messages.size(); i++) {
        InboundMessage m = messages.get(i);
        Classification cls = classes.get(i);
        chain = chain.compose(v -> storeOne(conn, m, cls, events)).map(isNew -> {
          if (isNew) {
            stored[0]++;
          }
          return null;
        });
      }
      return chain;
    }).map(v -> {
      events.publish(vertx);
      if (stored[0] > 0) {
        RoutingKick.send(vertx);
      }
      return new Result(stored[0], messages.size() - stored[0]);
    });
  }

  private Future<Boolean> storeOne(SqlConnection conn, InboundMessage m, Classification cls, PendingEvents events) {
    Instant now = clock.instant();
    return IngestStore.upsertBuyer(conn, m.accountId(), m.buyerId(), m.buyerName())
        .compose(buyerId -> IngestStore.insertConversation(conn, m.accountId(), m.platformConversationId(), buyerId, now))
        .compose(createdId -> IngestStore.lockConversation(conn, m.accountId(), m.platformConversationId())
            .compose(row -> IngestStore.insertMessage(conn, row.getLong("id"), m.accountId(), m.platformMessageId(),
                    m.fromBuyer(), m.messageType(), m.text(), author(m),
                    m.sentAt(), now)
                .compose(messageId -> messageId == null
                    ? Future.succeededFuture(false)
                    : apply(conn, m, cls, row, createdId != null, messageId, now, events).map(true))));
  }

  private Future<Void> apply(SqlConnection conn, InboundMessage m, Classification cls, Row row, boolean created,
                             long messageId, Instant now, PendingEvents events) {
    long conversationId = row.getLong("id");
    Future<Void> steps = Future.succeededFuture();
    if (m.fromBuyer()) {
      boolean reopened = "closed".equals(row.getString("status"));
      int oldPriority = reopened ? 0 : row.getShort("priority");
      Category oldCategory = reopened ? Category.PRE_SALE : Category.ofWire(row.getString("category"));
      boolean manual = !reopened && Boolean.TRUE.equals(row.getBoolean("priority_manual"));
      int priority = manual ? oldPriority : Math.max(oldPriority, cls.priority().level());
      IngestStore.Deadlines deadlines = deadlines(row, m, reopened, oldPriority, priority);
      String language = LanguageDetector.UNDETERMINED.equals(cls.language()) ? null : cls.language();
      if (reopened) {
        steps = steps.compose(v -> IngestStore.reopen(conn, conversationId, now))
            .compose(v -> Activities.record(conn, conversationId, Activities.REOPENED, null, null,
                "Buyer wrote again; back in the queue", now));
      }
      if (created) {
        steps = steps.compose(v -> Activities.record(conn, conversationId, Activities.QUEUED, null, null,
            "New conversation, waiting in the queue", now));
      } else if (priority > oldPriority && !reopened) {
        steps = steps.compose(v -> Activities.record(conn, conversationId, Activities.PRIORITY_RAISED, null, null,
            "Raised to " + Priority.ofLevel(priority).wire() + " by the buyer's message", now));
      }
      steps = steps.compose(v -> IngestStore.afterBuyerMessage(conn, conversationId, priority,
          oldCategory.laterOf(cls.category()).wire(), language, m.sentAt(), m.text(), now, deadlines))
          .compose(v -> hook.afterBuyerMessage(conn, conversationId, messageId, m, now));
    } else {
      boolean auto = SlaPolicy.AUTO_REPLY.equals(m.messageType());
      steps = steps.compose(v -> IngestStore.afterShopMessage(conn, conversationId, m.sentAt(), m.text(), now, !auto,
          sla.stopsPlatformClock(row.getString("platform"), m.messageType())));
    }
    JsonObject message = ConversationJson.message(messageId, m.fromBuyer() ? "in" : "out", m.text(),
        m.fromBuyer() ? "received" : "sent", author(m), null, m.sentAt());
    return steps
        .compose(v -> ConversationStore.summary(conn, conversationId))
        .compose(summary -> EventLog.conversationRecipients(conn, m.accountId(), assigneeOf(summary))
            .compose(recipients -> events.append(conn, recipients, EventNames.MESSAGE_CREATED, new JsonObject()
                .put("conversationId", conversationId).put("message", message).put("conversation", summary), now)));
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

  private static Long assigneeOf(JsonObject summary) {
    JsonObject a = summary.getJsonObject("assignee");
    return a == null ? null : a.getLong("id");
  }
}
