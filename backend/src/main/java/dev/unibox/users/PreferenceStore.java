package dev.unibox.users;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;

/** The user_preferences table: one row per user, absent until the first choice. */
final class PreferenceStore {

  private static final String GET = "SELECT language, time_zone FROM user_preferences WHERE user_id = $1";
  private static final String UPSERT = """
      INSERT INTO user_preferences (user_id, language, time_zone, updated_at) VALUES ($1, $2, $3, $4)
      ON CONFLICT (user_id) DO UPDATE SET
        language  = CASE WHEN $5 THEN EXCLUDED.language ELSE user_preferences.language END,
        time_zone = CASE WHEN $6 THEN EXCLUDED.time_zone ELSE user_preferences.time_zone END,
        updated_at = EXCLUDED.updated_at
      RETURNING language, time_zone""";

  private PreferenceStore() {}

  static Future<JsonObject> get(Pool pool, long userId) {
    return pool.preparedQuery(GET).execute(Tuple.of(userId))
        .map(rows -> rows.size() == 0 ? json(null, null) : json(rows.iterator().next()));
  }

  /** Saves the fields that were given ({@code setLanguage}/{@code setZone}); null clears a field. */
  static Future<JsonObject> save(Pool pool, long userId, boolean setLanguage, String language, boolean setZone,
                                 String zone, Instant now) {
    return pool.preparedQuery(UPSERT)
        .execute(Tuple.from(new Object[] {userId, language, zone, now.atOffset(ZoneOffset.UTC), setLanguage, setZone}))
        .map(rows -> json(rows.iterator().next()));
  }

  private static JsonObject json(Row row) {
    return json(row.getString("language"), row.getString("time_zone"));
  }

  private static JsonObject json(String language, String zone) {
    return new JsonObject().put("language", language).put("timeZone", zone);
  }
}
