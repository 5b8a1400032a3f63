package dev.unibox.quality;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unibox.auth.CurrentUser;
import dev.unibox.conversations.ConversationStore;
import dev.unibox.quality.rules.QualityDocuments;
import dev.unibox.web.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Canned responses: a shortcut ("/refund"), a title, a text per language with variables ({buyerName},
 * {orderNumber}, {shopName}, {trackingLink}), shared by the whole team (optionally labelled with a team
 * such as after_sale) or by one shop. Supervisors and admins manage them; the composer lists the ones of
 * a conversation's shop with the variables filled from the conversation. An inserted text is an ordinary
 * reply: it goes through the compliance check.
 */
public record QuickReplies(Vertx vertx, Pool pool, QualityRules rules, Clock clock) {

  private static final Logger LOG = LoggerFactory.getLogger(QuickReplies.class);

  /**
   * Loads {@code quick-replies.yaml} into the database: each shipped entry once (by its seed key), so an
   * admin's change or deletion is never undone by a restart.
   */
  public Future<Void> seed(Path file, Set<String> accounts) {
    if (!Files.isRegularFile(file)) {
      return Future.succeededFuture();
    }
    return vertx.executeBlocking(() -> QualityDocuments.readYaml(file), false).compose(doc -> {
      JsonNode list = doc.get("quickReplies");
      Future<Void> chain = Future.succeededFuture();
      if (list == null || !list.isArray()) {
        return chain;
      }
      Instant now = clock.instant();
      for (JsonNode q : list) {
        JsonObject body = new JsonObject(q.toString());
        List<String> problems = QuickReplyChecks.problems(body);
        if (!problems.isEmpty()) {
          LOG.warn("{}: quick reply {} skipped: {}", file, q.path("shortcut").asText("?"), problems);
          continue;
        }
        String account = body.getString("accountId");
        if (account != null && !accounts.contains(account)) {
          continue;
        }
        String seedKey = "file:" + (account == null ? "" : account) + "/" + body.getString("shortcut");
        chain = chain.compose(v -> QuickReplyStore.insert(pool, QuickReplyChecks.entry(body, seedKey, null), now)
            .mapEmpty());
      }
      return chain;
    });
  }

  Future<JsonArray> visible(CurrentUser user, String account) {
    return QuickReplyStore.visible(pool, user, account);
  }

  /** A supervisor's or admin's new quick reply (the caller checked the role). */
  Future<JsonObject> create(CurrentUser user, JsonObject body) {
    QuickReplyChecks.requireWritable(body, user, rules.accounts().keySet());
    return QuickReplyStore.insert(pool, QuickReplyChecks.entry(body, null, user.id()), clock.instant())
        .compose(id -> id == null ? Future.failedFuture(QuickReplyChecks.taken(body)) : QuickReplyStore.one(pool, id));
  }

  Future<JsonObject> update(CurrentUser user, long id, JsonObject body) {
    QuickReplyChecks.requireWritable(body, user, rules.accounts().keySet());
    return QuickReplyStore.one(pool, id).compose(existing -> {
      QuickReplyChecks.requireManager(user, existing);
      return QuickReplyStore.update(pool, id, QuickReplyChecks.entry(body, null, null), clock.instant());
    }).compose(updated -> updated ? QuickReplyStore.one(pool, id) : Future.failedFuture(QuickReplyChecks.taken(body)));
  }

  Future<Void> delete(CurrentUser user, long id) {
    return QuickReplyStore.one(pool, id).compose(existing -> {
      QuickReplyChecks.requireManager(user, existing);
      return QuickReplyStore.delete(pool, id, clock.instant());
    });
  }

  /** The composer's list: the shop's and the team's quick replies matching the query, rendered for the conversation. */
  Future<JsonArray> forConversation(CurrentUser user, long id, String query) {
    return ConversationStore.summary(pool, id).compose(summary -> {
      if (summary == null) {
        return Future.failedFuture(ApiException.notFound("Conversation"));
      }
      if (!ConversationStore.mayView(user, summary)) {
        return Future.failedFuture(ApiException.forbidden("This conversation is not yours"));
      }
      return QuickReplyStore.conversationFacts(pool, id);
    }).compose(facts -> QuickReplyStore.forShop(pool, facts.accountId(), query)
        .map(list -> QuickReplyRendering.render(rules.forShop(facts.platform(), facts.accountId()), facts, list)));
  }
}
