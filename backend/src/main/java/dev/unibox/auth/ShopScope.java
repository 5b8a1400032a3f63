package dev.unibox.auth;

import io.vertx.sqlclient.Tuple;
import java.util.List;

/**
 * The shops a query reads: every shop, or these account ids. In SQL: {@code ($n OR x.account_id = ANY($n+1))}.
 *
 * @see CurrentUser#shops()
 */
public record ShopScope(boolean everyShop, List<String> accounts) {

  /** One shop, for a caller already checked to serve it ({@link CurrentUser#mayServe}). */
  public static ShopScope only(String accountId) {
    return new ShopScope(false, List.of(accountId));
  }

  /** Appends $n (every shop) and $n+1 (the account ids). */
  public Tuple addTo(Tuple t) {
    return t.addBoolean(everyShop).addArrayOfString(accountArray());
  }

  public String[] accountArray() {
    return accounts.toArray(String[]::new);
  }
}
