package dev.unibox.shifts;

import io.vertx.core.Future;

/**
 * The one shift model the rest of the server reads: the roster in force (imported from
 * {@code config/shifts.yaml}, then as a supervisor edits it). The SLA clock asks it to write every agent's
 * routing state; surge reads its standby pool; the router reads the states it wrote.
 */
public interface ShiftRoster {

  /** The roster in force now. */
  Roster roster();

  /**
   * Re-reads the stored roster and writes every user's shift state for now from it (standby follows
   * surge and the planned surge windows); kicks routing when someone became routable. Returns the roster it used.
   */
  Future<Roster> refreshStates();
}
