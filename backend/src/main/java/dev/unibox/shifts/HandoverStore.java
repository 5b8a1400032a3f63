package dev.unibox.shifts;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** SQL of the handover runs ({@link Handovers}): who leaves, the run's row, and the conversations they hold. */
final class HandoverStore {

  private static final String AGENT_IDS = "SELECT id FROM users WHERE username = ANY($1) AND role = 'agent'";

  /** The boundary row is unique: the first node or tick to insert it runs the handover. */
  private static final String CLAIM_BOUNDARY = """
      INSERT INTO handovers (kind, shift_name, boundary_at, reason, outgoing, started_at)
      VALUES ('shift_end', $1, $2, $3, $4, $5)
      ON CONFLICT (shift_name, boundary_at) WHERE kind = 'shift_end' DO NOTHING
      RETURNING id""";

  private static final String START_FORCED = """
      INSERT INTO handovers (kind, by_user_id, reason, outgoing, started_at)
      VALUES ('forced', $1, $2, $3, $4) RETURNING id""";

  private static final String FINISH = """
      UPDATE handovers SET moved = $2, queued = $3, skipped = $4, finished_at = $5 WHERE id = $1""";

  /** Most urgent first, so the urgent ones get the free seats. */
  private static final String OPEN_OF = """
      SELECT id, assignee_id FROM conversations
      WHERE status = 'assigned' AND assignee_id = ANY($1)
      ORDER BY priority DESC, waiting_since NULLS LAST, id""";

  private HandoverStore() {}

  /** An open conversation and the agent holding it. */
  record Held(long conversationId, long agentId) {}

  static Future<List<Long>> agentIds(SqlClient c, List<String> usernames) {
    return c.preparedQuery(AGENT_IDS).execute(Tuple.tuple().addArrayOfString(usernames.toArray(String[]::new)))
        .map(rows -> {
          List<Long> ids = new ArrayList<>();
          rows.forEach(r -> ids.add(r.getLong(0)));
          return ids;
        });
  }

  /** @return the new run's id, or null when this boundary's handover was already claimed */
  static Future<Long> claimBoundary(SqlClient c, String shift, Instant boundary, String reason, List<Long> outgoing,
                                    Instant now) {
    return c.preparedQuery(CLAIM_BOUNDARY).execute(Tuple.tuple().addString(shift).addOffsetDateTime(utc(boundary))
            .addString(reason).addArrayOfLong(outgoing.toArray(Long[]::new)).addOffsetDateTime(utc(now)))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong("id"));
  }

  static Future<Long> startForced(SqlClient c, long byUserId, String reason, long agentId, Instant now) {
    return c.preparedQuery(START_FORCED).execute(Tuple.tuple().addLong(byUserId).addString(reason)
            .addArrayOfLong(new Long[] {agentId}).addOffsetDateTime(utc(now)))
        .map(rows -> rows.iterator().next().getLong("id"));
  }

  static Future<List<Held>> openOf(SqlClient c, List<Long> agents) {
    return c.preparedQuery(OPEN_OF).execute(Tuple.tuple().addArrayOfLong(agents.toArray(Long[]::new))).map(rows -> {
      List<Held> open = new ArrayList<>();
      for (Row r : rows) {
        open.add(new Held(r.getLong("id"), r.getLong("assignee_id")));
      }
      return open;
    });
  }

  static Future<Void> finish(SqlClient c, long handoverId, int moved, int queued, int skipped, Instant now) {
    return c.preparedQuery(FINISH).execute(Tuple.from(new Object[] {handoverId, moved, queued, skipped, utc(now)}))
        .mapEmpty();
  }

  private static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }
}
