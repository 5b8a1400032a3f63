package dev.unibox.quality;

import dev.unibox.adapters.spi.InboundMessage;
import dev.unibox.ingest.InboundHook;
import dev.unibox.quality.rules.RuleSet;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;

/**
 * What the quality features do with a new buyer message, inside the ingest transaction: an answer to an
 * open satisfaction invite is recorded as the rating (and the conversation stays solved); otherwise spam
 * is parked in the spam folder.
 */
final class QualityInbound implements InboundHook {

  private static final String CONVERSATION = """
      SELECT c.status, c.account_id, a.platform FROM conversations c JOIN accounts a ON a.id = c.account_id
      WHERE c.id = $1""";

  private final QualityRules rules;
  private final SpamFolder spam;
  private final Satisfaction satisfaction;

  QualityInbound(QualityRules rules, SpamFolder spam, Satisfaction satisfaction) {
    this.rules = rules;
    this.spam = spam;
    this.satisfaction = satisfaction;
  }

  @Override
  public Future<Void> afterBuyerMessage(SqlConnection conn, long conversationId, long messageId, InboundMessage m,
                                        Instant now) {
    return conn.preparedQuery(CONVERSATION).execute(Tuple.of(conversationId)).compose(rows -> {
      var r = rows.iterator().next();
      String status = r.getString("status");
      String accountId = r.getString("account_id");
      RuleSet set = rules.forShop(r.getString("platform"), accountId);
      String text = m.text() == null ? "" : m.text();
      return satisfaction.afterBuyerMessage(conn, conversationId, accountId, status, messageId, text, set.satisfaction(), now)
          .compose(rated -> rated ? Future.succeededFuture()
              : spam.afterBuyerMessage(conn, conversationId, status, messageId, text, set.spam(), now));
    });
  }
}
