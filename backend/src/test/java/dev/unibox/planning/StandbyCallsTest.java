package dev.unibox.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which standby agents each planned hour calls, and the windows they make. */
class StandbyCallsTest {

  private static final Agent ZH = new Agent("a-zh", Set.of("zh"), 5);
  private static final Agent TH = new Agent("b-th", Set.of("th"), 5);
  private static final Agent ZH2 = new Agent("c-zh", Set.of("zh"), 5);
  private static final Agent TH2 = new Agent("d-th", Set.of("th"), 5);
  private static final List<Agent> POOL = List.of(ZH, TH, ZH2, TH2);

  /** 24 hours that lack nothing, except those given. */
  private static List<Coverage> day(Coverage... lacking) {
    List<Coverage> out = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      out.add(lack(h, Set.of(), 0, Map.of()));
    }
    for (Coverage c : lacking) {
      out.set(c.hour(), c);
    }
    return out;
  }

  private static Coverage lack(int hour, Set<String> onDuty, int agents, Map<String, Integer> speakers) {
    return new Coverage(hour, onDuty, Map.of(), agents, speakers);
  }

  @Test
  void anHourCallsTheFewestWhoCloseItsCountAndItsLanguages() {
    // two agents and one th speaker: b-th closes two of the three, then the first of the others
    List<List<String>> calls = StandbyCalls.perHour(day(lack(9, Set.of(), 2, Map.of("th", 1))), POOL);
    assertThat(calls.get(9)).containsExactly("a-zh", "b-th");
    // two th speakers and nothing more: both, not a third agent
    assertThat(StandbyCalls.perHour(day(lack(9, Set.of(), 2, Map.of("th", 2))), POOL).get(9))
        .containsExactly("b-th", "d-th");
    assertThat(calls.get(8)).isEmpty();
  }

  @Test
  void anAgentOnDutyInTheHourIsNeverCalled() {
    List<List<String>> calls = StandbyCalls.perHour(day(lack(9, Set.of("b-th"), 1, Map.of("th", 1))), POOL);
    assertThat(calls.get(9)).containsExactly("d-th");
    // nobody left who speaks vi: the count is closed, nobody is called for vi alone
    assertThat(StandbyCalls.perHour(day(lack(9, Set.of(), 1, Map.of("vi", 1))), POOL).get(9)).containsExactly("a-zh");
  }

  @Test
  void theSamePeopleAreCalledFromHourToHourAndSuchHoursMergeIntoOneWindow() {
    List<Coverage> hours = day(lack(19, Set.of(), 1, Map.of()), lack(20, Set.of(), 1, Map.of()),
        lack(21, Set.of(), 2, Map.of("th", 1)), lack(23, Set.of(), 1, Map.of()));
    List<List<String>> calls = StandbyCalls.perHour(hours, POOL);
    assertThat(SurgeWindow.of(calls)).containsExactly(new SurgeWindow(19, 21, List.of("a-zh")),
        new SurgeWindow(21, 22, List.of("a-zh", "b-th")), new SurgeWindow(23, 24, List.of("a-zh")));
  }

  @Test
  void theStandbyAlreadyInPlaceIsRankedAsTheProposalWouldHaveChosenIt() {
    List<Coverage> hours = day(lack(10, Set.of(), 1, Map.of("th", 1)), lack(20, Set.of(), 2, Map.of("zh", 2)));
    StandbyChoice proposed = StandbyChoice.choose(hours, List.of(), POOL);
    assertThat(proposed.proposed()).containsExactly("a-zh", "b-th", "c-zh");
    // applied: the same agents now in standby (in any order), and one the others leave nothing to close, last
    Agent idle = new Agent("0-idle", Set.of("vi"), 5);
    StandbyChoice again = StandbyChoice.choose(hours, List.of(ZH2, idle, TH, ZH), List.of(TH2));
    assertThat(again.proposed()).isEmpty();
    assertThat(again.ranked()).containsExactly(ZH, TH, ZH2, idle);
    assertThat(StandbyCalls.perHour(hours, again.ranked())).isEqualTo(StandbyCalls.perHour(hours, proposed.ranked()));
  }
}
