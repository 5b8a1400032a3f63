package dev.unibox.shifts;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unibox.auth.AuthRoutes;
import dev.unibox.auth.CurrentUser;
import dev.unibox.conversations.Activities;
import dev.unibox.conversations.ConversationLocks;
import dev.unibox.events.EventLog;
import dev.unibox.events.EventNames;
import dev.unibox.events.PendingEvents;
import dev.unibox.web.ApiException;
import dev.unibox.web.Responses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Agents' side of shifts and handover: the roster, presence, the queue they are eligible for, internal
 * notes, the handover note and transfers. Supervisor commands are in {@link SupervisorRoutes}.
 */
public final class ShiftRoutes {

  static final int MAX_NOTE = 4000;

  private static final String ELIGIBLE_QUEUE = """
      SELECT c.id FROM conversations c, users u
      WHERE u.id = $1 AND c.status = 'queued'
        AND (u.all_accounts OR c.account_id IN (SELECT account_id FROM user_accounts WHERE user_id = u.id))
        AND (c.team IS NULL OR c.team = u.team)
      ORDER BY c.priority DESC, c.head_of_class DESC, c.queued_at, c.id
      LIMIT 500""";

  private static final String SCOPE_QUEUE = """
      SELECT c.id FROM conversations c
      WHERE c.status = 'queued' AND ($1 OR c.account_id = ANY($2))
      ORDER BY c.priority DESC, c.head_of_class DESC, c.queued_at, c.id
      LIMIT 500""";

  private static final String INSERT_NOTE = """
      INSERT INTO activities (conversation_id, type, actor_user_id, target_user_id, body, at)
      VALUES ($1, 'note', $2, NULL, $3, $4) RETURNING id""";

  private static final String KNOWN_USERS = "SELECT username FROM users WHERE username = ANY($1)";
  private static final String TEAM_EXISTS = "SELECT 1 FROM teams WHERE name = $1";

  private final Vertx vertx;
  private final Pool pool;
  private final Clock clock;
  private final Rosters rosters;
  private final Presence presence;
  private final Moves moves;

