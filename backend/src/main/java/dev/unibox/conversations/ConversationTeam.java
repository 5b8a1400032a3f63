package dev.unibox.conversations;

import io.vertx.core.json.JsonObject;

/**
 * The team a conversation belongs to, for supervisor scope (docs/security.md, "Supervisor scope"): the
 * team of the agent it is assigned to, when that agent is in a team; otherwise the team whose queue it
 * waits in ({@code conversations.team}, set by routing rules or a supervisor); otherwise none — a
 * conversation no team owns is shared by every supervisor of its shop. In SQL, with {@code u} the
 * assignee: {@code COALESCE(u.team, c.team)}.
 */
public final class ConversationTeam {

  private ConversationTeam() {
  }

  /** From a summary ({@link ConversationJson#summary}): assignee.team, else team. */
  public static String of(JsonObject summary) {
    JsonObject assignee = summary.getJsonObject("assignee");
    String agentTeam = assignee == null ? null : assignee.getString("team");
    return agentTeam != null ? agentTeam : summary.getString("team");
  }
}
