package dev.unibox.planning;

import dev.unibox.auth.CurrentUser;
import dev.unibox.web.ApiException;
import io.vertx.sqlclient.Tuple;
import java.util.List;

/**
 * The shops a plan reads: the one asked for, else every shop the caller may see (as the reports scope a
 * supervisor). In SQL: {@code ($n OR x.account_id = ANY($n+1))}.
 */
record ShopScope(boolean everyShop, List<String> accounts) {

  /** 403 for a shop the caller does not serve. */
  static ShopScope of(CurrentUser user, String account) {
    if (account != null && !user.mayServe(account)) {
      throw ApiException.forbidden("This shop is not yours");
    }
    return account != null ? new ShopScope(false, List.of(account))
        : new ShopScope(user.allAccounts(), List.copyOf(user.accountIds()));
  }

  Tuple params() {
    return Tuple.tuple().addBoolean(everyShop).addArrayOfString(accounts.toArray(String[]::new));
  }
}
