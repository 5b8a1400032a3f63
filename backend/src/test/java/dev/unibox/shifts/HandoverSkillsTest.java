package dev.unibox.shifts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.routing.Assigner;
import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.MutableClock;
import dev.unibox.testing.TestInbox;
import dev.unibox.testing.TestIngest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A chat changing hands goes only to someone who can read it: at the end of a shift and on a transfer without a
 * named agent, the seat is chosen with the router's language match, and a chat nobody incoming speaks waits at
 * the head of the queue instead of landing with an agent who cannot answer it.
 */
@InboxTest
class HandoverSkillsTest {

  private static final Instant BEFORE_END = Instant.parse("2026-11-11T06:59:30Z"); // 14:59:30 in Kuala Lumpur

  private final MutableClock clock = new MutableClock(BEFORE_END);
  private TestInbox inbox;

  @Test
  void eachChatGoesToAnIncomingAgentWhoSpeaksItsLanguageOrWaitsAtTheHeadOfTheQueue() throws Exception {
    long morning = inbox.createUser("m1", "agent", 10);
    // created first, so with the old shop-and-load choice the English speaker came first among equals
    long english = inbox.createUser("n-en", "agent", 5);
    long thai = inbox.createUser("n-th", "agent", 5);
    inbox.createUser("lead", "supervisor", 0);
    String lead = inbox.login("lead");
    inbox.setLanguages(lead, morning, 10, "th", "en", "vi");
    inbox.setLanguages(lead, english, 5, "en");
    inbox.setLanguages(lead, thai, 5, "th");
    JsonObject roster = new JsonObject().put("zone", "Asia/Kuala_Lumpur").put("shifts", new JsonArray()
            .add(shift("morning", "07:00", "15:00", "m1"))
            .add(shift("noon", "15:00", "23:00", "n-en", "n-th"))
            .add(shift("evening", "23:00", "07:00")))
        .put("standby", new JsonArray());
    assertThat(inbox.put(inbox.loginAdmin(), "/api/shifts", roster).statusCode()).isEqualTo(200);

    TestIngest ingest = new TestIngest(inbox, clock);
    long thaiChat = ingest.buyer(TestInbox.ACCOUNT_MY, "t", "สินค้ายังไม่ได้รับเลยค่ะ ช่วยตรวจสอบให้หน่อย", BEFORE_END);
    long englishChat = ingest.buyer(TestInbox.ACCOUNT_MY, "e", "Can I still change the colour of my order please?",
        BEFORE_END);
    long vietChat = ingest.buyer(TestInbox.ACCOUNT_MY, "v", "Cho tôi hỏi khi nào đơn hàng được giao?", BEFORE_END);
    assertThat(List.of(inbox.languageOf(thaiChat), inbox.languageOf(englishChat), inbox.languageOf(vietChat)))
        .containsExactly("th", "en", "vi");
    inbox.markOnline(morning);
    Await.result(new Assigner(inbox.vertx, inbox.db.pool(), clock).drain());
    assertThat(List.of(inbox.assigneeOf(thaiChat), inbox.assigneeOf(englishChat), inbox.assigneeOf(vietChat)))
        .containsExactly(morning, morning, morning);

    inbox.markOnline(english, thai);
    clock.set(Instant.parse("2026-11-11T07:00:01Z"));
    Await.result(inbox.app.shifts().clock.tick());
    Await.until("handover finished",
        () -> inbox.count("SELECT count(*) FROM handovers WHERE finished_at IS NOT NULL") == 1);
    assertThat(inbox.assigneeOf(thaiChat)).isEqualTo(thai);
    assertThat(inbox.assigneeOf(englishChat)).isEqualTo(english);
    assertThat(inbox.assigneeOf(vietChat)).isNull();
    assertThat(inbox.count("SELECT count(*) FROM conversations WHERE id = $1 AND status = 'queued' AND head_of_class",
        vietChat)).isEqualTo(1);

    // a transfer without a named agent: the only other incoming agent reads no English, so the chat is queued
    // (where the router may give it back to the one English speaker), never to the Thai speaker
    var moved = inbox.post(inbox.login("n-en"), "/api/conversations/" + englishChat + "/transfer",
        new JsonObject().put("reason", "going on break"));
    assertThat(moved.statusCode()).isEqualTo(200);
    assertThat(moved.bodyAsJsonObject().getString("result")).isEqualTo("queued");
    assertThat(inbox.count("SELECT count(*) FROM conversations WHERE id = $1 AND assignee_id = $2", englishChat, thai))
        .isZero();
    assertThat(inbox.count("SELECT active_count FROM users WHERE id = $1", thai)).isEqualTo(1);
  }

  private static JsonObject shift(String name, String start, String end, String... agents) {
    return new JsonObject().put("name", name).put("start", start).put("end", end).put("lead", "lead")
        .put("agents", new JsonArray(List.of(agents)));
  }
}
