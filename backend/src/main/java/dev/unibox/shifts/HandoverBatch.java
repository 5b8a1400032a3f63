package dev.unibox.shifts;

import dev.unibox.conversations.Activities;
import dev.unibox.routing.AgentReach;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan of one shift-end handover batch, decided in memory before anything is written: for each
 * conversation the seat it goes to (or the queue), its note, timeline entries and event, plus each agent's
 * change of load. Plain Java on the rows {@link BulkHandover} read.
 */
final class HandoverBatch {

  /** A seat of this batch; its load changes as the batch gives it conversations. */
  static final class Seat {
    long id;
    String name;
    AgentReach reach;
    int active;
    int max;
    Instant last;

    /** Room, and the routing pass's skills match. */
    boolean canTake(Row conversation) {
      return active < max && reach.fits(conversation.getString("account_id"), conversation.getString("language"),
          conversation.getString("platform"), conversation.getString("team"));
    }

    double load() {
      return max == 0 ? 1 : (double) active / max;
    }
  }

  /** Least loaded, then longest since an assignment, then lowest id (as {@code Seats}). */
  private static final Comparator<Seat> FAIREST = Comparator.comparingDouble(Seat::load)
      .thenComparing(s -> s.last, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
      .thenComparingLong(s -> s.id);

  /** Timeline entries as the columns of one multi-row insert. */
  record TimelineRows(Long[] conversations, String[] types, Long[] actors, Long[] targets, String[] bodies) {}

  private final List<Moves.Request> requests;
  private final Long[] conversationIds;
  private final Long[] agents;
  private final Map<Long, int[]> deltas = new LinkedHashMap<>();
  private final Map<Long, Boolean> took = new HashMap<>();
  private final List<Long> actIds = new ArrayList<>();
  private final List<String> actTypes = new ArrayList<>();
  private final List<Long> actActors = new ArrayList<>();
  private final List<Long> actTargets = new ArrayList<>();
  private final List<String> actBodies = new ArrayList<>();
  private final List<JsonObject> eventData = new ArrayList<>();
  private final List<Moves.Outcome> outcomes = new ArrayList<>();

  private HandoverBatch(List<Moves.Request> requests) {
    this.requests = requests;
    this.conversationIds = new Long[requests.size()];
    this.agents = new Long[requests.size()];
  }

  static List<Seat> seats(Iterable<Row> rows) {
    List<Seat> seats = new ArrayList<>();
    for (Row r : rows) {
      Seat s = new Seat();
      s.id = r.getLong("id");
      s.name = r.getString("display_name");
      s.reach = AgentReach.of(r);
      s.active = r.getInteger("active_count");
      s.max = r.getInteger("max_concurrent");
      var last = r.getOffsetDateTime("last_assigned_at");
      s.last = last == null ? null : last.toInstant();
      seats.add(s);
    }
    return seats;
  }

  /**
   * Gives each conversation (in request order) the fairest seat whose skills fit it (shop, platform, language,
   * team) and is not its outgoing agent, else the head of the queue.
   */
  static HandoverBatch plan(List<Moves.Request> moving, Map<Long, Row> locked, Map<Long, String> savedNotes,
                            Map<Long, List<HandoverDraft.Line>> lines, List<Seat> seats, String reason, Instant now) {
    HandoverBatch b = new HandoverBatch(moving);
    for (int i = 0; i < moving.size(); i++) {
      Moves.Request req = moving.get(i);
      Row row = locked.get(req.conversationId());
      long owner = row.getLong("assignee_id");
      Seat seat = seats.stream().filter(s -> s.id != owner && s.canTake(row)).min(FAIREST).orElse(null);
      String note = req.note() != null && !req.note().isBlank() ? req.note().strip()
          : savedNotes.containsKey(req.conversationId()) ? savedNotes.get(req.conversationId())
          : HandoverDraft.build(lines.getOrDefault(req.conversationId(), List.of()), now);
      b.add(i, req, owner, row.getString("assignee_name"), seat, note, reason, now);
    }
    return b;
  }

  private void add(int i, Moves.Request req, long owner, String ownerName, Seat seat, String note, String reason,
                   Instant now) {
    if (seat != null) {
      seat.active++;
      seat.last = now;
      deltas.computeIfAbsent(seat.id, k -> new int[1])[0]++;
      took.put(seat.id, true);
    }
    deltas.computeIfAbsent(owner, k -> new int[1])[0]--;
    String who = req.actor() == null ? "" : " by " + req.actor().displayName();
    String why = reason == null || reason.isBlank() ? "" : ": " + reason;
    String body = seat != null ? "Handed over from " + ownerName + " to " + seat.name + who + why
        : "Back to the queue (first in its class) from " + ownerName + who + why;
    conversationIds[i] = req.conversationId();
    agents[i] = seat == null ? null : seat.id;
    activity(req.conversationId(), seat != null ? Activities.HANDED_OVER
        : Activities.REQUEUED, req.actor() == null ? null : req.actor().id(), agents[i], body);
    activity(req.conversationId(), Activities.HANDOVER_NOTE, owner, null, note);
    eventData.add(new JsonObject().put("kind", Moves.Kind.HANDOVER.wire())
        .put("from", new JsonObject().put("id", owner).put("displayName", ownerName))
        .put("to", seat == null ? null : new JsonObject().put("id", seat.id).put("displayName", seat.name))
        .put("by", req.actor() == null ? null
            : new JsonObject().put("id", req.actor().id()).put("displayName", req.actor().displayName()))
        .put("reason", reason).put("note", note).put("text", body));
    outcomes.add(new Moves.Outcome(req.conversationId(), seat != null ? "assigned" : "queued", owner, agents[i], body));
  }

  private void activity(long conversationId, String type, Long actor, Long target, String body) {
    actIds.add(conversationId);
    actTypes.add(type);
    actActors.add(actor);
    actTargets.add(target);
    actBodies.add(body);
  }

  List<Moves.Request> requests() {
    return requests;
  }

  Long[] conversationIds() {
    return conversationIds;
  }

  /** The incoming agent per conversation, null for the queue. */
  Long[] agents() {
    return agents;
  }

  Long[] userIds() {
    return deltas.keySet().toArray(Long[]::new);
  }

  Integer[] userDeltas() {
    return deltas.values().stream().map(d -> d[0]).toArray(Integer[]::new);
  }

  Boolean[] userTook() {
    return deltas.keySet().stream().map(id -> took.getOrDefault(id, false)).toArray(Boolean[]::new);
  }

  TimelineRows timeline() {
    return new TimelineRows(actIds.toArray(Long[]::new), actTypes.toArray(String[]::new), actActors.toArray(Long[]::new),
        actTargets.toArray(Long[]::new), actBodies.toArray(String[]::new));
  }

  List<JsonObject> eventData() {
    return eventData;
  }

  List<Moves.Outcome> outcomes() {
    return outcomes;
  }
}
