package dev.unibox.bench;

import dev.unibox.shifts.Handovers;
import dev.unibox.testing.Await;
import dev.unibox.testing.MutableClock;
import dev.unibox.testing.ShiftFixtures;
import dev.unibox.testing.TestInbox;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Benchmark harness (not a unit test): hands over 1,000 open conversations at a shift change, through
 * the real service on the embedded PostgreSQL, several times on fresh databases, and records the figures
 * in docs/benchmarks.md (section "Shift-change handover").
 *
 * <pre>mvn -q -pl backend -am test-compile exec:java -Dexec.skip=true -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.unibox.bench.HandoverBenchmark</pre>
 * Options: -Dhandover.conversations=1000 -Dhandover.runs=5
 */
public final class HandoverBenchmark {

  private static final String COMMAND = "mvn -q -pl backend -am test-compile exec:java -Dexec.skip=true -Dexec.classpathScope=test "
      + "-Dexec.mainClass=dev.unibox.bench.HandoverBenchmark";
  private static final String BEGIN = "<!-- handover-benchmark:begin -->";
  private static final String END = "<!-- handover-benchmark:end -->";

  public static void main(String[] args) {
    Harness.exitAfter(() -> run(args));
  }

  private static void run(String[] args) throws Exception {
    // exec:java runs in the directory mvn was started from (the project root), tests in backend/
    String root = Files.isDirectory(Path.of("config")) ? "." : "..";
    System.setProperty("unibox.config.dir", root + "/config");
    System.setProperty("benchmarks.file", System.getProperty("benchmarks.file", root + "/docs/benchmarks.md"));
    int conversations = Integer.getInteger("handover.conversations", 1000);
    int runs = Integer.getInteger("handover.runs", 5);
    Vertx vertx = Vertx.vertx();
    List<String> rows = new ArrayList<>();
    double[] millis = new double[runs];
    try {
      for (int run = 0; run <= runs; run++) { // run 0 warms the JVM and is not counted
        Result r = once(vertx, conversations);
        if (run > 0) {
          millis[run - 1] = r.millis;
          rows.add(String.format("| %d | %d | %d | %d | %.0f | %.0f | %.0f |", run, conversations, r.report.moved(),
              r.report.queued(), r.millis, conversations / (r.millis / 1000), r.roundTripMillis));
        }
        System.out.printf("run %d: %d conversations in %.0f ms (%d handed over, %d queued); 1000 x SELECT 1: %.0f ms%n",
            run, conversations, r.millis, r.report.moved(), r.report.queued(), r.roundTripMillis);
      }
    } finally {
      Await.result(vertx.close());
    }
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    double median = sorted[sorted.length / 2];
    System.out.printf("median %.0f ms for %d conversations (target < 2000 ms)%n", median, conversations);
    write(rows, median, conversations, sorted[sorted.length - 1]);
  }

  private record Result(double millis, Handovers.Report report, double roundTripMillis) {}

