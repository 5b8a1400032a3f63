package dev.unibox.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

  @Test
  void encryptsWithAFreshNonceAndDecryptsBack(@TempDir Path dir) {
    SecretBox box = SecretBox.fromEnvOrFile(dir.resolve("credentials.key"));

    String a = box.encrypt("shop-refresh-token-123");
    String b = box.encrypt("shop-refresh-token-123");

    assertThat(a).isNotEqualTo(b).doesNotContain("shop-refresh-token-123");
    assertThat(box.decrypt(a)).isEqualTo("shop-refresh-token-123");
    assertThat(box.encrypt(null)).isNull();
  }

  @Test
  void theKeyFileIsCreatedOwnerOnlyAndReusedAcrossStarts(@TempDir Path dir) throws Exception {
    Path keyFile = dir.resolve("data/credentials.key");
    String sealed = SecretBox.fromEnvOrFile(keyFile).encrypt("partner-key");

    assertThat(Files.getPosixFilePermissions(keyFile))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(SecretBox.fromEnvOrFile(keyFile).decrypt(sealed)).isEqualTo("partner-key");
  }

  @Test
  void aWrongKeyOrATamperedCiphertextIsRefusedWithoutLeakingAnything(@TempDir Path dir) {
    String sealed = SecretBox.fromEnvOrFile(dir.resolve("one.key")).encrypt("secret-value");
    SecretBox other = SecretBox.fromEnvOrFile(dir.resolve("two.key"));
    byte[] raw = Base64.getDecoder().decode(sealed);
    raw[raw.length - 1] ^= 1;

    assertThatThrownBy(() -> other.decrypt(sealed)).hasMessageNotContaining("secret-value");
    assertThatThrownBy(() -> SecretBox.fromEnvOrFile(dir.resolve("one.key"))
        .decrypt(Base64.getEncoder().encodeToString(raw))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new SecretBox(new byte[16])).isInstanceOf(IllegalArgumentException.class);
  }
}
