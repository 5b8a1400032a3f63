package dev.unibox.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.Await;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestInbox;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The skills rule is written twice: in Java ({@link AgentReach#fits}: routing passes, surge, shift-end handovers) and
 * in SQL ({@link Seats}: a single transfer's seat). Over the same agents and every mix of shop, platform, language and
 * team, both must name the same agents.
 */
@InboxTest
class SeatRuleAgreementTest {

  private static final Instant NOW = Instant.parse("2026-11-11T12:00:00Z");
  private static final String MY = TestInbox.ACCOUNT_MY;
  private static final String TW = TestInbox.ACCOUNT_TW;

  private TestInbox inbox;
  private final Map<Long, AgentReach> reaches = new LinkedHashMap<>();

  @Test
  void theSqlSeatChoiceAndTheRoutingMatchNameTheSameAgentsForEveryConversation() throws Exception {
    agent("anyone", new AgentReach(true, Set.of(), Set.of(), Set.of(), null));
    agent("my-thai", new AgentReach(false, Set.of(MY), Set.of("th"), Set.of(), null));
    agent("tw-shopee", new AgentReach(false, Set.of(TW), Set.of("zh-Hant"), Set.of("shopee"), "tw"));
    agent("blue-en-ms", new AgentReach(true, Set.of(), Set.of("en", "ms"), Set.of("lazada", "shopee"), "blue"));
    agent("both-tiktok", new AgentReach(false, Set.of(MY, TW), Set.of("en"), Set.of("tiktok"), null));
    agent("blue-th-en", new AgentReach(true, Set.of(), Set.of("th", "en"), Set.of(), "blue"));

    int checked = 0;
    int nobody = 0;
    for (String account : List.of(MY, TW)) {
      for (String platform : List.of("shopee", "lazada", "tiktok")) {
        for (String language : Arrays.asList(null, "th", "en", "zh-Hant", "vi")) {
          for (String team : Arrays.asList(null, "blue", "tw")) {
            Set<Long> byJava = new TreeSet<>();
            reaches.forEach((id, reach) -> {
              if (reach.fits(account, language, platform, team)) {
                byJava.add(id);
              }
            });
            Set<Long> bySql = Await.result(everySeat(account, platform, language, team));
            assertThat(bySql).as("%s %s %s team %s", account, platform, language, team).isEqualTo(byJava);
            checked++;
            nobody += byJava.isEmpty() ? 1 : 0;
          }
        }
      }
    }
    assertThat(checked).isEqualTo(90);
    // the mixes cover both outcomes, so neither side can agree by always saying yes or no
    assertThat(nobody).isBetween(1, checked - 1);
  }

  /** An online agent with one free seat and this reach, written as the skills and user routes store it. */
  private void agent(String name, AgentReach reach) throws Exception {
    long id = inbox.createUser(name, "agent", 1, reach.allAccounts() ? new String[0]
        : reach.accounts().toArray(String[]::new));
    Await.result(new AgentSkills(List.copyOf(reach.languages()), List.copyOf(reach.platforms()), reach.team(), 1)
        .save(inbox.db.pool(), id));
    inbox.markOnline(id);
    reaches.put(id, reach);
  }

  /**
   * Every agent the SQL choice would seat, best first: each has one seat, so taking them one by one empties the
   * choice; rolled back after.
   */
  private Future<Set<Long>> everySeat(String account, String platform, String language, String team) {
    return inbox.db.pool().withConnection(c -> c.begin().compose(tx -> takeAll(c, account, platform, language, team,
        new TreeSet<>()).eventually(tx::rollback)));
  }

  private static Future<Set<Long>> takeAll(SqlConnection c, String account, String platform, String language,
                                           String team, Set<Long> taken) {
    return Seats.takeBest(c, account, platform, language, team, -1, NOW).compose(seat -> {
      if (seat.isEmpty()) {
        return Future.succeededFuture(taken);
      }
      taken.add(seat.get().agentId());
      return takeAll(c, account, platform, language, team, taken);
    });
  }
}
