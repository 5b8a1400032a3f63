package dev.unibox.bench;

import dev.unibox.shifts.ShiftPlan;
import java.time.Instant;
import java.util.Map;

/**
 * Seat accounting: busy chat seats against the seats of agents on duty (on shift, or standby while surge
 * is on), over the whole window and while at least one buyer waits in the queue.
 */
final class SimUtilisation {

  private final SimTeam team;
  private final Map<String, Long> ids;
  private final Map<Long, Integer> load;
  private final int capacity;
  double busy;
  double available;
  double busyWhileWaiting;
  double availableWhileWaiting;

  SimUtilisation(SimTeam team, Map<String, Long> ids, Map<Long, Integer> load, int capacity) {
    this.team = team;
    this.ids = ids;
    this.load = load;
    this.capacity = capacity;
  }

  void add(Instant at, double seconds, boolean surgeActive, boolean buyersWait) {
    for (String agent : team.languages().keySet()) {
      int held = load.getOrDefault(ids.get(agent), 0);
      String state = team.plan().stateOf(agent, at, surgeActive);
      boolean onDuty = ShiftPlan.ON_SHIFT.equals(state) || ShiftPlan.STANDBY_ACTIVE.equals(state);
      double seats = (onDuty ? capacity : held) * seconds;
      busy += held * seconds;
      available += seats;
      if (buyersWait) {
        busyWhileWaiting += held * seconds;
        availableWhileWaiting += seats;
      }
    }
  }

  double whileWaiting() {
    return availableWhileWaiting == 0 ? 0 : busyWhileWaiting / availableWhileWaiting;
  }

  double occupancy() {
    return available == 0 ? 0 : busy / available;
  }

  double agentHours() {
    return available / capacity / 3600;
  }
}