  public ShiftRoutes(Vertx vertx, Pool pool, Clock clock, Rosters rosters, Presence presence, Moves moves) {
    this.vertx = vertx;
    this.pool = pool;
    this.clock = clock;
    this.rosters = rosters;
    this.presence = presence;
    this.moves = moves;
  }

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
    dev.unibox.auth.AccessPolicy.requireGlobalOverseer(user, "edit the roster");
    JsonObject body = Responses.body(ctx);
    List<String> problems = new ArrayList<>();
    Roster roster;
    try {
      roster = RosterFile.parse(new ObjectMapper().readTree(body.encode()), problems);
    } catch (Exception e) {
      throw ApiException.badRequest("bad_roster", "The roster is not valid JSON");
    }
    if (roster.shifts().isEmpty() && problems.isEmpty()) {
      problems.add("shifts: at least one shift is needed");
    }
    if (!problems.isEmpty()) {
      throw ApiException.badRequest("bad_roster", String.join("; ", problems));
    }
    Set<String> named = new HashSet<>(roster.rostered());
    roster.shifts().stream().map(Roster.Shift::lead).filter(l -> !l.isEmpty()).forEach(named::add);
    pool.preparedQuery(KNOWN_USERS).execute(Tuple.tuple().addArrayOfString(named.toArray(String[]::new)))
        .compose(rows -> {
          rows.forEach(r -> named.remove(r.getString(0)));
          if (!named.isEmpty()) {
            return Future.failedFuture(ApiException.badRequest("unknown_users",
                "No such users: " + String.join(", ", named.stream().sorted().toList())));
          }
          return rosters.replace(roster, user.id());
        })
        .onSuccess(r -> Responses.json(ctx, 200, new JsonObject().put("roster", RosterFile.json(r))
            .put("current", new JsonArray(r.current(clock.instant()).stream().map(Roster.Shift::name).toList()))
            .put("source", "web")))
        .onFailure(ctx::fail);
  }

  private void setPresence(RoutingContext ctx) {
    Object status = Responses.body(ctx).getValue("status");
    presence.choose(AuthRoutes.user(ctx), status instanceof String s ? s : "")
        .onSuccess(agent -> Responses.json(ctx, 200, new JsonObject().put("agent", agent)))
        .onFailure(ctx::fail);
  }

  /** Agents: queued conversations of their shops and team; supervisors: the queue of their shops. */
  private void queue(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    var ids = user.oversees()
        ? pool.preparedQuery(SCOPE_QUEUE).execute(Tuple.tuple().addBoolean(user.allAccounts())
            .addArrayOfString(user.accountIds().toArray(String[]::new)))
        : pool.preparedQuery(ELIGIBLE_QUEUE).execute(Tuple.of(user.id()));
    ids.compose(rows -> {
          List<Long> list = new ArrayList<>();
          rows.forEach(r -> list.add(r.getLong(0)));
          return ConsoleStore.summaries(pool, list);
        })
        .onSuccess(list -> Responses.json(ctx, 200, new JsonObject().put("queue", new JsonArray(list))))
        .onFailure(ctx::fail);
  }

  private void addNote(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    long id = Responses.pathId(ctx, "id");
    String text = text(Responses.body(ctx), "text", true);
    Instant now = clock.instant();
    PendingEvents events = new PendingEvents();
    pool.withTransaction(conn -> ConversationLocks.lockForActor(conn, id, user).compose(locked ->
            conn.preparedQuery(INSERT_NOTE).execute(Tuple.of(id, user.id(), text, now.atOffset(ZoneOffset.UTC)))
                .compose(rows -> {
                  JsonObject entry = new JsonObject().put("kind", "activity").put("id", rows.iterator().next().getLong(0))
                      .put("type", Activities.NOTE).put("text", text).put("at", now.toString())
                      .put("author", user.displayName());
                  return EventLog.conversationRecipients(conn, locked.accountId(), locked.assigneeId())
                      .compose(to -> events.append(conn, to, EventNames.NOTE_CREATED,
                          new JsonObject().put("conversationId", id).put("entry", entry), now))
                      .map(entry);
                })))
        .onSuccess(entry -> {
          events.publish(vertx);
          Responses.json(ctx, 201, new JsonObject().put("entry", entry));
        })
        .onFailure(ctx::fail);
  }

  private void getHandoverNote(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    long id = Responses.pathId(ctx, "id");
    pool.withTransaction(conn -> ConversationLocks.lockForActor(conn, id, user)
            .compose(locked -> HandoverNotes.saved(conn, id))
            .compose(saved -> saved != null
                ? Future.succeededFuture(new JsonObject().put("text", saved).put("saved", true))
                : HandoverNotes.prefilled(conn, id, clock.instant())
                    .map(p -> new JsonObject().put("text", p).put("saved", false))))
        .onSuccess(body -> Responses.json(ctx, 200, body))
        .onFailure(ctx::fail);
  }

  private void saveHandoverNote(RoutingContext ctx) {
    CurrentUser user = AuthRoutes.user(ctx);
    long id = Responses.pathId(ctx, "id");
    String text = text(Responses.body(ctx), "text", true);
    pool.withTransaction(conn -> ConversationLocks.lockForActor(conn, id, user)
            .compose(locked -> HandoverNotes.save(conn, id, user.id(), text, clock.instant())))
        .onSuccess(v -> Responses.json(ctx, 200, new JsonObject().put("text", text).put("saved", true)))
        .onFailure(ctx::fail);
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
        : pool.preparedQuery(TEAM_EXISTS).execute(Tuple.of(team)).compose(r -> r.size() == 1 ? Future.succeededFuture()
            : Future.failedFuture(ApiException.badRequest("unknown_team", "No team named " + team)));
    teamOk.compose(v -> moves.move(new Moves.Request(id, Moves.Kind.TRANSFER, user, null, to, toQueue, team,
            reason == null ? "" : reason, note)))
        .onSuccess(o -> Responses.json(ctx, 200, o.json()))
        .onFailure(ctx::fail);
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
