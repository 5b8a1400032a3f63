package dev.unibox.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.adapters.shopee.fake.FakeShopee;
import dev.unibox.adapters.shopee.fake.PushOutcome;
import dev.unibox.store.DataDirFiles;
import dev.unibox.store.SecretFile;
import dev.unibox.testing.Await;
import dev.unibox.testing.NodeProcesses;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real service ({@code dev.unibox.Main} in a child JVM) on its embedded PostgreSQL, killed with
 * SIGKILL while signed pushes stream in. Its PostgreSQL survives as an orphan; ONE more start on the same
 * data directory comes up, every acknowledged push is stored exactly once, and a session token issued
 * before the crash still works (the signing key is in an owner-only file, not in the database). A service
 * started on the directory while that one runs is refused with a message naming the directory, and the
 * running one's database is left alone.
 */
class RestartAfterKillTest {

  private static final long PARTNER_ID = 2007101;
  private static final String PARTNER_KEY = "restart-test-partner-key-0123456789";
  /** What Shopee signs: the public URL behind the proxy (nothing listens there; the test delivers pushes). */
  private static final String PUBLIC_CALLBACK = "http://127.0.0.1:9/webhooks/shopee";
  private static final long SHOP = 440_001;
  private static final int SENDERS = 4;
  private static final String ADMIN_PASSWORD = "restart-admin-pass-1";

  private final Vertx vertx = Vertx.vertx();
  private final WebClient http = WebClient.create(vertx);
  private final Set<String> acked = ConcurrentHashMap.newKeySet();
  private final AtomicInteger counter = new AtomicInteger();
  private NodeProcesses processes;
  private FakeShopee shopee;
  private Path dataDir;
  /** Kept when the test fails (the logs of the services are in it). */
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path temp;

