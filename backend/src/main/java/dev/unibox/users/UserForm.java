package dev.unibox.users;

import dev.unibox.routing.AgentSkills;
import dev.unibox.web.ApiException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The editable fields of a user, read from a request body and checked before anything is touched: a
 * display name, a role, the shops they serve (or all shops), and their routing skills
 * ({@link AgentSkills}: languages, platforms, team, capacity). An edit replaces all of them.
 */
record UserForm(String displayName, String role, boolean allAccounts, List<String> accounts, AgentSkills skills) {

  static final Set<String> ROLES = Set.of("agent", "supervisor", "admin");
  static final int MAX_NAME = 80;
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{2,40}");
  private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  static UserForm parse(JsonObject body) {
    String displayName = displayName(body.getValue("displayName"));
    String role = role(body.getValue("role"));
    Object all = body.getValue("allAccounts");
    if (all != null && !(all instanceof Boolean)) {
      throw ApiException.badRequest("bad_all_accounts", "allAccounts must be true or false");
    }
    List<String> accounts = accounts(body.getValue("accounts"));
    return new UserForm(displayName, role, Boolean.TRUE.equals(all), Boolean.TRUE.equals(all) ? List.of() : accounts,
        AgentSkills.parse(body));
  }

  static String username(Object raw) {
    if (!(raw instanceof String s) || !USERNAME.matcher(s).matches()) {
      throw ApiException.badRequest("bad_username", "username must be 2-40 letters, digits, '.', '_' or '-'");
    }
    return s;
  }

  static String role(Object raw) {
    if (!(raw instanceof String r) || !ROLES.contains(r)) {
      throw ApiException.badRequest("bad_role", "role must be one of " + new TreeSet<>(ROLES));
    }
    return r;
  }

  /** Same shape as the JSON of a stored user, for the audit's before/after comparison. */
  JsonObject json() {
    return new JsonObject().put("displayName", displayName).put("role", role).put("team", skills.team())
        .put("allAccounts", allAccounts).put("accounts", new JsonArray(accounts.stream().sorted().toList()))
        .put("languages", new JsonArray(skills.languages())).put("platforms", new JsonArray(skills.platforms()))
        .put("maxConcurrent", skills.maxConcurrent());
  }

  private static String displayName(Object raw) {
    if (!(raw instanceof String s) || s.isBlank() || s.strip().length() > MAX_NAME
        || s.chars().anyMatch(Character::isISOControl)) {
      throw ApiException.badRequest("bad_display_name",
          "displayName is required (1-" + MAX_NAME + " characters, no control characters)");
    }
    return s.strip();
  }

  private static List<String> accounts(Object raw) {
    if (raw == null) {
      return List.of();
    }
    if (!(raw instanceof JsonArray arr) || arr.size() > 200) {
      throw ApiException.badRequest("bad_accounts", "accounts must be a list of shop account ids (at most 200)");
    }
    List<String> out = new ArrayList<>();
    for (Object o : arr) {
      if (!(o instanceof String s) || !ACCOUNT.matcher(s).matches()) {
        throw ApiException.badRequest("bad_accounts", "accounts has an invalid entry: " + o);
      }
      if (!out.contains(s)) {
        out.add(s);
      }
    }
    return out;
  }
}
