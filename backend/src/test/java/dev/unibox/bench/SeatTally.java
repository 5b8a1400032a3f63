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

  void count(int busy, boolean onDuty, boolean buyersWaiting, double seconds) {
    busySeatSeconds += busy * seconds;
    availableSeatSeconds += (onDuty ? PromotionDayTeam.CAPACITY : busy) * seconds;
    if (buyersWaiting) {
      busyWhileWaiting += busy * seconds;
      availableWhileWaiting += (onDuty ? PromotionDayTeam.CAPACITY : busy) * seconds;
    }
  }

  /** Busy ÷ available seats while buyers wait: capacity left idle then is what routing can waste. */
  double utilisation() {
    return availableWhileWaiting == 0 ? 0 : busyWhileWaiting / availableWhileWaiting;
  }

  double occupancy() {
    return availableSeatSeconds == 0 ? 0 : busySeatSeconds / availableSeatSeconds;
  }

  double agentHours() {
    return availableSeatSeconds / PromotionDayTeam.CAPACITY / 3600;
  }
}
