package dev.unibox.quality.rules;

import java.util.Locale;

/** What a shop's policy does with a rule's findings. */
public enum Action {
  /** The rule is not applied. */
  OFF,
  /** The reply goes out; the finding is shown to the agent and recorded for the daily inspection report. */
  WARN,
  /** The reply is refused, unless the policy allows an override and the agent gives a reason. */
  BLOCK;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @return null when the text is not off, warn or block */
  public static Action ofWire(String s) {
    if (s == null) {
      return null;
    }
    return switch (s.trim().toLowerCase(Locale.ROOT)) {
      case "off", "false" -> OFF; // YAML 1.1 reads a bare off as false
      case "warn" -> WARN;
      case "block" -> BLOCK;
      default -> null;
    };
  }
}
