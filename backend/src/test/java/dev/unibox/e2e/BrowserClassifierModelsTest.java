package dev.unibox.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.testing.Await;
import dev.unibox.testing.BrowserScript;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestInbox;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin's Classifier page in a real browser (frontend/e2e/classifier-models.e2e.mjs, system Chromium):
 * retrain, see the new version inactive with its test-split scores, switch to it (the API then serves it as
 * the active version) and switch back. (Non-admins get 403 from these routes: ClassificationApiTest.)
 */
@InboxTest
class BrowserClassifierModelsTest {

  private TestInbox inbox;

  @Test
  void anAdminRetrainsSwitchesToTheNewVersionAndBack(@TempDir Path dir) throws Exception {
    // on a first start the corpus model trains in the background
    Await.until("the first model is trained", () -> activeVersions() == 1);
    long first = inbox.count("SELECT version FROM classifier_models WHERE active");
    String admin = inbox.loginAdmin();
    Path proceed = dir.resolve("api-checked");

    try (BrowserScript browser = inbox.browser("classifier-models.e2e.mjs", Map.of(
        "USER", "admin", "PASS", TestInbox.ADMIN_PASSWORD,
        "CONTINUE_FILE", proceed.toString()))) {
      assertThat(browser.lineAfter("VERSIONS ", 120)).isEqualTo("1");
      long trained = Long.parseLong(browser.lineAfter("TRAINED ", 120));
      assertThat(trained).isGreaterThan(first);
      assertThat(browser.lineAfter("SCORES ", 10)).matches("\\d+\\.\\d %");
      assertThat(Long.parseLong(browser.lineAfter("ACTIVE ", 60))).isEqualTo(trained);

      JsonObject listed = inbox.get(admin, "/api/classifier/models").bodyAsJsonObject();
      assertThat(listed.getLong("activeVersion")).isEqualTo(trained);
      assertThat(inbox.count("SELECT version FROM classifier_models WHERE active")).isEqualTo(trained);
      Files.createFile(proceed);

      assertThat(Long.parseLong(browser.lineAfter("BACK ", 60))).isEqualTo(first);
      browser.expectDone(10);
    }
    assertThat(inbox.get(admin, "/api/classifier/models").bodyAsJsonObject().getLong("activeVersion")).isEqualTo(first);
  }

  private long activeVersions() {
    try {
      return inbox.count("SELECT count(*) FROM classifier_models WHERE active");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
