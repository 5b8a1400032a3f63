package dev.unibox.routing;

import dev.unibox.auth.AccessPolicy;
import dev.unibox.auth.AuthRoutes;
import dev.unibox.auth.CurrentUser;
import dev.unibox.conversations.Activities;
import dev.unibox.conversations.ConversationNews;
import dev.unibox.conversations.ConversationStore;
import dev.unibox.domain.Priority;
import dev.unibox.domain.SlaPolicy;
import dev.unibox.events.EventNames;
import dev.unibox.events.UnitOfWork;
import dev.unibox.signals.Kicks;
import dev.unibox.web.ApiException;
import dev.unibox.web.Responses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The queue in the web app and the supervisor's routing commands: GET /api/queue, POST
 * /api/conversations/:id/priority, PUT /api/agents/:id/skills. Shop scope is
 * checked on the server for every call.
 */
public final class QueueRoutes {

  private static final Pattern NAME = AgentSkills.TEAM;

  private final UnitOfWork work;
  private final SlaPolicy sla;
  private final Supplier<Future<JsonObject>> surgeStatus;
  private final RoutingPolicy policy;

  /** {@code policy}: the router's, so the supervisor's queue shows the order it serves. */
  public QueueRoutes(Vertx vertx, Pool pool, Clock clock, SlaPolicy sla, RoutingPolicy policy,
                     Supplier<Future<JsonObject>> surgeStatus) {
    this.work = new UnitOfWork(vertx, pool, clock);
    this.sla = sla;
    this.policy = policy;
    this.surgeStatus = surgeStatus;
  }

  public void mount(Router router) {
    router.get("/api/queue").handler(this::queue);
    router.post("/api/conversations/:id/priority").handler(this::priority);
    router.put("/api/agents/:id/skills").handler(this::skills);
  }

  private void queue(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    Future<JsonObject> me = QueueStore.me(work.pool(), user.id());
    Future<JsonObject> counts = QueueStore.counts(work.pool(), user);
    if (!user.oversees()) {
      Responses.reply(ctx, 200, Future.all(me, counts).map(v -> new JsonObject()
          .put("now", work.clock().instant().toString()).put("me", me.result()).put("counts", counts.result())
          .put("conversations", new JsonArray())));
      return;
    }
    Future<JsonArray> queued = QueueStore.queuedIds(work.pool(), user, policy, work.clock().instant())
        .compose(ids -> ConversationStore.summaries(work.pool(), ids).map(map -> {
          JsonArray out = new JsonArray();
          ids.forEach(id -> {
            if (map.containsKey(id)) {
              out.add(map.get(id));
            }
          });
          return out;
        }));
    Future<JsonArray> agents = QueueStore.agents(work.pool(), user);
    Future<JsonObject> surgeNow = surgeStatus.get();
    Responses.reply(ctx, 200, Future.all(me, counts, queued, agents, surgeNow).map(v -> new JsonObject()
        .put("now", work.clock().instant().toString()).put("me", me.result()).put("counts", counts.result())
        .put("conversations", queued.result()).put("agents", agents.result()).put("surge", surgeNow.result())));
  }

  private void priority(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    long id = Responses.pathId(ctx, "id");
    JsonObject body = Responses.body(ctx);
    AccessPolicy.requireOverseer(user, "Only supervisors set a conversation's priority");
    Priority priority = body.getValue("priority") instanceof String s ? Priority.ofWire(s) : null;
    if (priority == null) {
      throw ApiException.badRequest("bad_priority", "priority must be one of normal, urgent, critical");
    }
    Object rawTeam = body.getValue("team");
    if (rawTeam != null && !(rawTeam instanceof String)) {
      throw ApiException.badRequest("bad_team", "team must be a name or null");
    }
    String team = rawTeam == null || ((String) rawTeam).isBlank() ? null : ((String) rawTeam).trim();
    if (team != null && !NAME.matcher(team).matches()) {
      throw ApiException.badRequest("bad_team", "team must be 1-40 letters, digits, '-' or '_'");
    }
    if (user.teamScoped() && team != null && !user.ledTeams().contains(team)) {
      throw ApiException.forbidden("You can only queue conversations for a team you lead");
    }
    work.run(change -> QueueStore.lockForPriority(change.conn(), id).compose(locked -> {
      if (locked == null) {
        return Future.failedFuture(ApiException.notFound("Conversation"));
      }
      if (!user.oversees(locked.accountId(), locked.owningTeam())) {
        return Future.failedFuture(ApiException.forbidden("This conversation is not in your shops or teams"));
      }
      if ("closed".equals(locked.status())) {
        return Future.failedFuture(new ApiException(409, "conversation_closed", "This conversation is solved"));
      }
      Instant now = change.now();
      SqlConnection conn = change.conn();
      change.afterCommit(Kicks::routing);
      Instant due = null;
      Instant warn = null;
      String state = "none";
      if (locked.waitingSince() != null) {
        due = sla.dueAt(locked.platform(), locked.accountId(), priority, locked.waitingSince());
        warn = sla.warnAt(locked.waitingSince(), due);
        state = "breached".equals(locked.slaState()) && !due.isAfter(now) ? "breached"
            : !warn.isAfter(now) ? "warned" : "running";
      }
      String text = "Priority set to " + priority.wire() + (team == null ? "" : ", team " + team) + " by "
          + user.displayName();
      return QueueStore.setPriority(conn, id, priority.level(), team, due, warn, state, now)
          .compose(v -> Activities.record(conn, id, Activities.PRIORITY_SET, user.id(), null, text, now))
          .compose(v -> ConversationNews.announce(change, id, EventNames.CONVERSATION_UPDATED, new JsonObject()));
    })).onSuccess(summary -> {
      Responses.json(ctx, 200, new JsonObject().put("conversation", summary));
    }).onFailure(ctx::fail);
  }

  private void skills(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    long id = Responses.pathId(ctx, "id");
    JsonObject body = Responses.body(ctx);
    AccessPolicy.requireOverseer(user, "Only supervisors change agents' skills");
    AgentSkills skills = AgentSkills.parse(body);
    String team = skills.team();
    work.pool().withTransaction(conn -> QueueStore.lockAgent(conn, id).compose(agent -> {
      if (agent == null || !"agent".equals(agent.role())) {
        return Future.failedFuture(ApiException.notFound("Agent"));
      }
      boolean inScope = user.allAccounts() || "admin".equals(user.role())
          || agent.accounts().stream().anyMatch(user::mayServe);
      if (!inScope) {
        return Future.failedFuture(ApiException.forbidden("This agent serves none of your shops"));
      }
      if (user.teamScoped() && !(user.ledTeams().contains(agent.team()) && user.ledTeams().contains(team))) {
        return Future.failedFuture(ApiException.forbidden("A team lead edits only the agents of their own teams"));
      }
      return skills.save(conn, id);
    })).compose(v -> QueueStore.agents(work.pool(), user)).onSuccess(all -> {
      Kicks.routing(work.vertx());
      JsonObject agent = all.stream().map(o -> (JsonObject) o).filter(o -> o.getLong("id") == id).findFirst()
          .orElse(new JsonObject().put("id", id));
      Responses.json(ctx, 200, new JsonObject().put("agent", agent));
    }).onFailure(ctx::fail);
  }
}
