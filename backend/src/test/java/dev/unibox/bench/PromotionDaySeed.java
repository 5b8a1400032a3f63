package dev.unibox.bench;

import static dev.unibox.bench.SimulatedDay.await;

import dev.unibox.accounts.AccountStore;
import dev.unibox.adapters.spi.AccountConfig;
import dev.unibox.adapters.spi.AccountCredentials;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a simulated day's fresh database starts with: the scenario's shop accounts, every agent (online, all shops,
 * with their languages) and the team lead.
 */
final class PromotionDaySeed {

  private PromotionDaySeed() {}

  /** Returns every agent's user id by username. */
  static Map<String, Long> seed(Pool pool, PromotionDayScenario day, PromotionDayTeam team) throws Exception {
    List<AccountConfig> accounts = day.shops().stream().map(s -> new AccountConfig(s.accountId(),
        s.platform(), "sim-" + s.accountId(), s.accountId(), "SIM", s.zone(), "https://sim.invalid",
        "https://sim.invalid/cb", new AccountCredentials("k", "s", "t", "r"), Map.of())).toList();
    await(AccountStore.sync(pool, accounts));
    Map<String, Long> userIds = new HashMap<>();
    for (PromotionDayTeam.Agent a : team.agents()) {
      Row row = await(pool.preparedQuery("""
          INSERT INTO users (username, display_name, role, password_hash, all_accounts, max_concurrent, presence, languages)
          VALUES ($1, $1, 'agent', 'x', true, $2, 'online', $3) RETURNING id""")
          .execute(Tuple.tuple().addString(a.username()).addInteger(a.capacity())
              .addArrayOfString(a.languages())))
          .iterator().next();
      userIds.put(a.username(), row.getLong(0));
    }
    await(pool.query("""
        INSERT INTO users (username, display_name, role, password_hash, all_accounts, max_concurrent)
        VALUES ('lead', 'Team lead', 'supervisor', 'x', true, 0)""").execute());
    return userIds;
  }
}
