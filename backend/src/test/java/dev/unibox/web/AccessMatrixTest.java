package dev.unibox.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestInbox;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The authorization matrix of docs/security.md covers every route the router really serves (a new
 * route without a row fails the build), and the holes it closed stay closed: a shop-limited admin
 * cannot widen their shops or act on another shop's account, a shop-limited supervisor cannot change
 * the roster or surge mode of every shop, and nobody lists accounts outside their shops.
 */
@InboxTest
class AccessMatrixTest {

  private static final Pattern ROW = Pattern.compile("^\\| `([A-Z]+) (/[^`]*)`", Pattern.MULTILINE);

  private TestInbox inbox;

  @Test
  void everyRouteTheRouterServesHasARowInTheMatrix() throws Exception {
    String doc = Files.readString(Path.of("../docs/security.md"));
    Set<String> documented = new LinkedHashSet<>();
    Matcher m = ROW.matcher(doc);
    while (m.find()) {
      documented.add(m.group(1) + " " + m.group(2));
    }
    Set<String> served = new LinkedHashSet<>(inbox.app.httpRoutes());
    assertThat(served).as("routes read from the router").contains("POST /api/login", "POST /webhooks/:platform");
    assertThat(documented).as("rows of docs/security.md's authorization matrix").containsAll(served);
  }

  @Test
  void shopLimitedAdminsAndSupervisorsCannotReachBeyondTheirShops() throws Exception {
    inbox.createUser("ada", "admin", 3, TestInbox.ACCOUNT_MY);
    inbox.createUser("sam", "supervisor", 3, TestInbox.ACCOUNT_MY);
    String ada = inbox.login("ada");
    String sam = inbox.login("sam");

    assertThat(put(ada, "/api/teams/grab", new JsonObject().put("displayName", "All mine")
        .put("accounts", new JsonArray().add(TestInbox.ACCOUNT_MY).add(TestInbox.ACCOUNT_TW))
        .put("supervisors", new JsonArray().add("ada"))).statusCode()).isEqualTo(403);
    assertThat(inbox.count("SELECT count(*) FROM teams WHERE name = 'grab'")).isZero();
    assertThat(inbox.post(ada, "/api/admin/accounts/" + TestInbox.ACCOUNT_TW + "/pause", new JsonObject())
        .statusCode()).isEqualTo(403);
    assertThat(inbox.app.accounts().isPaused(TestInbox.ACCOUNT_TW)).isFalse();

    assertThat(inbox.post(sam, "/api/surge", new JsonObject().put("mode", "on")).statusCode()).isEqualTo(403);
    assertThat(put(sam, "/api/shifts", new JsonObject().put("shifts", new JsonArray())).statusCode()).isEqualTo(403);
    JsonArray visible = inbox.get(sam, "/api/accounts").bodyAsJsonObject().getJsonArray("accounts");
    assertThat(visible.stream().map(a -> ((JsonObject) a).getString("id")).toList())
        .containsExactly(TestInbox.ACCOUNT_MY);
  }

  @Test
  void aRealAccountNeedsAnExplicitPublicCallbackUrl() throws Exception {
    String admin = inbox.loginAdmin();
    JsonObject account = new JsonObject().put("id", "shopee-sg-01").put("platform", "shopee").put("shopId", "330001")
        .put("shopName", "Real SG").put("timeZone", "Asia/Singapore")
        .put("apiBaseUrl", "https://partner.shopeemobile.com")
        .put("credentials", new JsonObject().put("appKey", "1").put("appSecret", "s"));
    var refused = inbox.post(admin, "/api/admin/accounts", account);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.bodyAsJsonObject().getString("message")).contains("callbackUrl is required");
    assertThat(inbox.post(admin, "/api/admin/accounts", account.copy().put("callbackUrl", "self:/webhooks/shopee"))
        .statusCode()).isEqualTo(400);
    assertThat(inbox.count("SELECT count(*) FROM accounts WHERE id = 'shopee-sg-01'")).isZero();
  }

  private io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> put(String token, String path,
      JsonObject body) throws Exception {
    return dev.unibox.testing.Await.result(inbox.http.put(path).putHeader("Authorization", "Bearer " + token)
        .sendJsonObject(body));
  }
}
