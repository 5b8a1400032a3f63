package dev.unibox.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The planned day's demand: the history's arrivals per hour of day and language averaged over its days, scaled by
 * the multiplier and the peak; the history's urgent share, mean seat time and answer times (ten equal shares at its
 * deciles), or stated defaults where the history holds too few closed or answered chats to measure them.
 */
record Forecast(List<Demand> hours, double urgentShare, double seatSeconds, AnswerTimes answers, boolean defaults) {

  static final double DEFAULT_SEAT_SECONDS = 300;
  static final double DEFAULT_ANSWER_SECONDS = 30;
  /** Fewer closed (or answered) chats than this measure nothing. */
  static final int MIN_SAMPLES = 10;

  static Forecast of(ArrivalHistory.History history, int days, double multiplier, Peak peak) {
    boolean seatKnown = history.stays() >= MIN_SAMPLES && history.seatSeconds() != null && history.seatSeconds() > 0;
    boolean answerKnown = history.answered() >= MIN_SAMPLES && history.answerDeciles() != null;
    double seat = seatKnown ? history.seatSeconds() : DEFAULT_SEAT_SECONDS;
    AnswerTimes answer = answerKnown ? AnswerTimes.equalShares(history.answerDeciles())
        : AnswerTimes.single(DEFAULT_ANSWER_SECONDS);
    double urgentShare = history.conversations() == 0 ? 0 : (double) history.urgent() / history.conversations();
    List<Demand> hours = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      double scale = multiplier * (peak == null ? 1 : peak.factorOf(h)) / days;
      Map<String, Double> arrivals = new TreeMap<>();
      history.arrivals().getOrDefault(h, Map.of()).forEach((language, n) -> arrivals.put(language, n * scale));
      hours.add(new Demand(h, arrivals, urgentShare, seat, answer));
    }
    return new Forecast(hours, urgentShare, seat, answer, !seatKnown || !answerKnown);
  }
}
