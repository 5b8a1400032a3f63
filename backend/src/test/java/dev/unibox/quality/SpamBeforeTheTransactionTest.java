package dev.unibox.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.adapters.spi.InboundMessage;
import dev.unibox.ingest.InboundHook;
import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestInbox;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The shop's spam patterns run before the ingest transaction, on the worker that classifies the message,
 * so no conversation is locked while they run; a shop the rules have not loaded yet gets no early verdict
 * (its message is checked in the transaction, as {@link SpamAndSatisfactionTest} shows end to end).
 */
@InboxTest
class SpamBeforeTheTransactionTest {

  private TestInbox inbox;

  @Test
  void theVerdictIsWorkedOutBeforeTheTransactionForALoadedShopOnly() throws Exception {
    QualityRules rules = new QualityRules(inbox.vertx, inbox.db.pool(),
        Path.of(System.getProperty("unibox.config.dir", "../config"), "quality"));
    Await.result(rules.start());
    try {
      InboundHook hook = new QualityInbound(rules, null, null);

      InboundHook.Findings junk = hook.inspect(buyer(TestInbox.ACCOUNT_MY, "Earn money fast!! bit.ly/x9k2 whatsapp me"));
      assertThat(junk).isInstanceOfSatisfying(QualityInbound.SpamVerdict.class,
          v -> assertThat(v.verdict().spam()).isTrue());

      InboundHook.Findings question = hook.inspect(buyer(TestInbox.ACCOUNT_MY, "Is the blue vase still in stock?"));
      assertThat(question).isInstanceOfSatisfying(QualityInbound.SpamVerdict.class,
          v -> assertThat(v.verdict().spam()).isFalse());

      assertThat(hook.inspect(buyer("shopee-added-a-minute-ago", "Earn money fast!! bit.ly/x9k2 whatsapp me")))
          .as("a shop the rules have not loaded").isNull();
    } finally {
      Await.result(rules.stop());
    }
  }

  private static InboundMessage buyer(String accountId, String text) {
    return new InboundMessage(accountId, "m-1", "c-1", "811900", "buyer", true, "text", text, Instant.now());
  }
}
