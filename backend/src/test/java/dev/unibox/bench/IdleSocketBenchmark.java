package dev.unibox.bench;

import dev.unibox.auth.TokenService;
import dev.unibox.config.UniboxConfig;
import dev.unibox.testing.Await;
import dev.unibox.testing.NodeProcesses;
import dev.unibox.testing.TestInbox;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Resident memory of the server per idle authenticated agent socket (a benchmark, not a test). The client
 * ends live in a child JVM ({@link IdleSocketClient}), so the server's RSS holds only its own end of each
 * socket, and each process stays under the sandbox's 20,000 open files at 10,000 sockets.
 *
 * <p>Run: {@code scripts/bench-sockets.sh [sockets]}, which runs this once with permessage-deflate off (the
 * default) and once with it on, each in a fresh JVM.
 */
public final class IdleSocketBenchmark {

  private static final int SOCKETS_PER_USER = 100;

  public static void main(String[] args) {
    Harness.exitAfter(() -> run(Integer.parseInt(args[0]), "on".equals(args[1])));
  }

  private static void run(int count, boolean compression) throws Exception {
    Vertx vertx = Vertx.vertx();
    TestInbox inbox = TestInbox.start(vertx, Clock.systemUTC(), c -> new UniboxConfig(
        new UniboxConfig.HttpConfig("127.0.0.1", 0, compression, SOCKETS_PER_USER, List.of(), List.of()),
        c.database(), c.auth(), c.routing(), c.outbox(), c.classificationFile(), c.demo(), c.accounts()));
    Pool pool = inbox.db.pool();
    int users = Math.max(1, count / SOCKETS_PER_USER);
    int perUser = count / users;
    Await.result(pool.preparedQuery("""
        INSERT INTO users (username, display_name, role, password_hash, all_accounts, max_concurrent)
        SELECT 'idle' || g, 'Idle ' || g, 'agent', 'x', false, 0 FROM generate_series(1, $1) g""")
        .execute(Tuple.of(users)));
    TokenService tokens = new TokenService(vertx, "test-jwt-secret-that-is-long-enough-0123", 12, Clock.systemUTC());
    List<String> sessionTokens = new ArrayList<>();
    Await.result(pool.query("SELECT id FROM users WHERE username LIKE 'idle%' ORDER BY id").execute())
        .forEach(r -> sessionTokens.add(tokens.issue(r.getLong(0), 0)));
    long newest = Await.result(pool.query("SELECT event_log_horizon() - 1").execute()).iterator().next().getLong(0);

    long before = settledRss();
    Process client = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-cp", NodeProcesses.classPath(), IdleSocketClient.class.getName(), Integer.toString(inbox.app.httpPort()),
        Integer.toString(perUser), Long.toString(newest), compression ? "on" : "off")
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    Writer toClient = client.outputWriter(StandardCharsets.UTF_8);
    for (String token : sessionTokens) {
      toClient.write(token + "\n");
    }
    toClient.write("\n");
    toClient.flush();
    BufferedReader fromClient = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
    String ready = fromClient.readLine();
    while (ready != null && !ready.startsWith("ready ")) {
      ready = fromClient.readLine();  // the client's logging start-up
    }
    if (ready == null) {
      throw new IllegalStateException("the client ended without opening its sockets (its errors are above)");
    }
    long after = settledRss();
    long clientRss = rss(Path.of("/proc", Long.toString(client.pid()), "status"));
    toClient.close();
    String end = fromClient.readLine();
    client.waitFor();
    int opened = Integer.parseInt(ready.split(" ")[1]);

    String mode = compression ? "on" : "off";
    String body = String.format("""
        Command (from the repository root): `scripts/bench-sockets.sh %d`

        Run %s, %d cores (shared). %,d authenticated agent sockets (%d users × %d, each with its hello), \
        permessage-deflate %s, client ends in a child JVM: server JVM RSS +%,d KB, **%.1f KB per socket** \
        (the client JVM: %,d KB RSS in all). Client's check: %s, %s.
        """, count, LocalDate.now(), Runtime.getRuntime().availableProcessors(), opened, users, perUser, mode,
        (after - before) / 1024, (after - before) / 1024.0 / opened, clientRss / 1024, ready, end);
    System.out.println(body);
    BenchmarkDoc.writeSection("Idle sockets, permessage-deflate " + mode, body);
    inbox.close();
    vertx.close();
  }

  /** This JVM's resident memory after garbage collection has settled. */
  private static long settledRss() throws Exception {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rss(Path.of("/proc/self/status"));
  }

  private static long rss(Path status) throws Exception {
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    throw new IllegalStateException("no VmRSS in " + status);
  }
}
