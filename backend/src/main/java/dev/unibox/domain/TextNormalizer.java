package dev.unibox.domain;

/**
 * Folds text for matching without changing its length, so that a match's offsets are offsets into the
 * original text (the composer highlights exactly what the agent typed): full-width ASCII becomes ASCII
 * (Ｎｏ．１ → no.1, ！→ !), the ideographic space a space, curly quotes straight ones, everything lower case.
 * Simplified/Traditional Chinese is handled on the term side (see {@link ChineseVariants}).
 */
public final class TextNormalizer {

  private TextNormalizer() {}

  public static String normalize(CharSequence text) {
    char[] out = new char[text.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = fold(text.charAt(i));
    }
    return new String(out);
  }

  public static char fold(char c) {
    if (c < 0x80) {
      return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
    if (c >= 0xFF01 && c <= 0xFF5E) {
      char ascii = (char) (c - 0xFEE0);
      return ascii >= 'A' && ascii <= 'Z' ? (char) (ascii + 32) : ascii;
    }
    return switch (c) {
      case '\u3000', '\u00A0' -> ' ';
      case '\u2018', '\u2019', '\u02BC' -> '\'';
      case '\u201C', '\u201D' -> '"';
      case '\u3002' -> '.';
      case '\u3001' -> ',';
      default -> Character.toLowerCase(c);
    };
  }

  /** A letter or digit of a script that separates words with spaces (Latin, Vietnamese…), after folding. */
  public static boolean isWordChar(char c) {
    if (c < 0x80) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    }
    if (c >= 0x0E00 && c <= 0x0E7F) {
      return false; // Thai: no spaces between words
    }
    return c < 0x2E80 && Character.isLetterOrDigit(c);
  }

  public static boolean isThai(char c) {
    return c >= 0x0E00 && c <= 0x0E7F;
  }

  /** Ends or separates a sentence or clause (after folding). */
  public static boolean isSentencePunctuation(char c) {
    return switch (c) {
      case '.', '!', '?', ',', ';', ':', '\n', '\r', '~', '…', '(', ')', '"', '\'' -> true;
      default -> false;
    };
  }
}
