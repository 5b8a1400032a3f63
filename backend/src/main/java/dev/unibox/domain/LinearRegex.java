package dev.unibox.domain;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * Every regular expression an operator or admin can configure (spam patterns, the order-number pattern,
 * {@code re:} classification terms) is compiled here, with RE2/J: matching time is linear in the input,
 * so no pattern can stall a thread by backtracking. RE2 has no backreferences or lookaround; such a
 * pattern is refused when it is saved or loaded.
 */
public final class LinearRegex {

  public static final int MAX_LENGTH = 500;

  private LinearRegex() {
  }

  /** @throws IllegalArgumentException with a message fit for the person who wrote the pattern */
  public static Pattern compile(String regex, boolean caseInsensitive) {
    if (regex == null || regex.isBlank() || regex.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("a regular expression of at most " + MAX_LENGTH + " characters");
    }
    try {
      return Pattern.compile(regex, caseInsensitive ? Pattern.CASE_INSENSITIVE : 0);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("not a valid regular expression (" + e.getDescription()
          + "; backreferences and lookaround are not supported)");
    }
  }

  public static Pattern compile(String regex) {
    return compile(regex, false);
  }

  /** @return null when valid, else what is wrong */
  public static String problem(String regex) {
    try {
      compile(regex);
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }
}
