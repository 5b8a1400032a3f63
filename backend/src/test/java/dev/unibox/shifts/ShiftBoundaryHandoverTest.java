package dev.unibox.shifts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.AgentSocket;
import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.MutableClock;
import dev.unibox.testing.ShiftFixtures;
import dev.unibox.testing.TestInbox;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A shift boundary with 500 open conversations, on a fixed clock: the morning shift (07:00-15:00 Kuala
 * Lumpur) ends at 07:00 UTC; its five agents hold 100 conversations each. The noon shift has four
 * agents with 90 seats each (one serves only the Taiwan shop). Every conversation ends up with a noon
 * agent or at the head of the queue, none lost, none doubled, history intact, each with a note.
 */
@InboxTest
class ShiftBoundaryHandoverTest {

  private static final Instant BEFORE_END = Instant.parse("2026-11-11T06:59:30Z"); // 14:59:30 in Kuala Lumpur
  private static final int OPEN = 500;

  private final MutableClock clock = new MutableClock(BEFORE_END);
  private TestInbox inbox;

  @Test
  void everyOpenConversationIsHandedOverOrQueuedWithItsHistoryAndANote() throws Exception {
    List<Long> morning = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      morning.add(inbox.createUser("m" + i, "agent", 100));
    }
    List<Long> noon = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      noon.add(inbox.createUser("n" + i, "agent", 90));
    }
    long twOnly = inbox.createUser("n4", "agent", 90, TestInbox.ACCOUNT_TW);
    noon.add(twOnly);
    inbox.createUser("lead", "supervisor", 0);
    String admin = inbox.loginAdmin();
    JsonObject roster = new JsonObject().put("zone", "Asia/Kuala_Lumpur").put("shifts", new JsonArray()
            .add(shift("morning", "07:00", "15:00", "lead", "m1", "m2", "m3", "m4", "m5"))
            .add(shift("noon", "15:00", "23:00", "lead", "n1", "n2", "n3", "n4"))
            .add(shift("evening", "23:00", "07:00", "lead")))
        .put("standby", new JsonArray());
    assertThat(put(admin, "/api/shifts", roster).statusCode()).isEqualTo(200);

    Await.result(ShiftFixtures.openConversations(inbox.db.pool(), OPEN, morning, BEFORE_END));
    // Three outgoing agents wrote their own note for one conversation each
    List<Long> withDraft = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      long agent = morning.get(i);
      long conv = inbox.count("SELECT min(id) FROM conversations WHERE assignee_id = $1", agent);
      String token = inbox.login("m" + (i + 1));
      assertThat(put(token, "/api/conversations/" + conv + "/handover-note",
          new JsonObject().put("text", "Refund approved by finance, tell the buyer by 18:00 (note " + i + ")"))
          .statusCode()).isEqualTo(200);
      withDraft.add(conv);
    }
    for (long a : noon) {
      online(a);
    }
    for (long a : morning) {
      online(a); // still online at the end of their shift
    }
    long messagesBefore = inbox.count("SELECT count(*) FROM messages");
    long supervisor = inbox.count("SELECT id FROM users WHERE username = 'lead'");
    try (AgentSocket lead = inbox.socket(inbox.login("lead"), 0)) {
      lead.hello();

      clock.set(Instant.parse("2026-11-11T07:00:01Z"));
      Await.result(inbox.app.shifts().clock.tick());
      Await.until("handover finished", () -> inbox.count("SELECT count(*) FROM handovers WHERE finished_at IS NOT NULL") == 1);

      JsonObject finished = lead.nextEvent("handover.finished").getJsonObject("data");
      assertThat(finished.getString("shift")).isEqualTo("morning");
      // four noon agents with 90 seats each (250 conversations per shop, so the Taiwan-only agent fills too)
      assertThat(finished.getInteger("moved")).isEqualTo(4 * 90);
      assertThat(finished.getInteger("queued")).isEqualTo(OPEN - 4 * 90);
      assertThat(finished.getJsonArray("queuedConversationIds")).hasSize(finished.getInteger("queued"));
    }

    // none lost, none doubled: every conversation is with a noon agent or queued, owners' counts exact
    assertThat(inbox.count("SELECT count(*) FROM conversations")).isEqualTo(OPEN);
    assertThat(inbox.count("SELECT count(*) FROM conversations WHERE status = 'closed'")).isZero();
    assertThat(inbox.count("SELECT count(*) FROM conversations WHERE assignee_id = ANY($1)",
        (Object) morning.toArray(Long[]::new))).isZero();
    assertThat(inbox.count("SELECT count(*) FROM conversations WHERE status = 'assigned' AND NOT (assignee_id = ANY($1))",
        (Object) noon.toArray(Long[]::new))).isZero();
    assertThat(inbox.count("SELECT count(*) FROM conversations WHERE status = 'queued' AND NOT head_of_class")).isZero();
    assertThat(inbox.count("SELECT count(*) FROM users u WHERE active_count <> "
        + "(SELECT count(*) FROM conversations c WHERE c.assignee_id = u.id AND c.status = 'assigned')")).isZero();
    assertThat(inbox.count("SELECT count(*) FROM users WHERE active_count > max_concurrent")).isZero();
    assertThat(inbox.count("SELECT count(*) FROM conversations WHERE assignee_id = $1 AND account_id <> 'shopee-tw-01'",
        twOnly)).isZero();
    // urgent first: every urgent conversation found a seat
    assertThat(inbox.count("SELECT count(*) FROM conversations WHERE status = 'queued' AND priority = 1")).isZero();

    // each conversation changed hands exactly once, with exactly one non-empty note
    assertThat(inbox.count("SELECT count(*) FROM activities WHERE type IN ('handed_over', 'requeued')")).isEqualTo(OPEN);
    assertThat(inbox.count("""
        SELECT count(*) FROM conversations c WHERE (SELECT count(*) FROM activities a
          WHERE a.conversation_id = c.id AND a.type = 'handover_note' AND length(a.body) > 20) <> 1""")).isZero();
    for (int i = 0; i < withDraft.size(); i++) {
      assertThat(inbox.rows("SELECT body FROM activities WHERE conversation_id = $1 AND type = 'handover_note'",
          withDraft.get(i)).get(0).getString(0)).endsWith("(note " + i + ")");
    }
    assertThat(inbox.count("SELECT count(*) FROM handover_drafts")).isZero();
    // history intact: no message lost or added
    assertThat(inbox.count("SELECT count(*) FROM messages")).isEqualTo(messagesBefore);

    // the incoming agent sees the whole story: buyer, the morning agent's promise, the handover and its note
    Row sample = inbox.rows("""
        SELECT c.id, u.username, b.platform_buyer_id FROM conversations c JOIN users u ON u.id = c.assignee_id
        JOIN buyers b ON b.id = c.buyer_id WHERE c.status = 'assigned' AND c.id <> ALL($1) ORDER BY c.id LIMIT 1""",
        (Object) withDraft.toArray(Long[]::new)).get(0);
    int g = Integer.parseInt(sample.getString("platform_buyer_id").substring("seed-".length()));
    JsonObject view = inbox.get(inbox.login(sample.getString("username")), "/api/conversations/" + sample.getLong("id"))
        .bodyAsJsonObject();
    JsonArray timeline = view.getJsonArray("timeline");
    List<String> kinds = new ArrayList<>();
    for (int i = 0; i < timeline.size(); i++) {
      JsonObject e = timeline.getJsonObject(i);
      kinds.add("message".equals(e.getString("kind")) ? e.getString("direction") : e.getString("type"));
    }
    assertThat(kinds).containsExactly("assigned", "in", "out", "in", "handed_over", "handover_note");
    String note = timeline.getJsonObject(5).getString("text");
    assertThat(note).contains("Please hurry, I need it before Friday").contains(ShiftFixtures.orderOf(g))
        .contains("I will follow up with the courier today");

    // every move was pushed to the supervisor (all shops), once per conversation
    long lead = inbox.count("SELECT id FROM users WHERE username = 'lead'");
    assertThat(inbox.count("SELECT count(*) FROM event_log WHERE recipients @> ARRAY[$1]::bigint[] "
        + "AND type = 'conversation.moved'", lead)).isEqualTo(OPEN);
    assertThat(inbox.count("SELECT count(DISTINCT (payload -> 'conversation' ->> 'id')) FROM event_log "
        + "WHERE recipients @> ARRAY[$1]::bigint[] AND type = 'conversation.moved'", lead)).isEqualTo(OPEN);
    // each outgoing agent was told about each of their conversations
    assertThat(inbox.count("SELECT count(*) FROM event_log, unnest(recipients) r WHERE r = ANY($1) "
        + "AND type = 'conversation.moved'", (Object) morning.toArray(Long[]::new))).isEqualTo(OPEN);

    // a second tick at the same boundary changes nothing
    long activities = inbox.count("SELECT count(*) FROM activities");
    long leadEvents = inbox.count("SELECT count(*) FROM event_log WHERE $1 = ANY(recipients)", supervisor);
    clock.advance(Duration.ofSeconds(5));
    assertThat(Await.result(inbox.app.shifts().clock.tick())).isEmpty();
    assertThat(inbox.count("SELECT count(*) FROM handovers")).isEqualTo(1);
    assertThat(inbox.count("SELECT count(*) FROM activities WHERE type IN ('handed_over', 'requeued', 'handover_note')"))
        .isEqualTo(2L * OPEN);
    assertThat(inbox.count("SELECT count(*) FROM activities")).isEqualTo(activities);
    assertThat(inbox.count("SELECT count(*) FROM event_log WHERE $1 = ANY(recipients)", supervisor)).isEqualTo(leadEvents);
  }

  private static JsonObject shift(String name, String start, String end, String lead, String... agents) {
    return new JsonObject().put("name", name).put("start", start).put("end", end).put("lead", lead)
        .put("agents", new JsonArray(List.of(agents)));
  }

  private io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> put(String token, String path, JsonObject body)
      throws Exception {
    return Await.result(inbox.http.put(path).putHeader("Authorization", "Bearer " + token).sendJsonObject(body));
  }

  private void online(long id) throws Exception {
    inbox.markOnline(id);
  }
}
