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
import java.util.HashSet;
import java.util.Set;

/**
 * Agents' side of shifts and handover: the roster, presence, the queue they are eligible for, internal
 * notes, the handover note and transfers. Supervisor commands are in {@link SupervisorRoutes}.
 */
record ShiftRoutes(Pool pool, Clock clock, Rosters rosters, Presence presence, Moves moves, ConversationNotes notes) {

  static final int MAX_NOTE = 4000;

  public void mount(Router router) {
    router.get("/api/shifts").handler(this::getRoster);
    router.put("/api/shifts").handler(this::putRoster);
    router.post("/api/me/presence").handler(this::setPresence);
    router.get("/api/queue/eligible").handler(this::queue);
    router.post("/api/conversations/:id/notes").handler(this::addNote);
    router.get("/api/conversations/:id/handover-note").handler(this::getHandoverNote);
    router.put("/api/conversations/:id/handover-note").handler(this::saveHandoverNote);
    router.post("/api/conversations/:id/transfer").handler(this::transfer);
  }

  private void getRoster(RoutingContext ctx) {
    Roster roster = rosters.roster();
    Instant now = clock.instant();
    RosterStore.meta(pool).onSuccess(meta -> Responses.json(ctx, 200, new JsonObject()
            .put("roster", RosterFile.json(roster))
            .put("current", new JsonArray(roster.current(now).stream().map(Roster.Shift::name).toList()))
            .put("source", meta.source()).put("editedAt", meta.editedAt() == null ? null : meta.editedAt().toString())))
        .onFailure(ctx::fail);
  }

  private void putRoster(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    AccessPolicy.requireGlobalOverseer(user, "edit the roster");
    Roster roster = RosterFile.fromBody(Responses.body(ctx));
    Set<String> named = new HashSet<>(roster.rostered());
    roster.shifts().stream().map(Roster.Shift::lead).filter(l -> !l.isEmpty()).forEach(named::add);
    RosterStore.unknownUsers(pool, named)
        .compose(unknown -> unknown.isEmpty() ? rosters.replace(roster, user.id())
            : Future.failedFuture(ApiException.badRequest("unknown_users", "No such users: " + String.join(", ", unknown))))
        .onSuccess(r -> Responses.json(ctx, 200, new JsonObject().put("roster", RosterFile.json(r))
            .put("current", new JsonArray(r.current(clock.instant()).stream().map(Roster.Shift::name).toList()))
            .put("source", "web")))
        .onFailure(ctx::fail);
  }

  private void setPresence(RoutingContext ctx) {
    Object status = Responses.body(ctx).getValue("status");
    Responses.reply(ctx, 200, "agent", presence.choose(AuthRoutes.user(ctx), status instanceof String s ? s : ""));
  }

  /** Agents: queued conversations of their shops and team; supervisors: the queue of their shops. */
  private void queue(RoutingContext ctx) {
    Responses.reply(ctx, 200, "queue", ConsoleStore.queueFor(pool, AuthRoutes.user(ctx)).map(JsonArray::new));
  }

  private void addNote(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    long id = Responses.pathId(ctx, "id");
    String text = text(Responses.body(ctx), "text", true);
    Responses.reply(ctx, 201, "entry", notes.add(user, id, text));
  }

  private void getHandoverNote(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    long id = Responses.pathId(ctx, "id");
    Responses.reply(ctx, 200, notes.handoverNote(user, id));
  }

  private void saveHandoverNote(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    long id = Responses.pathId(ctx, "id");
    String text = text(Responses.body(ctx), "text", true);
    Responses.reply(ctx, 200, notes.saveHandoverNote(user, id, text)
        .map(v -> new JsonObject().put("text", text).put("saved", true)));
  }

  /** By hand, with a note: to a named agent, to a team (the router picks), or back to the queue. */
  private void transfer(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    long id = Responses.pathId(ctx, "id");
    JsonObject body = Responses.body(ctx);
    Long to = optionalId(body, "toAgentId");
    String team = text(body, "team", false);
    boolean toQueue = Boolean.TRUE.equals(body.getValue("toQueue"));
    String note = text(body, "note", false);
    String reason = text(body, "reason", false);
    if (to != null && toQueue) {
      throw ApiException.badRequest("bad_request", "Give toAgentId or toQueue, not both");
    }
    Future<Void> teamOk = team == null ? Future.succeededFuture()
        : TeamStore.exists(pool, team).compose(known -> known ? Future.succeededFuture()
            : Future.failedFuture(ApiException.badRequest("unknown_team", "No team named " + team)));
    Responses.reply(ctx, 200, teamOk.compose(v -> moves.move(new Moves.Request(id, Moves.Kind.TRANSFER, user, null, to,
        toQueue, team, reason == null ? "" : reason, note))).map(o -> o.json()));
  }

  static String text(JsonObject body, String key, boolean required) {
    Object v = body.getValue(key);
    if (v == null && !required) {
      return null;
    }
    if (!(v instanceof String s) || (required && s.isBlank())) {
      throw ApiException.badRequest("bad_request", key + (required ? " is required (text)" : " must be text"));
    }
    if (s.length() > MAX_NOTE) {
      throw ApiException.badRequest("too_long", key + " has more than " + MAX_NOTE + " characters");
    }
    return s.isBlank() ? null : s.strip();
  }

  static Long optionalId(JsonObject body, String key) {
    Object v = body.getValue(key);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n && n.doubleValue() == n.longValue() && n.longValue() > 0) {
      return n.longValue();
    }
    throw ApiException.badRequest("bad_request", key + " must be a positive whole number");
  }
}
