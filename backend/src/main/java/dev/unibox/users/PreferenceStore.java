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

  private static final String GET =
      "SELECT language, time_zone, notify_sound, notify_desktop FROM user_preferences WHERE user_id = $1";
  private static final String UPSERT = """
      INSERT INTO user_preferences (user_id, language, time_zone, updated_at, notify_sound, notify_desktop)
      VALUES ($1, $2, $3, $4, COALESCE($8, false), COALESCE($9, false))
      ON CONFLICT (user_id) DO UPDATE SET
        language  = CASE WHEN $5 THEN EXCLUDED.language ELSE user_preferences.language END,
        time_zone = CASE WHEN $6 THEN EXCLUDED.time_zone ELSE user_preferences.time_zone END,
        notify_sound = CASE WHEN $7 THEN EXCLUDED.notify_sound ELSE user_preferences.notify_sound END,
        notify_desktop = CASE WHEN $7 THEN EXCLUDED.notify_desktop ELSE user_preferences.notify_desktop END,
        updated_at = EXCLUDED.updated_at
      RETURNING language, time_zone, notify_sound, notify_desktop""";

  private PreferenceStore() {}

  static Future<JsonObject> get(Pool pool, long userId) {
    return pool.preparedQuery(GET).execute(Tuple.of(userId))
        .map(rows -> rows.size() == 0 ? json(null, null, false, false) : json(rows.iterator().next()));
  }

  /**
   * Saves the fields that were given ({@code setLanguage}/{@code setZone}; the alerts when {@code alerts} is
   * not null: {@code [sound, desktop]}); null clears a field.
   */
  static Future<JsonObject> save(Pool pool, long userId, boolean setLanguage, String language, boolean setZone,
                                 String zone, boolean[] alerts, Instant now) {
    return pool.preparedQuery(UPSERT)
        .execute(Tuple.from(new Object[] {userId, language, zone, now.atOffset(ZoneOffset.UTC), setLanguage, setZone,
            alerts != null, alerts == null ? null : alerts[0], alerts == null ? null : alerts[1]}))
        .map(rows -> json(rows.iterator().next()));
  }

  private static JsonObject json(Row row) {
    return json(row.getString("language"), row.getString("time_zone"), row.getBoolean("notify_sound"),
        row.getBoolean("notify_desktop"));
  }

  private static JsonObject json(String language, String zone, boolean sound, boolean desktop) {
    return new JsonObject().put("language", language).put("timeZone", zone)
        .put("notifications", new JsonObject().put("sound", sound).put("desktop", desktop));
  }
}
