package dev.unibox.accounts;

import dev.unibox.adapters.spi.AccountConfig;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;

/** Keeps the accounts table (no secrets) in step with the configured accounts. */
public final class AccountStore {

  private static final String UPSERT = """
      INSERT INTO accounts (id, platform, shop_id, shop_name, region, time_zone) VALUES ($1, $2, $3, $4, $5, $6)
      ON CONFLICT (id) DO UPDATE SET platform = EXCLUDED.platform, shop_id = EXCLUDED.shop_id,
        shop_name = EXCLUDED.shop_name, region = EXCLUDED.region, time_zone = EXCLUDED.time_zone""";

  private AccountStore() {}

  public static Future<Void> sync(SqlClient client, List<AccountConfig> accounts) {
    Future<Void> chain = Future.succeededFuture();
    for (AccountConfig a : accounts) {
      chain = chain.compose(v -> client.preparedQuery(UPSERT).execute(Tuple.from(new Object[] {a.accountId(),
          a.platform(), a.shopId(), a.shopName(), a.region(), a.timeZone()})).mapEmpty());
    }
    return chain;
  }
}
