package dev.unibox.quality;

import dev.unibox.adapters.spi.InboundMessage;
import dev.unibox.ingest.InboundHook;
import dev.unibox.quality.rules.RuleSet;
import dev.unibox.quality.rules.SpamRules;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;

/**
 * What the quality features do with a new buyer message, inside the ingest transaction: an answer to an
 * open satisfaction invite is recorded as the rating (and the conversation stays solved); otherwise spam
 * is parked in the spam folder. The spam patterns run before the transaction ({@link #inspect}).
 */
record QualityInbound(QualityRules rules, SpamFolder spam, Satisfaction satisfaction)
    implements InboundHook {

  /** The shop's spam verdict on the message, worked out before the transaction. */
  record SpamVerdict(SpamRules.Verdict verdict) implements Findings {}

  /**
   * Before the transaction: the spam patterns of the message's shop. An account the rules have not loaded
   * yet (added since) gets none here; its message is checked in the transaction instead.
   */
  @Override
  public Findings inspect(InboundMessage message) {
    if (!rules.accounts().containsKey(message.accountId())) {
      return null;
    }
    SpamRules spamRules = rules.forAccount(message.accountId()).spam();
    return spamRules.configured() ? new SpamVerdict(spamRules.classify(text(message))) : null;
  }

  @Override
  public Future<Void> afterBuyerMessage(SqlConnection conn, Received r, Instant now) {
    RuleSet set = rules.forShop(r.platform(), r.accountId());
    String text = text(r.message());
    SpamRules.Verdict known = r.findings() instanceof SpamVerdict v ? v.verdict() : null;
    return satisfaction.afterBuyerMessage(conn, r.conversationId(), r.accountId(), r.status(), r.messageId(), text,
            set.satisfaction(), now)
        .compose(rated -> rated ? Future.succeededFuture()
            : spam.afterBuyerMessage(conn, r.conversationId(), r.status(), r.messageId(), text, set.spam(), known, now));
  }

  private static String text(InboundMessage message) {
    return message.text() == null ? "" : message.text();
  }
}
