package dev.unibox.bench;

import dev.unibox.planning.Scenario;
import java.util.List;

/** A scenario made smaller for a quick run: the team scaled like the arrivals, and a narrower window of hours. */
final class ScenarioScale {

  private ScenarioScale() {}

  static Scenario apply(Scenario s, double scale, int[] hours) {
    List<Scenario.Shift> shifts = s.team().shifts().stream().map(x -> new Scenario.Shift(x.name(), x.start(), x.end(),
        first(x.agents(), scale))).toList();
    Scenario.Team team = new Scenario.Team(s.team().capacity(), shifts, first(s.team().standby(), scale));
    return new Scenario(s.name(), s.description(), s.seed(), s.zone(), s.date(), hours == null ? s.fromHour() : hours[0],
        hours == null ? s.toHour() : hours[1], s.shops(), s.returningBuyers(), s.mix(), s.peakHours(), s.peakMix(),
        s.handling(), team);
  }

  private static <T> List<T> first(List<T> all, double scale) {
    return all.subList(0, Math.min(all.size(), (int) Math.ceil(all.size() * scale)));
  }
}
