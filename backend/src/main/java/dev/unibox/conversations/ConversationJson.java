package dev.unibox.conversations;

import dev.unibox.domain.Priority;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;

/** Row to JSON for the shapes documented in docs/api.md. */
public final class ConversationJson {

  /** message_type of automatic replies (greeting, off-hours, surge): text, but never a human response. */
  public static final String AUTO_REPLY = "autoreply";

  private ConversationJson() {}

  public static JsonObject summary(Row r) {
    Long assigneeId = r.getLong("assignee_id");
    String lastText = r.getString("last_message_text");
    return new JsonObject()
        .put("id", r.getLong("id"))
        .put("accountId", r.getString("account_id"))
        .put("platform", r.getString("platform"))
        .put("shopName", r.getString("shop_name"))
        .put("buyer", new JsonObject().put("id", r.getString("platform_buyer_id")).put("name", r.getString("buyer_name")))
        .put("language", r.getString("language"))
        .put("priority", Priority.ofLevel(r.getShort("priority")).wire())
        .put("category", r.getString("category"))
        .put("status", r.getString("status"))
        .put("assignee", assigneeId == null ? null
            : new JsonObject().put("id", assigneeId).put("displayName", r.getString("assignee_name"))
                .put("team", r.getColumnIndex("assignee_team") < 0 ? null : r.getString("assignee_team")))
        .put("lastMessage", lastText == null ? null : new JsonObject()
            .put("text", lastText)
            .put("at", iso(r.getOffsetDateTime("last_message_at")))
            .put("direction", r.getString("last_message_direction")))
        .put("waitingSince", iso(r.getOffsetDateTime("waiting_since")))
        .put("createdAt", iso(r.getOffsetDateTime("created_at")))
        .put("updatedAt", iso(r.getOffsetDateTime("updated_at")))
        .put("queuedAt", iso(r.getOffsetDateTime("queued_at")))
        .put("team", r.getString("team"))
        .put("priorityManual", r.getBoolean("priority_manual"))
        .put("sla", new JsonObject()
            .put("state", r.getString("sla_state"))
            .put("dueAt", iso(r.getOffsetDateTime("sla_due_at")))
            .put("platformRule", r.getString("platform_rule"))
            .put("platformDueAt", iso(r.getOffsetDateTime("platform_due_at"))));
  }

  static JsonObject timelineEntry(Row r) {
    String kind = r.getString("kind");
    JsonObject entry = new JsonObject().put("kind", kind).put("id", r.getLong("id"))
        .put("text", r.getString("body")).put("at", iso(r.getOffsetDateTime("at")));
    if ("message".equals(kind)) {
      entry.put("direction", r.getString("direction")).put("status", r.getString("status"))
          .put("author", r.getString("author_name")).put("error", r.getString("error"));
      if (AUTO_REPLY.equals(r.getString("message_type"))) {
        entry.put("automatic", true);
      }
    } else {
      entry.put("type", r.getString("type"));
      if (r.getString("author_name") != null) {
        entry.put("author", r.getString("author_name"));
      }
    }
    return entry;
  }

  public static JsonObject message(long id, String direction, String text, String status, String author,
                                   String error, java.time.Instant at) {
    return new JsonObject().put("kind", "message").put("id", id).put("direction", direction).put("text", text)
        .put("at", at.toString()).put("status", status).put("author", author).put("error", error);
  }

  static String iso(OffsetDateTime t) {
    return t == null ? null : t.toInstant().toString();
  }
}
