package dev.unibox.quality.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Picking a text variant for a conversation's language, and filling {variables} in it. */
public final class Texts {

  private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

  private Texts() {}

  /** A variant and the language it is in. */
  public record Variant(String language, String text) {}

  /** A text with its variables filled; {@code missing} lists the variables left as {name}. */
  public record Rendered(String text, List<String> missing) {}

  /**
   * The variant for {@code wanted}: exact; for Traditional Chinese (zh-Hant, zh-TW) the Simplified text
   * converted; its base language; then {@code fallback}, English, the first one. Null when there is none.
   */
  public static Variant pick(Map<String, String> byLanguage, String wanted, String fallback) {
    if (byLanguage.isEmpty()) {
      return null;
    }
    if (wanted != null) {
      if (byLanguage.containsKey(wanted)) {
        return new Variant(wanted, byLanguage.get(wanted));
      }
      boolean traditional = wanted.equalsIgnoreCase("zh-Hant") || wanted.equalsIgnoreCase("zh-TW")
          || wanted.equalsIgnoreCase("zh-HK");
      if (traditional) {
        for (String key : byLanguage.keySet()) {
          if (key.equalsIgnoreCase("zh-Hant") || key.equalsIgnoreCase("zh-TW")) {
            return new Variant(key, byLanguage.get(key));
          }
        }
        if (byLanguage.containsKey("zh")) {
          return new Variant(wanted, ChineseVariants.toTraditional(byLanguage.get("zh")));
        }
      }
      String base = wanted.contains("-") ? wanted.substring(0, wanted.indexOf('-')) : wanted;
      if (byLanguage.containsKey(base)) {
        return new Variant(base, byLanguage.get(base));
      }
    }
    for (String lang : new String[] {fallback, "en"}) {
      if (lang != null && byLanguage.containsKey(lang)) {
        return new Variant(lang, byLanguage.get(lang));
      }
    }
    Map.Entry<String, String> first = byLanguage.entrySet().iterator().next();
    return new Variant(first.getKey(), first.getValue());
  }

  /** Replaces {name} by its value when {@code values} has a non-blank one; others stay and are listed. */
  public static Rendered render(String template, Map<String, String> values) {
    Matcher m = VARIABLE.matcher(template);
    StringBuilder out = new StringBuilder();
    List<String> missing = new ArrayList<>();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null || value.isBlank()) {
        if (!missing.contains(m.group(1))) {
          missing.add(m.group(1));
        }
        m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
      } else {
        m.appendReplacement(out, Matcher.quoteReplacement(value));
      }
    }
    m.appendTail(out);
    return new Rendered(out.toString(), List.copyOf(missing));
  }
}
