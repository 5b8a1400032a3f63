package dev.unibox.quality;

import dev.unibox.auth.CurrentUser;
import dev.unibox.web.ApiException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** SQL of satisfaction invites and ratings. */
final class SatisfactionStore {

  private static final String CONVERSATION = """
      SELECT c.id, c.account_id, c.status, c.language, c.last_assignee_id, a.platform, a.shop_name, b.name AS buyer_name,
             (SELECT max(ac.at) FROM activities ac WHERE ac.conversation_id = c.id AND ac.type = 'closed') AS solved_at,
             (SELECT max(i.invited_at) FROM satisfaction_invites i WHERE i.conversation_id = c.id) AS last_invite_at
      FROM conversations c JOIN accounts a ON a.id = c.account_id JOIN buyers b ON b.id = c.buyer_id
      WHERE c.id = $1""";

  private static final String LOCK = "SELECT id FROM conversations WHERE id = $1 FOR UPDATE";

  private static final String INSERT_INVITE = """
      INSERT INTO satisfaction_invites (conversation_id, agent_id, message_id, invited_at, expires_at)
      VALUES ($1, $2, $3, $4, $5) RETURNING id""";

  private static final String OPEN_INVITE = """
      SELECT id, agent_id, expires_at FROM satisfaction_invites WHERE conversation_id = $1 AND ended_at IS NULL""";

  private static final String END_INVITE = "UPDATE satisfaction_invites SET ended_at = $2, outcome = $3 WHERE id = $1";

  private static final String INSERT_RATING = """
      INSERT INTO satisfaction_ratings (conversation_id, account_id, agent_id, invite_id, rating, reason, source,
                                        message_id, recorded_by, rated_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id""";

  /** The buyer's answer reopened the solved conversation: it stays solved. */
  private static final String KEEP_SOLVED = """
      UPDATE conversations SET status = 'closed', queued_at = NULL, waiting_since = NULL, updated_at = $2
      WHERE id = $1 AND status = 'queued'""";

  private static final String HISTORY = """
      SELECT 'invite' AS kind, i.id, i.agent_id, u.display_name, NULL AS rating, NULL AS reason, NULL AS source,
             i.invited_at AS at, i.outcome
      FROM satisfaction_invites i JOIN users u ON u.id = i.agent_id WHERE i.conversation_id = $1
      UNION ALL
      SELECT 'rating', r.id, r.agent_id, u.display_name, r.rating, r.reason, r.source, r.rated_at, NULL
      FROM satisfaction_ratings r LEFT JOIN users u ON u.id = r.agent_id WHERE r.conversation_id = $1
      ORDER BY at""";

  private static final String RATES = """
      SELECT r.agent_id, u.display_name, r.rating, r.reason, count(*) AS n
      FROM satisfaction_ratings r LEFT JOIN users u ON u.id = r.agent_id
      WHERE r.rated_at >= $1 AND r.rated_at < $2 AND ($3 OR r.account_id = ANY($4))
        AND ($5::text IS NULL OR r.account_id = $5)
      GROUP BY r.agent_id, u.display_name, r.rating, r.reason""";

  /** The invite a buyer's next message may answer. */
  record OpenInvite(long id, long agentId, Instant expiresAt) {}

  /** A rating to store: from the buyer's chat (invite and message) or entered by a supervisor (recordedBy). */
  record NewRating(long conversationId, String accountId, Long agentId, Long inviteId, String rating, String reason,
                   String source, Long messageId, Long recordedBy, Instant ratedAt) {}

  private SatisfactionStore() {}

