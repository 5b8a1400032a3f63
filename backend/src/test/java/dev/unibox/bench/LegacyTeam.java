package dev.unibox.bench;

import static dev.unibox.bench.LegacyWorkload.KL;

import dev.unibox.shifts.Roster;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The promotion day's team: three shifts (morning 07–15, noon 15–23, evening 23–07) with language skills,
 * and a standby pool; every agent holds up to {@link #CAPACITY} chats.
 */
record LegacyTeam(Roster plan, List<LegacyTeam.Agent> agents) {

  static final int CAPACITY = 5;
  static final int STANDBY = 45;

  /** Language skills, hired roughly in proportion to demand (zh 31 %, zh-Hant 20 %, ms 20 %, en 17 %, th 12 %). */
  static final String[][] SKILLS = {{"zh", "en"}, {"zh-Hant", "zh"}, {"ms", "en"}, {"th", "en"}, {"zh", "ms", "en"},
      {"zh-Hant", "en"}, {"zh"}, {"ms"}, {"zh-Hant", "zh", "en"}, {"en", "ms", "th"}};

  record Agent(String username, String[] languages) {}

  static LegacyTeam hire() {
    List<Agent> agents = new ArrayList<>();
    List<Roster.Shift> shifts = new ArrayList<>();
    Object[][] layout = {{"morning", "07:00", "15:00", 7}, {"noon", "15:00", "23:00", 9}, {"evening", "23:00", "07:00", 3}};
    // the small night shift still covers every language
    String[][] night = {{"zh", "zh-Hant", "en"}, {"ms", "en", "th"}, {"zh", "ms", "en"}};
    int k = 0;
    for (Object[] s : layout) {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < (int) s[3]; i++) {
        String name = s[0] + "-" + i;
        agents.add(new Agent(name, "evening".equals(s[0]) ? night[i] : SKILLS[k++ % SKILLS.length]));
        names.add(name);
      }
      shifts.add(new Roster.Shift((String) s[0], LocalTime.parse((String) s[1]), LocalTime.parse((String) s[2]), KL,
          s[0] + "-lead", names));
    }
    List<String> standby = new ArrayList<>();
    for (int i = 0; i < STANDBY; i++) {
      String name = "standby-" + i;
      agents.add(new Agent(name, SKILLS[k++ % SKILLS.length]));
      standby.add(name);
    }
    return new LegacyTeam(new Roster(KL, shifts, standby), agents);
  }
}
