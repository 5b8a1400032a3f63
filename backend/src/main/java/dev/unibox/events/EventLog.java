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

/**
 * The per-recipient event log. Appending bumps each recipient's cursor under its row lock (taken in
 * user-id order) inside the caller's transaction, so sequence numbers become visible in commit order:
 * a client that saw seq N can never later miss a smaller one.
 */
public final class EventLog {

  private static final String APPEND = """
      WITH locked AS (
        SELECT user_id FROM event_cursors WHERE user_id = ANY($1) ORDER BY user_id FOR UPDATE
      ), bumped AS (
        UPDATE event_cursors c SET last_seq = c.last_seq + 1 FROM locked
        WHERE c.user_id = locked.user_id RETURNING c.user_id, c.last_seq
      )
      INSERT INTO events (user_id, seq, type, payload, at)
      SELECT user_id, last_seq, $2, $3, $4 FROM bumped
      RETURNING user_id, seq""";

  /**
   * Many events of one type in one statement (each with its own recipients and payload): per-recipient
   * sequence numbers follow the order given, exactly as if appended one by one.
   */
  private static final String APPEND_MANY = """
      WITH input AS (
        SELECT i.ord, i.user_id FROM unnest($1::int[], $2::bigint[]) AS i(ord, user_id)
      ), locked AS (
        SELECT user_id, last_seq FROM event_cursors WHERE user_id IN (SELECT user_id FROM input)
        ORDER BY user_id FOR UPDATE
      ), numbered AS (
        SELECT i.ord, i.user_id, l.last_seq + row_number() OVER (PARTITION BY i.user_id ORDER BY i.ord) AS seq
        FROM input i JOIN locked l ON l.user_id = i.user_id
      ), bumped AS (
        UPDATE event_cursors c SET last_seq = m.top
        FROM (SELECT user_id, max(seq) AS top FROM numbered GROUP BY user_id) m WHERE c.user_id = m.user_id
      )
      INSERT INTO events (user_id, seq, type, payload, at)
      SELECT n.user_id, n.seq, $3, ($4::jsonb[])[n.ord], $5 FROM numbered n
      RETURNING user_id, seq""";

  private static final String AFTER = """
      SELECT seq, type, payload, at FROM events WHERE user_id = $1 AND seq > $2 ORDER BY seq LIMIT $3""";

  private static final String LAST_SEQ = "SELECT last_seq FROM event_cursors WHERE user_id = $1";

  private static final String CREATE_CURSOR =
      "INSERT INTO event_cursors (user_id, last_seq) VALUES ($1, 0) ON CONFLICT DO NOTHING";

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

  /**
   * Many events in one statement: cursors of all recipients locked in user-id order and bumped once
   * by their count, each recipient's events numbered in input order.
   */
  private static final String APPEND_BATCH = """
      WITH input AS (
        SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[]) WITH ORDINALITY AS i(user_id, type, payload, ord)
      ), locked AS (
        SELECT user_id FROM event_cursors WHERE user_id IN (SELECT user_id FROM input) ORDER BY user_id FOR UPDATE
      ), counts AS (
        SELECT user_id, count(*) AS n FROM input GROUP BY user_id
      ), bumped AS (
        UPDATE event_cursors c SET last_seq = c.last_seq + counts.n FROM counts, locked
        WHERE c.user_id = counts.user_id AND locked.user_id = c.user_id
        RETURNING c.user_id, c.last_seq, counts.n
      )
      INSERT INTO events (user_id, seq, type, payload, at)
      SELECT i.user_id, b.last_seq - b.n + row_number() OVER (PARTITION BY i.user_id ORDER BY i.ord), i.type,
             i.payload::jsonb, $4
      FROM input i JOIN bumped b ON b.user_id = i.user_id
      RETURNING user_id, seq""";

  /** Supervisors and admins with their shop scope, for computing recipients of many events at once. */
  private static final String OVERSEERS = """
      SELECT u.id, u.all_accounts, ARRAY(SELECT ua.account_id FROM user_accounts ua WHERE ua.user_id = u.id) AS accounts
      FROM users u WHERE u.role IN ('supervisor', 'admin')""";

  private EventLog() {}

  /** One event to deliver: its recipients, name and data. */
  public record Outgoing(Collection<Long> recipients, String type, JsonObject data) {}

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

