package dev.unibox.classification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.MutableClock;
import dev.unibox.testing.TestInbox;
import dev.unibox.testing.TestIngest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Agents' one-click corrections and the admins' retrain / switch / switch back, over real HTTP and PostgreSQL. */
@InboxTest
class ClassificationApiTest {

  private static final Instant T0 = Instant.parse("2026-11-11T04:00:00Z");
  private final MutableClock clock = new MutableClock(T0);
  private TestInbox inbox;
  private TestIngest ingest;

  @Test
  void anAgentCorrectsUrgencyWhichIsStoredReRanksAtOnceAndCountsInTheQualityReport() throws Exception {
    long mei = inbox.createUser("mei", "agent", 2, TestInbox.ACCOUNT_MY);
    inbox.createUser("ana", "agent", 2, TestInbox.ACCOUNT_MY);
    inbox.createUser("lin", "supervisor", 3);
    // the old word lists miss this paraphrase: the conversation arrives as a normal pre-sale chat
    long id = ingest.buyer(TestInbox.ACCOUNT_MY, "c1", "The zipper came apart the first day I wore it", T0);
    inbox.goOnline(mei);
    inbox.awaitAssigned(mei, 1);
    String path = "/api/conversations/" + id + "/classification";
    String token = inbox.login("mei");

    assertError(inbox.post(token, path, new JsonObject().put("urgent", "yes")), 400, "bad_urgent");
    assertError(inbox.post(token, path, new JsonObject().put("category", "after")), 400, "bad_category");
    assertError(inbox.post(token, path, new JsonObject()), 400, "nothing_to_correct");
    assertError(inbox.post(inbox.login("ana"), path, new JsonObject().put("urgent", true)), 403, "forbidden");
    assertError(inbox.post(token, "/api/conversations/999999/classification", new JsonObject().put("urgent", true)),
        404, "not_found");
    assertThat(inbox.count("SELECT count(*) FROM classification_corrections")).isZero();
    assertThat(inbox.count("SELECT priority FROM conversations WHERE id = " + id)).isZero();

    HttpResponse<Buffer> ok = inbox.post(token, path, new JsonObject().put("urgent", true).put("category", "after_sale"));
    assertThat(ok.statusCode()).isEqualTo(200);
    JsonObject state = ok.bodyAsJsonObject().getJsonObject("classification");
    assertThat(state.getBoolean("urgent")).isTrue();
    assertThat(state.getString("category")).isEqualTo("after_sale");
    assertThat(state.getBoolean("checkUrgency")).isFalse();
    assertThat(state.getLong("corrections")).isEqualTo(1);
    // re-ranked at once: urgent, set by hand, on the urgent SLA clock
    var row = inbox.rows("SELECT priority, priority_manual, category FROM conversations WHERE id = " + id).get(0);
    assertThat(row.getShort(0)).isEqualTo((short) 1);
    assertThat(row.getBoolean(1)).isTrue();
    assertThat(row.getString(2)).isEqualTo("after_sale");
    var stored = inbox.rows("SELECT corrected_by, was_urgent, urgent, text FROM classification_corrections").get(0);
    assertThat(stored.getLong(0)).isEqualTo(mei);
    assertThat(stored.getBoolean(1)).isFalse();
    assertThat(stored.getBoolean(2)).isTrue();
    assertThat(stored.getString(3)).isEqualTo("The zipper came apart the first day I wore it");
    assertThat(inbox.rows("SELECT body FROM activities WHERE type = 'priority_set'").get(0).getString(0))
        .contains("urgent").contains("mei");

    JsonObject report = inbox.get(inbox.login("lin"), "/api/quality/classification-corrections").bodyAsJsonObject();
    assertThat(report.getJsonObject("corrections").getLong("total")).isEqualTo(1);
    assertThat(report.getJsonObject("corrections").getLong("missedUrgent")).isEqualTo(1);
    assertThat(inbox.get(token, "/api/quality/classification-corrections").statusCode()).isEqualTo(403);
    JsonObject read = inbox.get(token, path).bodyAsJsonObject().getJsonObject("classification");
    assertThat(read.getBoolean("urgent")).isTrue();
  }

