package dev.unibox.planning;

/**
 * Erlang C with two classes served urgent-first (non-preemptive): {@code seats} chat slots (agents × chats each),
 * Poisson arrivals, a mean seat time. An urgent buyer who finds every seat taken waits only for urgent buyers ahead,
 * so its wait beyond the all-busy chance is exponential with rate seats/S − λ urgent; the others take Cobham's mean
 * wait for the lower class, read as an exponential tail. Both are the textbook approximations a contact-centre
 * planner starts from; the simulation checks what they recommend.
 */
final class PriorityQueueModel {

  private PriorityQueueModel() {}

  /** The chance that a buyer waits at all (Erlang C), 1 when the seats cannot keep up. */
  static double waitChance(int seats, double offeredLoad) {
    if (offeredLoad <= 0) {
      return 0;
    }
    if (seats <= offeredLoad) {
      return 1;
    }
    double blocking = 1;
    for (int n = 1; n <= seats; n++) {
      blocking = offeredLoad * blocking / (n + offeredLoad * blocking);
    }
    return seats * blocking / (seats - offeredLoad * (1 - blocking));
  }

  /** Share of urgent buyers who wait at most {@code seconds} for a seat. */
  static double urgentWithin(int seats, double perSecond, double urgentShare, double seatSeconds, double seconds) {
    double load = perSecond * seatSeconds;
    double service = seats / seatSeconds;
    double urgentRate = perSecond * urgentShare;
    if (service <= urgentRate) {
      return 0;
    }
    return tail(waitChance(seats, load), service - urgentRate, seconds);
  }

  /** Share of the other buyers who wait at most {@code seconds} for a seat. */
  static double regularWithin(int seats, double perSecond, double urgentShare, double seatSeconds, double seconds) {
    double service = seats / seatSeconds;
    if (perSecond <= 0) {
      return 1;
    }
    if (service <= perSecond) {
      return 0;
    }
    double meanWhenWaiting = service / ((service - perSecond) * (service - perSecond * urgentShare));
    return tail(waitChance(seats, perSecond * seatSeconds), 1 / meanWhenWaiting, seconds);
  }

  private static double tail(double waitChance, double rate, double seconds) {
    return 1 - waitChance * Math.exp(-rate * Math.max(0, seconds));
  }
}
