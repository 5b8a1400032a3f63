package dev.unibox.quality;

import dev.unibox.auth.AuthRoutes;
import dev.unibox.auth.CurrentUser;
import dev.unibox.conversations.ConversationStore;
import dev.unibox.web.ApiException;
import dev.unibox.web.Responses;
import dev.unibox.web.QueryParams;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The composer's live check, the daily inspection report, and the admins' editing of the rule documents.
 */
public record ComplianceRoutes(Pool pool, QualityRules rules, ComplianceGuard guard, Clock clock) {

  static final int MAX_CHECK_TEXT = 5000;

  private static final String REPORT = """
      SELECT i.message_id, i.conversation_id, i.account_id, i.agent_id, u.display_name, i.outcome, i.findings,
             i.override_reason, i.at, m.body, m.status
      FROM reply_inspections i
      JOIN users u ON u.id = i.agent_id
      JOIN messages m ON m.id = i.message_id
      WHERE i.at >= $1 AND i.at < $2
        AND ($3 OR i.account_id = ANY($4))
        AND ($5::text IS NULL OR i.account_id = $5)
        AND ($6::bigint IS NULL OR i.agent_id = $6)
      ORDER BY u.display_name, i.agent_id, i.at""";

  public void mount(Router router) {
    router.post("/api/conversations/:id/replies/check").handler(this::check);
    router.get("/api/quality/inspections").handler(this::report);
    router.get("/api/quality/rules").handler(this::scopes);
    router.get("/api/quality/rules/:scope").handler(this::document);
    router.put("/api/quality/rules/:scope").handler(this::save);
    router.delete("/api/quality/rules/:scope").handler(this::reset);
  }

  private void check(RoutingContext ctx) {
    JsonObject body = Responses.body(ctx);
    if (!(body.getValue("text") instanceof String text)) {
      throw ApiException.badRequest("bad_request", "text is required");
    }
    if (text.length() > MAX_CHECK_TEXT) {
      throw ApiException.badRequest("text_too_long", "At most " + MAX_CHECK_TEXT + " characters can be checked");
    }
    long id = Responses.pathId(ctx, "id");
    CurrentUser user = AuthRoutes.user(ctx);
    Responses.reply(ctx, 200, ConversationStore.summary(pool, id)
        .compose(summary -> {
          if (summary == null) {
            return Future.failedFuture(ApiException.notFound("Conversation"));
          }
          if (!ConversationStore.mayView(user, summary)) {
            return Future.failedFuture(ApiException.forbidden("This conversation is not yours"));
          }
          return guard.inspect(pool, id, text);
        })
        .map(ComplianceGuard::verdictJson));
  }

  /** Flagged and overridden replies of one day, per agent (agents see only their own). */
  private void report(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    ZoneId zone = QueryParams.zone(ctx);
    LocalDate date = QueryParams.date(ctx, "date", LocalDate.now(clock.withZone(zone)));
    String account = QueryParams.text(ctx, "accountId");
    if (account != null) {
      Access.serves(user, account);
    }
    var from = date.atStartOfDay(zone).toInstant();
    var to = date.plusDays(1).atStartOfDay(zone).toInstant();
    Tuple t = user.shops().addTo(Tuple.tuple().addValue(from.atOffset(ZoneOffset.UTC))
        .addValue(to.atOffset(ZoneOffset.UTC))).addString(account).addLong(user.oversees() ? null : user.id());
    pool.preparedQuery(REPORT).execute(t).onSuccess(rows -> {
      Map<Long, JsonObject> agents = new LinkedHashMap<>();
      for (Row r : rows) {
        JsonObject agent = agents.computeIfAbsent(r.getLong("agent_id"), id -> new JsonObject()
            .put("agent", new JsonObject().put("id", id).put("displayName", r.getString("display_name")))
            .put("flagged", 0).put("overridden", 0).put("replies", new JsonArray()));
        String outcome = r.getString("outcome");
        agent.put(outcome, agent.getInteger(outcome) + 1);
        Object findings = r.getValue("findings");
        agent.getJsonArray("replies").add(new JsonObject()
            .put("messageId", r.getLong("message_id")).put("conversationId", r.getLong("conversation_id"))
            .put("accountId", r.getString("account_id")).put("at", r.getOffsetDateTime("at").toInstant().toString())
            .put("text", r.getString("body")).put("status", r.getString("status")).put("outcome", outcome)
            .put("reason", r.getString("override_reason"))
            .put("findings", findings instanceof JsonArray a ? a : new JsonArray(String.valueOf(findings))));
      }
      Responses.json(ctx, 200, new JsonObject().put("date", date.toString()).put("zone", zone.getId())
          .put("from", from.toString()).put("to", to.toString()).put("agents", new JsonArray(List.copyOf(agents.values()))));
    }).onFailure(ctx::fail);
  }

  private void scopes(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    Access.overseer(user);
    JsonArray out = new JsonArray();
    rules.scopes().stream().filter(s -> mayRead(user, s)).forEach(s -> {
      JsonObject d = rules.describe(s);
      d.remove("document");
      d.remove("shipped");
      out.add(d.put("editable", mayEdit(user, s)));
    });
    Responses.json(ctx, 200, new JsonObject().put("scopes", out));
  }

  private void document(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    Access.overseer(user);
    String scope = scope(ctx, user, false);
    Responses.json(ctx, 200, rules.describe(scope).put("editable", mayEdit(user, scope)));
  }

  private void save(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    String scope = scope(ctx, user, true);
    JsonObject body = Responses.body(ctx);
    if (!(body.getValue("document") instanceof JsonObject document)) {
      throw ApiException.badRequest("bad_request", "document (an object) is required");
    }
    rules.save(scope, document, user.id(), clock.instant()).onSuccess(problems -> {
      if (!problems.isEmpty()) {
        ctx.fail(ApiException.badRequest("invalid_rules", String.join("; ", problems)));
      } else {
        Responses.json(ctx, 200, rules.describe(scope).put("editable", true));
      }
    }).onFailure(ctx::fail);
  }

  private void reset(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    String scope = scope(ctx, user, true);
    Responses.reply(ctx, 200, rules.reset(scope).map(v -> rules.describe(scope).put("editable", true)));
  }

  private String scope(RoutingContext ctx, CurrentUser user, boolean edit) {
    String scope = ctx.pathParam("scope");
    if (scope == null || !rules.validScope(scope)) {
      throw ApiException.notFound("Rule scope");
    }
    if (edit ? !mayEdit(user, scope) : !mayRead(user, scope)) {
      throw ApiException.forbidden(edit ? "Only admins (of all shops, for global and platform rules) may edit these rules"
          : "This shop is not yours");
    }
    return scope;
  }

  private static boolean mayRead(CurrentUser user, String scope) {
    return !scope.startsWith("shop:") || user.mayServe(scope.substring(5));
  }

  /** Admins only; shop rules: an admin of that shop; global and platform rules: an admin of all shops. */
  private static boolean mayEdit(CurrentUser user, String scope) {
    if (!"admin".equals(user.role())) {
      return false;
    }
    return scope.startsWith("shop:") ? user.mayServe(scope.substring(5)) : user.allAccounts();
  }
}
