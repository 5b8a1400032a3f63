package dev.unibox.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.FindFixture;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestInbox;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/find} over real HTTP and the embedded PostgreSQL: search in Chinese (also two-character
 * words, below the trigram length), Thai, Vietnamese and English, buyer names, tabs, filters, keyset pages,
 * the server-side scope (an agent never finds another shop's chats nor a colleague's open one), read-only
 * access to solved conversations, the customer context, and bad input.
 */
@InboxTest
class FindApiTest {

  private static final String MY = TestInbox.ACCOUNT_MY;
  private static final String TW = TestInbox.ACCOUNT_TW;

  private TestInbox inbox;
  private FindFixture data;
  private long mei;
  private long arif;
  private String meiToken;
  private String linToken;
  private long zhClosedMy;
  private long zhAssignedMei;
  private long zhTw;
  private long thQueued;
  private long viClosed;
  private long enArif;

  @BeforeEach
  void start() throws Exception {
    mei = inbox.createUser("mei", "agent", 3, MY);
    arif = inbox.createUser("arif", "agent", 3, MY);
    inbox.createUser("lin", "supervisor", 0);
    meiToken = inbox.login("mei");
    linToken = inbox.login("lin");
    zhClosedMy = data.conversation(MY, "9001", "王小明", "closed", arif, "zh", 0, "你好", "我的订单什么时候发货？");
    zhAssignedMei = data.conversation(MY, "9002", "李娜", "assigned", mei, "zh", 1, "发货太慢了，我要退款");
    zhTw = data.conversation(TW, "9003", "陳大文", "queued", null, "zh", 0, "請問什麼時候發貨？訂單號碼 123");
    thQueued = data.conversation(MY, "9004", "สมชาย", "queued", null, "th", 0, "สวัสดีครับ สินค้าหมดหรือยัง");
    viClosed = data.conversation(MY, "9005", "Nguyễn Văn An", "closed", mei, "vi", 0, "Xin chào, đơn hàng của tôi đâu rồi?");
    enArif = data.conversation(MY, "9006", "Aisyah", "assigned", arif, "en", 1, "Where is my parcel? 100% late");
  }

  @Test
  void searchFindsMessagesInChineseThaiVietnameseAndEnglish() throws Exception {
    assertThat(ids(linToken, "q=" + enc("什么时候发货"))).containsExactly(zhClosedMy);
    assertThat(ids(linToken, "q=" + enc("发货"))).containsExactly(zhAssignedMei, zhClosedMy); // two characters
    assertThat(ids(linToken, "q=" + enc("發貨"))).containsExactly(zhTw); // traditional characters are other text
    assertThat(ids(linToken, "q=" + enc("退"))).containsExactly(zhAssignedMei); // one character
    assertThat(ids(linToken, "q=" + enc("สินค้าหมด"))).containsExactly(thQueued);
    assertThat(ids(linToken, "q=" + enc("đơn hàng"))).containsExactly(viClosed);
    assertThat(ids(linToken, "q=" + enc("PARCEL"))).containsExactly(enArif); // case does not matter
    assertThat(ids(linToken, "q=" + enc("100%"))).containsExactly(enArif); // % is a character, not a wildcard
    assertThat(ids(linToken, "q=" + enc("0%l"))).isEmpty();
    assertThat(ids(linToken, "q=" + enc("没有这句话"))).isEmpty();
  }

  @Test
  void searchFindsBuyerNamesAndShowsTheMatchingMessage() throws Exception {
    assertThat(ids(linToken, "q=" + enc("王小明"))).containsExactly(zhClosedMy);
    assertThat(ids(linToken, "q=" + enc("Nguyễn"))).containsExactly(viClosed);
    JsonObject hit = find(linToken, "q=" + enc("发货")).getJsonArray("conversations").getJsonObject(1);
    assertThat(hit.getJsonObject("match").getString("text")).isEqualTo("我的订单什么时候发货？");
    assertThat(hit.getJsonObject("lastAssignee").getLong("id")).isEqualTo(arif);
  }

