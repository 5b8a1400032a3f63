package dev.unibox.accounts;

import dev.unibox.store.SecretFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts credentials at rest with AES-256-GCM. The key comes from the environment variable
 * {@code UNIBOX_CREDENTIALS_KEY} (base64 of 32 bytes) or, when unset, from a key file next to the data
 * directory, created with owner-only permissions on first start. It is never stored in the database.
 */
public final class SecretBox {

  public static final String ENV = "UNIBOX_CREDENTIALS_KEY";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  public SecretBox(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException("The credentials key must be 32 bytes (base64 in " + ENV + ")");
    }
    this.key = new SecretKeySpec(key, "AES");
  }

  /** The key from {@code UNIBOX_CREDENTIALS_KEY}, else from {@code keyFile} (created when missing). */
  public static SecretBox fromEnvOrFile(Path keyFile) {
    String env = System.getenv(ENV);
    if (env != null && !env.isBlank()) {
      return new SecretBox(Base64.getDecoder().decode(env.trim()));
    }
    try {
      return new SecretBox(Base64.getDecoder().decode(SecretFile.readOrCreate(keyFile, () -> {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        return Base64.getEncoder().encodeToString(fresh);
      })));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read or create the credentials key file " + keyFile, e);
    }
  }

  public String encrypt(String plain) {
    if (plain == null) {
      return null;
    }
    try {
      byte[] nonce = new byte[12];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[nonce.length + sealed.length];
      System.arraycopy(nonce, 0, out, 0, nonce.length);
      System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
      return Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  public String decrypt(String sealedBase64) {
    if (sealedBase64 == null) {
      return null;
    }
    try {
      byte[] all = Base64.getDecoder().decode(sealedBase64);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
      return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("A stored credential cannot be decrypted: wrong " + ENV + " or key file?");
    }
  }
}
