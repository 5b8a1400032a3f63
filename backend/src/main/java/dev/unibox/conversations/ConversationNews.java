package dev.unibox.conversations;

import dev.unibox.events.Change;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An event about a conversation carries its summary as this change leaves it, for everyone who hears about it. */
public final class ConversationNews {

  private ConversationNews() {}

  /**
   * Queues {@code type} with {@code data} plus {@code conversation}: the summary read inside the change.
   *
   * @param assigneeId whose the conversation was when it changed (the new or the former owner hears too)
   * @return the summary
   */
  public static Future<JsonObject> announce(Change change, long conversationId, String accountId, Long assigneeId,
                                            String type, JsonObject data) {
    return ConversationStore.summary(change.conn(), conversationId).compose(summary ->
        change.tellAbout(accountId, assigneeId, type, data.copy().put("conversation", summary)).map(summary));
  }

  /** The same, heard by whoever is told about the conversation as this change leaves it (its current owner). */
  public static Future<JsonObject> announce(Change change, long conversationId, String type, JsonObject data) {
    return ConversationStore.summary(change.conn(), conversationId).compose(summary ->
        change.tellAbout(summary.getString("accountId"), assigneeOf(summary), type,
            data.copy().put("conversation", summary)).map(summary));
  }

  /** An event without the summary (a message's delivery status), for whoever is told about the conversation now. */
  public static Future<Void> tell(Change change, long conversationId, String type, JsonObject data) {
    return ConversationStore.summary(change.conn(), conversationId).compose(summary ->
        change.tellAbout(summary.getString("accountId"), assigneeOf(summary), type, data));
  }

  /** A conversation that changed, its shop, and one more user to tell (its agent; or null). */
  public record Changed(long id, String accountId, Long alsoTell) {}

  /**
   * One {@code type} event per conversation, many at once (a sweep): each with its summary, to its shop's
   * staff and its {@code alsoTell}. The summaries and each shop's staff are read in one pipelined round trip.
   */
  public static Future<Void> announceEach(Change change, List<Changed> changed, String type) {
    if (changed.isEmpty()) {
      return Future.succeededFuture();
    }
    Future<Map<Long, JsonObject>> summaries =
        ConversationStore.summaries(change.conn(), changed.stream().map(Changed::id).toList());
    List<Future<?>> all = new ArrayList<>(List.of(summaries));
    changed.forEach(c -> all.add(change.audience(c.accountId(), null)));
    return Future.all(all).map(x -> {
      for (Changed c : changed) {
        List<Long> to = new ArrayList<>(change.audience(c.accountId(), null).result());
        if (c.alsoTell() != null) {
          to.add(c.alsoTell());
        }
        change.tell(to, type, new JsonObject().put("conversation", summaries.result().get(c.id())));
      }
      return null;
    });
  }

  private static Long assigneeOf(JsonObject summary) {
    JsonObject a = summary.getJsonObject("assignee");
    return a == null ? null : a.getLong("id");
  }
}
