package dev.unibox.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.adapters.lazada.fake.FakeLazada;
import dev.unibox.testing.AgentSocket;
import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestInbox;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Accounts at runtime through the admin API, with a fake Lazada added while the service runs. */
@InboxTest
class AccountAdminTest {

  private static final String LAZADA_SECRET = "lazada-app-secret-for-admin-test";
  private static final String LAZADA_ACCESS = "lzd-access-admin-test";
  private static final String SELLER = "200300400";

  private TestInbox inbox;
  private FakeLazada lazada;
  private String admin;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    lazada = Await.result(new FakeLazada(vertx, "130001", LAZADA_SECRET, Clock.systemUTC()).start(0));
    lazada.addSeller(SELLER, LAZADA_ACCESS, "lzd-refresh-admin-test", inbox.app.baseUrl() + "/webhooks/lazada");
    admin = inbox.loginAdmin();
  }

  @AfterEach
  void stop() throws Exception {
    Await.result(lazada.stop());
  }

  private JsonObject lazadaAccount() {
    return new JsonObject().put("id", "lazada-my-01").put("platform", "lazada").put("shopId", SELLER)
        .put("shopName", "Blossom Lazada").put("region", "MY").put("timeZone", "Asia/Kuala_Lumpur")
        .put("apiBaseUrl", lazada.baseUrl())
        .put("credentials", new JsonObject().put("appKey", "130001").put("appSecret", LAZADA_SECRET)
            .put("accessToken", LAZADA_ACCESS).put("refreshToken", "lzd-refresh-admin-test"));
  }

  @Test
  void anAccountAddedAtRuntimeReceivesPushesAndItsSecretsStayEncryptedAndHidden() throws Exception {
    HttpResponse<Buffer> added = inbox.post(admin, "/api/admin/accounts", lazadaAccount());
    assertThat(added.statusCode()).isEqualTo(201);

    FakeLazada.Push push = Await.result(lazada.buyerWrites(SELLER, "880001", "nur", "ada stok warna merah?"));

    assertThat(push.status()).isEqualTo(200);
    assertThat(inbox.count("SELECT count(*) FROM messages WHERE account_id = 'lazada-my-01'")).isEqualTo(1);
    String stored = inbox.rows("SELECT app_secret_enc, access_token_enc FROM account_credentials "
        + "WHERE account_id = 'lazada-my-01'").get(0).toJson().encode();
    assertThat(stored).doesNotContain(LAZADA_SECRET).doesNotContain(LAZADA_ACCESS);
    HttpResponse<Buffer> list = inbox.get(admin, "/api/admin/accounts");
    assertThat(list.bodyAsString()).contains("lazada-my-01").doesNotContain(LAZADA_SECRET).doesNotContain(LAZADA_ACCESS)
        .doesNotContain(TestInbox.PARTNER_KEY);
    JsonObject account = find(list.bodyAsJsonObject().getJsonArray("accounts"), "lazada-my-01");
    // the last push is recorded by a periodic flush, not by a commit per push
    Await.until("last push recorded", () -> {
      try {
        return inbox.count("SELECT count(*) FROM account_health WHERE account_id = 'lazada-my-01' "
            + "AND last_push_at IS NOT NULL") == 1;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    assertThat(account.getJsonObject("capabilities").getInteger("maxTextLength")).isEqualTo(1000);
    assertThat(account.getJsonObject("platformProfile").getString("displayName")).isEqualTo("Lazada");
    assertThat(inbox.post(admin, "/api/admin/accounts", lazadaAccount()).statusCode())
        .as("the same id again").isEqualTo(409);
  }

  @Test
  void pausedAccountHoldsRepliesUntilResumedAndARemovedOneNoLongerTakesPushes() throws Exception {
    inbox.post(admin, "/api/admin/accounts", lazadaAccount());
    String token = inbox.loggedIn("siti", "agent", 3, "lazada-my-01");
    try (AgentSocket socket = inbox.onlineSocket(token)) {
      Await.result(lazada.buyerWrites(SELLER, "880002", "aida", "boleh hantar hari ini?"));
      long conversationId = socket.nextAssigned();

      assertThat(inbox.get(token, "/api/conversations/" + conversationId).statusCode()).isEqualTo(200);
      Await.until("marked read on Lazada", () -> lazada.reads().size() == 1);

      assertThat(inbox.post(admin, "/api/admin/accounts/lazada-my-01/pause", new JsonObject()).statusCode()).isEqualTo(200);
      long messageId = inbox.post(token, "/api/conversations/" + conversationId + "/replies",
          new JsonObject().put("text", "Boleh, hari ini.")).bodyAsJsonObject().getJsonObject("message").getLong("id");
      Await.until("the outbox looked at it", () -> inbox.count(
          "SELECT count(*) FROM outbox WHERE message_id = $1 AND last_error = 'account paused'", messageId) == 1);
      assertThat(lazada.sends()).isEmpty();

      assertThat(inbox.post(admin, "/api/admin/accounts/lazada-my-01/resume", new JsonObject()).statusCode()).isEqualTo(200);
      assertThat(socket.messageStatus(messageId).getString("status")).isEqualTo("sent");
      assertThat(lazada.sends()).hasSize(1);
    }

    HttpResponse<Buffer> removed = Await.result(inbox.http.delete("/api/admin/accounts/lazada-my-01")
        .putHeader("Authorization", "Bearer " + admin).send());
    assertThat(removed.statusCode()).isEqualTo(200);
    assertThat(Await.result(lazada.buyerWrites(SELLER, "880003", "zul", "hello")).status())
        .as("an unknown shop gets the same 401 as a bad signature").isEqualTo(401);
    assertThat(inbox.count("SELECT count(*) FROM messages WHERE account_id = 'lazada-my-01' AND direction = 'in'"))
        .as("conversations stay readable").isEqualTo(1);

    HttpResponse<Buffer> again = inbox.post(admin, "/api/admin/accounts", lazadaAccount().put("id", "lazada-my-02"));
    assertThat(again.statusCode()).as("the same shop connected again under a new id").isEqualTo(201);
    assertThat(Await.result(lazada.buyerWrites(SELLER, "880004", "ina", "hello again")).status()).isEqualTo(200);
    assertThat(inbox.count("SELECT count(*) FROM messages WHERE account_id = 'lazada-my-02'")).isEqualTo(1);
  }

  @Test
  void onlyAdminsManageAccountsAndBadInputChangesNothing() throws Exception {
    String supervisor = inbox.loggedIn("ali", "supervisor", 0);

    assertThat(inbox.post(supervisor, "/api/admin/accounts", lazadaAccount()).statusCode()).isEqualTo(403);
    assertThat(inbox.get(supervisor, "/api/admin/accounts").statusCode()).isEqualTo(403);
    HttpResponse<Buffer> bad = inbox.post(admin, "/api/admin/accounts", new JsonObject().put("id", "Bad Id!")
        .put("platform", "lazada").put("timeZone", "Mars/Olympus"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.bodyAsJsonObject().getString("error")).isEqualTo("invalid_account");
    assertThat(bad.bodyAsJsonObject().getString("message")).contains("id:", "shopId", "timeZone", "appSecret");
    HttpResponse<Buffer> unknown = inbox.post(admin, "/api/admin/accounts", lazadaAccount().put("platform", "ebay"));
    assertThat(unknown.statusCode()).isEqualTo(400);
    HttpResponse<Buffer> invalid = inbox.post(admin, "/api/admin/accounts", lazadaAccount().put("apiBaseUrl", "ftp://x"));
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.bodyAsString()).doesNotContain(LAZADA_SECRET);
    assertThat(inbox.count("SELECT count(*) FROM accounts WHERE id = 'lazada-my-01'")).isZero();
    assertThat(inbox.post(admin, "/api/admin/accounts/nope/pause", new JsonObject()).statusCode()).isEqualTo(404);
  }

  @Test
  void everyUserSeesTheCapabilitiesAndPlatformProfileOfTheAccountsTheyServe() throws Exception {
    String wen = inbox.loggedIn("wen", "agent", 3, TestInbox.ACCOUNT_TW);
    JsonArray accounts = inbox.get(wen, "/api/accounts").bodyAsJsonObject().getJsonArray("accounts");

    assertThat(accounts).hasSize(1);
    JsonObject tw = accounts.getJsonObject(0);
    assertThat(tw.getString("id")).isEqualTo(TestInbox.ACCOUNT_TW);
    assertThat(tw.getJsonObject("capabilities").getBoolean("image")).isTrue();
    assertThat(tw.getJsonObject("platformProfile").getJsonArray("metrics").getJsonObject(0).getString("responseWithin"))
        .isEqualTo("PT12H");
  }

  private static JsonObject find(JsonArray accounts, String id) {
    for (int i = 0; i < accounts.size(); i++) {
      if (id.equals(accounts.getJsonObject(i).getString("id"))) {
        return accounts.getJsonObject(i);
      }
    }
    throw new AssertionError("no account " + id);
  }
}
