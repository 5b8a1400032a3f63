package dev.unibox.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.adapters.shopee.fake.FakeShopee;
import dev.unibox.adapters.shopee.fake.PushOutcome;
import dev.unibox.auth.UserStore;
import dev.unibox.store.Database;
import dev.unibox.testing.AgentSocket;
import dev.unibox.testing.Await;
import dev.unibox.testing.ClusterConfigs;
import dev.unibox.testing.NodeProcesses;
import dev.unibox.testing.TestDatabases;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three real nodes (child JVMs, Hazelcast on loopback) on one real PostgreSQL, six Shopee shops on a fake
 * Shopee. A node stopped with SIGTERM hands its accounts over at once; a node killed with SIGKILL under a
 * steady push load loses nothing: every acknowledged push is stored once, its accounts are owned again
 * within 10 s, no reply is sent twice, the agent whose socket was on it resumes on another node without a
 * gap, and the SLA sweep has exactly one owner throughout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailoverTest {

  private static final long PARTNER_ID = 2007001;
  private static final String PARTNER_KEY = "cluster-test-partner-key-0123456789";
  /** What Shopee signs: the public URL behind the proxy (nothing listens there in this test). */
  private static final String PUBLIC_CALLBACK = "http://127.0.0.1:9/webhooks/shopee";
  private static final int SHOPS = 6;
  private static final int LEASE_SECONDS = 3;

  private Vertx vertx;
  private Database db;
  private FakeShopee shopee;
  private WebClient http;
  private NodeProcesses processes;
  private final List<NodeProcesses.Node> live = new ArrayList<>();
  private final Set<String> acked = new HashSet<>();
  private long anaId;

  @BeforeAll
  void startCluster() throws Exception {
    vertx = Vertx.vertx();
    http = WebClient.create(vertx);
    db = TestDatabases.fresh(vertx);
    shopee = Await.result(new FakeShopee(vertx, PARTNER_ID, PARTNER_KEY).start(0));
    for (int i = 1; i <= SHOPS; i++) {
      shopee.addShop(shop(i), "Shop " + i, "token-" + i, PUBLIC_CALLBACK);
    }
    String accounts = ClusterConfigs.accountsYaml(shopee, SHOPS, PARTNER_ID, PARTNER_KEY, PUBLIC_CALLBACK,
        "{pollIntervalSeconds: \"2\", requestTimeoutMs: \"1500\"}");
    PgConnectOptions pg = TestDatabases.options(db);
    List<Integer> hz = List.of(NodeProcesses.freePort(), NodeProcesses.freePort(), NodeProcesses.freePort());
    String members = String.join(",", hz.stream().map(p -> "127.0.0.1:" + p).toList());
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Path dir = Files.createDirectories(Path.of("target", "cluster-test"));
    processes = new NodeProcesses(dir, Map.of(
        "UNIBOX_AUTH_BOOTSTRAPADMIN_PASSWORD", "cluster-admin-pass-1",
        "UNIBOX_AUTH_JWTSECRET", "cluster-test-session-key-0123456789abcdef",
        "UNIBOX_CONFIG_DIR", Path.of(System.getProperty("unibox.config.dir", "../config")).toAbsolutePath().toString(),
        "UNIBOX_CREDENTIALS_KEY", Base64.getEncoder().encodeToString(key)));
    for (int i = 0; i < 3; i++) {
      String yaml = ClusterConfigs.databaseYaml(pg, 4) + """
          routing: {sweepMillis: 300}
          outbox: {pollMillis: 200, initialBackoffMillis: 50, maxBackoffMillis: 500}
          """ + ClusterConfigs.clusterYaml(i + 1, hz, members) + "  leaseSeconds: " + LEASE_SECONDS + "\n" + accounts;
      live.add(processes.start("node" + (i + 1), yaml, http));
    }
    anaId = Await.result(UserStore.create(db.pool(), "ana", "Ana", "agent", "pw-ana-cluster-1", true, 50));
  }

  @AfterAll
  void stopCluster() throws Exception {
    processes.close();
    Await.result(shopee.stop());
    Await.result(db.close());
    Await.result(vertx.close());
  }

  private static long shop(int i) {
    return ClusterConfigs.shopId(i);
  }

  /** account → owner node name, for the accounts whose lease is live now. */
  private Map<String, String> accountOwners() throws Exception {
    Map<String, String> owners = new java.util.HashMap<>();
    for (Row r : Await.result(db.pool().query(
        "SELECT name, owner FROM leases WHERE name LIKE 'account:%' AND expires_at > now()").execute())) {
      owners.put(r.getString("name"), r.getString("owner").replaceAll("-.*", ""));
    }
    return owners;
  }

  private long count(String sql, Object... params) throws Exception {
    return Await.result(db.pool().preparedQuery(sql).execute(Tuple.wrap(params))).iterator().next().getLong(0);
  }

  @Test
  @Order(1)
  void aStoppedNodeHandsItsAccountsOverBeforeItsLeasesWouldExpire() throws Exception {
    Await.until("six accounts spread two per node", () -> {
      try {
        Map<String, String> owners = accountOwners();
        Map<String, Long> perNode = owners.values().stream()
            .collect(java.util.stream.Collectors.groupingBy(o -> o, java.util.stream.Collectors.counting()));
        // exactly two each: a node may briefly hold three before it sheds one to a node that joined later
        return owners.size() == SHOPS && perNode.size() == 3 && perNode.values().stream().allMatch(n -> n == 2);
      } catch (Exception e) {
        return false;
      }
    });
    NodeProcesses.Node leaving = live.remove(2);
    Set<String> handed = new HashSet<>();
    accountOwners().forEach((account, owner) -> {
      if (owner.equals(leaving.name())) {
        handed.add(account);
      }
    });
    assertThat(handed).hasSize(2);
    long stoppedAt = System.nanoTime();
    leaving.process().destroy(); // SIGTERM: drain and hand over
    Await.until("its accounts owned by the others", () -> {
      try {
        Map<String, String> owners = accountOwners();
        return handed.stream().allMatch(a -> owners.containsKey(a) && !owners.get(a).equals(leaving.name()));
      } catch (Exception e) {
        return false;
      }
    });
    double seconds = (System.nanoTime() - stoppedAt) / 1e9;
    System.out.printf("Cluster handover: accounts owned again %.1f s after SIGTERM%n", seconds);
    assertThat(seconds).as("handover after SIGTERM (lease time %d s)", LEASE_SECONDS).isLessThan(LEASE_SECONDS);
    assertThat(leaving.process().waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
  }

  @Test
  @Order(2)
  void aKilledNodeLosesNothingAndItsWorkMovesWithinTenSeconds() throws Exception {
    NodeProcesses.Node doomed = live.get(0);
    NodeProcesses.Node survivor = live.get(1);
    String token = login(doomed);
    AgentSocket socket = AgentSocket.connect(vertx, doomed.httpPort(), token, 0);
    socket.hello();
    for (int i = 0; i < 30; i++) {
      push(i);
    }
    Await.until("ana has conversations", () -> conversationsOf("ana") >= 3);
    List<Long> mine = assignedTo("ana");
    reply(survivor, token, mine.get(0), "before the crash 1");
    reply(doomed, token, mine.get(1), "before the crash 2");
    long lastSeqBefore = lastSeq(socket);

    Set<String> slaOwners = new HashSet<>();
    long killedAt = System.nanoTime();
    doomed.process().destroyForcibly(); // SIGKILL: no goodbye, its leases just stop being renewed
    live.remove(doomed);
    assertThat(socket.awaitClosed()).isNotNull();
    for (int i = 30; i < 60; i++) {
      push(i);
      slaOwners.addAll(liveOwners("job:sla"));
    }
    reply(survivor, token, mine.get(2), "after the crash");

    Await.until("every account owned by a live node", () -> {
      try {
        slaOwners.addAll(liveOwners("job:sla"));
        Map<String, String> owners = accountOwners();
        return owners.size() == SHOPS && owners.values().stream().noneMatch(doomed.name()::equals);
      } catch (Exception e) {
        return false;
      }
    });
    double failover = (System.nanoTime() - killedAt) / 1e9;
    System.out.printf("Cluster failover: accounts owned again %.1f s after SIGKILL%n", failover);
    assertThat(failover).as("accounts owned again after a kill").isLessThan(10);

    // every acknowledged push stored exactly once
    assertThat(count("SELECT count(*) FROM messages WHERE platform_message_id = ANY($1)",
        (Object) acked.toArray(String[]::new))).isEqualTo(acked.size());
    assertThat(count("SELECT count(*) FROM (SELECT platform_message_id FROM messages WHERE platform_message_id = ANY($1)"
        + " GROUP BY account_id, platform_message_id HAVING count(*) > 1) d", (Object) acked.toArray(String[]::new)))
        .isZero();

    // each reply reaches Shopee exactly once, including the one the dead node had accepted
    for (String text : List.of("before the crash 1", "before the crash 2", "after the crash")) {
      Await.until("reply sent: " + text, () -> shopee.acceptedSends().stream()
          .anyMatch(s -> text.equals(s.getJsonObject("content").getString("text"))));
    }
    Map<String, Long> sends = new java.util.HashMap<>();
    shopee.acceptedSends().forEach(s -> sends.merge(s.getJsonObject("content").encode(), 1L, Long::sum));
    assertThat(sends.values()).allMatch(n -> n == 1);

    // the agent resumes on another node from where the socket stopped, with nothing missing
    AgentSocket resumed = AgentSocket.connect(vertx, survivor.httpPort(), token, lastSeqBefore);
    long newest = resumed.hello().getLong("lastSeq");
    List<Long> stored = new ArrayList<>();
    Await.result(db.pool().preparedQuery("SELECT id FROM event_log WHERE $1 = ANY(recipients) AND id > $2 "
        + "AND id <= $3 ORDER BY id").execute(Tuple.of(anaId, lastSeqBefore, newest)))
        .forEach(r -> stored.add(r.getLong("id")));
    assertThat(stored).as("events written for ana while her node was dying and after").isNotEmpty();
    long last = stored.get(stored.size() - 1);
    resumed.next(f -> f.getLong("seq", 0L) == last);
    List<Long> got = resumed.events().stream().map(f -> f.getLong("seq")).filter(p -> p <= last).toList();
    assertThat(got).as("every missed event once, in order, from the other node").containsExactlyElementsOf(stored);
    resumed.close();

    // one SLA sweep owner at any time (checked at every sample), and after the kill a live one
    Await.until("the SLA job owned by a survivor", () -> {
      try {
        List<String> owners = liveOwners("job:sla");
        return owners.size() == 1 && !owners.get(0).equals(doomed.name());
      } catch (Exception e) {
        return false;
      }
    });
  }

  private List<String> liveOwners(String lease) throws Exception {
    List<String> owners = new ArrayList<>();
    Await.result(db.pool().preparedQuery("SELECT owner FROM leases WHERE name = $1 AND expires_at > now()")
        .execute(Tuple.of(lease))).forEach(r -> owners.add(r.getString("owner").replaceAll("-.*", "")));
    assertThat(owners).as("holders of " + lease).hasSizeLessThanOrEqualTo(1);
    return owners;
  }

  /** A buyer writes; Shopee's own push fails (nobody at the public URL), so we deliver the signed push to a live node. */
  private void push(int i) throws Exception {
    int shopIndex = 1 + i % SHOPS;
    String buyer = String.valueOf(500_000 + i % 12);
    PushOutcome outcome = Await.result(shopee.pushBuyerText(shop(shopIndex), buyer, "Buyer " + buyer,
        i % 3 == 0 ? "The parcel arrived broken, I want a refund" : "Hello, is this in stock? #" + i));
    NodeProcesses.Node node = live.get(ThreadLocalRandom.current().nextInt(live.size()));
    HttpResponse<Buffer> r = Await.result(http.postAbs(node.url() + "/webhooks/shopee")
        .putHeader("Authorization", outcome.authorization()).putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer(outcome.body())));
    if (r.statusCode() == 200) {
      acked.add(outcome.messageId());
    }
  }

  private String login(NodeProcesses.Node node) throws Exception {
    HttpResponse<Buffer> r = Await.result(http.postAbs(node.url() + "/api/login")
        .sendJsonObject(new JsonObject().put("username", "ana").put("password", "pw-ana-cluster-1")));
    assertThat(r.statusCode()).isEqualTo(200);
    return r.bodyAsJsonObject().getString("token");
  }

  private void reply(NodeProcesses.Node node, String token, long conversation, String text) throws Exception {
    HttpResponse<Buffer> r = Await.result(http.postAbs(node.url() + "/api/conversations/" + conversation + "/replies")
        .putHeader("Authorization", "Bearer " + token).sendJsonObject(new JsonObject().put("text", text)));
    assertThat(r.statusCode()).as(r.bodyAsString()).isBetween(200, 202);
  }

  private long conversationsOf(String username) {
    try {
      return count("SELECT count(*) FROM conversations c JOIN users u ON u.id = c.assignee_id WHERE u.username = $1",
          username);
    } catch (Exception e) {
      return 0;
    }
  }

  private List<Long> assignedTo(String username) throws Exception {
    List<Long> ids = new ArrayList<>();
    Await.result(db.pool().preparedQuery("SELECT c.id FROM conversations c JOIN users u ON u.id = c.assignee_id "
        + "WHERE u.username = $1 ORDER BY c.id").execute(Tuple.of(username))).forEach(r -> ids.add(r.getLong("id")));
    return ids;
  }

  private static long lastSeq(AgentSocket socket) {
    return socket.seen().stream().filter(f -> f.containsKey("seq")).mapToLong(f -> f.getLong("seq")).max().orElse(0);
  }
}
