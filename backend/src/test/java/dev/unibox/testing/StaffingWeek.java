package dev.unibox.testing;

import dev.unibox.shifts.Roster;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The staffing plan's week, shared by its API and browser tests: nine agents (maxConcurrent 2, their languages), an
 * early shift (ling, nur, siti, somchai; 06:00–09:00), a day shift (mei, arif, lee; 09:00–18:00) and an evening shift
 * (wei, kai; 18:00–24:00) in Kuala Lumpur, no standby,
 * and a week of closed conversations 3..9 November: hour 10 in shop MY (7 zh a day, with whole stays), hour 20 in
 * shop MY (14 zh and 7 urgent ms a day) and hour 21 in shop TW (7 zh a day). Outside that week: 30 th at 20:00 on the
 * 2nd, and 30 th at 08:00 on {@link #TODAY}, not over yet. Planned {@link #NOW} for {@link #DAY}, hour 20 lacks
 * agents and zh and ms speakers; the early shift is off then, free to stand by.
 */
public final class StaffingWeek {

  public static final ZoneId KL = ZoneId.of("Asia/Kuala_Lumpur");
  /** 12:00 on 10 November in Kuala Lumpur: the default plan is for the 11th, from 3..9 November. */
  public static final Instant NOW = Instant.parse("2026-11-10T04:00:00Z");
  public static final LocalDate TODAY = LocalDate.of(2026, 11, 10);
  public static final LocalDate DAY = TODAY.plusDays(1);
  public static final Roster ROSTER = new Roster(KL, List.of(
      new Roster.Shift("early", LocalTime.of(6, 0), LocalTime.of(9, 0), KL, "", List.of("ling", "nur", "siti", "somchai")),
      new Roster.Shift("day", LocalTime.of(9, 0), LocalTime.of(18, 0), KL, "", List.of("mei", "arif", "lee")),
      new Roster.Shift("evening", LocalTime.of(18, 0), LocalTime.of(0, 0), KL, "", List.of("wei", "kai"))),
      List.of());
  /** The agents and the languages they speak. */
  public static final Map<String, List<String>> AGENTS = Map.of("mei", List.of("zh"), "arif", List.of("ms"),
      "lee", List.of("zh"), "wei", List.of("zh"), "kai", List.of("zh", "en"), "ling", List.of("zh"),
      "nur", List.of("ms", "zh"), "siti", List.of("ms"), "somchai", List.of("th"));

  private StaffingWeek() {}

  /** Writes the agents, the roster (saved by the bootstrap admin) and the history into the inbox. */
  public static void seed(TestInbox inbox) throws Exception {
    for (var a : AGENTS.entrySet()) {
      inbox.createUser(a.getKey(), "agent", 2);
      inbox.count("UPDATE users SET languages = $2 WHERE username = $1 RETURNING 1", a.getKey(),
          a.getValue().toArray(String[]::new));
    }
    Await.result(inbox.app.shifts().rosters.replace(ROSTER, inbox.count("SELECT id FROM users WHERE username = 'admin'")));
    LocalDate first = LocalDate.of(2026, 11, 3);
    var pool = inbox.db.pool();
    PlanHistory.seed(pool, TestInbox.ACCOUNT_MY, "h10", first, 7, 10, 7, "zh", false, true);
    PlanHistory.seed(pool, TestInbox.ACCOUNT_MY, "h20zh", first, 7, 20, 14, "zh", false, false);
    PlanHistory.seed(pool, TestInbox.ACCOUNT_MY, "h20ms", first, 7, 20, 7, "ms", true, false);
    PlanHistory.seed(pool, TestInbox.ACCOUNT_TW, "h21", first, 7, 21, 7, "zh", false, false);
    PlanHistory.seed(pool, TestInbox.ACCOUNT_MY, "old", first.minusDays(1), 1, 20, 30, "th", false, false);
    PlanHistory.seed(pool, TestInbox.ACCOUNT_MY, "today", TODAY, 1, 8, 30, "th", false, false);
  }
}
