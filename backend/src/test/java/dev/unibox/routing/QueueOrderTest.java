package dev.unibox.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.auth.UserStore;
import dev.unibox.testing.Await;
import dev.unibox.testing.MutableClock;
import dev.unibox.testing.TestInbox;
import dev.unibox.testing.TestIngest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One queue across platforms and shops, with a fixed clock: the priority policy serves priority class
 * first, then the SLA deadline; the FIFO baseline serves arrival order. Skills decide who may take what, and
 * a pass leaves a language's last free seats to the buyers only its speakers can serve.
 */
@ExtendWith(VertxExtension.class)
class QueueOrderTest {

  private static final Instant T0 = Instant.parse("2026-11-11T04:00:00Z");
  private final MutableClock clock = new MutableClock(T0);
  private TestInbox inbox;

  @AfterEach
  void stop() throws Exception {
    if (inbox != null) {
      inbox.close();
    }
  }

  /** Five conversations queued one second apart; returns their ids as A..E. */
  private List<Long> queueFive(TestIngest ingest) throws Exception {
    List<Long> ids = new ArrayList<>();
    // (no warning fires before T0+5: every warn time is later)
    // A normal, waiting since T0-80: due T0+40
    ids.add(ingest.buyer(TestInbox.ACCOUNT_MY, "a", "Ada warna lain?", T0.minusSeconds(80)));
    clock.set(T0.plusSeconds(1));
    // B urgent, waiting since T0-10: due T0+50
    ids.add(ingest.buyer(TestInbox.ACCOUNT_TW, "b", "收到的商品破損了,我要退款", T0.minusSeconds(10)));
    clock.set(T0.plusSeconds(2));
    // C normal, waiting since T0-85: due T0+35
    ids.add(ingest.buyer(TestInbox.ACCOUNT_MY, "c", "Boleh COD?", T0.minusSeconds(85)));
    clock.set(T0.plusSeconds(3));
    // D urgent, waiting since T0-30: due T0+30
    ids.add(ingest.buyer(TestInbox.ACCOUNT_MY, "d", "Barang rosak, nak refund", T0.minusSeconds(30)));
    clock.set(T0.plusSeconds(4));
    // E normal, set to critical by a supervisor: due T0+60
    ids.add(ingest.buyer(TestInbox.ACCOUNT_MY, "e", "Hello", T0));
    return ids;
  }

  @Test
  void priorityPolicyServesCriticalThenUrgentThenNormalEachByDeadline(Vertx vertx) throws Exception {
    inbox = TestInbox.start(vertx, clock);
    long mei = inbox.createUser("mei", "agent", 0);
    inbox.createUser("lin", "supervisor", 3);
    List<Long> ids = queueFive(new TestIngest(inbox, clock));
    var set = inbox.post(inbox.login("lin"), "/api/conversations/" + ids.get(4) + "/priority",
        new JsonObject().put("priority", "critical"));
    assertThat(set.statusCode()).isEqualTo(200);
    assertThat(set.bodyAsJsonObject().getJsonObject("conversation").getString("priority")).isEqualTo("critical");

    // the supervisor's queue view shows the same order the router serves
    JsonArray view = inbox.get(inbox.login("lin"), "/api/queue").bodyAsJsonObject().getJsonArray("conversations");
    List<Long> shown = view.stream().map(o -> ((JsonObject) o).getLong("id")).toList();
    List<Long> expected = List.of(ids.get(4), ids.get(3), ids.get(1), ids.get(2), ids.get(0));
    assertThat(shown).isEqualTo(expected);
    assertThat(inbox.serveOneByOne(mei, 5)).isEqualTo(expected);
  }

  @Test
  void fifoBaselineServesArrivalOrderWhateverTheUrgency(Vertx vertx) throws Exception {
    inbox = TestInbox.start(vertx, clock, c -> TestInbox.withRouting(c, c.routing().withPolicy("fifo-round-robin")));
    long mei = inbox.createUser("mei", "agent", 0);
    List<Long> ids = queueFive(new TestIngest(inbox, clock));
    assertThat(inbox.serveOneByOne(mei, 5)).isEqualTo(ids);
  }

