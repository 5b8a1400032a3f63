package dev.unibox.bench;

import dev.unibox.UniboxApp;
import dev.unibox.adapters.bridge.fake.FakeMerchantIntegration;
import dev.unibox.adapters.lazada.fake.FakeLazada;
import dev.unibox.adapters.shopee.fake.FakeShopee;
import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AccountCredentials;
import dev.unibox.adapters.tiktok.fake.FakeTikTokShop;
import dev.unibox.config.UniboxConfig;
import dev.unibox.store.Database;
import dev.unibox.testing.Await;
import dev.unibox.testing.TestDatabases;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * Ingest through each adapter's real push path (a benchmark, not a test): the fake platform signs and posts a
 * push to the running service over loopback, the adapter verifies it (TikTok Shop also fetches the message
 * through the fake's API), IngestService stores it in PostgreSQL and the service acknowledges. Measures, per
 * platform: pushes stored and acknowledged per second and the acknowledgement time (HdrHistogram 2.2.2) seen
 * by the platform. All platforms run in one JVM against one database, one after the other, so their figures
 * compare as ratios.
 *
 * <p>Run: {@code scripts/bench-adapters.sh [pushesPerPlatform] [concurrency]}; it prints a table and writes it
 * to docs/benchmarks.md (section "Adapter push ingest").
 */
public final class PushIngestBenchmark {

  private record Row(String platform, int pushes, int acked, long stored, double seconds, Histogram ack) {}

  public static void main(String[] args) {
    Harness.exitAfter(() -> run(args));
  }

  private static void run(String[] args) throws Exception {
    int pushes = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int warmup = Math.max(50, pushes / 10);
    Vertx vertx = Vertx.vertx();
    Database db = TestDatabases.fresh(vertx);
    Clock clock = Clock.systemUTC();
    FakeShopee shopee = Await.result(new FakeShopee(vertx, 2001234, "bench-partner-key-0123456789", clock).start(0));
    FakeLazada lazada = Await.result(new FakeLazada(vertx, "120001", "bench-lazada-secret", clock).start(0));
    FakeTikTokShop tiktok = Await.result(new FakeTikTokShop(vertx, "6bench", "bench-tiktok-secret", clock).start(0));
    FakeMerchantIntegration pdd = Await.result(new FakeMerchantIntegration(vertx, "pdd", "pdd-bench",
        "bench-bridge-secret-0123456789", clock).start(0));
    List<AccountConfig> accounts = List.of(
        account("shopee-bench", "shopee", "330001", shopee.baseUrl(),
            new AccountCredentials("2001234", "bench-partner-key-0123456789", "tok-s", "ref-s"), Map.of()),
        account("lazada-bench", "lazada", "440001", lazada.baseUrl(),
            new AccountCredentials("120001", "bench-lazada-secret", "tok-l", "ref-l"), Map.of()),
        account("tiktok-bench", "tiktok", "550001", tiktok.baseUrl(),
            new AccountCredentials("6bench", "bench-tiktok-secret", "tok-t", "ref-t"), Map.of("shopCipher", "cipher-b")),
        account("pdd-bench", "pinduoduo", "pdd-bench", pdd.callbackUrl(),
            new AccountCredentials("pdd", "bench-bridge-secret-0123456789", null, null), Map.of()));
    UniboxApp app = Await.result(UniboxApp.start(vertx, config(accounts), clock, db));
    String base = app.baseUrl();
    shopee.addShop(330001, "bench shop", "tok-s", "ref-s", base + "/webhooks/shopee");
    lazada.addSeller("440001", "tok-l", "ref-l", base + "/webhooks/lazada");
    tiktok.addShop("550001", "cipher-b", "tok-t", "ref-t", base + "/webhooks/tiktok");
    pdd.pushTo(base + "/webhooks/pinduoduo");

    record Target(String platform, String accountId, IntFunction<Future<Integer>> push) {}
    List<Target> targets = List.of(
        new Target("shopee", "shopee-bench", i -> shopee.pushBuyerText(330001, Long.toString(900_000 + i % 200),
            "buyer" + i % 200, "question " + i).map(o -> o.statusCode())),
        new Target("lazada", "lazada-bench", i -> lazada.buyerWrites("440001", Long.toString(900_000 + i % 200),
            "buyer", "question " + i).map(FakeLazada.Push::status)),
        new Target("tiktok", "tiktok-bench", i -> tiktok.buyerWrites("550001", "im-" + i % 200, "buyer",
            "question " + i).map(FakeTikTokShop.Push::status)),
        new Target("pinduoduo (bridge)", "pdd-bench", i -> pdd.buyerWrites("b" + i % 200, "buyer", "c" + i % 200,
            "question " + i).map(FakeMerchantIntegration.Push::status)));
    // Warm up every path first (JIT, pools, language models), then measure each platform in turn.
    for (Target t : targets) {
      PushLoad.closedLoop(vertx, warmup, concurrency, t.push(), 0, null);
    }
    List<Row> rows = new ArrayList<>();
    for (Target t : targets) {
      rows.add(run(vertx, db, t.platform(), t.accountId(), pushes, warmup, concurrency, t.push()));
    }

    String table = table(rows, pushes, warmup, concurrency);
    System.out.println(table);
    write(table);
    Await.result(app.stop());
    Await.result(db.close());
    vertx.close();
  }

  private static Row run(Vertx vertx, Database db, String platform, String accountId, int pushes, int warmup,
                         int concurrency, IntFunction<Future<Integer>> push) throws Exception {
    Histogram ack = new Histogram(60_000_000_000L, 3);
    long start = System.nanoTime();
    int acked = PushLoad.closedLoop(vertx, pushes, concurrency, push, warmup, ack);
    double seconds = (System.nanoTime() - start) / 1e9;
    long stored = Await.result(db.pool().preparedQuery("SELECT count(*) FROM messages WHERE account_id = $1")
        .execute(Tuple.of(accountId))).iterator().next().getLong(0) - warmup;
    return new Row(platform, pushes, acked, stored, seconds, ack);
  }

  private static String table(List<Row> rows, int pushes, int warmup, int concurrency) {
    StringBuilder b = new StringBuilder();
    b.append("Run ").append(LocalDate.now()).append(", ").append(Runtime.getRuntime().availableProcessors())
        .append(" cores, embedded PostgreSQL 18 (fsync and synchronous_commit on), ").append(pushes).append(" measured pushes per platform after ")
        .append(warmup).append(" warm-up pushes on every platform, ").append(concurrency).append(" in flight, 200 buyers each, polling backstop idle.\n\n");
    b.append("| platform (push path) | pushes | acked 2xx | stored | pushes/s stored+acked | p50 ack ms | p99 ack ms | max ack ms |\n");
    b.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Row r : rows) {
      b.append(String.format("| %s | %d | %d | %d | %.0f | %.1f | %.1f | %.1f |%n", r.platform, r.pushes, r.acked,
          r.stored, Math.min(r.acked, r.stored) / r.seconds, r.ack.getValueAtPercentile(50) / 1e6,
          r.ack.getValueAtPercentile(99) / 1e6, r.ack.getMaxValue() / 1e6));
    }
    return b.toString();
  }

  private static void write(String table) throws Exception {
    Path file = Path.of(System.getProperty("benchmarks.file", "../docs/benchmarks.md"));
    String begin = "<!-- adapter-push-ingest:begin -->";
    String end = "<!-- adapter-push-ingest:end -->";
    String section = begin + "\n## Adapter push ingest\n\n"
        + "Each platform's real push path over loopback: fake platform signs and posts, the adapter verifies "
        + "(TikTok Shop also fetches the message through the API), IngestService commits, the service answers; "
        + "ack time is measured at the platform side. Command (from the repository root):\n\n"
        + "```\nscripts/bench-adapters.sh 2000 4\n```\n\n" + table + "\n" + end;
    String text = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n";
    int i = text.indexOf(begin);
    int j = text.indexOf(end);
    text = i >= 0 && j > i ? text.substring(0, i) + section + text.substring(j + end.length())
        : text.stripTrailing() + "\n\n" + section + "\n";
    Files.writeString(file, text);
    System.out.println("Written to " + file.toAbsolutePath().normalize());
  }

  private static AccountConfig account(String id, String platform, String shopId, String api, AccountCredentials c,
                                       Map<String, String> options) {
    // The polling backstop is pushed out of the measurement window: this measures the push path alone.
    Map<String, String> withOptions = new java.util.HashMap<>(options);
    withOptions.put("pollIntervalSeconds", "3600");
    return new AccountConfig(id, platform, shopId, id, "MY", "Asia/Kuala_Lumpur", api, "self:/webhooks/" + platform,
        c, withOptions);
  }

  private static UniboxConfig config(List<AccountConfig> accounts) {
    return new UniboxConfig(
        new UniboxConfig.HttpConfig("127.0.0.1", 0),
        new UniboxConfig.DatabaseConfig("", Path.of("target/bench-unused/pg"), 8),
        new UniboxConfig.AuthConfig("bench-jwt-secret-that-is-long-enough-0123", 12, "admin", "bench-admin-pass"),
        new UniboxConfig.RoutingConfig(5, 2000),
        new UniboxConfig.OutboxConfig(5, 500, 60_000, 1000),
        Path.of("../config/classification.yaml"),
        new UniboxConfig.DemoConfig(false, 0, 0, "", List.of()),
        accounts);
  }
}
