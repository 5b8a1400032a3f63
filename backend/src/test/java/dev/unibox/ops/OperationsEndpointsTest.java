package dev.unibox.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.config.UniboxConfig.MetricsConfig;
import dev.unibox.config.UniboxConfig;
import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestInbox;
import dev.unibox.testing.TestInboxExtension;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The probes and the metrics port as an orchestrator and Prometheus see them: liveness and readiness
 * without login, the leases this node runs, metrics only with the bearer token, and the service's own
 * meters moving when a push is stored.
 */
@InboxTest
class OperationsEndpointsTest implements TestInboxExtension.Tuning {

  private static final String TOKEN = "scrape-token-0123456789";
  private TestInbox inbox;

  @Override
  public UniboxConfig tune(UniboxConfig c) {
    return c.withMetrics(new MetricsConfig(true, "127.0.0.1", 0, TOKEN));
  }

  @Test
  void probesAnswerWithoutLoginAndReadinessNamesTheLeasesHeld() throws Exception {
    assertThat(Await.result(inbox.http.get("/health/live").send()).statusCode()).isEqualTo(200);
    HttpResponse<Buffer> ready = Await.result(inbox.http.get("/health/ready").send());
    assertThat(ready.statusCode()).isEqualTo(200);
    JsonObject leases = ready.bodyAsJsonObject().getJsonArray("checks").stream().map(JsonObject.class::cast)
        .filter(c -> "leases".equals(c.getString("id"))).findFirst().orElseThrow();
    assertThat(leases.getJsonObject("data").getJsonArray("held").getList())
        .contains("account:" + TestInbox.ACCOUNT_MY, "account:" + TestInbox.ACCOUNT_TW, "job:sla", "job:shift-clock");
  }

  @Test
  void metricsNeedTheTokenAndCountStoredPushes() throws Exception {
    int port = inbox.app.metricsPort();
    assertThat(Await.result(inbox.http.get(port, "127.0.0.1", "/metrics").send()).statusCode()).isEqualTo(401);
    assertThat(Await.result(inbox.http.get(port, "127.0.0.1", "/metrics")
        .putHeader("Authorization", "Bearer wrong-token-000000000").send()).statusCode()).isEqualTo(401);

    Await.result(inbox.shopee.pushBuyerText(TestInbox.SHOP_MY, "7001", "Ada", "Barang rosak, saya nak refund"));
    Await.until("the push is stored", () -> {
      try {
        return inbox.count("SELECT count(*) FROM messages") == 1;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    assertThat(scrape(port)).contains("unibox_account_pushes_total{account=\"" + TestInbox.ACCOUNT_MY + "\"} 1.0")
        .contains("unibox_pushes_total{outcome=\"stored\",platform=\"shopee\"} 1.0")
        .contains("unibox_owned_leases").contains("unibox_queue_depth{priority=\"urgent\"}")
        .contains("unibox_push_ack_seconds_bucket");
  }

  private String scrape(int port) {
    try {
      return Await.result(inbox.http.get(port, "127.0.0.1", "/metrics")
          .putHeader("Authorization", "Bearer " + TOKEN).send()).bodyAsString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