  /** 10 outgoing agents hold the conversations; 12 incoming agents have 70 seats each (840): the rest queue. */
  private static Result once(Vertx vertx, int n) throws Exception {
    Instant before = Instant.parse("2026-11-11T06:59:30Z");
    MutableClock clock = new MutableClock(before);
    try (TestInbox inbox = TestInbox.start(vertx, clock)) {
      List<Long> outgoing = new ArrayList<>();
      JsonArray morning = new JsonArray();
      JsonArray noon = new JsonArray();
      for (int i = 1; i <= 10; i++) {
        outgoing.add(inbox.createUser("m" + i, "agent", n));
        morning.add("m" + i);
      }
      for (int i = 1; i <= 12; i++) {
        inbox.createUser("n" + i, "agent", (int) Math.ceil(n * 0.84 / 12));
        noon.add("n" + i);
      }
      String admin = inbox.loginAdmin();
      JsonObject roster = new JsonObject().put("zone", "Asia/Kuala_Lumpur").put("shifts", new JsonArray()
          .add(new JsonObject().put("name", "morning").put("start", "07:00").put("end", "15:00").put("agents", morning))
          .add(new JsonObject().put("name", "noon").put("start", "15:00").put("end", "23:00").put("agents", noon))
          .add(new JsonObject().put("name", "evening").put("start", "23:00").put("end", "07:00")));
      int status = Await.result(inbox.http.put("/api/shifts").putHeader("Authorization", "Bearer " + admin)
          .sendJsonObject(roster)).statusCode();
      if (status != 200) {
        throw new IllegalStateException("roster not accepted: " + status);
      }
      Await.result(ShiftFixtures.openConversations(inbox.db.pool(), n, outgoing, before));
      Await.result(inbox.db.pool().query("UPDATE users SET presence = 'online' WHERE role = 'agent'").execute());
      Await.result(inbox.db.pool().query("VACUUM ANALYZE").execute());

      // calibration on the same machine and moment: 1,000 sequential round trips to the database
      long rt = System.nanoTime();
      for (int i = 0; i < 1000; i++) {
        Await.result(inbox.db.pool().query("SELECT 1").execute());
      }
      double roundTrips = (System.nanoTime() - rt) / 1e6;

      // the boundary: the shift clock sees 15:00 Kuala Lumpur pass and hands over
      clock.set(Instant.parse("2026-11-11T07:00:01Z"));
      long start = System.nanoTime();
      List<Handovers.Report> reports = Await.result(inbox.app.shifts().clock.tick());
      double ms = (System.nanoTime() - start) / 1e6;
      if (reports.size() != 1 || reports.get(0).moved() + reports.get(0).queued() != n) {
        throw new IllegalStateException("handover incomplete: " + reports);
      }
      long lost = inbox.count("SELECT count(*) FROM conversations WHERE status = 'assigned' AND assignee_id = ANY($1)",
          (Object) outgoing.toArray(Long[]::new));
      long notes = inbox.count("SELECT count(*) FROM activities WHERE type = 'handover_note'");
      if (lost != 0 || notes != n) {
        throw new IllegalStateException("left with outgoing agents: " + lost + ", notes: " + notes);
      }
      return new Result(ms, reports.get(0), roundTrips);
    }
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[0];
    } catch (Exception e) {
      return "unknown";
    }
  }

  private static void write(List<String> rows, double median, int n, double worst) throws Exception {
    Path file = Path.of(System.getProperty("benchmarks.file"));
    String cpu = Runtime.getRuntime().availableProcessors() + " cores";
    String section = BEGIN + "\n## Shift-change handover\n\n"
        + "Handing over " + n + " open conversations at a shift boundary: the shift clock sees the morning shift "
        + "end, and every conversation of its 10 agents moves (all-or-nothing each; 50 per transaction) through the router's seat "
        + "choice to one of 12 incoming agents (840 seats), or back to the queue at the head of its class, with its "
        + "activity, its prefilled handover note and its events. Real service, embedded PostgreSQL 18 (fsync and synchronous_commit on), "
        + cpu + ", one JVM; 1 warm-up run not counted. Target: under 2 s.\n\n"
        + "Command:\n\n```\n" + COMMAND + "\n```\n\n"
        + "| run | conversations | handed over | queued | ms | conversations/s | 1,000 × `SELECT 1` (ms) |\n"
        + "|---|---|---|---|---|---|---|\n"
        + String.join("\n", rows) + "\n\n"
        + String.format("**Median %.0f ms, worst %.0f ms** for %d conversations (%s the 2 s target).%n", median, worst, n,
            median < 2000 ? "within" : "NOT within")
        + "\nThe last column calibrates the machine at that moment (load from other work on the same 2 cores "
        + "shows up there first). Load average at the end: " + loadAverage() + ".\n"
        + END;
    String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n";
    int b = text.indexOf(BEGIN);
    int e = text.indexOf(END);
    text = b >= 0 && e > b ? text.substring(0, b) + section + text.substring(e + END.length())
        : text.stripTrailing() + "\n\n" + section + "\n";
    Files.writeString(file, text, StandardCharsets.UTF_8);
    System.out.println("written to " + file.toAbsolutePath().normalize());
  }
}
