package dev.unibox.bench;

import dev.unibox.classification.Corpus;
import dev.unibox.bench.PromotionDayScenario.Shop;
import dev.unibox.classification.LabelledMessage;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A simulated day's buyers, drawn from a {@link PromotionDayScenario}: arrivals per second from the hourly curve
 * and its peaks, the shop and language by their shares, the kind of question by the urgency mix (the peak mix
 * inside a peak), returning buyers, and each conversation's reading and handling time. The same scenario and
 * seed give the same arrivals.
 */
final class PromotionDayWorkload {

  private PromotionDayWorkload() {}

  /** Ground truth: only an after-sale problem (damaged, missing, wrong, not working, refund…) is urgent. */
  enum Kind { PRE_SALE, IN_SALE, AFTER_SALE_URGENT, AFTER_SALE_OTHER }

  /**
   * Buyer texts per language and kind, from the classifier corpus's test split: messages the classifier
   * was never trained or tuned on. The engine classifies them itself; the corpus label is the ground truth.
   */
  static final Map<String, Map<Kind, String[]>> TEXTS = testSplitTexts();

  private static Map<String, Map<Kind, String[]>> testSplitTexts() {
    Map<String, Map<Kind, List<String>>> byLanguage = new HashMap<>();
    for (LabelledMessage m : Corpus.test()) {
      Kind kind = m.urgent() ? Kind.AFTER_SALE_URGENT : switch (m.category()) {
        case PRE_SALE -> Kind.PRE_SALE;
        case IN_SALE -> Kind.IN_SALE;
        case AFTER_SALE -> Kind.AFTER_SALE_OTHER;
      };
      byLanguage.computeIfAbsent(m.language(), k -> new HashMap<>()).computeIfAbsent(kind, k -> new ArrayList<>())
          .add(m.text());
    }
    Map<String, Map<Kind, String[]>> out = new HashMap<>();
    byLanguage.forEach((language, kinds) -> {
      Map<Kind, String[]> texts = new HashMap<>();
      kinds.forEach((kind, list) -> texts.put(kind, list.toArray(String[]::new)));
      out.put(language, texts);
    });
    return out;
  }

  /** One buyer's question: when, where, what, and the draws the simulated agent uses. */
  record Arrival(int index, long second, Shop shop, String language, Kind kind, String text, String buyer,
                 boolean returning, double readSeconds, double handleSeconds) {}

  static List<Arrival> arrivals(PromotionDayScenario day, long seconds, long seed) {
    Random r = new Random(seed);
    List<Arrival> out = new ArrayList<>();
    List<String[]> pastBuyers = new ArrayList<>();       // {accountId, buyer, language}
    List<Shop> shops = day.shops();
    Instant start = day.start();
    double[] normal = thresholds(day.mix());
    double[] inPeak = thresholds(day.peakMix());
    for (long s = 0; s < seconds; s++) {
      LocalTime time = start.plusSeconds(s).atZone(day.zone()).toLocalTime();
      int minute = time.getHour() * 60 + time.getMinute();
      PromotionDayScenario.Peak peak = day.peaks().stream().filter(p -> p.covers(minute)).findFirst().orElse(null);
      double lambda = day.perMinuteByHour()[time.getHour()] * (peak == null ? 1 : peak.multiplier()) / 60.0;
      int n = poisson(r, lambda);
      double[] mix = peak == null ? normal : inPeak;
      for (int i = 0; i < n; i++) {
        double u = r.nextDouble();
        Kind kind = u < mix[0] ? Kind.PRE_SALE : u < mix[1] ? Kind.IN_SALE : u < mix[2] ? Kind.AFTER_SALE_URGENT
            : Kind.AFTER_SALE_OTHER;
        boolean returning = !pastBuyers.isEmpty() && r.nextDouble() < day.returningShare();
        Shop shop;
        String language;
        String buyer;
        if (returning) {
          String[] b = pastBuyers.get(r.nextInt(pastBuyers.size()));
          shop = shops.stream().filter(x -> x.accountId().equals(b[0])).findFirst().orElseThrow();
          buyer = b[1];
          language = b[2];
        } else {
          shop = pick(r, shops);
          language = shop.languages()[weighted(r, shop.weights())];
          buyer = "buyer-" + out.size();
          pastBuyers.add(new String[] {shop.accountId(), buyer, language});
        }
        Map<Kind, String[]> byKind = TEXTS.get(language);
        if (byKind == null || byKind.get(kind) == null) {
          throw new IllegalArgumentException(day.file() + ": shop " + shop.accountId() + " has language '" + language
              + "' with no " + kind + " messages in the corpus test split (languages there: " + TEXTS.keySet() + ")");
        }
        String[] texts = byKind.get(kind);
        PromotionDayScenario.Draw readDraw = day.times().read();
        double read = readDraw.min() + r.nextDouble() * readDraw.range();
        PromotionDayScenario.Draw handleDraw = day.times().handle().get(kind);
        double handle = handleDraw.min() + r.nextDouble() * handleDraw.range();
        out.add(new Arrival(out.size(), s, shop, language, kind, texts[r.nextInt(texts.length)], buyer, returning,
            read, handle));
      }
    }
    return out;
  }

  /** Cumulative upper bounds of pre-sale, in-sale and urgent in [0, 1). */
  private static double[] thresholds(Map<Kind, Double> mix) {
    double pre = mix.get(Kind.PRE_SALE);
    double in = pre + mix.get(Kind.IN_SALE);
    return new double[] {pre, in, in + mix.get(Kind.AFTER_SALE_URGENT)};
  }

  private static int poisson(Random r, double lambda) {
    double l = Math.exp(-lambda);
    int k = 0;
    double p = 1;
    do {
      k++;
      p *= r.nextDouble();
    } while (p > l);
    return k - 1;
  }

  private static Shop pick(Random r, List<Shop> shops) {
    double u = r.nextDouble();
    for (Shop s : shops) {
      u -= s.share();
      if (u <= 0) {
        return s;
      }
    }
    return shops.get(shops.size() - 1);
  }

  private static int weighted(Random r, double[] w) {
    double u = r.nextDouble();
    for (int i = 0; i < w.length; i++) {
      u -= w[i];
      if (u <= 0) {
        return i;
      }
    }
    return w.length - 1;
  }
}
