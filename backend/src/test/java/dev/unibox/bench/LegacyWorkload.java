package dev.unibox.bench;

import dev.unibox.classification.Corpus;
import dev.unibox.classification.LabelledMessage;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The promotion day's buyers: a synthetic Double Eleven in Kuala Lumpur time, a normal day with a 10×
 * flash-sale peak 20:00–22:00, four shops in six languages, a realistic mix of pre-sale, in-sale, after-sale
 * and urgent questions, and returning buyers. The same seed gives the same arrivals.
 */
final class LegacyWorkload {

  static final ZoneId KL = ZoneId.of("Asia/Kuala_Lumpur");
  static final Instant DAY = LocalDateTime.parse("2026-11-11T00:00").atZone(KL).toInstant();

  private LegacyWorkload() {}

  record Shop(String accountId, String platform, String zone, double share, String[] languages, double[] weights) {}

  static final List<Shop> SHOPS = List.of(
      new Shop("shopee-my-01", "shopee", "Asia/Kuala_Lumpur", 0.40, new String[] {"ms", "en", "zh"}, new double[] {.5, .35, .15}),
      new Shop("shopee-tw-01", "shopee", "Asia/Taipei", 0.20, new String[] {"zh-Hant"}, new double[] {1}),
      new Shop("pdd-cn-01", "pinduoduo", "Asia/Shanghai", 0.25, new String[] {"zh"}, new double[] {1}),
      new Shop("lazada-th-01", "lazada", "Asia/Bangkok", 0.15, new String[] {"th", "en"}, new double[] {.8, .2}));

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

  /** Conversations per minute by hour of the day in Kuala Lumpur; 20:00–22:00 is the 10× flash-sale peak. */
  static double perMinute(int hour) {
    double normal = 5;
    if (hour >= 20 && hour < 22) {
      return normal * 10;
    }
    if (hour < 7) {
      return 0.8;
    }
    if (hour < 9) {
      return 2.5;
    }
    if (hour < 12 || (hour >= 14 && hour < 18)) {
      return 4.5;
    }
    return hour >= 22 ? 3 : normal;
  }

  /** One buyer's question: when, where, what, and the draws the simulated agent uses. */
  record Arrival(int index, long second, Shop shop, String language, Kind kind, String text, String buyer,
                 boolean returning, double readSeconds, double handleSeconds) {}

  static List<Arrival> arrivals(long seconds, long seed) {
    Random r = new Random(seed);
    List<Arrival> out = new ArrayList<>();
    List<String[]> pastBuyers = new ArrayList<>();       // {accountId, buyer, language}
    for (long s = 0; s < seconds; s++) {
      int hour = DAY.plusSeconds(s).atZone(KL).getHour();
      double lambda = perMinute(hour) / 60.0;
      int n = poisson(r, lambda);
      boolean peak = hour >= 20 && hour < 22;
      for (int i = 0; i < n; i++) {
        double u = r.nextDouble();
        Kind kind = peak
            ? (u < .30 ? Kind.PRE_SALE : u < .50 ? Kind.IN_SALE : u < .72 ? Kind.AFTER_SALE_URGENT : Kind.AFTER_SALE_OTHER)
            : (u < .45 ? Kind.PRE_SALE : u < .75 ? Kind.IN_SALE : u < .97 ? Kind.AFTER_SALE_URGENT : Kind.AFTER_SALE_OTHER);
        boolean returning = !pastBuyers.isEmpty() && r.nextDouble() < 0.15;
        Shop shop;
        String language;
        String buyer;
        if (returning) {
          String[] b = pastBuyers.get(r.nextInt(pastBuyers.size()));
          shop = SHOPS.stream().filter(x -> x.accountId().equals(b[0])).findFirst().orElseThrow();
          buyer = b[1];
          language = b[2];
        } else {
          shop = pick(r, SHOPS);
          language = shop.languages()[weighted(r, shop.weights())];
          buyer = "buyer-" + out.size();
          pastBuyers.add(new String[] {shop.accountId(), buyer, language});
        }
        String[] texts = TEXTS.get(language).get(kind);
        double read = 8 + r.nextDouble() * 12;
        double handle = switch (kind) {
          case PRE_SALE -> 100 + r.nextDouble() * 140;
          case IN_SALE -> 120 + r.nextDouble() * 160;
          case AFTER_SALE_URGENT -> 200 + r.nextDouble() * 260;
          case AFTER_SALE_OTHER -> 60 + r.nextDouble() * 90;
        };
        out.add(new Arrival(out.size(), s, shop, language, kind, texts[r.nextInt(texts.length)], buyer, returning,
            read, handle));
      }
    }
    return out;
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
