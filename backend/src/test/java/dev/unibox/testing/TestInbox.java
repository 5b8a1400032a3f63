package dev.unibox.testing;

import dev.unibox.UniboxApp;
import dev.unibox.adapters.shopee.fake.FakeShopee;
import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AccountCredentials;
import dev.unibox.auth.UserStore;
import dev.unibox.config.UniboxConfig;
import dev.unibox.signals.Kicks;
import dev.unibox.store.Database;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole inbox on loopback for a test: a fresh database, a fake Shopee with two shops, and the
 * service started through {@link UniboxApp} exactly as Main does.
 */
public final class TestInbox implements AutoCloseable {

  public static final long PARTNER_ID = 2001234;
  public static final String PARTNER_KEY = "test-partner-key-0123456789";
  public static final long SHOP_MY = 220001;
  public static final long SHOP_TW = 220002;
  public static final String ACCOUNT_MY = "shopee-my-01";
  public static final String ACCOUNT_TW = "shopee-tw-01";
  public static final String ADMIN_PASSWORD = "admin-test-pass-1";

  public final Vertx vertx;
  public final FakeShopee shopee;
  public final UniboxApp app;
  public final Database db;
  public final WebClient http;

  private TestInbox(Vertx vertx, FakeShopee shopee, UniboxApp app, Database db) {
    this.vertx = vertx;
    this.shopee = shopee;
    this.app = app;
    this.db = db;
    this.http = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(app.httpPort()));
  }

  public static TestInbox start(Vertx vertx) throws Exception {
    return start(vertx, Clock.systemUTC());
  }

  public static TestInbox start(Vertx vertx, Clock clock) throws Exception {
    return start(vertx, clock, c -> c);
  }

  /** Starts with the test configuration changed by {@code tune} (e.g. routing settings). */
  public static TestInbox start(Vertx vertx, Clock clock, java.util.function.UnaryOperator<UniboxConfig> tune)
      throws Exception {
    Database db = TestDatabases.fresh(vertx);
    FakeShopee shopee = Await.result(new FakeShopee(vertx, PARTNER_ID, PARTNER_KEY, clock).start(0));
    UniboxConfig config = tune.apply(config(shopee.baseUrl()));
    // Booting (migrations, verticles) is not what a test measures: a busy machine gets more time for it.
    UniboxApp app = Await.result(UniboxApp.start(vertx, config, clock, db), java.time.Duration.ofSeconds(120));
    String callback = app.baseUrl() + "/webhooks/shopee";
    shopee.addShop(SHOP_MY, "Blossom Home MY", "token-my", callback);
    shopee.addShop(SHOP_TW, "小森生活 TW", "token-tw", callback);
    return new TestInbox(vertx, shopee, app, db);
  }

  /** The same configuration with other routing settings. */
  public static UniboxConfig withRouting(UniboxConfig c, UniboxConfig.RoutingConfig routing) {
    return new UniboxConfig(c.http(), c.database(), c.auth(), routing, c.outbox(), c.classificationFile(), c.demo(),
        c.accounts());
  }

  static UniboxConfig config(String shopeeUrl) {
    return new UniboxConfig(
        new UniboxConfig.HttpConfig("127.0.0.1", 0),
        new UniboxConfig.DatabaseConfig("", Path.of("target/unused"), 8),
        new UniboxConfig.AuthConfig("test-jwt-secret-that-is-long-enough-0123", 12, "admin", ADMIN_PASSWORD),
        new UniboxConfig.RoutingConfig(5, 200),
        new UniboxConfig.OutboxConfig(5, 20, 200, 100),
        Path.of(System.getProperty("unibox.config.dir", "../config")).resolve("classification.yaml"),
        new UniboxConfig.DemoConfig(false, 0, 0, "", List.of()),
        List.of(account(ACCOUNT_MY, SHOP_MY, "Blossom Home MY", "Asia/Kuala_Lumpur", shopeeUrl, "token-my"),
            account(ACCOUNT_TW, SHOP_TW, "小森生活 TW", "Asia/Taipei", shopeeUrl, "token-tw")));
  }

  private static AccountConfig account(String id, long shopId, String name, String zone, String url, String token) {
    return new AccountConfig(id, "shopee", String.valueOf(shopId), name, "MY", zone, url, "self:/webhooks/shopee",
        new AccountCredentials(String.valueOf(PARTNER_ID), PARTNER_KEY, token, "refresh-" + token),
        Map.of("requestTimeoutMs", "1500"));
  }

  /** Creates a user with access to the given accounts (none = all). */
  public long createUser(String username, String role, int maxConcurrent, String... accounts) throws Exception {
    Long id = Await.result(UserStore.create(db.pool(), username, username + " (" + role + ")", role, "pw-" + username,
        accounts.length == 0, maxConcurrent));
    Await.result(UserStore.grantAccounts(db.pool(), id, List.of(accounts)));
    return id;
  }

  /** Creates the user (as {@link #createUser}) and logs them in: their token. */
  public String loggedIn(String username, String role, int maxConcurrent, String... accounts) throws Exception {
    createUser(username, role, maxConcurrent, accounts);
    return login(username);
  }

  public String login(String username) throws Exception {
    return login(username, "pw-" + username);
  }

  /** Logs in the bootstrap admin (every shop, every right): a new token. */
  public String loginAdmin() throws Exception {
    return login("admin", ADMIN_PASSWORD);
  }

  public String login(String username, String password) throws Exception {
    HttpResponse<Buffer> r = Await.result(http.post("/api/login")
        .sendJsonObject(new JsonObject().put("username", username).put("password", password)));
    if (r.statusCode() != 200) {
      throw new AssertionError("login failed: " + r.statusCode() + " " + r.bodyAsString());
    }
    return r.bodyAsJsonObject().getString("token");
  }

  public HttpResponse<Buffer> get(String token, String path) throws Exception {
    return Await.result(http.get(path).putHeader("Authorization", "Bearer " + token).send());
  }

  public HttpResponse<Buffer> post(String token, String path, JsonObject body) throws Exception {
    return Await.result(http.post(path).putHeader("Authorization", "Bearer " + token).sendJsonObject(body));
  }

  public HttpResponse<Buffer> put(String token, String path, JsonObject body) throws Exception {
    return Await.result(http.put(path).putHeader("Authorization", "Bearer " + token).sendJsonObject(body));
  }

  /** A buyer writes to the shop through the fake Shopee; fails unless our webhook took the push. */
  public void buyerWrites(long shopId, String buyerId, String buyerName, String text) throws Exception {
    int status = Await.result(shopee.pushBuyerText(shopId, buyerId, buyerName, text)).statusCode();
    if (status != 200) {
      throw new AssertionError("the webhook answered the push with " + status);
    }
  }

  /**
   * A signed Shopee text push to SHOP_MY, posted straight to the webhook with no client deadline (the
   * fake's own push gives up after Shopee's 3 s, which a loaded build machine can exceed).
   */
  public io.vertx.core.Future<Integer> signedShopeePush(String messageId, String buyerId, String jsonText) {
    long now = System.currentTimeMillis() / 1000;
    String body = "{\"msg_id\":\"p-" + messageId + "\",\"code\":10,\"shop_id\":" + SHOP_MY + ",\"timestamp\":" + now
        + ",\"data\":{\"type\":\"message\",\"region\":\"MY\",\"content\":{\"message_id\":\"" + messageId
        + "\",\"conversation_id\":\"c-" + buyerId + "\",\"from_id\":" + buyerId + ",\"from_user_name\":\"b" + buyerId
        + "\",\"to_id\":5550001,\"to_user_name\":\"shop\",\"message_type\":\"text\",\"content\":{\"text\":\""
        + jsonText + "\"},\"created_timestamp\":" + now + ",\"source_content\":{},\"quoted_msg\":{\"message_id\":\"\"}}}}";
    String signature = dev.unibox.adapters.shopee.ShopeeSigner.pushSignature(PARTNER_KEY,
        app.baseUrl() + "/webhooks/shopee", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return http.post("/webhooks/shopee").putHeader("Content-Type", "application/json")
        .putHeader("Authorization", signature).sendBuffer(Buffer.buffer(body)).map(r -> r.statusCode());
  }

  /** Starts a browser script (frontend/e2e) against this service: {@code env} and BASE_URL. */
  public BrowserScript browser(String script, Map<String, String> env) throws Exception {
    Map<String, String> all = new HashMap<>(env);
    all.put("BASE_URL", app.baseUrl());
    return BrowserScript.start(script, all);
  }

  public AgentSocket socket(String token, long lastSeq) throws Exception {
    return AgentSocket.connect(vertx, app.httpPort(), token, lastSeq);
  }

  /** A socket of the token's user, once the server said hello and the user is online (the router sees them). */
  public AgentSocket onlineSocket(String token) throws Exception {
    AgentSocket socket = socket(token, 0);
    long userId = socket.hello().getLong("userId");
    Await.until("user " + userId + " online",
        () -> count("SELECT count(*) FROM users WHERE id = $1 AND presence = 'online'", userId) == 1);
    return socket;
  }

  /** Marks the users online (as a socket would) so that the router gives them conversations. */
  public void markOnline(long... userIds) throws Exception {
    Await.result(db.pool().preparedQuery("UPDATE users SET presence = 'online' WHERE id = ANY($1)")
        .execute(Tuple.tuple().addArrayOfLong(java.util.Arrays.stream(userIds).boxed().toArray(Long[]::new))));
  }

  /** The user goes online as the presence route stores it, and routing is woken. */
  public void goOnline(long userId) throws Exception {
    Await.result(UserStore.setPresence(db.pool(), userId, "online"));
    Kicks.routing(vertx);
  }

  /** A supervisor sets an agent's languages and capacity through the skills API (which must accept them). */
  public void setLanguages(String supervisorToken, long agentId, int maxConcurrent, String... languages)
      throws Exception {
    HttpResponse<Buffer> r = put(supervisorToken, "/api/agents/" + agentId + "/skills", new JsonObject()
        .put("languages", new io.vertx.core.json.JsonArray(List.of(languages))).put("maxConcurrent", maxConcurrent));
    if (r.statusCode() != 200) {
      throw new AssertionError("skills of " + agentId + " refused: " + r.statusCode() + " " + r.bodyAsString());
    }
  }

  /** The conversation's owner, or null while it is queued. */
  public Long assigneeOf(long conversationId) throws Exception {
    return rows("SELECT assignee_id FROM conversations WHERE id = $1", conversationId).get(0).getLong(0);
  }

  /** The language ingest detected for the conversation. */
  public String languageOf(long conversationId) throws Exception {
    return rows("SELECT language FROM conversations WHERE id = $1", conversationId).get(0).getString(0);
  }

  /** The id of the conversation of the buyer with this platform id (a buyer who wrote to one shop only). */
  public long conversationOf(String platformBuyerId) throws Exception {
    return count("SELECT c.id FROM conversations c JOIN buyers b ON b.id = c.buyer_id WHERE b.platform_buyer_id = $1",
        platformBuyerId);
  }

  /**
   * The agent comes online and gets one seat at a time, the router woken each time: the conversations in the
   * order the routing policy served them.
   */
  public List<Long> serveOneByOne(long agentId, int seats) throws Exception {
    Await.result(UserStore.setPresence(db.pool(), agentId, "online"));
    for (int i = 1; i <= seats; i++) {
      count("UPDATE users SET max_concurrent = $1 WHERE id = $2 RETURNING 1", i, agentId);
      Kicks.routing(vertx);
      int taken = i;
      Await.until("seat " + i + " taken", () -> count("SELECT count(*) FROM activities WHERE type = 'assigned'") == taken);
    }
    return rows("SELECT conversation_id FROM activities WHERE type = 'assigned' ORDER BY id").stream()
        .map(r -> r.getLong(0)).toList();
  }

  /** Waits until the user holds {@code conversations} conversations (the router assigns them on its own time). */
  public void awaitAssigned(long userId, int conversations) throws InterruptedException {
    Await.until(conversations + " conversations assigned to user " + userId,
        () -> count("SELECT count(*) FROM conversations WHERE assignee_id = $1", userId) == conversations);
  }

  public long count(String sql, Object... params) throws Exception {
    return Await.result(db.pool().preparedQuery(sql).execute(Tuple.from(params)))
        .iterator().next().getLong(0);
  }

  public List<Row> rows(String sql, Object... params) throws Exception {
    List<Row> out = new java.util.ArrayList<>();
    Await.result(db.pool().preparedQuery(sql).execute(Tuple.from(params))).forEach(out::add);
    return out;
  }

  @Override
  public void close() throws Exception {
    Await.result(app.stop());
    Await.result(shopee.stop());
    Await.result(db.close());
  }
}
