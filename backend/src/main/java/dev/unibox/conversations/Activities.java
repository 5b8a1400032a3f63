package dev.unibox.conversations;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Timeline activity entries (queued, assigned, closed, reopened…). Every change of owner is written
 * here in the same transaction as the change: that record is what makes handovers lossless.
 */
public final class Activities {

  public static final String QUEUED = "queued";
  public static final String ASSIGNED = "assigned";
  public static final String REOPENED = "reopened";
  public static final String PRIORITY_RAISED = "priority_raised";
  public static final String CLOSED = "closed";
  // changes of hands and notes (docs/shifts.md)
  public static final String HANDED_OVER = "handed_over";
  public static final String TRANSFERRED = "transferred";
  public static final String REASSIGNED = "reassigned";
  public static final String REQUEUED = "requeued";
  /** The note that travels with a conversation when it changes hands (staff only). */
  public static final String HANDOVER_NOTE = "handover_note";
  /** An internal note: staff only, never sent to the platform. */
  public static final String NOTE = "note";
  public static final String PRIORITY_SET = "priority_set";
  public static final String SLA_WARNING = "sla_warning";
  public static final String SLA_BREACHED = "sla_breached";

  private static final String INSERT = """
      INSERT INTO activities (conversation_id, type, actor_user_id, target_user_id, body, at)
      VALUES ($1, $2, $3, $4, $5, $6)""";

  private Activities() {}

  public static Future<Void> record(SqlConnection c, long conversationId, String type, Long actorUserId,
                                    Long targetUserId, String body, Instant at) {
    return c.preparedQuery(INSERT)
        .execute(Tuple.from(new Object[] {conversationId, type, actorUserId, targetUserId, body,
            at.atOffset(ZoneOffset.UTC)}))
        .mapEmpty();
  }
}
