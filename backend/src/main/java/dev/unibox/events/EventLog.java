package dev.unibox.events;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The event log: each change stored once with the users it is for, numbered by a sequence. Appending is
 * a plain INSERT (no shared row is updated, so concurrent writers never wait for each other); readers
 * only read below the horizon (see V8__event_log.sql and docs/architecture.md), so a position once
 * passed never gains an event: resuming after the last position seen misses nothing and repeats nothing.
 */
public final class EventLog {

  private static final String APPEND = "SELECT event_log_append($1, $2, $3, $4) AS id";

  private static final String HORIZON = "SELECT event_log_horizon() AS h";

  /**
   * One row at least: the retention mark read in the same snapshot as the events, so an event deleted by a
   * concurrent prune is never silently skipped (the mark shows it went).
   */
  private static final String AFTER_FOR_USER = """
      SELECT r.pruned_through, e.id, e.type, e.payload, e.at FROM event_log_retention r
      LEFT JOIN LATERAL (SELECT id, type, payload, at FROM event_log
                         WHERE recipients @> ARRAY[$1]::bigint[] AND id > $2 AND id < $3 ORDER BY id LIMIT $4) e ON true
      ORDER BY e.id""";

  private static final String AFTER = """
      SELECT id, type, payload, recipients, at FROM event_log WHERE id > $1 AND id < $2 ORDER BY id LIMIT $3""";

  /**
   * Recipients of anything about a conversation: its assignee and the supervisors/admins of its shop,
   * granted directly or through a team they supervise (team_accounts).
   */
  private static final String CONVERSATION_RECIPIENTS = """
      SELECT id FROM users
      WHERE id = $2
         OR (role IN ('supervisor', 'admin')
             AND (all_accounts OR id IN (SELECT user_id FROM user_accounts WHERE account_id = $1)
                  OR id IN (SELECT ts.user_id FROM team_supervisors ts
                            JOIN team_accounts ta ON ta.team = ts.team WHERE ta.account_id = $1)))""";

  /** Supervisors and admins with their shop scope, for computing recipients of many events at once. */
  private static final String OVERSEERS = """
      SELECT u.id, u.all_accounts, ARRAY(SELECT ua.account_id FROM user_accounts ua WHERE ua.user_id = u.id) AS accounts
      FROM users u WHERE u.role IN ('supervisor', 'admin')""";

  private EventLog() {}

  /** One event to store: its recipients, name and data. */
  public record Outgoing(Collection<Long> recipients, String type, JsonObject data) {}

  /** A stored event as read back: position, recipients and the frame sent to sockets. */
  public record Stored(long id, List<Long> recipients, JsonObject frame) {}

  /** A supervisor or admin and the shops they oversee. */
  public record Overseer(long id, boolean allAccounts, java.util.Set<String> accounts) {
    public boolean oversees(String accountId) {
      return allAccounts || accounts.contains(accountId);
    }
  }

  public static Future<List<Overseer>> overseers(SqlConnection conn) {
    return conn.query(OVERSEERS).execute().map(rows -> {
      List<Overseer> out = new ArrayList<>();
      rows.forEach(r -> out.add(new Overseer(r.getLong("id"), r.getBoolean("all_accounts"),
          java.util.Set.of(r.getArrayOfStrings("accounts")))));
      return out;
    });
  }

  /** Appends events (those without recipients are skipped) in one round trip; returns their ids in order. */
  public static Future<List<Long>> appendAll(SqlConnection conn, List<Outgoing> outgoing, Instant at) {
    List<String> types = new ArrayList<>();
    List<String> payloads = new ArrayList<>();
    List<String> recipients = new ArrayList<>();
    for (Outgoing o : outgoing) {
      if (o.recipients().isEmpty()) {
        continue;
      }
      types.add(o.type());
      payloads.add(o.data().encode());
      recipients.add(o.recipients().stream().distinct().map(String::valueOf).collect(Collectors.joining(",", "{", "}")));
    }
    if (types.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return conn.preparedQuery(APPEND)
        .execute(Tuple.tuple().addArrayOfString(types.toArray(String[]::new))
            .addArrayOfString(payloads.toArray(String[]::new)).addArrayOfString(recipients.toArray(String[]::new))
            .addOffsetDateTime(at.atOffset(ZoneOffset.UTC)))
        .map(rows -> {
          List<Long> ids = new ArrayList<>(rows.size());
          rows.forEach(r -> ids.add(r.getLong("id")));
          return ids;
        });
  }

  public static Future<List<Long>> conversationRecipients(SqlConnection conn, String accountId, Long assigneeId) {
    return conn.preparedQuery(CONVERSATION_RECIPIENTS).execute(Tuple.of(accountId, assigneeId))
        .map(rows -> {
          List<Long> ids = new ArrayList<>();
          rows.forEach(r -> ids.add(r.getLong("id")));
          return ids;
        });
  }

  /** The lowest position an unfinished writer may still commit: everything below it is final. */
  public static Future<Long> horizon(SqlClient client) {
    return client.query(HORIZON).execute().map(rows -> rows.iterator().next().getLong("h"));
  }

  /**
   * A page of one user's events.
   *
   * @param newest        the newest final position when it was read (what a resync starts from)
   * @param prunedThrough every position up to this one was deleted by retention
   */
  public record Page(List<JsonObject> frames, long newest, long prunedThrough) {}

  /** A user's events after a position, up to the horizon (two statements: the horizon must be read first). */
  public static Future<Page> page(SqlClient client, long userId, long afterId, int limit) {
    return horizon(client).compose(h -> client.preparedQuery(AFTER_FOR_USER)
        .execute(Tuple.of(userId, afterId, h, limit)).map(rows -> {
          List<JsonObject> frames = new ArrayList<>();
          long pruned = 0;
          for (Row r : rows) {
            pruned = r.getLong("pruned_through");
            if (r.getValue("id") != null) {
              frames.add(frame(r.getLong("id"), r.getString("type"), r.getOffsetDateTime("at").toInstant(),
                  data(r)));
            }
          }
          return new Page(frames, h - 1, pruned);
        }));
  }

  /** Just the frames of {@link #page} (for readers that do not care about retention). */
  public static Future<List<JsonObject>> after(SqlClient client, long userId, long afterId, int limit) {
    return page(client, userId, afterId, limit).map(Page::frames);
  }

  /** Everyone's events after a position, up to the horizon (the node's live tail). */
  public static Future<List<Stored>> after(SqlClient client, long afterId, int limit) {
    return horizon(client).compose(h -> client.preparedQuery(AFTER).execute(Tuple.of(afterId, h, limit))
        .map(rows -> {
          List<Stored> out = new ArrayList<>();
          for (Row r : rows) {
            long id = r.getLong("id");
            out.add(new Stored(id, List.of(r.getArrayOfLongs("recipients")),
                frame(id, r.getString("type"), r.getOffsetDateTime("at").toInstant(), data(r))));
          }
          return out;
        }));
  }

  /** The newest final position (what a client that is up to date has seen at most). */
  public static Future<Long> newest(SqlClient client) {
    return horizon(client).map(h -> h - 1);
  }

  private static JsonObject data(Row r) {
    Object payload = r.getValue("payload");
    return payload instanceof JsonObject j ? j : new JsonObject(String.valueOf(payload));
  }

  static JsonObject frame(long seq, String type, Instant at, JsonObject data) {
    return new JsonObject().put("type", "event").put("seq", seq).put("event", type)
        .put("at", at.toString()).put("data", data);
  }
}
