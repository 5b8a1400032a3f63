package dev.unibox.classification;

import dev.unibox.domain.Classification;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

/**
 * After ingest classified a buyer message: remembers how sure the classifier was and raises the
 * conversation's "check urgency" flag when it was unsure (below {@link Classification#CHECK_BELOW}).
 */
public final class UrgencyCheck {

  private UrgencyCheck() {}

  /** A message that named nothing the judge weighs leaves the flag and confidence as they were. */
  public static Future<Void> record(SqlConnection conn, long conversationId, Classification cls) {
    if (!cls.informative()) {
      return Future.succeededFuture();
    }
    return ClassificationStore.mark(conn, conversationId, cls.checkUrgency(), cls.confidence());
  }
}
