package dev.unibox.quality;

import dev.unibox.events.Change;
import dev.unibox.events.UnitOfWork;
import dev.unibox.quality.rules.AutoReplySettings;
import dev.unibox.quality.rules.RuleSet;
import dev.unibox.quality.rules.Texts;
import dev.unibox.signals.Addresses;
import dev.unibox.signals.Kicks;
import dev.unibox.signals.LoopVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the shops' automatic replies: a first-contact greeting, an off-hours reply (the buyer wrote outside
 * the shop's business hours, in its time zone) and a surge reply (still queued after N seconds). A
 * periodic, idempotent sweep over stored timestamps, also woken whenever new messages were ingested.
 *
 * <p>Each decision is written once per (conversation, kind, episode) under the buyer's row lock, so
 * several nodes never send the same auto-reply twice, and the platform's limit (Shopee: one per buyer per
 * 24 h) is counted consistently. Auto-replies are marked automatic, go out through the outbox, and never
 * touch {@code waiting_since}: they are not a human first response and do not stop the SLA clock.
 */
public final class AutoReplies {

  private static final Logger LOG = LoggerFactory.getLogger(AutoReplies.class);
  static final String AUTHOR = "Auto-reply";
  /** The greeting's episode: once per conversation. */
  private static final Instant ONCE = Instant.EPOCH;

  private static final String CANDIDATES = """
      SELECT c.id, c.account_id, c.buyer_id, c.status, c.waiting_since, c.language, b.name AS buyer_name,
             EXISTS (SELECT 1 FROM messages o WHERE o.conversation_id = c.id AND o.direction = 'out') AS answered,
             h.replies,
             ARRAY(SELECT r.kind FROM auto_replies r WHERE r.conversation_id = c.id
                   AND ((r.episode = c.waiting_since AND r.replies_before = h.replies) OR r.kind = 'greeting')) AS done
      FROM conversations c JOIN buyers b ON b.id = c.buyer_id
      CROSS JOIN LATERAL (SELECT count(*)::int AS replies FROM messages o WHERE o.conversation_id = c.id
                          AND o.direction = 'out' AND o.message_type <> 'autoreply') h
      WHERE c.waiting_since IS NOT NULL AND c.status IN ('queued', 'assigned')
        AND c.account_id = ANY($1) AND c.waiting_since > $2
      ORDER BY c.waiting_since
      LIMIT 200""";

  private static final String LOCK_BUYER = "SELECT id FROM buyers WHERE id = $1 FOR UPDATE";

  private static final String LOCK_CONVERSATION = """
      SELECT status, waiting_since,
             EXISTS (SELECT 1 FROM messages o WHERE o.conversation_id = $1 AND o.direction = 'out') AS answered,
             (SELECT count(*)::int FROM messages o WHERE o.conversation_id = $1 AND o.direction = 'out'
                AND o.message_type <> 'autoreply') AS replies
      FROM conversations WHERE id = $1 FOR UPDATE""";

  private static final String SENT_TO_BUYER = """
      SELECT count(*) AS n FROM auto_replies WHERE buyer_id = $1 AND outcome = 'sent' AND at > $2""";

  private static final String DECIDE = """
      INSERT INTO auto_replies (conversation_id, account_id, buyer_id, kind, episode, replies_before, outcome, reason, at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
      ON CONFLICT (conversation_id, kind, episode, replies_before) DO NOTHING
      RETURNING id""";

  private static final String LINK_MESSAGE = "UPDATE auto_replies SET message_id = $2 WHERE id = $1";

  private final QualityRules rules;
  private final UnitOfWork work;

  public AutoReplies(Vertx vertx, Pool pool, QualityRules rules, Clock clock) {
    this.rules = rules;
    this.work = new UnitOfWork(vertx, pool, clock);
  }

  /** The cluster job: sweeps every {@code sweepMillis} and whenever new messages were ingested. */
  public LoopVerticle job(long sweepMillis) {
    return new LoopVerticle("Auto-reply sweep", sweepMillis, this::sweep).kickedOn(Addresses.ROUTING_KICK);
  }

  /** One pass: every conversation of a shop with auto-replies on that waits for a human. */
  Future<Void> sweep() {
    Instant now = work.clock().instant();
    List<String> accounts = new ArrayList<>();
    int maxAge = 0;
    for (QualityRules.Account a : rules.accounts().values()) {
      AutoReplySettings s = rules.forShop(a.platform(), a.id()).autoReplies();
      if (s.anyEnabled()) {
        accounts.add(a.id());
        maxAge = Math.max(maxAge, s.maxAgeMinutes());
      }
    }
    if (accounts.isEmpty()) {
      return Future.succeededFuture();
    }
    Tuple t = Tuple.tuple().addArrayOfString(accounts.toArray(String[]::new))
        .addValue(now.minus(Duration.ofMinutes(maxAge)).atOffset(ZoneOffset.UTC));
    return work.pool().preparedQuery(CANDIDATES).execute(t).compose(rows -> {
      Future<Void> chain = Future.succeededFuture();
      for (Row r : rows) {
        for (Due due : due(r, now)) {
          chain = chain.compose(v -> send(due).recover(e -> {
            LOG.warn("Auto-reply {} for conversation {} failed: {}", due.kind, due.conversationId, e.getMessage());
            return Future.succeededFuture();
          }));
        }
      }
      return chain;
    });
  }

