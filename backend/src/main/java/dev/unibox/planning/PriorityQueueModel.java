package dev.unibox.planning;

/**
 * Erlang C with two classes served urgent-first (non-preemptive): {@code seats} chat slots (agents × chats each),
 * Poisson arrivals, a mean seat time. An urgent buyer who finds every seat taken waits only for urgent buyers ahead,
 * so its wait beyond the all-busy chance is exponential with rate seats/S − λ urgent; the others take Cobham's mean
 * wait for the lower class, read as an exponential tail. Both are the textbook approximations a contact-centre
 * planner starts from; the simulation checks what they recommend.
 *
 * @param waitChance   the chance that a buyer finds every seat taken
 * @param urgentDecay  per second, the rate of an urgent buyer's exponential wait once waiting (0: the seats cannot
 *                     keep up)
 * @param regularDecay the same for the other buyers
 */
record PriorityQueueModel(double waitChance, double urgentDecay, double regularDecay) {

  /** One hour's queue: {@code perSecond} buyers, {@code urgentShare} of them urgent, each holding a seat that long. */
  static PriorityQueueModel of(int seats, double perSecond, double urgentShare, double seatSeconds) {
    double service = seats / seatSeconds;
    double urgentDecay = Math.max(0, service - perSecond * urgentShare);
    // Cobham: the mean wait of a waiting lower-class buyer is service / ((service − λ)(service − λ urgent))
    double regularDecay = service <= perSecond ? 0
        : (service - perSecond) * (service - perSecond * urgentShare) / service;
    return new PriorityQueueModel(waitChance(seats, perSecond * seatSeconds), urgentDecay, regularDecay);
  }

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
  double urgentWithin(double seconds) {
    return tail(urgentDecay, seconds);
  }

  /** Share of the other buyers who wait at most {@code seconds} for a seat. */
  double regularWithin(double seconds) {
    return tail(regularDecay, seconds);
  }

  private double tail(double decay, double seconds) {
    return 1 - waitChance * Math.exp(-decay * seconds);
  }
}
