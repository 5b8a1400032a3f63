package dev.unibox.classification;

import dev.unibox.auth.ShopScope;
import dev.unibox.domain.Category;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL of the classifier: models and corrections (migration V10). Ingest sets the "check urgency" flag with the
 * conversation's other state (IngestStore).
 */
final class ClassificationStore {

  private static final String LOCK_CONVERSATION = """
      SELECT c.id, c.status, c.priority, c.category, c.waiting_since, c.sla_state, c.account_id, c.language,
             c.check_urgency, c.urgency_confidence, a.platform,
             (SELECT m.body FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'in'
              ORDER BY m.at DESC, m.id DESC LIMIT 1) AS buyer_text
      FROM conversations c JOIN accounts a ON a.id = c.account_id WHERE c.id = $1 FOR UPDATE OF c""";
  private static final String CORRECT = """
      UPDATE conversations SET priority = $2, priority_manual = true, category = $3, check_urgency = false,
                               sla_due_at = $4, sla_warn_at = $5, sla_state = $6, updated_at = $7
      WHERE id = $1""";
  private static final String INSERT_CORRECTION = """
      INSERT INTO classification_corrections (conversation_id, account_id, text, language, was_urgent, was_category,
                                              urgent, category, corrected_by, corrected_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""";
  private static final String STATE = """
      SELECT c.id, c.account_id, c.priority, c.category, c.check_urgency, c.urgency_confidence,
             (SELECT count(*) FROM classification_corrections k WHERE k.conversation_id = c.id) AS corrections
      FROM conversations c WHERE c.id = $1""";
  private static final String CORRECTIONS_FOR_TRAINING = """
      SELECT language, urgent, category, text FROM classification_corrections ORDER BY id""";
  private static final String CORRECTION_COUNTS = """
      SELECT count(*) AS total,
             count(*) FILTER (WHERE urgent <> was_urgent) AS urgency,
             count(*) FILTER (WHERE urgent AND NOT was_urgent) AS missed_urgent,
             count(*) FILTER (WHERE was_urgent AND NOT urgent) AS falsely_urgent,
             count(*) FILTER (WHERE category <> was_category) AS category
      FROM classification_corrections
      WHERE corrected_at >= $1 AND corrected_at <= $2 AND ($3 OR account_id = ANY($4))""";
  private static final String INSERT_MODEL = """
      INSERT INTO classifier_models (created_at, created_by, trained_on, corrections, test_scores, model, active)
      VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING version""";
  private static final String ACTIVE_MODEL = """
      SELECT version, model FROM classifier_models WHERE active""";
  private static final String MODEL = """
      SELECT version, model FROM classifier_models WHERE version = $1""";
  private static final String LIST_MODELS = """
      SELECT m.version, m.created_at, m.trained_on, m.corrections, m.test_scores, m.active, u.display_name
      FROM classifier_models m LEFT JOIN users u ON u.id = m.created_by ORDER BY m.version DESC""";
  private static final String DEACTIVATE = "UPDATE classifier_models SET active = false WHERE active";
  private static final String ACTIVATE = "UPDATE classifier_models SET active = true WHERE version = $1";

  private ClassificationStore() {}

