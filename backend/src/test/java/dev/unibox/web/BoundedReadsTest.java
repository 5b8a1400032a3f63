package dev.unibox.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.conversations.ConversationStore;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestInbox;
import io.vertx.core.json.JsonArray;
import org.junit.jupiter.api.Test;

/** One read cannot ask for unbounded work: a timeline page has a limit, a metrics range a longest span. */
@InboxTest
class BoundedReadsTest {

  private TestInbox inbox;

  @Test
  void aLongTimelineAnswersItsNewestPageInOrder() throws Exception {
    inbox.buyerWrites(TestInbox.SHOP_MY, "813001", "long", "first");
    long id = inbox.count("SELECT id FROM conversations");
    assertThat(inbox.count("WITH ins AS (INSERT INTO activities (conversation_id, type, body, at) "
        + "SELECT $1, 'note', 'note ' || g, now() + g * interval '1 second' FROM generate_series(1, 700) g RETURNING 1) "
        + "SELECT count(*) FROM ins", id)).isEqualTo(700);
    String admin = inbox.loginAdmin();

    JsonArray timeline = inbox.get(admin, "/api/conversations/" + id).bodyAsJsonObject().getJsonArray("timeline");

    assertThat(timeline).hasSize(ConversationStore.TIMELINE_PAGE);
    assertThat(timeline.getJsonObject(timeline.size() - 1).encode()).contains("note 700");
    assertThat(timeline.getJsonObject(0).encode()).contains("note 201");
  }

  @Test
  void aMetricsRangeLongerThanTheLimitIsA400() throws Exception {
    String admin = inbox.loginAdmin();
    var r = inbox.get(admin, "/api/quality/metrics/response?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo("range_too_long");
    assertThat(inbox.get(admin, "/api/quality/metrics/response?from=2025-12-01T00:00:00Z&to=2026-01-01T00:00:00Z")
        .statusCode()).isEqualTo(200);
  }
}