  /** One auto-reply to send (if still due under the locks). */
  private record Due(long conversationId, String accountId, long buyerId, String kind, Instant waitingSince,
                     int replies, String language, String buyerName, AutoReplySettings settings,
                     QualityRules.Account account) {}

  private List<Due> due(Row r, Instant now) {
    QualityRules.Account account = rules.accounts().get(r.getString("account_id"));
    if (account == null) {
      return List.of();
    }
    RuleSet set = rules.forShop(account.platform(), account.id());
    AutoReplySettings s = set.autoReplies();
    Instant waiting = r.getOffsetDateTime("waiting_since").toInstant();
    Duration age = Duration.between(waiting, now);
    if (age.compareTo(Duration.ofMinutes(s.maxAgeMinutes())) > 0) {
      return List.of();
    }
    List<String> done = List.of(r.getArrayOfStrings("done"));
    boolean offHours = !s.hours().isOpen(waiting.atZone(zone(account)));
    List<Due> out = new ArrayList<>();
    java.util.function.Consumer<String> add = kind -> out.add(new Due(r.getLong("id"), account.id(), r.getLong("buyer_id"),
        kind, waiting, r.getInteger("replies"), r.getString("language"), r.getString("buyer_name"), s, account));
    if (offHours) {
      if (s.offHours().usable() && !done.contains("off_hours")) {
        add.accept("off_hours");
      }
      return out;
    }
    if (s.greeting().usable() && !r.getBoolean("answered") && !done.contains("greeting")) {
      add.accept("greeting");
    }
    if (s.surge().usable() && "queued".equals(r.getString("status")) && !done.contains("surge")
        && age.compareTo(Duration.ofSeconds(s.surge().afterSeconds())) >= 0) {
      add.accept("surge");
    }
    return out;
  }

  private Future<Void> send(Due due) {
    return work.run(change -> {
      SqlConnection conn = change.conn();
      Instant now = change.now();
      return conn.preparedQuery(LOCK_BUYER).execute(Tuple.of(due.buyerId))
        .compose(v -> conn.preparedQuery(LOCK_CONVERSATION).execute(Tuple.of(due.conversationId)))
        .compose(rows -> {
          Row c = rows.iterator().next();
          var waiting = c.getOffsetDateTime("waiting_since");
          boolean stillDue = ("queued".equals(c.getString("status")) || "assigned".equals(c.getString("status")))
              && waiting != null && waiting.toInstant().equals(due.waitingSince)
              && c.getInteger("replies") == due.replies
              && !("greeting".equals(due.kind) && c.getBoolean("answered"))
              && !("surge".equals(due.kind) && !"queued".equals(c.getString("status")));
          if (!stillDue) {
            return Future.succeededFuture();
          }
          boolean once = "greeting".equals(due.kind);
          Instant episode = once ? ONCE : due.waitingSince;
          int repliesBefore = once ? 0 : due.replies;
          AutoReplySettings s = due.settings;
          Future<Long> sentRecently = !s.limited() ? Future.succeededFuture(0L)
              : conn.preparedQuery(SENT_TO_BUYER).execute(Tuple.of(due.buyerId,
                  now.minus(Duration.ofHours(s.limitPerHours())).atOffset(ZoneOffset.UTC)))
                  .map(r -> r.iterator().next().getLong("n"));
          return sentRecently.compose(n -> {
            if (s.limited() && n >= s.limitMax()) {
              return decide(conn, due, episode, repliesBefore, "suppressed", "platform limit: " + s.limitMax() + " auto-repl"
                  + (s.limitMax() == 1 ? "y" : "ies") + " per buyer per " + s.limitPerHours() + " h", now).mapEmpty();
            }
            return decide(conn, due, episode, repliesBefore, "sent", null, now).compose(id -> id == null ? Future.succeededFuture()
                : message(change, due, id).onSuccess(x -> change.afterCommit(Kicks::outbox)));
          });
        });
    }).mapEmpty();
  }

  private static Future<Long> decide(SqlConnection conn, Due due, Instant episode, int repliesBefore, String outcome,
                                     String reason, Instant now) {
    return conn.preparedQuery(DECIDE).execute(Tuple.from(new Object[] {due.conversationId, due.accountId, due.buyerId,
            due.kind, episode.atOffset(ZoneOffset.UTC), repliesBefore, outcome, reason, now.atOffset(ZoneOffset.UTC)}))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong("id"));
  }

  private Future<Void> message(Change change, Due due, long decisionId) {
    AutoReplySettings s = due.settings;
    AutoReplySettings.Kind kind = switch (due.kind) {
      case "greeting" -> s.greeting();
      case "off_hours" -> s.offHours();
      default -> s.surge();
    };
    Texts.Variant variant = Texts.pick(kind.text(), due.language, s.defaultLanguage());
    String text = Texts.render(variant.text(), Map.of("buyerName", nonNull(due.buyerName),
        "shopName", nonNull(due.account.shopName()), "hours", s.hours().describe())).text();
    return QualityOutbox.send(change, due.conversationId, due.accountId, "autoreply", text, null, AUTHOR)
        .compose(message -> change.conn().preparedQuery(LINK_MESSAGE).execute(Tuple.of(decisionId, message.getLong("id"))))
        .mapEmpty();
  }

  /** The account's zone; it was checked when the account was configured or created. */
  private static ZoneId zone(QualityRules.Account a) {
    return ZoneId.of(a.timeZone());
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