  @Test
  void anAdminRetrainsSeesTestScoresSwitchesAndSwitchesBack() throws Exception {
    inbox.createUser("lin", "supervisor", 3);
    long id = ingest.buyer(TestInbox.ACCOUNT_MY, "c2", "Is the grey one in stock?", T0);
    String admin = inbox.loginAdmin();
    String lead = inbox.login("lin");
    assertThat(inbox.post(lead, "/api/conversations/" + id + "/classification",
        new JsonObject().put("urgent", false).put("category", "pre_sale")).statusCode()).isEqualTo(200);

    firstModelTrained();
    JsonObject before = inbox.get(admin, "/api/classifier/models").bodyAsJsonObject();
    assertThat(before.getJsonArray("models")).hasSize(1);
    long first = before.getLong("activeVersion");
    assertThat(first).isEqualTo(before.getJsonArray("models").getJsonObject(0).getLong("version"));

    assertError(inbox.post(lead, "/api/classifier/models", new JsonObject()), 403, "forbidden");
    assertError(inbox.get(lead, "/api/classifier/models"), 403, "forbidden");
    HttpResponse<Buffer> trained = inbox.post(admin, "/api/classifier/models", new JsonObject());
    assertThat(trained.statusCode()).isEqualTo(201);
    JsonObject model = trained.bodyAsJsonObject().getJsonObject("model");
    long second = model.getLong("version");
    assertThat(model.getBoolean("active")).isFalse();
    assertThat(model.getInteger("corrections")).isEqualTo(1);
    assertThat(model.getInteger("trainedOn")).isEqualTo(Corpus.training().size() + 1);
    JsonObject all = model.getJsonObject("testScores").getJsonObject("all");
    assertThat(all.getInteger("messages")).isEqualTo(Corpus.test().size());
    assertThat(all.getDouble("urgentRecall")).isGreaterThan(0.9);
    // the old word lists' scores on the same split, beside the models
    JsonObject words = inbox.get(admin, "/api/classifier/models").bodyAsJsonObject().getJsonObject("wordListScores");
    assertThat(words.getJsonObject("all").getInteger("messages")).isEqualTo(Corpus.test().size());
    assertThat(words.getJsonObject("all").getDouble("urgentRecall")).isLessThan(all.getDouble("urgentRecall"));

    // still the first model until the admin switches
    assertThat(inbox.get(admin, "/api/classifier/models").bodyAsJsonObject().getLong("activeVersion")).isEqualTo(first);
    assertThat(inbox.post(admin, "/api/classifier/models/" + second + "/activate", new JsonObject()).statusCode())
        .isEqualTo(200);
    JsonArray listed = inbox.get(admin, "/api/classifier/models").bodyAsJsonObject().getJsonArray("models");
    assertThat(listed).hasSize(2);
    assertThat(listed.getJsonObject(0).getBoolean("active")).isTrue();
    assertThat(inbox.count("SELECT version FROM classifier_models WHERE active")).isEqualTo(second);

    assertThat(inbox.post(admin, "/api/classifier/models/" + first + "/activate", new JsonObject()).statusCode())
        .isEqualTo(200);
    assertThat(inbox.count("SELECT version FROM classifier_models WHERE active")).isEqualTo(first);
    assertError(inbox.post(admin, "/api/classifier/models/9999/activate", new JsonObject()), 404, "not_found");
    assertThat(inbox.count("SELECT version FROM classifier_models WHERE active")).isEqualTo(first);
  }

  /** On a first start the corpus model trains in the background; on a loaded machine that may take a while. */
  private void firstModelTrained() throws InterruptedException {
    Await.until("the first model is trained", () -> count("SELECT count(*) FROM classifier_models WHERE active") == 1);
  }

  private long count(String sql) {
    try {
      return inbox.count(sql);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertError(HttpResponse<Buffer> r, int status, String code) {
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(status);
    assertThat(r.bodyAsJsonObject().getString("error")).isEqualTo(code);
    assertThat(r.bodyAsJsonObject().getString("message")).isNotBlank();
  }
}
