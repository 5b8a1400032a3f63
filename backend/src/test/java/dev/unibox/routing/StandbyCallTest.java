package dev.unibox.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Whom automatic surge calls for the buyers waiting: the fewest standby agents who seat them. No database. */
class StandbyCallTest {

  private static final Instant T = Instant.parse("2026-11-11T12:00:00Z");

  private static AgentSeat agent(long id, int active, int max, String... languages) {
    return new AgentSeat(id, "a" + id, new AgentReach(true, Set.of(), Set.of(languages), Set.of(), null), active, max, 0);
  }

  private static List<Candidate> buyers(String language, int n, String account) {
    List<Candidate> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new Candidate(i, account, "shopee", language, null, 0, null, null, T, T));
    }
    return out;
  }

  private static Map<String, AgentSeat> pool(Object... nameAndAgent) {
    Map<String, AgentSeat> out = new LinkedHashMap<>();
    for (int i = 0; i < nameAndAgent.length; i += 2) {
      out.put((String) nameAndAgent[i], (AgentSeat) nameAndAgent[i + 1]);
    }
    return out;
  }

  @Test
  void callsOnlyAsManyAgentsAsTheWaitingBuyersFill() {
    Map<String, AgentSeat> standby = pool("ana", agent(1, 0, 5), "ben", agent(2, 0, 5), "cai", agent(3, 0, 5));
    assertThat(StandbyCall.pick(buyers("ms", 3, "shopee-my-01"), standby)).containsExactly("ana");
    assertThat(StandbyCall.pick(buyers("ms", 6, "shopee-my-01"), pool("ana", agent(1, 0, 5), "ben", agent(2, 0, 5),
        "cai", agent(3, 0, 5)))).containsExactly("ana", "ben");
    assertThat(StandbyCall.pick(List.of(), pool("ana", agent(1, 0, 5)))).isEmpty();
  }

  @Test
  void anAgentStillHoldingChatsBringsOnlyTheirFreeSeats() {
    Map<String, AgentSeat> standby = pool("ana", agent(1, 4, 5), "ben", agent(2, 0, 5));
    assertThat(StandbyCall.pick(buyers("ms", 3, "shopee-my-01"), standby)).containsExactly("ana", "ben");
  }

  @Test
  void callsTheAgentWhoCanTakeTheMostOfTheBuyersWaitingAndNobodyForABuyerNoneCanRead() {
    List<Candidate> waiting = new ArrayList<>(buyers("th", 2, "lazada-th-01"));
    waiting.addAll(buyers("vi", 1, "shopee-my-01"));
    waiting.addAll(buyers("zh", 6, "shopee-tw-01"));
    Map<String, AgentSeat> standby = pool("thai", agent(1, 0, 5, "th"), "chinese", agent(2, 0, 5, "zh"),
        "both", agent(3, 0, 5, "zh", "th"));
    // "both" takes the two Thai buyers and three Chinese, "chinese" the other three: two calls, the Thai specialist
    // stays on standby; the Vietnamese buyer calls nobody
    assertThat(StandbyCall.pick(waiting, standby)).containsExactly("both", "chinese");
  }

  @Test
  void shopScopeCountsAsInARoutingPass() {
    AgentSeat taiwanOnly = new AgentSeat(1, "tw", new AgentReach(false, Set.of("shopee-tw-01"), Set.of(), Set.of(), null), 0, 5, 0);
    Map<String, AgentSeat> standby = pool("tw", taiwanOnly, "any", agent(2, 0, 5));
    assertThat(StandbyCall.pick(buyers("ms", 2, "shopee-my-01"), standby)).containsExactly("any");
  }
}
