package dev.unibox.adapters.simulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What demo buyers type: for each topic and language, ways to open the conversation and follow-ups,
 * written the way buyers on Shopee in South-East Asia and Taiwan actually type (short, casual, mixed
 * punctuation), plus nudges when nobody answers and thanks. The phrases are data: demo-phrases.json.
 */
public final class DemoPhrases {

  public enum Language { EN, ZH_CN, ZH_TW, TH, VI, MS }

  public enum Topic {
    SIZE(false), COUPON_STACKING(false), STOCK(false),
    TRACKING(false), ADDRESS_CHANGE(false),
    REFUND(true), DAMAGED(true), WRONG_ITEM(true), NOT_RECEIVED(true);

    private final boolean urgent;

    Topic(boolean urgent) {
      this.urgent = urgent;
    }

    /** An after-sale complaint the shop must handle first. */
    public boolean urgent() {
      return urgent;
    }
  }

  public record Lines(List<String> openers, List<String> followUps) {}

  private static final Map<Topic, Map<Language, Lines>> CATALOGUE = new EnumMap<>(Topic.class);
  private static final Map<Language, List<String>> NUDGES = new EnumMap<>(Language.class);
  private static final Map<Language, List<String>> THANKS = new EnumMap<>(Language.class);

  private DemoPhrases() {}

  public static Lines lines(Topic topic, Language language) {
    return CATALOGUE.get(topic).get(language);
  }

  /** What a buyer types when nobody has answered yet. */
  public static List<String> nudges(Language language) {
    return NUDGES.get(language);
  }

  public static List<String> thanks(Language language) {
    return THANKS.get(language);
  }

  /** Reads the catalogue (demo-phrases.json beside this class); every topic and language must be in it. */
  private static void load() {
    JsonObject all;
    try (InputStream in = DemoPhrases.class.getResourceAsStream("demo-phrases.json")) {
      if (in == null) {
        throw new IllegalStateException("demo-phrases.json is missing");
      }
      all = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Topic topic : Topic.values()) {
      Map<Language, Lines> byLanguage = new EnumMap<>(Language.class);
      for (Language language : Language.values()) {
        JsonObject lines = all.getJsonObject("topics").getJsonObject(topic.name()).getJsonObject(language.name());
        byLanguage.put(language, new Lines(strings(lines.getJsonArray("openers")),
            strings(lines.getJsonArray("followUps"))));
      }
      CATALOGUE.put(topic, byLanguage);
    }
    for (Language language : Language.values()) {
      NUDGES.put(language, strings(all.getJsonObject("nudges").getJsonArray(language.name())));
      THANKS.put(language, strings(all.getJsonObject("thanks").getJsonArray(language.name())));
    }
  }

  private static List<String> strings(JsonArray array) {
    List<String> out = array.stream().map(String.class::cast).toList();
    if (out.isEmpty()) {
      throw new IllegalStateException("demo-phrases.json has an empty list");
    }
    return out;
  }

  static {
    load();
  }
}
