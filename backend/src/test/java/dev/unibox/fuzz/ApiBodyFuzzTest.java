package dev.unibox.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.Await;
import dev.unibox.testing.MutableClock;
import dev.unibox.testing.TestInbox;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every POST, PUT and PATCH route under /api, as the router lists them (a new route is fuzzed without
 * touching this class), called by an admin of every shop with path parameters naming things that exist,
 * and a body that is any JSON value (objects mostly keyed by the field names the service reads), JSON
 * under the wrong content type, malformed JSON, bytes that are not UTF-8, or nothing. Never a 5xx; a
 * refused request is a JSON {error, message} and changed no row (see docs/security.md, "Fuzzing").
 */
class ApiBodyFuzzTest {

  private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
      "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=fuzz", "");
  private static final List<String> STRANGE_IDS = List.of("0", "-1", "abc", "99999999999999999999", "1.5", "%00",
      "%E2%80%AE", "null", "%20", "..");

  private static Vertx vertx;
  private static TestInbox inbox;
  private static FuzzOutcome outcome;
  private static List<String[]> routes;
  private static Map<String, List<String>> existing;
  private static String token;

  /** One call: which route, which values for its path parameters, and the body. */
  record Call(int route, List<Integer> params, Object json, byte[] raw, String contentType) {
    @Override
    public String toString() {
      String[] r = routes.get(Math.floorMod(route, routes.size()));
      return r[0] + " " + path(r[1], params) + " [" + contentType + "] " + (raw != null
          ? "raw " + FuzzValues.printable(new String(raw, StandardCharsets.UTF_8))
          : FuzzValues.printable(FuzzValues.encode(json)));
    }
  }

  @BeforeContainer
  static void start() throws Exception {
    vertx = Vertx.vertx();
    inbox = TestInbox.start(vertx, new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
    outcome = new FuzzOutcome(inbox.db.pool());
    token = inbox.loginAdmin();
    long agent = inbox.createUser("fz-agent", "agent", 3);
    inbox.createUser("fz-lead", "supervisor", 3);
    assertThat(Await.result(inbox.signedShopeePush("fz-seed-1", "830001", "Is this in stock?"))).isEqualTo(200);
    inbox.put(token, "/api/teams/fz-team", new JsonObject().put("displayName", "Fuzz team")
        .put("accounts", new JsonArray().add(TestInbox.ACCOUNT_MY)).put("supervisors", new JsonArray().add("fz-lead"))
        .put("agents", new JsonArray().add("fz-agent")));
    existing = new LinkedHashMap<>();
    existing.put("conversations", ids("SELECT id::text FROM conversations ORDER BY id LIMIT 3"));
    existing.put("spam", existing.get("conversations"));
    existing.put("accounts", List.of(TestInbox.ACCOUNT_MY, TestInbox.ACCOUNT_TW));
    existing.put("agents", List.of(Long.toString(agent)));
    existing.put("quick-replies", ids("SELECT id::text FROM quick_replies ORDER BY id LIMIT 3"));
    existing.put("teams", ids("SELECT name FROM teams ORDER BY name LIMIT 3"));
    existing.put("rules", List.of("global", "platform:shopee", "shop:" + TestInbox.ACCOUNT_MY));
    existing.put("models", ids("SELECT version::text FROM classifier_models ORDER BY version DESC LIMIT 2"));
    routes = new ArrayList<>();
    for (String route : inbox.app.httpRoutes()) {
      String[] methodAndPath = route.split(" ", 2);
      if (List.of("POST", "PUT", "PATCH").contains(methodAndPath[0]) && methodAndPath[1].startsWith("/api/")) {
        routes.add(methodAndPath);
      }
    }
    assertThat(routes).as("write routes read from the router").hasSizeGreaterThan(20);
    outcome.settle();
    FuzzOutcome.noBlockedEventLoop("start");
  }

  @AfterContainer
  static void stop() throws Exception {
    if (inbox != null) {
      inbox.close();
      Await.result(vertx.close());
    }
    FuzzOutcome.noBlockedEventLoop("the API fuzzing");
  }

  @Provide
  Arbitrary<List<Call>> calls() {
    Arbitrary<Integer> route = Arbitraries.integers().between(0, routes.size() - 1);
    Arbitrary<List<Integer>> params = Arbitraries.integers().between(0, 99).list().ofSize(3);
    Arbitrary<Tuple.Tuple2<Object, byte[]>> body = Arbitraries.frequencyOf(
        Tuple.of(6, FuzzValues.json(3).map(v -> Tuple.of(v, (byte[]) null))),
        Tuple.of(1, FuzzValues.brokenBytes().map(b -> Tuple.of((Object) null, b))));
    Arbitrary<String> contentType = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.just(CONTENT_TYPES.get(0))), Tuple.of(1, Arbitraries.of(CONTENT_TYPES)));
    return Combinators.combine(route, params, body, contentType)
        .as((r, p, b, t) -> new Call(r, p, b.get1(), b.get2(), t)).list().ofSize(5);
  }

  /** Five calls a try, so the default number of tries covers the routes several times over. */
  @Property(shrinking = ShrinkingMode.OFF)
  void everyWriteRouteRefusesBadBodiesCleanly(@ForAll("calls") List<Call> calls) throws Exception {
    for (Call call : calls) {
      call(call);
    }
  }

  @Example
  void aFormBodyIsRefusedBeforeItIsDecoded() throws Exception {
    HttpResponse<Buffer> r = outcome.check("form body", () -> send("POST", "/api/surge",
        "application/x-www-form-urlencoded", ("x".repeat(5000) + "=1").getBytes(StandardCharsets.UTF_8)));
    assertThat(r.statusCode()).isEqualTo(415);
  }

  private void call(Call call) throws Exception {
    String[] route = routes.get(Math.floorMod(call.route(), routes.size()));
    String path = path(route[1], call.params());
    byte[] body = call.raw() != null ? call.raw() : FuzzValues.encode(call.json()).getBytes(StandardCharsets.UTF_8);
    HttpResponse<Buffer> r = outcome.check(call.toString(), () -> send(route[0], path, call.contentType(), body));
    if (r.statusCode() == 401 && !"/api/login".equals(path)) {
      token = inbox.loginAdmin(); // a call may legitimately end the admin's sessions
    }
    FuzzOutcome.noBlockedEventLoop(call.toString());
  }

  private static HttpResponse<Buffer> send(String method, String path, String contentType, byte[] body)
      throws Exception {
    var request = inbox.http.request(HttpMethod.valueOf(method), path).putHeader("Authorization", "Bearer " + token);
    if (!contentType.isEmpty()) {
      request.putHeader("Content-Type", contentType);
    }
    return Await.result(request.sendBuffer(Buffer.buffer(body)));
  }

  /** The route with each :param replaced by a thing that exists (mostly) or a strange id. */
  static String path(String route, List<Integer> picks) {
    String[] segments = route.split("/");
    int n = 0;
    for (int i = 1; i < segments.length; i++) {
      if (segments[i].startsWith(":")) {
        int pick = picks.get(Math.min(n++, picks.size() - 1));
        List<String> known = existing.getOrDefault(segments[i - 1], List.of());
        segments[i] = pick >= 85 || known.isEmpty() ? STRANGE_IDS.get(pick % STRANGE_IDS.size())
            : URLEncoder.encode(known.get(pick % known.size()), StandardCharsets.UTF_8);
      }
    }
    return String.join("/", segments);
  }

  private static List<String> ids(String sql) throws Exception {
    return inbox.rows(sql).stream().map(r -> r.getString(0)).toList();
  }
}
