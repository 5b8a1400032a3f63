package dev.unibox.bench;

import dev.unibox.domain.MessageClassifier;
import dev.unibox.domain.Priority;
import java.util.List;
import java.util.Locale;

/**
 * How the simulation's classifier did against the ground truth of the buyers' messages: urgent chats
 * missed (the buyer waits on the regular clock) and chats falsely raised to urgent (they jump the queue).
 */
record UrgencyTruth(int chats, int urgent, int missed, int falselyRaised) {

  static UrgencyTruth of(List<PromotionDayWorkload.Arrival> arrivals, MessageClassifier classifier) {
    int urgent = 0;
    int missed = 0;
    int falselyRaised = 0;
    for (PromotionDayWorkload.Arrival a : arrivals) {
      boolean truth = a.kind() == PromotionDayWorkload.Kind.AFTER_SALE_URGENT;
      boolean said = classifier.classify(a.text()).priority().level() >= Priority.URGENT.level();
      urgent += truth ? 1 : 0;
      missed += truth && !said ? 1 : 0;
      falselyRaised += !truth && said ? 1 : 0;
    }
    return new UrgencyTruth(arrivals.size(), urgent, missed, falselyRaised);
  }

  String table() {
    return """
        | urgency against ground truth | chats |
        |---|---|
        | truly urgent | %d |
        | urgent missed (classified normal) | %d (%s of urgent) |
        | falsely raised to urgent | %d (%s of the others) |
        """.formatted(urgent, missed, pct(missed, urgent), falselyRaised, pct(falselyRaised, chats - urgent));
  }

  private static String pct(int n, int of) {
    return of == 0 ? "–" : String.format(Locale.ROOT, "%.1f %%", 100.0 * n / of);
  }
}
