package dev.unibox.shifts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Shift times in their own zones, boundaries across midnight, the default file, and the prefilled note. */
class RosterAndDraftTest {

  private static final ZoneId KL = ZoneId.of("Asia/Kuala_Lumpur");

  @Test
  void shiftsCoverTheirHoursInTheirOwnZoneAndEndOnce() {
    Roster.Shift evening = new Roster.Shift("evening", LocalTime.of(23, 0), LocalTime.of(7, 0), KL, "lead", List.of("e1"));
    Roster.Shift taipei = new Roster.Shift("tw-morning", LocalTime.of(7, 0), LocalTime.of(15, 0), ZoneId.of("Asia/Taipei"),
        "", List.of("t1"));
    Roster roster = new Roster(KL, List.of(evening, taipei), List.of("s1"));
    assertThat(evening.covers(Instant.parse("2026-11-11T15:30:00Z"))).isTrue();  // 23:30 KL
    assertThat(evening.covers(Instant.parse("2026-11-11T22:59:00Z"))).isTrue();  // 06:59 KL next day
    assertThat(evening.covers(Instant.parse("2026-11-11T23:00:00Z"))).isFalse(); // 07:00 KL
    assertThat(evening.endsBetween(Instant.parse("2026-11-11T22:00:00Z"), Instant.parse("2026-11-12T22:00:00Z")))
        .containsExactly(Instant.parse("2026-11-11T23:00:00Z"));
    assertThat(roster.stateOf("t1", Instant.parse("2026-11-11T00:00:00Z"), false, Set.of())).isEqualTo(Roster.ON_SHIFT);
    assertThat(roster.stateOf("e1", Instant.parse("2026-11-11T00:00:00Z"), false, Set.of())).isEqualTo(Roster.OFF_SHIFT);
    assertThat(roster.stateOf("s1", Instant.parse("2026-11-11T00:00:00Z"), false, Set.of())).isEqualTo(Roster.STANDBY);
    assertThat(roster.stateOf("s1", Instant.parse("2026-11-11T00:00:00Z"), true, Set.of())).isEqualTo(Roster.STANDBY_ACTIVE);
    assertThat(roster.stateOf("nobody", Instant.parse("2026-11-11T00:00:00Z"), false, Set.of())).isEqualTo(Roster.UNROSTERED);
  }

  @Test
  void theDefaultFileHasThreeShiftsCoveringTheDayAndBadInputIsListed() throws Exception {
    Roster r = RosterFile.load(Path.of("../config/shifts.yaml"));
    assertThat(r.shifts()).extracting(Roster.Shift::name).containsExactly("morning", "noon", "evening");
    for (int h = 0; h < 24; h++) {
      Instant at = Instant.parse("2026-11-11T00:00:00Z").plusSeconds(h * 3600L);
      assertThat(r.current(at)).hasSize(1);
    }
    List<String> problems = new ArrayList<>();
    RosterFile.parse(new ObjectMapper().readTree("""
        {"zone": "Nowhere/City", "shifts": [{"name": "a", "start": "7am", "end": "15:00", "agents": [1]},
                                             {"name": "a", "start": "07:00", "end": "15:00"}], "standby": "x"}"""),
        problems);
    assertThat(problems).hasSize(5).anyMatch(p -> p.contains("appears twice")).anyMatch(p -> p.startsWith("zone"));
  }

  @Test
  void thePrefilledNoteNamesTheQuestionPromisesOrdersAndWhatIsPending() {
    Instant t = Instant.parse("2026-11-11T06:00:00Z");
    String note = HandoverDraft.build(List.of(
        new HandoverDraft.Line(true, "订单 240611ABCD1234 还没到，我要退款", t),
        new HandoverDraft.Line(false, "亲，我们会在今天内跟进快递", t.plusSeconds(60)),
        new HandoverDraft.Line(true, "Bila sampai? #99812", t.plusSeconds(120))), t.plusSeconds(600));
    assertThat(note).contains("Buyer asks (not answered yet): Bila sampai? #99812")
        .contains("我们会在今天内跟进快递").contains("240611ABCD1234").contains("99812")
        .contains("waited since 2026-11-11 06:02 UTC (8 min)");
    assertThat(HandoverDraft.build(List.of(), t)).contains("no buyer message yet").contains("Promised: nothing yet")
        .contains("Orders: none mentioned");
  }
}
