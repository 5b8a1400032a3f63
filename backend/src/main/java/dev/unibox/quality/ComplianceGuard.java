package dev.unibox.quality;

import dev.unibox.auth.CurrentUser;
import dev.unibox.conversations.Activities;
import dev.unibox.conversations.ConversationLocks;
import dev.unibox.outbox.ReplyGuard;
import dev.unibox.quality.rules.Finding;
import dev.unibox.quality.rules.Inspection;
import dev.unibox.quality.rules.RuleSet;
import dev.unibox.web.ApiException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The compliance check on every outgoing reply, inside the reply's transaction: absolute terms,
 * confrontational and platform-banned phrases, and the same canned text repeated to one buyer. Per the
 * shop's policy a finding warns (sent, recorded as flagged) or blocks (refused with 422; where the policy
 * allows, an override with a reason sends it and is recorded on the timeline and in the inspection report).
 */
public record ComplianceGuard(QualityRules rules, Clock clock) implements ReplyGuard {

  static final String OVERRIDE_ACTIVITY = "quality_override";
  static final int MAX_REASON = 500;

  private static final String CONVERSATION = """
      SELECT a.platform, c.account_id, c.buyer_id FROM conversations c JOIN accounts a ON a.id = c.account_id
      WHERE c.id = $1""";

  /** What agents (not auto-replies) already sent this buyer, newest first. */
  private static final String RECENT_TO_BUYER = """
      SELECT m.body FROM messages m JOIN conversations c ON c.id = m.conversation_id
      WHERE c.buyer_id = $1 AND m.direction = 'out' AND m.message_type <> 'autoreply' AND m.at > $2
      ORDER BY m.at DESC LIMIT 50""";

  private static final String RECORD = """
      INSERT INTO reply_inspections (message_id, conversation_id, account_id, agent_id, outcome, findings,
                                     override_reason, at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""";

  @Override
  public Future<Recorder> inspect(SqlConnection conn, CurrentUser user, ConversationLocks.Locked conversation,
                                  String text, JsonObject options) {
    String reason;
    try {
      reason = overrideReason(options);
    } catch (ApiException e) {
      return Future.failedFuture(e);
    }
    return inspect(conn, conversation.id(), text).compose(inspection -> {
      if (!inspection.flagged()) {
        return Future.succeededFuture(Recorder.NOTHING);
      }
      if (inspection.blocked()) {
        if (!inspection.overridable()) {
          return Future.failedFuture(new ApiException(422, "reply_blocked", "Not sent: " + describe(inspection.blocking())
              + " " + (inspection.blocking().size() == 1 ? "is" : "are") + " not allowed in this shop, even with a reason."
              + " Change the wording."));
        }
        if (reason == null) {
          return Future.failedFuture(new ApiException(422, "reply_blocked", "Not sent: " + describe(inspection.blocking())
              + " " + (inspection.blocking().size() == 1 ? "is" : "are") + " blocked by this shop's policy."
              + " Change the wording, or send it anyway with a reason (override)."));
        }
      }
      boolean overridden = inspection.blocked();
      return Future.succeededFuture((Recorder) (c, messageId, now) -> record(c, user, conversation, inspection,
          overridden ? reason : null, messageId, now));
    });
  }

  /** Inspects a text for a conversation (also used by the composer's check while the agent types). */
  Future<Inspection> inspect(SqlClient client, long conversationId, String text) {
    return client.preparedQuery(CONVERSATION).execute(Tuple.of(conversationId)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.failedFuture(ApiException.notFound("Conversation"));
      }
      var row = rows.iterator().next();
      RuleSet set = rules.forShop(row.getString("platform"), row.getString("account_id"));
      Instant since = clock.instant().minus(Duration.ofHours(set.repeatWindowHours()));
      return client.preparedQuery(RECENT_TO_BUYER).execute(Tuple.of(row.getLong("buyer_id"), since.atOffset(ZoneOffset.UTC)))
          .map(recent -> {
            List<String> bodies = new ArrayList<>();
            recent.forEach(r -> bodies.add(r.getString("body")));
            return set.inspect(text, bodies);
          });
    });
  }

  private Future<Void> record(SqlConnection c, CurrentUser user, ConversationLocks.Locked conversation,
                              Inspection inspection, String reason, long messageId, Instant now) {
    Future<Void> saved = c.preparedQuery(RECORD).execute(Tuple.from(new Object[] {messageId, conversation.id(),
        conversation.accountId(), user.id(), reason == null ? "flagged" : "overridden", findingsJson(inspection),
        reason, now.atOffset(ZoneOffset.UTC)})).mapEmpty();
    if (reason == null) {
      return saved;
    }
    return saved.compose(v -> Activities.record(c, conversation.id(), OVERRIDE_ACTIVITY, user.id(), null,
        user.displayName() + " sent a reply despite the compliance check (" + describe(inspection.blocking())
            + "). Reason: " + reason, now));
  }

  /** null when there is no override; a 400 for an override without a usable reason. */
  static String overrideReason(JsonObject options) {
    if (options == null || !options.containsKey("override") || options.getValue("override") == null) {
      return null;
    }
    if (!(options.getValue("override") instanceof JsonObject o) || !(o.getValue("reason") instanceof String r)
        || r.isBlank()) {
      throw ApiException.badRequest("bad_override", "An override needs a reason: {\"override\": {\"reason\": \"…\"}}");
    }
    if (r.strip().length() > MAX_REASON) {
      throw ApiException.badRequest("bad_override", "The override reason is longer than " + MAX_REASON + " characters");
    }
    return r.strip();
  }

  static String describe(List<Finding> findings) {
    return findings.stream().map(f -> f.term().isEmpty() ? f.label() : "\"" + f.matched() + "\" (" + f.label() + ")")
        .distinct().collect(Collectors.joining(", "));
  }

  static JsonArray findingsJson(Inspection inspection) {
    JsonArray out = new JsonArray();
    inspection.findings().forEach(f -> out.add(findingJson(f)));
    return out;
  }

  static JsonObject findingJson(Finding f) {
    return new JsonObject().put("rule", f.rule()).put("group", f.group()).put("label", f.label()).put("term", f.term())
        .put("language", f.language()).put("start", f.start()).put("end", f.end()).put("matched", f.matched())
        .put("action", f.action().wire()).put("overridable", f.overridable()).put("fix", f.fix()).put("hint", f.hint());
  }

  static JsonObject verdictJson(Inspection inspection) {
    String verdict = inspection.blocked() ? "block" : inspection.flagged() ? "warn" : "clean";
    return new JsonObject().put("verdict", verdict).put("blocked", inspection.blocked())
        .put("overridable", inspection.overridable()).put("findings", findingsJson(inspection));
  }
}