  /** Appends many events in one round trip; returns the frames to publish once the transaction commits. */
  public static Future<List<Delivery>> appendAll(SqlConnection conn, List<Outgoing> outgoing, Instant at) {
    List<Long> users = new ArrayList<>();
    List<String> types = new ArrayList<>();
    List<String> payloads = new ArrayList<>();
    java.util.Map<Long, java.util.ArrayDeque<Outgoing>> byUser = new java.util.HashMap<>();
    for (Outgoing o : outgoing) {
      String payload = o.data().encode();
      for (Long user : o.recipients().stream().distinct().toList()) {
        users.add(user);
        types.add(o.type());
        payloads.add(payload);
        byUser.computeIfAbsent(user, k -> new java.util.ArrayDeque<>()).add(o);
      }
    }
    if (users.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return conn.preparedQuery(APPEND_BATCH)
        .execute(Tuple.tuple().addArrayOfLong(users.toArray(Long[]::new)).addArrayOfString(types.toArray(String[]::new))
            .addArrayOfString(payloads.toArray(String[]::new)).addOffsetDateTime(at.atOffset(ZoneOffset.UTC)))
        .map(rows -> {
          List<long[]> numbered = new ArrayList<>();
          rows.forEach(r -> numbered.add(new long[] {r.getLong("user_id"), r.getLong("seq")}));
          numbered.sort(java.util.Comparator.<long[]>comparingLong(x -> x[0]).thenComparingLong(x -> x[1]));
          List<Delivery> out = new ArrayList<>(numbered.size());
          for (long[] n : numbered) {
            Outgoing o = byUser.get(n[0]).poll();
            out.add(new Delivery(n[0], frame(n[1], o.type(), at, o.data())));
          }
          return out;
        });
  }

  /** Appends one event for every recipient; returns the frames to publish once the transaction commits. */
  public static Future<List<Delivery>> append(SqlConnection conn, Collection<Long> recipients, String type,
                                              JsonObject data, Instant at) {
    if (recipients.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    Long[] ids = recipients.stream().distinct().toArray(Long[]::new);
    return conn.preparedQuery(APPEND)
        .execute(Tuple.of(ids, type, data, at.atOffset(ZoneOffset.UTC)))
        .map(rows -> {
          List<Delivery> out = new ArrayList<>();
          for (Row row : rows) {
            out.add(new Delivery(row.getLong("user_id"), frame(row.getLong("seq"), type, at, data)));
          }
          return out;
        });
  }

  /** {@link #append} for many events of one type at once; recipients.get(i) receive data.get(i). */
  public static Future<List<Delivery>> appendEach(SqlConnection conn, List<? extends Collection<Long>> recipients,
                                                  String type, List<JsonObject> data, Instant at) {
    List<Integer> ords = new ArrayList<>();
    List<Long> users = new ArrayList<>();
    java.util.Map<Long, List<Integer>> ordsOfUser = new java.util.HashMap<>();
    for (int i = 0; i < data.size(); i++) {
      for (Long u : recipients.get(i).stream().distinct().toList()) {
        ords.add(i + 1);
        users.add(u);
        ordsOfUser.computeIfAbsent(u, k -> new ArrayList<>()).add(i);
      }
    }
    if (users.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return conn.preparedQuery(APPEND_MANY).execute(Tuple.tuple()
            .addArrayOfInteger(ords.toArray(Integer[]::new)).addArrayOfLong(users.toArray(Long[]::new))
            .addString(type).addArrayOfJsonObject(data.toArray(JsonObject[]::new))
            .addOffsetDateTime(at.atOffset(ZoneOffset.UTC)))
        .map(rows -> {
          // A user's numbers were given in the order of the events: the k-th smallest seq is their k-th event.
          java.util.Map<Long, List<Long>> seqsOfUser = new java.util.HashMap<>();
          rows.forEach(r -> seqsOfUser.computeIfAbsent(r.getLong("user_id"), k -> new ArrayList<>()).add(r.getLong("seq")));
          List<Delivery> out = new ArrayList<>();
          seqsOfUser.forEach((user, seqs) -> {
            seqs.sort(null);
            List<Integer> mine = ordsOfUser.get(user);
            for (int k = 0; k < seqs.size(); k++) {
              out.add(new Delivery(user, frame(seqs.get(k), type, at, data.get(mine.get(k)))));
            }
          });
          out.sort(java.util.Comparator.comparingLong(d -> d.frame().getLong("seq")));
          return out;
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

  public static Future<List<JsonObject>> after(SqlClient client, long userId, long afterSeq, int limit) {
    return client.preparedQuery(AFTER).execute(Tuple.of(userId, afterSeq, limit)).map(rows -> {
      List<JsonObject> frames = new ArrayList<>();
      for (Row r : rows) {
        Object payload = r.getValue("payload");
        JsonObject data = payload instanceof JsonObject j ? j : new JsonObject(String.valueOf(payload));
        frames.add(frame(r.getLong("seq"), r.getString("type"), r.getOffsetDateTime("at").toInstant(), data));
      }
      return frames;
    });
  }

  public static Future<Long> lastSeq(SqlClient client, long userId) {
    return client.preparedQuery(LAST_SEQ).execute(Tuple.of(userId))
        .map(rows -> rows.size() == 0 ? 0L : rows.iterator().next().getLong("last_seq"));
  }

  public static Future<Void> createCursor(SqlClient client, long userId) {
    return client.preparedQuery(CREATE_CURSOR).execute(Tuple.of(userId)).mapEmpty();
  }

  static JsonObject frame(long seq, String type, Instant at, JsonObject data) {
    return new JsonObject().put("type", "event").put("seq", seq).put("event", type)
        .put("at", at.toString()).put("data", data);
  }

  /** A committed event for one user, ready to publish. */
  public record Delivery(long userId, JsonObject frame) {}
}