  /** 404 when there is no such conversation. */
  static Future<InviteFacts> facts(SqlClient c, long id) {
    return c.preparedQuery(CONVERSATION).execute(Tuple.of(id)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.failedFuture(ApiException.notFound("Conversation"));
      }
      Row r = rows.iterator().next();
      return Future.succeededFuture(new InviteFacts(r.getLong("id"), r.getString("account_id"), r.getString("status"),
          r.getString("language"), r.getLong("last_assignee_id"), r.getString("platform"), r.getString("shop_name"),
          r.getString("buyer_name"), instant(r.getOffsetDateTime("solved_at")),
          instant(r.getOffsetDateTime("last_invite_at"))));
    });
  }

  /** Locks the conversation row; 404 when there is none. */
  static Future<Void> lock(SqlClient c, long id) {
    return c.preparedQuery(LOCK).execute(Tuple.of(id)).compose(rows -> rows.size() == 0
        ? Future.failedFuture(ApiException.notFound("Conversation")) : Future.succeededFuture());
  }

  static Future<Void> insertInvite(SqlClient c, long conversationId, long agentId, long messageId, Instant at,
                                   Instant expiresAt) {
    return c.preparedQuery(INSERT_INVITE).execute(Tuple.of(conversationId, agentId, messageId, utc(at), utc(expiresAt)))
        .mapEmpty();
  }

  /** The open invite, or null. */
  static Future<OpenInvite> openInvite(SqlClient c, long conversationId) {
    return c.preparedQuery(OPEN_INVITE).execute(Tuple.of(conversationId)).map(rows -> {
      if (rows.size() == 0) {
        return null;
      }
      Row r = rows.iterator().next();
      return new OpenInvite(r.getLong("id"), r.getLong("agent_id"), r.getOffsetDateTime("expires_at").toInstant());
    });
  }

  /** outcome: rated or voided. */
  static Future<Void> endInvite(SqlClient c, long inviteId, Instant at, String outcome) {
    return c.preparedQuery(END_INVITE).execute(Tuple.of(inviteId, utc(at), outcome)).mapEmpty();
  }

  /** The new rating's id. */
  static Future<Long> insertRating(SqlClient c, NewRating r) {
    return c.preparedQuery(INSERT_RATING).execute(Tuple.from(new Object[] {r.conversationId(), r.accountId(),
            r.agentId(), r.inviteId(), r.rating(), r.reason(), r.source(), r.messageId(), r.recordedBy(),
            utc(r.ratedAt())}))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  static Future<Void> keepSolved(SqlClient c, long conversationId, Instant at) {
    return c.preparedQuery(KEEP_SOLVED).execute(Tuple.of(conversationId, utc(at))).mapEmpty();
  }

  /** The conversation's invites and ratings, oldest first. */
  static Future<JsonArray> history(SqlClient c, long conversationId) {
    return c.preparedQuery(HISTORY).execute(Tuple.of(conversationId)).map(rows -> {
      JsonArray history = new JsonArray();
      for (Row r : rows) {
        history.add(new JsonObject().put("kind", r.getString("kind")).put("id", r.getLong("id"))
            .put("agent", r.getLong("agent_id") == null ? null
                : new JsonObject().put("id", r.getLong("agent_id")).put("displayName", r.getString("display_name")))
            .put("rating", r.getString("rating")).put("reason", r.getString("reason"))
            .put("source", r.getString("source")).put("outcome", r.getString("outcome"))
            .put("at", r.getOffsetDateTime("at").toInstant().toString()));
      }
      return history;
    });
  }

  /** Ratings in [from, to) of the user's shops (or one of them), counted per agent, rating and reason. */
  static Future<SatisfactionRates> rates(SqlClient c, OffsetDateTime from, OffsetDateTime to, CurrentUser user,
                                         String account) {
    Tuple t = user.shops().addTo(Tuple.tuple().addValue(from).addValue(to)).addString(account);
    return c.preparedQuery(RATES).execute(t).map(rows -> {
      SatisfactionRates rates = new SatisfactionRates();
      for (Row r : rows) {
        rates.add(r.getLong("agent_id"), r.getString("display_name"), r.getString("rating"), r.getString("reason"),
            r.getLong("n"));
      }
      return rates;
    });
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }

  private static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }
}