  @Test
  void skillsDecideWhoTakesWhatAndALowerConversationOnlyGoesToAnAgentWhoCouldNotTakeTheHigher(Vertx vertx)
      throws Exception {
    inbox = TestInbox.start(vertx, clock);
    long thai = inbox.createUser("somchai", "agent", 1);
    long english = inbox.createUser("mei", "agent", 1);
    inbox.createUser("lin", "supervisor", 3);
    String lead = inbox.login("lin");
    inbox.setLanguages(lead, thai, 1, "th");
    inbox.setLanguages(lead, english, 1, "en", "ms");
    TestIngest ingest = new TestIngest(inbox, clock);
    long urgentVi = ingest.buyer(TestInbox.ACCOUNT_MY, "v", "Hàng bị vỡ rồi, tôi muốn hoàn tiền", T0.minusSeconds(50));
    long urgentTh = ingest.buyer(TestInbox.ACCOUNT_MY, "t", "สินค้าเสียหาย ขอคืนเงินค่ะ", T0);
    long normalEn = ingest.buyer(TestInbox.ACCOUNT_MY, "e", "Can I stack the shop voucher with the platform coupon?",
        T0.minusSeconds(60));
    long normalEn2 = ingest.buyer(TestInbox.ACCOUNT_MY, "f", "Do you have this in a bigger size please?", T0);
    Await.result(UserStore.setPresence(inbox.db.pool(), thai, "online"));
    Await.result(UserStore.setPresence(inbox.db.pool(), english, "online"));
    Await.result(new Assigner(vertx, inbox.db.pool(), clock).drain());
    assertThat(inbox.assigneeOf(urgentTh)).isEqualTo(thai);
    assertThat(inbox.assigneeOf(normalEn)).isEqualTo(english);   // nobody who speaks Vietnamese: not an inversion
    assertThat(inbox.assigneeOf(urgentVi)).isNull();
    assertThat(inbox.assigneeOf(normalEn2)).isNull();
  }

  @Test
  void aPassLeavesTheLastTraditionalChineseSeatsToTheBuyerOnlyTheirSpeakerCanServe(Vertx vertx) throws Exception {
    inbox = TestInbox.start(vertx, clock);
    long traditional = inbox.createUser("ya-ting", "agent", 1);
    long chinese = inbox.createUser("wei", "agent", 1);
    inbox.createUser("lin", "supervisor", 3);
    String lead = inbox.login("lin");
    inbox.setLanguages(lead, traditional, 2, "zh-Hant", "zh");
    inbox.setLanguages(lead, chinese, 5, "zh");
    TestIngest ingest = new TestIngest(inbox, clock);
    long first = ingest.buyer(TestInbox.ACCOUNT_MY, "p", "请问这件衣服有没有大一号的尺码?", T0.minusSeconds(20));
    long second = ingest.buyer(TestInbox.ACCOUNT_MY, "q", "你好,请问今天下单什么时候可以发货呢?", T0.minusSeconds(10));
    assertThat(inbox.languageOf(first)).isEqualTo("zh");
    assertThat(inbox.languageOf(second)).isEqualTo("zh");
    Await.result(UserStore.setPresence(inbox.db.pool(), traditional, "online"));
    Await.result(UserStore.setPresence(inbox.db.pool(), chinese, "online"));
    Await.result(new Assigner(vertx, inbox.db.pool(), clock).drain());
    // least loaded alone would give the second buyer to the idle Traditional Chinese speaker
    assertThat(inbox.assigneeOf(first)).isEqualTo(chinese);
    assertThat(inbox.assigneeOf(second)).isEqualTo(chinese);

    long taiwan = ingest.buyer(TestInbox.ACCOUNT_TW, "r", "請問這個商品還有現貨嗎?什麼時候會出貨?", T0);
    assertThat(inbox.languageOf(taiwan)).isEqualTo("zh-Hant");
    Await.result(new Assigner(vertx, inbox.db.pool(), clock).drain());
    assertThat(inbox.assigneeOf(taiwan)).isEqualTo(traditional);
  }
}
