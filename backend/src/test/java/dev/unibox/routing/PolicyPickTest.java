package dev.unibox.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which agent each policy picks: skills, capacity, stickiness, spare seats, least loaded, fairness, rotation. No database. */
class PolicyPickTest {

  private static final Instant DUE = Instant.parse("2026-11-11T12:00:00Z");
  private final PriorityPolicy priority = new PriorityPolicy();
  private final FifoRoundRobinPolicy fifo = new FifoRoundRobinPolicy();

  private static AgentSeat seat(long id, int active, int max, long seq, Set<String> languages, Set<String> platforms,
                                String team, String... accounts) {
    return new AgentSeat(id, "a" + id, new AgentReach(accounts.length == 0, Set.of(accounts), languages, platforms, team),
        active, max, seq);
  }

  private static Candidate conv(String account, String platform, String language, String team, Long last) {
    return new Candidate(1, account, platform, language, team, 0, last, null, DUE, DUE);
  }

  private static Candidate passedBackBy(long agentId) {
    return new Candidate(1, "shopee-my-01", "shopee", "ms", null, 0, null, agentId, DUE, DUE);
  }

  @Test
  void onlyAgentsWhoseSkillsMatchAreEligible() {
    AgentSeat thai = seat(1, 0, 5, 0, Set.of("th"), Set.of(), null);
    AgentSeat englishShopee = seat(2, 0, 5, 0, Set.of("en", "ms"), Set.of("shopee"), null);
    AgentSeat twOnly = seat(3, 0, 5, 0, Set.of(), Set.of(), null, "shopee-tw-01");
    AgentSeat afterSaleTeam = seat(4, 3, 5, 0, Set.of(), Set.of(), "after-sale");
    List<AgentSeat> seats = List.of(thai, englishShopee, twOnly, afterSaleTeam);

    assertThat(priority.pick(seats, conv("shopee-my-01", "shopee", "th", null, null))).contains(thai);
    assertThat(priority.pick(List.of(englishShopee), conv("lazada-my", "lazada", "en", null, null))).isEmpty();
    assertThat(priority.pick(List.of(thai, englishShopee), conv("shopee-my-01", "shopee", "vi", null, null))).isEmpty();
    assertThat(priority.pick(List.of(twOnly), conv("shopee-my-01", "shopee", "en", null, null))).isEmpty();
    assertThat(priority.pick(seats, conv("shopee-my-01", "shopee", "en", "after-sale", null))).contains(afterSaleTeam);
    // unknown language: anyone with room and the shop
    assertThat(priority.pick(List.of(thai), conv("shopee-my-01", "shopee", null, null, null))).contains(thai);
    assertThat(fifo.pick(List.of(thai), conv("shopee-my-01", "shopee", "en", null, null))).isEmpty();
  }

  @Test
  void fullAgentsAreNeverPicked() {
    AgentSeat full = seat(1, 5, 5, 0, Set.of(), Set.of(), null);
    assertThat(priority.pick(List.of(full), conv("s", "shopee", "en", null, 1L))).isEmpty();
    assertThat(fifo.pick(List.of(full), conv("s", "shopee", "en", null, null))).isEmpty();
  }

  @Test
  void stickyToTheLastAgentWhenTheyHaveRoomEvenIfBusier() {
    AgentSeat busy = seat(1, 4, 5, 9, Set.of(), Set.of(), null);
    AgentSeat idle = seat(2, 0, 5, 1, Set.of(), Set.of(), null);
    assertThat(priority.pick(List.of(busy, idle), conv("s", "shopee", "en", null, 1L))).contains(busy);
    busy.activeCount = 5;
    assertThat(priority.pick(List.of(busy, idle), conv("s", "shopee", "en", null, 1L))).contains(idle);
    // stickiness never overrides skills
    AgentSeat wrongLanguage = seat(3, 0, 5, 0, Set.of("th"), Set.of(), null);
    assertThat(priority.pick(List.of(wrongLanguage, idle), conv("s", "shopee", "en", null, 3L))).contains(idle);
  }

  @Test
  void theAgentWhoSentItBackToTheQueueGetsItOnlyWhenNobodyElseCan() {
    AgentSeat leaver = seat(1, 0, 5, 0, Set.of(), Set.of(), null);
    AgentSeat busier = seat(2, 4, 5, 0, Set.of(), Set.of(), null);
    AgentSeat full = seat(3, 5, 5, 0, Set.of(), Set.of(), null);

    // the one who let it go is the least loaded, yet anyone else with room comes first
    assertThat(priority.pick(List.of(leaver, busier), passedBackBy(1))).contains(busier);
    assertThat(new DeadlinePolicy().pick(List.of(leaver, busier), passedBackBy(1))).contains(busier);
    // with nobody else free the buyer does not wait for it
    assertThat(priority.pick(List.of(leaver, full), passedBackBy(1))).contains(leaver);
    assertThat(priority.pick(List.of(leaver, busier), conv("shopee-my-01", "shopee", "ms", null, null)))
        .contains(leaver);
  }