  static Future<Row> lockConversation(SqlConnection c, long id) {
    return c.preparedQuery(LOCK_CONVERSATION).execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next());
  }

  static Future<Void> correct(SqlConnection c, long id, int priority, Category category, Instant due, Instant warn,
                              String slaState, Instant now) {
    return c.preparedQuery(CORRECT).execute(Tuple.from(new Object[] {id, (short) priority, category.wire(),
        utc(due), utc(warn), slaState, utc(now)})).mapEmpty();
  }

  static Future<Void> insertCorrection(SqlConnection c, Row conversation, String text, boolean urgent,
                                       Category category, long userId, Instant now) {
    return c.preparedQuery(INSERT_CORRECTION).execute(Tuple.from(new Object[] {conversation.getLong("id"),
        conversation.getString("account_id"), text, conversation.getString("language"),
        conversation.getShort("priority") >= 1, conversation.getString("category"), urgent, category.wire(), userId,
        utc(now)})).mapEmpty();
  }

  static Future<JsonObject> state(SqlClient c, long id) {
    return c.preparedQuery(STATE).execute(Tuple.of(id)).map(rows -> {
      if (rows.size() == 0) {
        return null;
      }
      Row r = rows.iterator().next();
      Float confidence = r.getFloat("urgency_confidence");
      return new JsonObject().put("conversationId", r.getLong("id")).put("accountId", r.getString("account_id"))
          .put("urgent", r.getShort("priority") >= 1).put("category", r.getString("category"))
          .put("checkUrgency", r.getBoolean("check_urgency"))
          .put("confidence", confidence == null ? null : confidence.doubleValue())
          .put("corrections", r.getLong("corrections"));
    });
  }

  static Future<List<LabelledMessage>> correctionsForTraining(SqlClient c) {
    return c.query(CORRECTIONS_FOR_TRAINING).execute().map(rows -> {
      List<LabelledMessage> out = new ArrayList<>();
      for (Row r : rows) {
        out.add(new LabelledMessage(r.getString("language"), r.getBoolean("urgent"),
            Category.ofWire(r.getString("category")), "correction", r.getString("text")));
      }
      return out;
    });
  }

  static Future<JsonObject> correctionCounts(SqlClient c, Instant from, Instant to, ShopScope shops) {
    return c.preparedQuery(CORRECTION_COUNTS).execute(shops.addTo(Tuple.of(utc(from), utc(to))))
        .map(rows -> {
          Row r = rows.iterator().next();
          return new JsonObject().put("total", r.getLong("total")).put("urgency", r.getLong("urgency"))
              .put("missedUrgent", r.getLong("missed_urgent")).put("falselyUrgent", r.getLong("falsely_urgent"))
              .put("category", r.getLong("category"));
        });
  }

  static Future<Long> insertModel(SqlConnection c, Long userId, int trainedOn, int corrections, JsonObject scores,
                                  byte[] model, boolean active, Instant now) {
    return c.preparedQuery(INSERT_MODEL).execute(Tuple.from(new Object[] {utc(now), userId, trainedOn, corrections,
        scores, Buffer.buffer(model), active})).map(rows -> rows.iterator().next().getLong("version"));
  }

  record StoredModel(long version, byte[] bytes) {}

  static Future<StoredModel> activeModel(SqlClient c) {
    return c.query(ACTIVE_MODEL).execute().map(ClassificationStore::firstModel);
  }

  static Future<StoredModel> model(SqlClient c, long version) {
    return c.preparedQuery(MODEL).execute(Tuple.of(version)).map(ClassificationStore::firstModel);
  }

  private static StoredModel firstModel(io.vertx.sqlclient.RowSet<Row> rows) {
    if (rows.size() == 0) {
      return null;
    }
    Row r = rows.iterator().next();
    return new StoredModel(r.getLong("version"), r.getBuffer("model").getBytes());
  }

  static Future<List<JsonObject>> models(SqlClient c) {
    return c.query(LIST_MODELS).execute().map(rows -> {
      List<JsonObject> out = new ArrayList<>();
      for (Row r : rows) {
        out.add(new JsonObject().put("version", r.getLong("version"))
            .put("createdAt", r.getOffsetDateTime("created_at").toInstant().toString())
            .put("createdBy", r.getString("display_name")).put("trainedOn", r.getInteger("trained_on"))
            .put("corrections", r.getInteger("corrections")).put("active", r.getBoolean("active"))
            .put("testScores", r.getJsonObject("test_scores")));
      }
      return out;
    });
  }

  static Future<Void> deactivateAll(SqlConnection c) {
    return c.query(DEACTIVATE).execute().mapEmpty();
  }

  static Future<Void> activate(SqlConnection c, long version) {
    return deactivateAll(c).compose(v -> c.preparedQuery(ACTIVATE).execute(Tuple.of(version))).mapEmpty();
  }

  private static OffsetDateTime utc(Instant t) {
    return t == null ? null : t.atOffset(ZoneOffset.UTC);
  }
}
