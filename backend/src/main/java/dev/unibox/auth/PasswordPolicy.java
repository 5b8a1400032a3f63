package dev.unibox.auth;

import java.nio.charset.StandardCharsets;

/**
 * What a password must be: 10 to 72 bytes in UTF-8. bcrypt reads only the first 72 bytes, so a longer
 * password would be silently truncated (and the library refuses it); it is refused with a 400 instead.
 */
public final class PasswordPolicy {

  public static final int MIN_CHARS = 10;
  public static final int MAX_BYTES = 72;

  private PasswordPolicy() {
  }

  public static boolean tooLong(String password) {
    return password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
  }

  /** @return null when acceptable for a new password, else why not */
  public static String problem(String password) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_CHARS) {
      return "a password needs at least " + MIN_CHARS + " characters";
    }
    if (tooLong(password)) {
      return "a password can be at most " + MAX_BYTES + " bytes (UTF-8)";
    }
    return null;
  }
}