  @Test
  void leastLoadedFirstThenLongestSinceLastAssignment() {
    AgentSeat half = seat(1, 2, 4, 0, Set.of(), Set.of(), null);
    AgentSeat lighter = seat(2, 1, 5, 7, Set.of(), Set.of(), null);
    assertThat(priority.pick(List.of(half, lighter), conv("s", "shopee", "en", null, null))).contains(lighter);
    AgentSeat a = seat(3, 0, 5, 20, Set.of(), Set.of(), null);
    AgentSeat b = seat(4, 0, 5, 10, Set.of(), Set.of(), null);
    assertThat(priority.pick(List.of(a, b), conv("s", "shopee", "en", null, null))).contains(b);
  }

  @Test
  void amongEquallyLoadedTheSpecialistIsPickedSoMultilingualAgentsStayFree() {
    AgentSeat polyglot = seat(1, 1, 5, 0, Set.of("en", "zh", "zh-Hant"), Set.of(), null);
    AgentSeat english = seat(2, 1, 5, 5, Set.of("en"), Set.of(), null);
    assertThat(priority.pick(List.of(polyglot, english), conv("s", "shopee", "en", null, null))).contains(english);
    english.activeCount = 2;
    assertThat(priority.pick(List.of(polyglot, english), conv("s", "shopee", "en", null, null))).contains(polyglot);
  }

  @Test
  void aBuyerOthersCanServeLeavesALanguagesLastFreeSeatsToThoseOnlyTheyCanServe() {
    // the only Traditional Chinese speaker has two free seats left; a Chinese-only agent is busier
    AgentSeat traditional = seat(1, 3, 5, 0, Set.of("zh-Hant", "zh"), Set.of(), null);
    AgentSeat chinese = seat(2, 4, 5, 0, Set.of("zh"), Set.of(), null);
    List<AgentSeat> seats = List.of(traditional, chinese);
    assertThat(priority.pick(seats, conv("s", "shopee", "zh", null, null))).contains(chinese);
    assertThat(priority.pick(seats, conv("s", "shopee", "zh-Hant", null, null))).contains(traditional);
    // with Traditional Chinese seats to spare elsewhere, the least loaded is picked again
    AgentSeat moreTraditional = seat(3, 0, 5, 0, Set.of("zh-Hant"), Set.of(), null);
    assertThat(priority.pick(List.of(traditional, chinese, moreTraditional), conv("s", "shopee", "zh", null, null)))
        .contains(traditional);
    // when nobody else can take the buyer, the scarce seat serves them
    chinese.activeCount = 5;
    assertThat(priority.pick(seats, conv("s", "shopee", "zh", null, null))).contains(traditional);
    // an agent without languages speaks every one: their last seats are spared the same way
    AgentSeat anyLanguage = seat(4, 3, 5, 0, Set.of(), Set.of(), null);
    AgentSeat english = seat(5, 4, 5, 0, Set.of("en"), Set.of(), null);
    AgentSeat thai = seat(6, 5, 5, 0, Set.of("th"), Set.of(), null);
    assertThat(priority.pick(List.of(anyLanguage, english, thai), conv("s", "shopee", "en", null, null)))
        .contains(english);
  }

  @Test
  void theDeadlinePolicyPicksAgentsLikeThePriorityPolicy() {
    DeadlinePolicy deadline = new DeadlinePolicy();
    AgentSeat busy = seat(1, 4, 5, 9, Set.of(), Set.of(), null);
    AgentSeat idle = seat(2, 0, 5, 1, Set.of(), Set.of(), null);
    AgentSeat thai = seat(3, 0, 5, 0, Set.of("th"), Set.of(), null);
    assertThat(deadline.pick(List.of(busy, idle, thai), conv("s", "shopee", "en", null, 1L))).contains(busy);
    assertThat(deadline.pick(List.of(busy, idle, thai), conv("s", "shopee", "en", null, null))).contains(idle);
    busy.activeCount = 5;
    idle.activeCount = 5;
    assertThat(deadline.pick(List.of(busy, idle, thai), conv("s", "shopee", "en", null, 1L))).isEmpty();
  }

  @Test
  void fifoRoundRobinTakesAgentsInTurnIgnoringLoadAndHistory() {
    AgentSeat busyButNext = seat(1, 4, 5, 1, Set.of(), Set.of(), null);
    AgentSeat idle = seat(2, 0, 5, 2, Set.of(), Set.of(), null);
    assertThat(fifo.pick(List.of(busyButNext, idle), conv("s", "shopee", "en", null, 2L))).contains(busyButNext);
    // the order each policy serves the queue in is proved by behaviour in QueueOrderTest, not by its SQL text
  }

  @Test
  void policiesAreChosenByNameAndUnknownNamesFail() {
    assertThat(RoutingPolicies.names())
        .containsExactly("priority", "fifo-round-robin", "deadline", "deadline-no-urgent-tier");
    assertThat(RoutingPolicies.byName("fifo-round-robin")).isInstanceOf(FifoRoundRobinPolicy.class);
    assertThat(RoutingPolicies.byName("deadline")).isInstanceOf(DeadlinePolicy.class);
    assertThat(RoutingPolicies.byName("deadline-no-urgent-tier").name()).isEqualTo("deadline-no-urgent-tier");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RoutingPolicies.byName("random"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("random");
  }
}
