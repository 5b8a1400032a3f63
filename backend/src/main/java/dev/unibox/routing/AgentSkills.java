package dev.unibox.routing;

import dev.unibox.web.ApiException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What the router matches a user on: languages and platforms (empty = any), the team they work in, and
 * how many open conversations they hold at most. The one place these are read from a request and
 * written — by the supervisor's skills command and by user management alike.
 */
public record AgentSkills(List<String> languages, List<String> platforms, String team, int maxConcurrent) {

  public static final int MAX_CONCURRENT = 100;
  public static final Pattern TEAM = Pattern.compile("[A-Za-z0-9_-]{1,40}");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z]{2,4})?");
  public static final Set<String> PLATFORMS = Set.of("shopee", "lazada", "tiktok", "pinduoduo", "taobao", "tmall",
      "kuaishou", "douyin", "bridge");

  private static final String SAVE = """
      UPDATE users SET languages = $2, platforms = $3, team = $4, max_concurrent = $5 WHERE id = $1""";

  /** {languages?, platforms?, team?, maxConcurrent}: a 400 naming the field for anything else. */
  public static AgentSkills parse(JsonObject body) {
    List<String> languages = names(body, "languages", LANGUAGE);
    List<String> platforms = names(body, "platforms", TEAM);
    for (String p : platforms) {
      if (!PLATFORMS.contains(p)) {
        throw ApiException.badRequest("bad_platform", "'" + p + "' is not one of " + new TreeSet<>(PLATFORMS));
      }
    }
    Object rawTeam = body.getValue("team");
    if (rawTeam != null && !(rawTeam instanceof String s && (s.isBlank() || TEAM.matcher(s.trim()).matches()))) {
      throw ApiException.badRequest("bad_team", "team must be 1-40 letters, digits, '-' or '_', or null");
    }
    String team = rawTeam == null || ((String) rawTeam).isBlank() ? null : ((String) rawTeam).trim();
    Object rawMax = body.getValue("maxConcurrent");
    if (!(rawMax instanceof Integer max) || max < 0 || max > MAX_CONCURRENT) {
      throw ApiException.badRequest("bad_max_concurrent", "maxConcurrent must be a whole number 0.." + MAX_CONCURRENT);
    }
    return new AgentSkills(languages, platforms, team, max);
  }

  public Future<Void> save(SqlClient c, long userId) {
    return c.preparedQuery(SAVE).execute(Tuple.tuple().addLong(userId)
        .addArrayOfString(languages.toArray(String[]::new)).addArrayOfString(platforms.toArray(String[]::new))
        .addString(team).addInteger(maxConcurrent)).mapEmpty();
  }

  private static List<String> names(JsonObject body, String field, Pattern valid) {
    Object raw = body.getValue(field);
    if (raw == null) {
      return List.of();
    }
    if (!(raw instanceof JsonArray arr) || arr.size() > 20) {
      throw ApiException.badRequest("bad_" + field, field + " must be a list (at most 20)");
    }
    List<String> out = new ArrayList<>();
    for (Object o : arr) {
      if (!(o instanceof String s) || !valid.matcher(s).matches()) {
        throw ApiException.badRequest("bad_" + field, field + " has an invalid entry: " + o);
      }
      if (!out.contains(s)) {
        out.add(s);
      }
    }
    return out;
  }
}
