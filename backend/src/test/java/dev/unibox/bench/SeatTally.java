package dev.unibox.bench;

/**
 * Chat seats over the simulated day: busy seats against the seats of agents on duty (an agent off duty who
 * still holds chats counts only those), over the whole day and while at least one buyer waits in the queue.
 */
final class SeatTally {
  private double busySeatSeconds;
  private double availableSeatSeconds;
  private double busyWhileWaiting;
  private double availableWhileWaiting;

  private double agentSeconds;

  void count(int busy, int capacity, boolean onDuty, boolean buyersWaiting, double seconds) {
    busySeatSeconds += busy * seconds;
    availableSeatSeconds += (onDuty ? capacity : busy) * seconds;
    agentSeconds += (onDuty ? 1 : (double) busy / capacity) * seconds;
    if (buyersWaiting) {
      busyWhileWaiting += busy * seconds;
      availableWhileWaiting += (onDuty ? capacity : busy) * seconds;
    }
  }

  /**
   * Busy ÷ available seats while buyers wait: capacity left idle then is what routing can waste. When no buyer
   * ever waited in the queue no seat was idle while one did, so nothing was wasted: 1 (the row says so).
   */
  double utilisation() {
    return availableWhileWaiting == 0 ? 1 : busyWhileWaiting / availableWhileWaiting;
  }

  /**
   * Seat-hours on duty left idle while buyers waited: the same capacity as {@link #utilisation()} counts, as an
   * amount rather than a share, so a row that has fewer waiting moments is not charged for the busy ones it removed.
   */
  double idleSeatHoursWhileWaiting() {
    return (availableWhileWaiting - busyWhileWaiting) / 3600;
  }

  /** No buyer ever waited in the queue while the day was counted. */
  boolean nobodyWaited() {
    return availableWhileWaiting == 0;
  }

  double occupancy() {
    return availableSeatSeconds == 0 ? 0 : busySeatSeconds / availableSeatSeconds;
  }

  double agentHours() {
    return agentSeconds / 3600;
  }
}
