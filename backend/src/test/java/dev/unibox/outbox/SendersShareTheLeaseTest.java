package dev.unibox.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.config.UniboxConfig;
import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestDatabases;
import dev.unibox.testing.TestInbox;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Several outbox senders, as on several nodes (each with its own connection pool, polling every few
 * milliseconds), share one outbox: every reply reaches Shopee exactly once, and the replies of one
 * conversation arrive in the order they were written.
 */
@InboxTest
class SendersShareTheLeaseTest {

  private static final int SENDERS = 4;
  private static final int CONVERSATIONS = 12;
  private static final int REPLIES_EACH = 4;

  private TestInbox inbox;
  private final List<Pool> pools = new ArrayList<>();
  private final List<String> deployments = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (String id : deployments) {
      Await.result(inbox.vertx.undeploy(id));
    }
    for (Pool pool : pools) {
      Await.result(pool.close());
    }
  }

  @Test
  void everyReplyIsSentOnceAndInOrderWhateverSenderClaimsIt() throws Exception {
    long mei = inbox.createUser("mei", "agent", CONVERSATIONS);
    String token = inbox.login("mei");
    inbox.markOnline(mei);
    for (int i = 0; i < CONVERSATIONS; i++) {
      Await.result(inbox.shopee.pushBuyerText(TestInbox.SHOP_MY, "8118" + (10 + i), "b" + i, "Ada stok? " + i));
    }
    inbox.awaitAssigned(mei, CONVERSATIONS);
    List<Long> ids = inbox.rows("SELECT id FROM conversations ORDER BY id").stream().map(r -> r.getLong(0)).toList();

    // the extra senders start before the replies exist, so they all compete for the same rows
    startSenders();

    for (int r = 0; r < REPLIES_EACH; r++) {
      List<Future<io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer>>> replies = new ArrayList<>();
      for (long id : ids) {
        replies.add(inbox.http.post("/api/conversations/" + id + "/replies").putHeader("Authorization", "Bearer " + token)
            .sendJsonObject(new JsonObject().put("text", "c" + id + " reply " + r)));
      }
      // each round is stored before the next, so the order within a conversation is known
      Await.result(Future.all(replies));
      assertThat(replies).allSatisfy(f -> assertThat(f.result().statusCode()).isEqualTo(202));
    }
    int total = CONVERSATIONS * REPLIES_EACH;
    Await.until("all sent", () -> inbox.count("SELECT count(*) FROM outbox WHERE status = 'sent'") == total);

    List<String> sent = inbox.shopee.acceptedSends().stream()
        .map(j -> j.getJsonObject("content").getString("text")).toList();
    assertThat(sent).hasSize(total).doesNotHaveDuplicates();
    Map<String, List<String>> perConversation = sent.stream()
        .collect(Collectors.groupingBy(t -> t.substring(0, t.indexOf(' ')), HashMap::new, Collectors.toList()));
    for (long id : ids) {
      assertThat(perConversation.get("c" + id)).containsExactly(
          "c" + id + " reply 0", "c" + id + " reply 1", "c" + id + " reply 2", "c" + id + " reply 3");
    }
    assertThat(inbox.count("SELECT count(*) FROM messages WHERE direction = 'out' AND status = 'sent'")).isEqualTo(total);
  }

  /** Deploys the extra senders, each on its own pool, polling every 5 ms. */
  private void startSenders() throws Exception {
    for (int i = 0; i < SENDERS; i++) {
      Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(4))
          .connectingTo(TestDatabases.options(inbox.db)).using(inbox.vertx).build();
      pools.add(pool);
      OutboxSender sender = new OutboxSender(pool, inbox.app.accounts(),
          new UniboxConfig.OutboxConfig(5, 20, 200, 5), Clock.systemUTC(), inbox.app.nodeId(),
          account -> true); // senders of the node that owns the accounts: only SKIP LOCKED keeps them apart
      deployments.add(Await.result(inbox.vertx.deployVerticle(sender)));
    }
  }
}
