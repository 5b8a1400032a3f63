package dev.unibox.domain;

/**
 * Makes any text a platform sends storable in PostgreSQL, which refuses U+0000 in {@code text} and cannot
 * encode a lone UTF-16 surrogate. Both become U+FFFD (the replacement character), so the message is
 * stored and an agent sees that something unreadable was there; everything else is kept as sent.
 * Applied once, where inbound platform messages enter ({@code InboundText}).
 */
public final class TextSanitizer {

  public static final char REPLACEMENT = '\uFFFD';

  private TextSanitizer() {
  }

  public static String storable(String text) {
    if (text == null || clean(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else if (c == 0 || Character.isSurrogate(c)) {
        out.append(REPLACEMENT);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean clean(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return false;
      }
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