  @Test
  void anAgentFindsOnlyTheirOwnChatsAndTheQueueAndSolvedOnesOfTheirShops() throws Exception {
    // not the TW chat (another shop), not arif's open chat; the solved MY chat and the MY queue yes
    assertThat(ids(meiToken, "q=" + enc("发货"))).containsExactly(zhAssignedMei, zhClosedMy);
    assertThat(ids(meiToken, "q=" + enc("訂單號碼"))).isEmpty();
    assertThat(ids(meiToken, "q=parcel")).isEmpty();
    assertThat(ids(meiToken, "")).containsExactly(viClosed, thQueued, zhAssignedMei, zhClosedMy);
    assertThat(ids(meiToken, "shop=" + TW)).isEmpty();
    assertThat(ids(meiToken, "tab=mine")).containsExactly(zhAssignedMei);
    assertThat(ids(meiToken, "tab=queue")).containsExactly(thQueued);
    assertThat(ids(meiToken, "tab=solved")).containsExactly(viClosed, zhClosedMy);

    assertThat(inbox.get(meiToken, "/api/conversations/" + zhTw).statusCode()).isEqualTo(403);
    assertThat(inbox.get(meiToken, "/api/conversations/" + enArif).statusCode()).isEqualTo(403);
    assertThat(inbox.get(meiToken, "/api/conversations/" + enArif + "/context").statusCode()).isEqualTo(403);
    HttpResponse<Buffer> solved = inbox.get(meiToken, "/api/conversations/" + zhClosedMy);
    assertThat(solved.statusCode()).isEqualTo(200);
    assertThat(solved.bodyAsJsonObject().getString("access")).isEqualTo("read");
    assertThat(texts(solved.bodyAsJsonObject().getJsonArray("timeline"))).containsExactly("你好", "我的订单什么时候发货？");
    assertThat(inbox.get(meiToken, "/api/conversations/" + zhAssignedMei).bodyAsJsonObject().getString("access"))
        .isEqualTo("act");
    // reading is not acting: no reply into a solved conversation nor into the queue
    assertThat(inbox.post(meiToken, "/api/conversations/" + thQueued + "/replies", new JsonObject().put("text", "hi"))
        .statusCode()).isEqualTo(403);
  }

  @Test
  void filtersNarrowTheResults() throws Exception {
    assertThat(ids(linToken, "shop=" + TW)).containsExactly(zhTw);
    assertThat(ids(linToken, "platform=shopee&language=zh")).containsExactly(zhTw, zhAssignedMei, zhClosedMy);
    assertThat(ids(linToken, "platform=lazada")).isEmpty();
    assertThat(ids(linToken, "priority=urgent")).containsExactly(enArif, zhAssignedMei);
    assertThat(ids(linToken, "status=closed")).containsExactly(viClosed, zhClosedMy);
    assertThat(ids(linToken, "agent=" + arif)).containsExactly(enArif, zhClosedMy); // current or last owner
    assertThat(ids(linToken, "tab=solved&agent=" + mei + "&language=vi")).containsExactly(viClosed);
    assertThat(ids(linToken, "q=" + enc("发货") + "&shop=" + MY + "&priority=urgent")).containsExactly(zhAssignedMei);
    assertThat(ids(meiToken, "q=" + enc("发货") + "&tab=solved&language=zh")).containsExactly(zhClosedMy);
  }

  @Test
  void pagesFollowTheCursorWithoutGapsOrRepeats() throws Exception {
    List<Long> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonObject page = find(linToken, "limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
      page.getJsonArray("conversations").forEach(c -> seen.add(((JsonObject) c).getLong("id")));
      cursor = page.getString("next");
      pages++;
    } while (cursor != null);
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactly(enArif, viClosed, thQueued, zhTw, zhAssignedMei, zhClosedMy);
  }

