package dev.unibox.quality;

import dev.unibox.ingest.InboundHook;
import dev.unibox.quality.rules.RuleSet;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;

/**
 * What the quality features do with a new buyer message, inside the ingest transaction: an answer to an
 * open satisfaction invite is recorded as the rating (and the conversation stays solved); otherwise spam
 * is parked in the spam folder.
 */
record QualityInbound(QualityRules rules, SpamFolder spam, Satisfaction satisfaction)
    implements InboundHook {

  @Override
  public Future<Void> afterBuyerMessage(SqlConnection conn, Received r, Instant now) {
    RuleSet set = rules.forShop(r.platform(), r.accountId());
    String text = r.message().text() == null ? "" : r.message().text();
    return satisfaction.afterBuyerMessage(conn, r.conversationId(), r.accountId(), r.status(), r.messageId(), text,
            set.satisfaction(), now)
        .compose(rated -> rated ? Future.succeededFuture()
            : spam.afterBuyerMessage(conn, r.conversationId(), r.status(), r.messageId(), text, set.spam(), now));
  }
}
