package dev.unibox.users;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.util.List;

/** A user as user management shows and edits them (never the password hash). */
record UserRow(long id, String username, String displayName, String role, String team, boolean allAccounts,
               List<String> accounts, List<String> languages, List<String> platforms, int maxConcurrent,
               int activeCount, boolean disabled, String presence, List<String> ledTeams,
               boolean mustChangePassword) {

  static UserRow of(Row r) {
    return new UserRow(r.getLong("id"), r.getString("username"), r.getString("display_name"), r.getString("role"),
        r.getString("team"), r.getBoolean("all_accounts"), List.of(r.getArrayOfStrings("account_ids")),
        List.of(r.getArrayOfStrings("languages")), List.of(r.getArrayOfStrings("platforms")),
        r.getInteger("max_concurrent"), r.getInteger("active_count"), r.getBoolean("disabled"),
        r.getString("presence"), List.of(r.getArrayOfStrings("led_teams")), r.getBoolean("password_temporary"));
  }

  /** The fields a form edits, in {@link UserForm#json()}'s shape. */
  JsonObject editable() {
    return new JsonObject().put("displayName", displayName).put("role", role).put("team", team)
        .put("allAccounts", allAccounts).put("accounts", new JsonArray(accounts))
        .put("languages", new JsonArray(languages)).put("platforms", new JsonArray(platforms))
        .put("maxConcurrent", maxConcurrent);
  }

  JsonObject json() {
    return editable().put("id", id).put("username", username).put("activeCount", activeCount)
        .put("disabled", disabled).put("presence", presence).put("online", "online".equals(presence))
        .put("ledTeams", new JsonArray(ledTeams)).put("mustChangePassword", mustChangePassword);
  }
}