  @Test
  void pastTheNewestWindowLongWordsUseTheIndexAndShortOnesContinuePageByPage() throws Exception {
    // WINDOW + 100 newer conversations, each with a message that matches nothing searched below
    inbox.count("""
        WITH b AS (INSERT INTO buyers (account_id, platform_buyer_id, name)
                   SELECT $1, 'bulk-' || i, 'Bulk ' || i FROM generate_series(1, $2) i RETURNING id, platform_buyer_id),
             c AS (INSERT INTO conversations (account_id, platform_conversation_id, buyer_id, status, language,
                     last_message_text, last_message_at, created_at, updated_at)
                   SELECT $1, 'bulk-' || b.id, b.id, 'closed', 'zh', '好的', now(), now(), now() FROM b RETURNING id)
        INSERT INTO messages (conversation_id, account_id, direction, body, author_name, status, at, created_at)
        SELECT c.id, $1, 'in', '好的，谢谢', 'x', 'received', now(), now() FROM c RETURNING 1""",
        MY, FindStore.WINDOW + 100);
    // three characters: found in the first answer through the trigram index, far behind the window
    assertThat(ids(linToken, "q=" + enc("什么时候"))).containsExactly(zhClosedMy);
    // the same through the index restricted to the searched shops (the shop filter; an agent's own shops)
    assertThat(ids(linToken, "q=" + enc("什么时候") + "&shop=" + MY)).containsExactly(zhClosedMy);
    assertThat(ids(meiToken, "q=" + enc("什么时候"))).containsExactly(zhClosedMy);
    assertThat(ids(meiToken, "q=" + enc("王小明"))).containsExactly(zhClosedMy);
    assertThat(ids(meiToken, "q=" + enc("訂單號碼"))).as("another shop's chat, past the window").isEmpty();
    assertThat(ids(linToken, "q=" + enc("訂單號碼"))).containsExactly(zhTw);
    // two characters: the first answer searched the window only; following the cursor reaches the old chats
    JsonObject first = find(linToken, "q=" + enc("退款"));
    assertThat(first.getJsonArray("conversations")).isEmpty();
    assertThat(first.getString("next")).isNotNull();
    JsonObject second = find(linToken, "q=" + enc("退款") + "&cursor=" + first.getString("next"));
    assertThat(idsOf(second.getJsonArray("conversations"))).containsExactly(zhAssignedMei);
    assertThat(second.getString("next")).isNull();
    // a common short word fills the page from the window at once
    JsonObject common = find(linToken, "q=" + enc("谢谢") + "&limit=20");
    assertThat(common.getJsonArray("conversations")).hasSize(20);
    assertThat(common.getString("next")).isNotNull();
  }

  @Test
  void theContextListsTheBuyersOtherConversationsTheUserMayRead() throws Exception {
    long again = data.conversation(MY, "9001", "王小明", "assigned", mei, "zh", 0, "又是我");
    long otherShop = data.conversation(TW, "9001", "王小明", "closed", null, "zh", 0, "台灣店的訂單");
    JsonObject mine = inbox.get(meiToken, "/api/conversations/" + again + "/context").bodyAsJsonObject();
    assertThat(idsOf(mine.getJsonArray("conversations"))).containsExactly(zhClosedMy);
    assertThat(mine.getJsonObject("orders").getBoolean("available")).isNotNull();
    JsonObject lins = inbox.get(linToken, "/api/conversations/" + again + "/context").bodyAsJsonObject();
    assertThat(idsOf(lins.getJsonArray("conversations"))).containsExactly(otherShop, zhClosedMy);
  }

  @Test
  void badInputIsA400AndNothingElse() throws Exception {
    assertError("tab=everything", "bad_tab");
    assertError("q=" + "长".repeat(101), "query_too_long");
    assertError("status=open", "bad_status");
    assertError("priority=high", "bad_priority");
    assertError("agent=me", "bad_agent");
    assertError("limit=0", "bad_limit");
    assertError("limit=101", "bad_limit");
    assertError("limit=x", "bad_limit");
    assertError("cursor=not-a-cursor", "bad_cursor");
    assertError("q=%ZZ", "bad_request"); // a broken %-escape
    assertThat(inbox.get(linToken, "/api/conversations/abc/context").statusCode()).isEqualTo(400);
    assertThat(inbox.get(linToken, "/api/conversations/999999/context").statusCode()).isEqualTo(404);
    assertThat(inbox.http.get("/api/find").send().toCompletionStage().toCompletableFuture().get().statusCode())
        .isEqualTo(401);
  }

  private void assertError(String query, String code) throws Exception {
    HttpResponse<Buffer> r = inbox.get(linToken, "/api/find?" + query);
    assertThat(r.statusCode()).as(query).isEqualTo(400);
    assertThat(r.bodyAsJsonObject().getString("error")).as(query).isEqualTo(code);
    assertThat(r.bodyAsJsonObject().getString("message")).isNotBlank();
  }

  private JsonObject find(String token, String query) throws Exception {
    HttpResponse<Buffer> r = inbox.get(token, "/api/find?" + query);
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject();
  }

  private List<Long> ids(String token, String query) throws Exception {
    return idsOf(find(token, query).getJsonArray("conversations"));
  }

  private static List<Long> idsOf(JsonArray conversations) {
    List<Long> out = new ArrayList<>();
    conversations.forEach(c -> out.add(((JsonObject) c).getLong("id")));
    return out;
  }

  private static List<String> texts(JsonArray timeline) {
    List<String> out = new ArrayList<>();
    timeline.forEach(e -> out.add(((JsonObject) e).getString("text")));
    return out;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
