package dev.unibox.shifts;

import dev.unibox.auth.AccessPolicy;
import dev.unibox.auth.AuthRoutes;
import dev.unibox.auth.CurrentUser;
import dev.unibox.web.ApiException;
import dev.unibox.web.Responses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The supervisor console: one live view (queue, agents, roster, surge) and the commands
 * ({@link SupervisorCommands}) — reassign one or many conversations to an agent or back to the queue, force a
 * handover — each recorded with who, when, what and why and on every conversation's timeline. Teams (admin).
 */
record SupervisorRoutes(Pool pool, Clock clock, Rosters rosters, SupervisorCommands commands) {

  static final int MAX_BATCH = 200;

  public void mount(Router router) {
    router.route("/api/supervisor/*").handler(ctx -> {
      if (!AuthRoutes.user(ctx).oversees()) {
        ctx.fail(ApiException.forbidden("Supervisors and admins only"));
      } else {
        ctx.next();
      }
    });
    router.get("/api/supervisor/console").handler(this::console);
    router.post("/api/supervisor/reassign").handler(this::reassign);
    router.post("/api/supervisor/handover").handler(this::forceHandover);
    router.get("/api/supervisor/commands").handler(this::recentCommands);
    router.get("/api/teams").handler(this::teams);
    router.put("/api/teams/:name").handler(this::putTeam);
  }

  private void console(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    Roster roster = rosters.roster();
    Instant now = clock.instant();
    Future<List<JsonObject>> conversations = ConsoleStore.openInScope(pool, user);
    Future<List<JsonObject>> agents = ConsoleStore.agents(pool, user, roster);
    Future<JsonObject> surge = rosters.surge().state(pool);
    Future.all(conversations, agents, surge).onSuccess(v -> {
      JsonArray queue = new JsonArray();
      JsonArray assigned = new JsonArray();
      int breaches = 0;
      for (JsonObject c : conversations.result()) {
        ("queued".equals(c.getString("status")) ? queue : assigned).add(c);
        if ("breached".equals(c.getString("slaState"))) {
          breaches++;
        }
      }
      JsonArray shifts = new JsonArray();
      for (Roster.Shift s : roster.shifts()) {
        shifts.add(new JsonObject().put("name", s.name()).put("lead", s.lead()).put("zone", s.zone().getId())
            .put("current", s.covers(now)).put("agents", new JsonArray(s.agents())));
      }
      Responses.json(ctx, 200, new JsonObject().put("at", now.toString()).put("queue", queue)
          .put("conversations", assigned).put("agents", new JsonArray(agents.result())).put("shifts", shifts)
          .put("standby", new JsonArray(roster.standby())).put("surge", surge.result()).put("breaches", breaches));
    }).onFailure(ctx::fail);
  }

  /**
   * {conversationIds: [..], toAgentId? | toQueue: true, reason, note?, overCapacity?}: with overCapacity a
   * full agent takes them anyway; the timeline entry and the command record say so, with the reason.
   */
  private void reassign(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    JsonObject body = Responses.body(ctx);
    List<Long> ids = idList(body.getValue("conversationIds"));
    Long to = ShiftRoutes.optionalId(body, "toAgentId");
    boolean toQueue = Boolean.TRUE.equals(body.getValue("toQueue"));
    Object rawOver = body.getValue("overCapacity");
    if (rawOver != null && !(rawOver instanceof Boolean)) {
      throw ApiException.badRequest("bad_request", "overCapacity must be true or false");
    }
    boolean overCapacity = Boolean.TRUE.equals(rawOver);
    String reason = ShiftRoutes.text(body, "reason", true);
    String note = ShiftRoutes.text(body, "note", false);
    if ((to == null) == !toQueue) {
      throw ApiException.badRequest("bad_request", "Give either toAgentId or toQueue: true");
    }
    Responses.reply(ctx, 200, "results",
        commands.reassign(user, new SupervisorCommands.Reassign(ids, to, toQueue, reason, note, overCapacity)));
  }

  /** {agentId, reason} */
  private void forceHandover(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    JsonObject body = Responses.body(ctx);
    Long agent = ShiftRoutes.optionalId(body, "agentId");
    String reason = ShiftRoutes.text(body, "reason", true);
    if (agent == null) {
      throw ApiException.badRequest("bad_request", "agentId is required");
    }
    Responses.reply(ctx, 200, commands.forceHandover(user, agent, reason).map(report -> report.json()));
  }

  private void recentCommands(RoutingContext ctx) {
    Responses.reply(ctx, 200, "commands", CommandStore.recent(pool, AuthRoutes.user(ctx)));
  }

  private void teams(RoutingContext ctx) {
    Responses.reply(ctx, 200, "teams", TeamStore.all(pool));
  }

  /** Admin: {displayName, accounts: [..], supervisors: [usernames], agents: [usernames]}. */
  private void putTeam(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    AccessPolicy.requireGlobalAdmin(user, "define teams");
    String name = ctx.pathParam("name");
    if (!name.matches("[a-z0-9_-]{1,40}")) {
      throw ApiException.badRequest("bad_team", "Team names are 1-40 of a-z, 0-9, _ and -");
    }
    JsonObject body = Responses.body(ctx);
    String display = ShiftRoutes.text(body, "displayName", true);
    List<String> accounts = strings(body, "accounts");
    List<String> supervisors = strings(body, "supervisors");
    List<String> agents = strings(body, "agents");
    TeamStore.replace(pool, name, display, accounts, supervisors, agents)
        .onSuccess(v -> Responses.json(ctx, 200, new JsonObject().put("team", new JsonObject().put("name", name)
            .put("displayName", display).put("accounts", new JsonArray(accounts))
            .put("supervisors", new JsonArray(supervisors)).put("agents", new JsonArray(agents)))))
        .onFailure(ctx::fail);
  }

  private static List<Long> idList(Object v) {
    if (!(v instanceof JsonArray arr) || arr.isEmpty() || arr.size() > MAX_BATCH) {
      throw ApiException.badRequest("bad_request", "conversationIds must be a list of 1 to " + MAX_BATCH + " ids");
    }
    LinkedHashSet<Long> out = new LinkedHashSet<>();
    for (Object o : arr) {
      if (!(o instanceof Number n) || n.doubleValue() != n.longValue() || n.longValue() <= 0) {
        throw ApiException.badRequest("bad_request", "conversationIds must hold positive whole numbers");
      }
      out.add(n.longValue());
    }
    return new ArrayList<>(out);
  }

  private static List<String> strings(JsonObject body, String key) {
    Object v = body.getValue(key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof JsonArray arr) || arr.stream().anyMatch(o -> !(o instanceof String s) || s.isBlank())) {
      throw ApiException.badRequest("bad_request", key + " must be a list of names");
    }
    return arr.stream().map(o -> ((String) o).strip()).distinct().toList();
  }
}
