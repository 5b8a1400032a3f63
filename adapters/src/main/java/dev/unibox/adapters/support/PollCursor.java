package dev.unibox.adapters.support;

import dev.unibox.adapters.spi.AdapterException;
import dev.unibox.adapters.spi.ErrorKind;
import java.util.LinkedHashMap;
import java.util.Map;

/** A poll cursor written as {@code key=value;key=value}, e.g. {@code w=1700000000;top=1700000100;pt=abc}. */
public final class PollCursor {

  private PollCursor() {}

  /**
   * The cursor's parts (empty for a blank cursor); MALFORMED "Not a {platform} poll cursor" when one of
   * {@code numericKeys} is present but not a whole number.
   */
  public static Map<String, String> parse(String cursor, String platform, String... numericKeys) {
    Map<String, String> out = new LinkedHashMap<>();
    if (cursor == null || cursor.isBlank()) {
      return out;
    }
    for (String part : cursor.split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        out.put(part.substring(0, eq), part.substring(eq + 1));
      }
    }
    try {
      for (String k : numericKeys) {
        if (out.containsKey(k)) {
          Long.parseLong(out.get(k));
        }
      }
    } catch (NumberFormatException e) {
      throw new AdapterException(ErrorKind.MALFORMED, null, "Not a " + platform + " poll cursor: " + cursor);
    }
    return out;
  }
}
