package dev.unibox.users;

import dev.unibox.auth.AuthRoutes;
import dev.unibox.web.ApiException;
import dev.unibox.web.Responses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Set;

/** GET/PUT /api/me/preferences: the signed-in user's UI language, time zone and opt-in alerts. */
public record PreferenceRoutes(Pool pool, Clock clock) {

  static final Set<String> LANGUAGES = Set.of("en", "zh-CN");

  public void mount(Router router) {
    router.get("/api/me/preferences").handler(this::get);
    router.put("/api/me/preferences").handler(this::put);
  }

  private void get(RoutingContext ctx) {
    Responses.reply(ctx, 200, PreferenceStore.get(pool, AuthRoutes.user(ctx).id()));
  }

  private void put(RoutingContext ctx) {
    JsonObject body = Responses.body(ctx);
    boolean setLanguage = body.containsKey("language");
    boolean setZone = body.containsKey("timeZone");
    boolean[] alerts = alerts(body);
    if (!setLanguage && !setZone && alerts == null) {
      throw ApiException.badRequest("bad_request", "Give language, timeZone and/or notifications");
    }
    String language = text(body, "language");
    if (language != null && !LANGUAGES.contains(language)) {
      throw ApiException.badRequest("bad_language", "language must be one of " + LANGUAGES);
    }
    String zone = text(body, "timeZone");
    if (zone != null) {
      validZone(zone);
    }
    Responses.reply(ctx, 200,
        PreferenceStore.save(pool, AuthRoutes.user(ctx).id(), setLanguage, language, setZone, zone, alerts, clock.instant()));
  }

  /** {@code notifications: {sound, desktop}}, both booleans; null when not given. */
  private static boolean[] alerts(JsonObject body) {
    if (!body.containsKey("notifications")) {
      return null;
    }
    if (body.getValue("notifications") instanceof JsonObject n && n.getValue("sound") instanceof Boolean sound
        && n.getValue("desktop") instanceof Boolean desktop) {
      return new boolean[] {sound, desktop};
    }
    throw ApiException.badRequest("bad_notifications", "notifications must be {sound: boolean, desktop: boolean}");
  }

  private static String text(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s) || s.length() > 64) {
      throw ApiException.badRequest("bad_" + field, field + " must be a short string or null");
    }
    return s;
  }

  private static void validZone(String zone) {
    try {
      ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw ApiException.badRequest("bad_zone", "timeZone must be an IANA zone such as Asia/Shanghai");
    }
  }
}
