package dev.unibox.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/** bcrypt (cost 11) from a maintained library; verification is constant-time inside the library. */
public final class PasswordHasher {

  private static final int COST = 11;
  /** A valid hash of a random password: verifying against it keeps unknown-user logins as slow as real ones. */
  private static final String DECOY = hash("decoy-" + System.nanoTime());

  private PasswordHasher() {}

  public static String hash(String password) {
    return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
  }

  public static boolean verify(String password, String hash) {
    return BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8),
        (hash == null ? DECOY : hash).getBytes(StandardCharsets.UTF_8)).verified && hash != null;
  }
}
