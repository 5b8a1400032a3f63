package dev.unibox.quality;

import dev.unibox.quality.rules.QualityDocuments;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** SQL of the quality rules: admins' edited documents, the version every edit bumps, the shops. */
final class QualityRuleStore {

  private static final Logger LOG = LoggerFactory.getLogger(QualityRuleStore.class);

  private static final String VERSION = "SELECT version FROM quality_version";
  private static final String DOCUMENTS = "SELECT scope, document, updated_by, updated_at FROM quality_documents";
  private static final String ACCOUNTS = "SELECT id, platform, shop_name, time_zone FROM accounts ORDER BY id";
  private static final String BUMP = "UPDATE quality_version SET version = version + 1 RETURNING version";
  private static final String UPSERT = """
      INSERT INTO quality_documents (scope, document, updated_by, updated_at) VALUES ($1, $2, $3, $4)
      ON CONFLICT (scope) DO UPDATE SET document = EXCLUDED.document, updated_by = EXCLUDED.updated_by,
                                        updated_at = EXCLUDED.updated_at""";
  private static final String DELETE = "DELETE FROM quality_documents WHERE scope = $1";

  /** What the database holds: its version, the edited scopes, the shops by id. */
  record Stored(long version, Map<String, QualityRules.Edited> edited, Map<String, QualityRules.Account> accounts) {}

  private QualityRuleStore() {}

  static Future<Stored> load(SqlConnection conn) {
    return conn.query(VERSION).execute().compose(v -> conn.query(DOCUMENTS).execute().compose(docs ->
        conn.query(ACCOUNTS).execute().map(accounts -> {
          Map<String, QualityRules.Edited> edited = new LinkedHashMap<>();
          for (Row r : docs) {
            try {
              edited.put(r.getString("scope"), new QualityRules.Edited(QualityDocuments.JSON.readTree(
                  String.valueOf(r.getValue("document"))), r.getLong("updated_by"),
                  r.getOffsetDateTime("updated_at").toInstant()));
            } catch (IOException e) {
              LOG.warn("Stored quality document {} is not JSON; ignored", r.getString("scope"));
            }
          }
          Map<String, QualityRules.Account> byId = new LinkedHashMap<>();
          for (Row r : accounts) {
            byId.put(r.getString("id"), new QualityRules.Account(r.getString("id"), r.getString("platform"),
                r.getString("shop_name"), r.getString("time_zone")));
          }
          return new Stored(v.iterator().next().getLong("version"), Map.copyOf(edited), Map.copyOf(byId));
        })));
  }

  /** Whether the version or the list of shops differs from what was loaded. */
  static Future<Boolean> changedSince(SqlClient c, long version, List<String> accountIds) {
    return c.query(VERSION).execute().compose(rows -> c.query(ACCOUNTS).execute().map(accounts -> {
      List<String> ids = new ArrayList<>();
      accounts.forEach(r -> ids.add(r.getString("id")));
      return rows.iterator().next().getLong("version") != version || !ids.equals(accountIds);
    }));
  }

  static Future<Void> save(Pool pool, String scope, JsonObject document, long userId, Instant at) {
    return pool.withTransaction(conn -> conn.query(BUMP).execute()
        .compose(v -> conn.preparedQuery(UPSERT).execute(Tuple.of(scope, document, userId, at.atOffset(ZoneOffset.UTC)))))
        .mapEmpty();
  }

  static Future<Void> reset(Pool pool, String scope) {
    return pool.withTransaction(conn -> conn.query(BUMP).execute()
        .compose(v -> conn.preparedQuery(DELETE).execute(Tuple.of(scope))))
        .mapEmpty();
  }
}
