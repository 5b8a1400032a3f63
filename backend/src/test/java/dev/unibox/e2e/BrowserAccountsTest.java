package dev.unibox.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unibox.signals.Addresses;
import dev.unibox.testing.InboxTest;
import dev.unibox.testing.TestInbox;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The admin Accounts page in a real browser (frontend/e2e/accounts.e2e.mjs, system Chromium): health rows, a
 * dead-token alert arriving live over the socket, pause and resume.
 */
@InboxTest
class BrowserAccountsTest {

  private TestInbox inbox;
  private Process browser;

  @AfterEach
  void stop() throws Exception {
    if (browser != null && browser.isAlive()) {
      browser.destroyForcibly();
    }
  }

  @Test
  void adminSeesHealthGetsTheDeadTokenAlertLiveAndPausesAndResumes() throws Exception {
    File script = new File("../frontend/e2e/accounts.e2e.mjs");
    assertThat(script).exists();
    ProcessBuilder pb = new ProcessBuilder("node", script.getPath()).redirectError(ProcessBuilder.Redirect.INHERIT);
    pb.environment().put("BASE_URL", inbox.app.baseUrl());
    pb.environment().put("ADMIN_USER", "admin");
    pb.environment().put("ADMIN_PASS", TestInbox.ADMIN_PASSWORD);
    pb.environment().put("DEAD_ACCOUNT", TestInbox.ACCOUNT_MY);
    pb.environment().put("OTHER_ACCOUNT", TestInbox.ACCOUNT_TW);
    pb.environment().put("SCREENSHOT_DIR", new File("target/e2e-screenshots").getAbsolutePath());
    browser = pb.start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    List<String> seen = new CopyOnWriteArrayList<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(browser.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          seen.add(line);
          lines.add(line);
        }
      } catch (Exception ignored) {
        // process ended
      }
    });
    reader.setDaemon(true);
    reader.start();

    assertThat(next(lines, 90)).as("browser said %s", seen).isEqualTo("READY");
    inbox.shopee.expireAccessToken(TestInbox.SHOP_MY);
    inbox.shopee.expireRefreshToken(TestInbox.SHOP_MY);
    inbox.vertx.eventBus().publish(Addresses.POLL_KICK, TestInbox.ACCOUNT_MY);

    assertThat(next(lines, 90)).as("browser said %s", seen).isEqualTo("DONE");
    assertThat(browser.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(browser.exitValue()).isZero();
    assertThat(inbox.count("SELECT count(*) FROM accounts WHERE id = $1 AND status = 'active'", TestInbox.ACCOUNT_TW))
        .isEqualTo(1);
  }

  private static String next(BlockingQueue<String> lines, int seconds) throws InterruptedException {
    String line = lines.poll(seconds, TimeUnit.SECONDS);
    return line == null ? "(nothing within " + seconds + " s)" : line;
  }
}