  @AfterEach
  void stopEverything() throws Exception {
    if (processes != null) {
      processes.close();
    }
    if (dataDir != null) {
      // a failed run may leave its PostgreSQL behind: ask it to stop (SIGTERM, a smart shutdown)
      postmasterPid().flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroy);
    }
    if (shopee != null) {
      Await.result(shopee.stop());
    }
    Await.result(vertx.close());
  }

  @Test
  void oneStartAfterKillDashNineComesUpWithEveryAcknowledgedPushOnce() throws Exception {
    Path dir = temp;
    dataDir = dir.resolve("pg");
    shopee = Await.result(new FakeShopee(vertx, PARTNER_ID, PARTNER_KEY).start(0));
    shopee.addShop(SHOP, "Restart Shop", "token-r", PUBLIC_CALLBACK);
    byte[] credentialsKey = new byte[32];
    new SecureRandom().nextBytes(credentialsKey);
    processes = new NodeProcesses(dir, Map.of(
        "UNIBOX_AUTH_BOOTSTRAPADMIN_PASSWORD", ADMIN_PASSWORD,
        "UNIBOX_CONFIG_DIR", Path.of(System.getProperty("unibox.config.dir", "../config")).toAbsolutePath().toString(),
        "UNIBOX_CREDENTIALS_KEY", Base64.getEncoder().encodeToString(credentialsKey)));
    String yaml = """
        database:
          embeddedDataDir: %s
          poolSize: 4
        accounts:
          - id: restart-shop
            platform: shopee
            shopId: "%d"
            shopName: Restart Shop
            region: MY
            timeZone: Asia/Kuala_Lumpur
            apiBaseUrl: %s
            callbackUrl: %s
            credentials: {appKey: "%d", appSecret: %s, accessToken: token-r, refreshToken: refresh-token-r}
            options: {requestTimeoutMs: "1500"}
        """.formatted(dataDir, SHOP, shopee.baseUrl(), PUBLIC_CALLBACK, PARTNER_ID, PARTNER_KEY);

    NodeProcesses.Node first = processes.start("first", yaml, http);
    String token = login(first);
    List<Future<Void>> senders = new ArrayList<>();
    for (int s = 0; s < SENDERS; s++) {
      Promise<Void> done = Promise.promise();
      senders.add(done.future());
      vertx.runOnContext(v -> sendUntilRefused(first, done));
    }
    Await.until("pushes are being acknowledged", () -> acked.size() >= 40);
    first.process().destroyForcibly(); // SIGKILL: no shutdown hook, PostgreSQL is not told
    assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
    Await.result(Future.all(senders));
    long orphan = postmasterPid().orElseThrow();
    assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("PostgreSQL outlives the killed service")
        .contains(true);

    NodeProcesses.Node second = processes.start("second", yaml, http); // fails if it exits or is not ready
    assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("the orphan was stopped").isEmpty();
    assertThat(second.output()).contains("stopping it before starting again");

    try (Connection c = connect()) {
      assertThat(acked).hasSizeGreaterThanOrEqualTo(40);
      assertThat(count(c, "SELECT count(*) FROM messages WHERE platform_message_id = ANY(?)", acked))
          .as("acknowledged pushes stored").isEqualTo(acked.size());
      assertThat(count(c, "SELECT count(*) FROM (SELECT 1 FROM messages GROUP BY account_id, platform_message_id "
          + "HAVING count(*) > 1) twice", null)).as("messages stored twice").isZero();
      assertThat(count(c, "SELECT count(*) FROM pg_tables WHERE tablename = 'server_secrets'", null))
          .as("no signing key in the database").isZero();
    }
    Path keyFile = DataDirFiles.jwtKey(dataDir);
    assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(SecretFile.OWNER_ONLY);
    assertThat(Files.getPosixFilePermissions(DataDirFiles.postgresPassword(dataDir))).isEqualTo(SecretFile.OWNER_ONLY);
    assertThat(me(second, token).statusCode()).as("a token from before the crash").isEqualTo(200);
    assertThat(me(second, token.substring(0, token.length() - 2) + "xx").statusCode()).isEqualTo(401);

    // a second service on the same directory while this one runs: refused, and this one untouched
    long running = postmasterPid().orElseThrow();
    NodeProcesses.Node intruder = processes.launch("intruder", yaml);
    assertThat(intruder.process().waitFor(120, TimeUnit.SECONDS)).as("the second service gives up").isTrue();
    assertThat(intruder.process().exitValue()).isNotZero();
    assertThat(intruder.output()).contains("The data directory " + dataDir + " is already in use by another Unibox "
        + "service (process " + second.process().pid());
    assertThat(postmasterPid()).contains(running);
    assertThat(Await.result(http.getAbs(second.url() + "/health/ready").send()).statusCode()).isEqualTo(200);
    assertThat(me(second, token).statusCode()).isEqualTo(200);

    second.process().destroy(); // SIGTERM: drains, stops its PostgreSQL
    assertThat(second.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
    // its PostgreSQL removes the pid file a moment before its process is gone
    Await.until("PostgreSQL stopped with its service", () -> ProcessHandle.of(running).filter(ProcessHandle::isAlive)
        .isEmpty());
  }

  /** One sender: signed pushes back to back to the service until one is not acknowledged. */
  private void sendUntilRefused(NodeProcesses.Node node, Promise<Void> done) {
    int n = counter.incrementAndGet();
    String buyer = String.valueOf(600_000 + n % 20);
    shopee.pushBuyerText(SHOP, buyer, "Buyer " + buyer, "Is the blue one in stock? #" + n)
        .compose(outcome -> http.postAbs(node.url() + "/webhooks/shopee")
            .putHeader("Authorization", outcome.authorization()).putHeader("Content-Type", "application/json")
            .sendBuffer(Buffer.buffer(outcome.body()))
            .map(r -> r.statusCode() == 200 ? outcome : (PushOutcome) null))
        .onComplete(ar -> {
          if (ar.succeeded() && ar.result() != null) {
            acked.add(ar.result().messageId());
            sendUntilRefused(node, done);
          } else {
            done.complete();
          }
        });
  }

  private String login(NodeProcesses.Node node) throws Exception {
    HttpResponse<Buffer> r = Await.result(http.postAbs(node.url() + "/api/login")
        .sendJsonObject(new JsonObject().put("username", "admin").put("password", ADMIN_PASSWORD)));
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject().getString("token");
  }

  private HttpResponse<Buffer> me(NodeProcesses.Node node, String token) throws Exception {
    return Await.result(http.getAbs(node.url() + "/api/me").putHeader("Authorization", "Bearer " + token).send());
  }

  private java.util.Optional<Long> postmasterPid() throws Exception {
    Path pidFile = dataDir.resolve("postmaster.pid");
    return Files.exists(pidFile) ? java.util.Optional.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()))
        : java.util.Optional.empty();
  }

  /** The running service's database, reached with the password from the owner-only file. */
  private Connection connect() throws Exception {
    String port = Files.readAllLines(dataDir.resolve("postmaster.pid")).get(3).trim();
    return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/unibox", "postgres",
        Files.readString(DataDirFiles.postgresPassword(dataDir)).trim());
  }

  private static long count(Connection c, String sql, Set<String> ids) throws Exception {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      if (ids != null) {
        s.setArray(1, c.createArrayOf("text", ids.toArray()));
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
